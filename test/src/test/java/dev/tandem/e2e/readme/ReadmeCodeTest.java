package dev.tandem.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java of README.md and docs/ is code: every {@code ```java} block compiles against the library, and
 * every example runs, so the deployments it shows synthesize. A failure names the page and line and the
 * compiler's message, or the example and the exception it threw.
 */
class ReadmeCodeTest {
    static final Path ROOT = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    static List<ReadmeExamples.Program> programs() {
        return ReadmeExamples.readAll(ROOT);
    }

    @Test
    void theReadmeShowsJavaExamples() {
        assertThat(programs()).filteredOn(p -> p.page().equals("README.md"))
                .extracting(ReadmeExamples.Program::section)
                .contains("Using a construct", "Your own deployment, and extending it");
    }

    @Test
    void theDocsPagesAreReadToo() {
        assertThat(programs()).extracting(ReadmeExamples.Program::page)
                .contains("docs/teardown.md", "docs/edge.md", "docs/cloudformation.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void compilesAndRuns(ReadmeExamples.Program program) throws Exception {
        Path classes = ExampleCompiler.compile(program, tmp);
        Path outdir = tmp.resolve("cdktf.out");

        run(program, classes, outdir);

        if (program.code().contains("outdir")) {
            try (Stream<Path> written = Files.walk(outdir)) {
                assertThat(written.filter(Files::isRegularFile).toList()).as("%s writes into outdir", program)
                        .isNotEmpty();
            }
        }
        if (program.code().matches("(?s).*(TandemApp|Main)\\.synthesize\\(.*")) {
            assertThat(outdir.resolve("manifest.json")).as("%s synthesizes its stacks", program).exists();
        }
    }

    private static void run(ReadmeExamples.Program program, Path classes, Path outdir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeCodeTest.class.getClassLoader())) {
            try {
                loader.loadClass(program.className()).getMethod("run", Path.class).invoke(null, outdir);
            } catch (InvocationTargetException e) {
                throw new AssertionError("The example " + program + " compiles but fails when run: "
                        + e.getCause(), e.getCause());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
