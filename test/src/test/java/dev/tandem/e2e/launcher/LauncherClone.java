package dev.tandem.e2e.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the project in which a test runs {@code ./synth} as a process. On its {@code PATH},
 * {@code mvn} (and, when asked, {@code java}) is a shell shim that records each call and then does
 * what the test says: hand the call to the real tool, or stand in for it.
 *
 * <p>The copy leaves out every build folder except the generated bindings' ({@code providers/target},
 * copied with its modification times): generating them takes a minute, and what the launcher decides
 * does not depend on them.
 */
final class LauncherClone {
    /** A build that succeeds without doing anything, so the launcher records the inputs it saw. */
    static final String BUILD_NOTHING = "exit 0";
    /** A build that fails. */
    static final String FAIL_THE_BUILD = "echo '[ERROR] BUILD FAILURE' >&2; exit 1";

    private static final Set<String> NOT_COPIED = Set.of(".git", "node_modules", ".terraform", "target");
    private static final Path KEPT_BUILD_FOLDER = Path.of("providers", "target");

    /** When every shim was last modified, as far as the launcher can tell. */
    private static final FileTime SHIM_STAMP = FileTime.fromMillis(1_700_000_000_000L);

    private final Path root;
    private final Path shims;
    private final Path calls;

    private LauncherClone(Path root, Path shims, Path calls) {
        this.root = root;
        this.shims = shims;
        this.calls = calls;
    }

    /**
     * @param project the project to copy (its {@code providers/target} should be built)
     * @param where   an empty scratch folder
     * @return the copy, at {@code where/clone}
     */
    static LauncherClone copyOf(Path project, Path where) {
        Path root = where.resolve("clone");
        try {
            copyTree(project, root);
            return new LauncherClone(root, Files.createDirectories(where.resolve("shims")),
                    Files.createDirectories(where.resolve("calls")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the copy's root, where {@code ./synth} is */
    Path root() {
        return root;
    }

    /** @return a shim body that hands the call to the real {@code mvn} */
    static String realMaven() {
        Path mvn = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "mvn"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("mvn is not on PATH"));
        return "exec '" + mvn + "' \"$@\"";
    }

    /**
     * Runs {@code ./synth} with the real {@code java}.
     *
     * @param maven shell lines the {@code mvn} shim runs after recording the call
     * @param env   variables to set (a {@code null} value removes one)
     * @return what happened
     */
    LauncherRun run(String maven, Map<String, String> env) {
        return run(maven, null, env);
    }

    /**
     * Runs {@code ./synth} with a {@code java} that only records its environment's
     * {@code CDKTF_OUTDIR} and its arguments, and succeeds.
     *
     * @param maven shell lines the {@code mvn} shim runs after recording the call
     * @param env   variables to set (a {@code null} value removes one)
     * @return what happened
     */
    LauncherRun runWithStandInJava(String maven, Map<String, String> env) {
        return run(maven, "", env);
    }

    /**
     * @param maven shell lines the {@code mvn} shim runs after recording the call
     * @param java  shell lines the {@code java} stand-in runs after recording the call
     * @param env   variables to set (a {@code null} value removes one)
     * @return what happened
     */
    LauncherRun runWithStandInJava(String maven, String java, Map<String, String> env) {
        return run(maven, java, env);
    }

    /**
     * Returns once the file system stamps a new file later than the launcher's record of the last
     * build, as it stamps any edit made after a build. The launcher compares modification times, and
     * the kernel takes them from a clock that advances in ticks of a few milliseconds; a test edits
     * faster than that.
     */
    void afterTheLastBuild() {
        try {
            FileTime built = Files.getLastModifiedTime(root.resolve("stacks/target/synth/inputs"));
            Path probe = root.resolve("stacks/target/clock-probe");
            do {
                Files.deleteIfExists(probe);
                Files.createFile(probe);
            } while (Files.getLastModifiedTime(probe).compareTo(built) <= 0);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param standInJava the stand-in's lines after it records the call; {@code null}: the real java */
    private LauncherRun run(String maven, String standInJava, Map<String, String> env) {
        try {
            for (Path f : List.of(calls.resolve("mvn"), calls.resolve("java"), shims.resolve("java"))) {
                Files.deleteIfExists(f);
            }
            shim("mvn", "printf '%s\\n' \"$*\" >>'" + calls.resolve("mvn") + "'\n" + maven);
            if (standInJava != null) {
                shim("java", "printf 'CDKTF_OUTDIR=%s %s\\n' \"$CDKTF_OUTDIR\" \"$*\" >>'" + calls.resolve("java") + "'\n"
                        + standInJava);
            }
            ProcessBuilder pb = new ProcessBuilder(root.resolve("synth").toString()).directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(calls.resolve("output").toFile());
            pb.environment().remove("CDKTF_OUTDIR");
            pb.environment().put("PATH", shims + File.pathSeparator + System.getenv("PATH"));
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process process = pb.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./synth did not finish within 15 minutes");
            }
            return new LauncherRun(process.exitValue(), Files.readString(calls.resolve("output")),
                    lines(calls.resolve("mvn")), lines(calls.resolve("java")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void shim(String name, String body) throws IOException {
        Path script = shims.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        // One stamp for every run: the launcher names its class-data archive after the java binary's path and
        // modification time, and a stand-in rewritten in another second would be another JDK to it.
        Files.setLastModifiedTime(script, SHIM_STAMP);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Copies sources, not build output, keeping modification times (Maven compares them). */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                String name = dir.getFileName().toString();
                boolean skipped = NOT_COPIED.contains(name) || name.startsWith("cdktf.out");
                if (!dir.equals(from) && skipped && !rel.equals(KEPT_BUILD_FOLDER)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
