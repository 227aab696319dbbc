package dev.tandem.props;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropsProcessorTest {
    private static final String RECORD = """
            package demo;

            import dev.tandem.props.Default;
            import dev.tandem.props.Settings;
            import java.util.List;
            import java.util.Optional;

            /**
             * A demo.
             *
             * @param name    the name (required)
             * @param size    how many; @default 2
             * @param tags    the tags; @default none
             * @param comment a comment
             *                on two lines; @default none
             * @param limit   the limit; @default none
             */
            @Settings
            public record DemoProps(String name, @Default("DEFAULT_SIZE") int size, @Default("List.of()") List<String> tags,
                    Optional<String> comment, Optional<Integer> limit) {
                public static final int DEFAULT_SIZE = 2;

                public static Builder builder() {
                    return new Builder();
                }

                public Builder toBuilder() {
                    return new Builder().from(this);
                }

                public static final class Builder extends DemoPropsSettings<Builder> {
                    public DemoProps build() {
                        return props();
                    }
                }
            }
            """;

    @Test
    void aRecordsComponentsBecomeDocumentedSettersWithTheirDefaults(@TempDir Path dir) throws Exception {
        Path generated = compile(dir);
        String source = Files.readString(generated.resolve("demo/DemoPropsSettings.java"));
        assertThat(source).contains(String.join("\n",
                "    /**",
                "     * @param value a comment",
                "     *              on two lines; @default none",
                "     * @return this builder",
                "     */",
                "    public B comment(java.lang.String value) {"));
        assertThat(source).contains("public B limit(int value)").contains("public B size(int value)");

        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.resolve("classes").toUri().toURL()})) {
            Class<?> props = loader.loadClass("demo.DemoProps");
            Object builder = props.getMethod("builder").invoke(null);
            builder.getClass().getMethod("name", String.class).invoke(builder, "orders");
            builder.getClass().getMethod("limit", int.class).invoke(builder, 7);
            Object built = builder.getClass().getMethod("build").invoke(builder);
            assertThat(built).hasToString("DemoProps[name=orders, size=2, tags=[], comment=Optional.empty, limit=Optional[7]]");
            Object copy = props.getMethod("toBuilder").invoke(built);
            assertThat(copy.getClass().getMethod("build").invoke(copy)).isEqualTo(built);
        }
    }

    @Test
    void aComponentWithoutParamDocIsACompileError(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src/demo/BadProps.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package demo;

                /** No params. */
                @dev.tandem.props.Settings
                public record BadProps(String name) {
                }
                """);
        assertThat(javac(dir, src)).isNotZero();
    }

    private static Path compile(Path dir) throws IOException {
        Path src = dir.resolve("src/demo/DemoProps.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, RECORD);
        assertThat(javac(dir, src)).isZero();
        return dir.resolve("generated");
    }

    private static int javac(Path dir, Path src) throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                "-processor", PropsProcessor.class.getName(), "-d", dir.resolve("classes").toString(),
                "-s", dir.resolve("generated").toString(), src.toString()));
        return compiler.run(null, null, null, args.toArray(String[]::new));
    }
}
