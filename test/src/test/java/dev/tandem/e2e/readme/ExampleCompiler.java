package dev.tandem.e2e.readme;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles an example with {@code javax.tools} against the test's class path; a failure names the page's line. */
final class ExampleCompiler {
    private ExampleCompiler() {
    }

    /** @return the folder under {@code tmp} holding the compiled class */
    static Path compile(ReadmeExamples.Program program, Path tmp) throws IOException {
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
        String where = line > 0 ? program.page() + " line " + line : "the wrapper around the example (line "
                + d.getLineNumber() + " of the generated source)";
        return "  " + where + ": " + d.getMessage(Locale.ROOT);
    }

    /** Surefire hands the test JVM a one-jar class path; the real one is in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
