package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.constructs.Construct;

/**
 * Every public construct of the library, found on the classpath (so a new one is covered without a new test),
 * refuses an id its scope already holds with a Tandem error, before it reads any of its settings.
 */
class DuplicateIdTest {

    static List<Class<?>> constructs() throws IOException, URISyntaxException {
        Path root = Path.of(GlobalTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path base = root.resolve("dev/tandem/constructs");
        try (Stream<Path> files = Files.walk(base)) {
            return files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(DuplicateIdTest::load)
                    .filter(c -> Construct.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                            && !Modifier.isAbstract(c.getModifiers()) && (builder(c) != null || constructor(c) != null))
                    .sorted(java.util.Comparator.comparing(Class::getSimpleName)).toList();
        }
    }

    @Test
    void theScanFindsEveryKindOfConstruct() throws Exception {
        assertThat(constructs()).extracting(Class::getSimpleName).contains("GlobalTable", "TableReplica",
                "RegionNetwork", "SharedPrivateNetwork", "K8sAppCluster", "AppDataAccess", "HaproxyTier",
                "OriginCertificate", "SuppliedCertificate", "CloudflareFailoverLb", "OriginPullTrust", "Route53Failover",
                "AwsResource", "PostgresCluster", "PostgresArchive");
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return constructs().stream().map(c -> Arguments.of(Named.of(c.getSimpleName(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anIdAlreadyTakenInTheScopeIsATandemError(Class<?> type) {
        TerraformStack stack = TestStacks.awsStack();
        new Construct(stack, "taken");
        try {
            Rejections.assertRejected(() -> create(type, stack, "taken"), "test/taken", "id", "taken",
                    "is already used by another construct");
        } catch (AssertionError e) {
            throw new AssertionError(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Builds {@code type} with its {@code Builder.create(scope, id)}, or else its public (scope, id, …) constructor. */
    private static void create(Class<?> type, Construct scope, String id) throws Throwable {
        try {
            Class<?> builder = builder(type);
            if (builder != null) {
                Object b = builder.getMethod("create", Construct.class, String.class).invoke(null, scope, id);
                builder.getMethod("build").invoke(b);
                return;
            }
            Constructor<?> constructor = constructor(type);
            Object[] args = new Object[constructor.getParameterCount()];
            args[0] = scope;
            args[1] = id;
            constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Class<?> builder(Class<?> type) {
        // Declared, not inherited: cdktf's own base classes carry builders of their own.
        return Stream.of(type.getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Builder")
                && Modifier.isPublic(c.getModifiers()) && hasCreate(c)).findFirst().orElse(null);
    }

    private static boolean hasCreate(Class<?> builder) {
        try {
            return Modifier.isStatic(builder.getMethod("create", Construct.class, String.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** @return the public (scope, id, …) constructor, or null: a construct only the library creates has none */
    private static Constructor<?> constructor(Class<?> type) {
        return Stream.of(type.getConstructors()).filter(c -> c.getParameterCount() >= 2
                && c.getParameterTypes()[0] == Construct.class && c.getParameterTypes()[1] == String.class)
                .findFirst().orElse(null);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DuplicateIdTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
