package dev.tandem.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
        Path classes = compile(program);
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

    private Path compile(ReadmeExamples.Program program) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path source = Files.createDirectories(tmp.resolve("src")).resolve(program.className() + ".java");
        Files.writeString(source, program.source());
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("-classpath", classpath(), "-d", classes.toString(), "-proc:none", "--release", "17"),
                    null, files.getJavaFileObjects(source)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> describe(program, d))
                    .collect(Collectors.joining("\n"));
            if (!ok) {
                fail("The Java in " + program + " does not compile:\n" + errors);
            }
        }
        return classes;
    }

    private static String describe(ReadmeExamples.Program program, Diagnostic<? extends JavaFileObject> d) {
        int line = program.pageLine(d.getLineNumber());
        String where = line > 0 ? program.page() + " line " + line : "the wrapper around the section (line "
                + d.getLineNumber() + " of the generated source)";
        return "  " + where + ": " + d.getMessage(Locale.ROOT);
    }

    /** Surefire hands the test JVM a one-jar class path; the real one is in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
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
