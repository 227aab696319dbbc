package dev.tandem.e2e.haproxy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code haproxy} on this machine. Where it is missing the test is skipped with a message,
 * except in CI (environment variable {@code CI} set), where a missing tool must not pass silently.
 */
public final class HaproxyBinary {
    private final Path path;

    private HaproxyBinary(Path path) {
        this.path = path;
    }

    /** @return the installed binary; skips the test (fails it in CI) when there is none */
    public static HaproxyBinary require() {
        // /usr/sbin is where Debian puts it and is not on every user's PATH.
        Stream<String> dirs = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/sbin", "/usr/local/sbin"));
        List<String> path = dirs.filter(d -> !d.isEmpty()).toList();
        Path found = onPath(path, "haproxy");
        if (found == null) {
            skipOrFail("haproxy is not installed (Debian: apt-get install -y haproxy)");
        }
        // Every real-HAProxy test makes its throwaway certificates with openssl (TestPki).
        if (onPath(path, "openssl") == null) {
            skipOrFail("openssl is not installed (Debian: apt-get install -y openssl)");
        }
        return new HaproxyBinary(found);
    }

    private static Path onPath(List<String> dirs, String tool) {
        return dirs.stream().map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static void skipOrFail(String why) {
        if (System.getenv("CI") != null) {
            fail(why + "; CI must run this test, so .ci/run has to install it");
        }
        Assumptions.abort(why + ": skipping the real-HAProxy test");
    }

    /** @return the binary's path */
    Path path() {
        return path;
    }

    /**
     * Runs {@code haproxy -c -C release -f release/haproxy.cfg}: the configuration as the instance checks it,
     * with file names relative to its release directory.
     *
     * @return the exit code and output
     */
    CheckResult check(Path release, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(path.toString(), "-c", "-C", release.toString(), "-f",
                release.resolve("haproxy.cfg").toString())).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process process = pb.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("haproxy -c did not finish in 30 s");
            }
            return new CheckResult(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Starts HAProxy as the instance runs it: master-worker ({@code -W}, in the foreground), with a master
     * CLI socket, a pid file, and the release directory {@code current} (a symlink) as its working
     * directory, so a reload re-reads whatever {@code current} points at.
     *
     * @return the master process, its output in {@code log}
     */
    Process startMasterWorker(Path current, Path masterSocket, Path pidFile, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(path.toString(), "-W", "-db", "-S", masterSocket.toString(),
                "-p", pidFile.toString(), "-C", current.toString(), "-f", current.resolve("haproxy.cfg").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The outcome of {@code haproxy -c}. */
    record CheckResult(int exitCode, String output) {
    }
}
