package dev.tandem.e2e.strings;

import dev.tandem.constructs.health.HealthContract;
import dev.tandem.stacks.DeploymentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.constructs.IConstruct;

/**
 * Every public way a user hands Tandem a string, found by reflection over the library's and the
 * reference deployment's classes: the setters of the public builders (a {@code String}, a
 * {@code List<String>} or a {@code Map} with {@code String} keys) and the public static factories of
 * value types. A prop added tomorrow is found here without a new test.
 */
final class StringProps {
    private static final String ROOT = "dev/tandem/";

    private StringProps() {
    }

    /**
     * @return the setters taking text of the builders ({@code Builder}, {@code BuilderBase<B>},
     *         {@code S3Builder}…), one per declaring class and method
     */
    static List<Method> builderSetters() {
        Map<String, Method> found = new LinkedHashMap<>();
        for (Class<?> type : publicTypes()) {
            if (!type.getSimpleName().startsWith("Builder") && !type.getSimpleName().endsWith("Builder")) {
                continue;
            }
            for (Method m : type.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic()
                        && m.getParameterCount() == 1 && takesText(m.getGenericParameterTypes()[0])) {
                    found.putIfAbsent(key(m), m);
                }
            }
        }
        return sorted(found);
    }

    /**
     * @return the setters of the builders taking one object (any non-primitive value, text or not), one per
     *         declaring class and method
     */
    static List<Method> objectSetters() {
        return setters(ExtremeValuesTest::isObjectSetter);
    }

    /** @return the setters of the builders taking one number ({@code int}, {@code long}, {@code double}, boxed or not) */
    static List<Method> numberSetters() {
        return setters(ExtremeValuesTest::isNumberSetter);
    }

    private static List<Method> setters(java.util.function.Predicate<Method> kind) {
        Map<String, Method> found = new LinkedHashMap<>();
        for (Class<?> type : publicTypes()) {
            if (!type.getSimpleName().startsWith("Builder") && !type.getSimpleName().endsWith("Builder")) {
                continue;
            }
            for (Method m : type.getMethods()) {
                if (kind.test(m)) {
                    found.putIfAbsent(key(m), m);
                }
            }
        }
        return sorted(found);
    }

    /**
     * @return the public static factories of value types ({@code Attribute.string(name)}) with a
     *         parameter taking text; those taking a construct are construct-level (their string is an id)
     */
    static List<Method> factories() {
        Map<String, Method> found = new LinkedHashMap<>();
        for (Class<?> type : publicTypes()) {
            for (Method m : type.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && m.getReturnType() == type && !type.isEnum()
                        && Stream.of(m.getGenericParameterTypes()).anyMatch(StringProps::takesText)
                        && Stream.of(m.getParameterTypes()).noneMatch(IConstruct.class::isAssignableFrom)) {
                    found.putIfAbsent(key(m), m);
                }
            }
        }
        return sorted(found);
    }

    /** @return e.g. {@code GlobalTablePropsSettings.tags(Map)} */
    static String key(Method m) {
        StringBuilder params = new StringBuilder();
        for (Class<?> p : m.getParameterTypes()) {
            params.append(params.length() == 0 ? "" : ",").append(p.getSimpleName());
        }
        return name(m.getDeclaringClass()) + "." + m.getName() + "(" + params + ")";
    }

    /** @return {@code Outer.Inner} for a nested class */
    static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : name(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    /** @return true for {@code String}, {@code List<String>} and a {@code Map} with {@code String} keys */
    static boolean takesText(Type type) {
        if (type == String.class) {
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type first = p.getActualTypeArguments()[0];
            return (List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) && first == String.class;
        }
        return false;
    }

    private static List<Method> sorted(Map<String, Method> found) {
        return found.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** @return the public classes (top-level and nested) of the constructs and stacks modules, minus {@code internal} */
    private static List<Class<?>> publicTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> anchor : List.of(HealthContract.class, DeploymentSpec.class)) {
            for (String name : classNames(anchor)) {
                if (name.contains("/internal/")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name.replace('/', '.').replaceAll("\\.class$", ""), false,
                            anchor.getClassLoader());
                    if (isPublic(type)) {
                        types.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }

    /** @return the class files under {@code dev/tandem/} where {@code anchor} was loaded from (folder or jar) */
    private static List<String> classNames(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return list(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return list(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(ROOT))) {
            return files.map(f -> root.relativize(f).toString()).filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.contains("$") || !n.matches(".*\\$\\d+.*")).toList();
        }
    }
}
