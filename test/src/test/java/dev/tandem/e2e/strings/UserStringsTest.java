package dev.tandem.e2e.strings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.access.TableAccess;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every string a user can hand Tandem stays text in Terraform: a Terraform expression written into
 * any public builder setter or value factory (found by reflection, see {@link StringProps}) is either
 * refused with a {@link ValidationException} or reaches the synthesized Terraform escaped, so
 * Terraform never evaluates it on the operator's machine. A new prop is covered without a new case.
 */
class UserStringsTest {
    /** The value as the user wrote it: bare, and inside text that is both a path and an e-mail address. */
    private static final List<String> SHAPES = List.of("%s", "/ops%s@example.com");

    @TempDir
    Path tmp;

    @Test
    void everyBuilderAndFactoryTakingTextHasAFixture() {
        assertThat(StringProps.builderSetters().stream().map(m -> StringProps.name(m.getDeclaringClass())).distinct())
                .as("a builder taking text needs an entry in StringFixtures.builders()")
                .allMatch(StringFixtures.builders()::containsKey);
        assertThat(factoryCases().map(FactoryCase::key).toList())
                .as("a factory taking text needs an entry in StringFixtures.factories()")
                .allMatch(StringFixtures.factories()::containsKey);
    }

    @Test
    void theSearchFindsThePropsTheSecurityReviewReproduced() {
        assertThat(StringProps.builderSetters().stream().map(StringProps::key)).contains(
                "GlobalTablePropsSettings.tags(Map)", "GlobalTablePropsSettings.timeToLiveAttribute(String)",
                "HealthContract.Builder.path(String)", "DeploymentSpec.Builder.sshKeyName(String)",
                "OriginPool.Builder.notificationEmail(String)", "Origin.Builder.name(String)",
                "GlobalSecondaryIndex.Builder.indexName(String)");
        assertThat(factoryCases().map(FactoryCase::key)).contains(
                "Attribute.string(String)#0", "SshKey.create(String,String)#1", "AcceptedRisk.of(Rule,String,String)#2",
                "Projection.include(List)#0");
    }

    @Test
    void theSideFilesAreNoTerraformTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(SynthesizedDeployment.outdir())) {
            assertThat(files.filter(f -> f.toString().endsWith(".tf.json")).map(UserStringsTest::read))
                    .as("haproxy/*.cfg and k8s/*.yaml hold the user's text as written: no Terraform file renders them")
                    .noneMatch(json -> json.contains("templatefile("));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setterCases")
    void anExpressionInABuilderSetterIsRefusedOrStaysText(SetterCase c) {
        StringFixtures.Fixture fixture = StringFixtures.builders().get(StringProps.name(c.method().getDeclaringClass()));
        assertRefusedOrText(c.toString(), out -> fixture.synthesize(c::applyTo, out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factoryArgumentCases")
    void anExpressionInAValueFactoryIsRefusedOrStaysText(FactoryArgument c) {
        assertRefusedOrText(c.toString(), out -> StringFixtures.factories().get(c.key()).accept(c.text(), out));
    }

    private void assertRefusedOrText(String name, Consumer<Path> synthesize) {
        Path out = tmp.resolve("cdktf.out");
        Throwable thrown = null;
        try {
            synthesize.accept(out);
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown != null) {
            assertThat(thrown).as("%s: refused as a Tandem error", name).isInstanceOf(ValidationException.class);
            assertThat(thrown.getMessage()).as(name).contains("Fix: ").doesNotContain("TfToken[", "\n    at ");
            return;
        }
        assertThat(LiveExpressions.in(out)).as("%s: live expressions in the synthesized Terraform", name).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<SetterCase> setterCases() {
        List<SetterCase> cases = new ArrayList<>();
        for (Method m : StringProps.builderSetters()) {
            for (String expression : LiveExpressions.ALL) {
                for (String shape : SHAPES) {
                    String text = shape.formatted(expression);
                    Type type = m.getGenericParameterTypes()[0];
                    if (type == String.class) {
                        cases.add(new SetterCase(m, text, text));
                    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
                        cases.add(new SetterCase(m, "[" + text + "]", List.of(text)));
                    } else {
                        Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
                        cases.add(new SetterCase(m, "{" + text + "=…}", Map.of(text, sample(valueType))));
                        if (valueType == String.class) {
                            cases.add(new SetterCase(m, "{k=" + text + "}", Map.of("tandem:k", text)));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /** @return a valid map value of {@code type}, for a case that changes the key */
    private static Object sample(Type type) {
        if (type == String.class) {
            return "v";
        }
        if (type instanceof WildcardType) { // AwsResource's arguments: any value; "v" is a valid one
            return "v";
        }
        if (type == TableAccess.class) {
            return TableAccess.builder().build();
        }
        throw new AssertionError("no sample map value of " + type + ": add one to UserStringsTest.sample");
    }

    static Stream<FactoryArgument> factoryArgumentCases() {
        return factoryCases().flatMap(f -> LiveExpressions.ALL.stream()
                .flatMap(e -> SHAPES.stream().map(s -> new FactoryArgument(f.key(), s.formatted(e)))));
    }

    /** @return each factory parameter taking text, by {@link StringProps#key} and index */
    static Stream<String> factoryKeys() {
        return factoryCases().map(FactoryCase::key);
    }

    private static Stream<FactoryCase> factoryCases() {
        return StringProps.factories().stream().flatMap(m -> IntStream.range(0, m.getParameterCount())
                .filter(i -> StringProps.takesText(m.getGenericParameterTypes()[i]))
                .mapToObj(i -> new FactoryCase(StringProps.key(m) + "#" + i)));
    }

    /** One setter given one value (also the missing and extreme values of {@link ExtremeValuesTest}). */
    record SetterCase(Method method, String shown, Object value) {
        void applyTo(Object builder) {
            try {
                method.invoke(builder, value);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            }
        }

        @Override
        public String toString() {
            return StringProps.key(method) + " ← " + shown;
        }
    }

    /** One factory parameter, by {@link StringProps#key} and index. */
    record FactoryCase(String key) {
    }

    /** One factory parameter given one value. */
    record FactoryArgument(String key, String text) {
        @Override
        public String toString() {
            return key + " ← " + text;
        }
    }
}
