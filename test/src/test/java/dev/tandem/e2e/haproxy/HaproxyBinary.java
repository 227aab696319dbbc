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
final class HaproxyBinary {
    private final Path path;

    private HaproxyBinary(Path path) {
        this.path = path;
    }

    /** @return the installed binary; skips the test (fails it in CI) when there is none */
    static HaproxyBinary require() {
        // /usr/sbin is where Debian puts it and is not on every user's PATH.
        Stream<String> dirs = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/sbin", "/usr/local/sbin"));
        Path found = dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (found == null) {
            String why = "haproxy is not installed (Debian: apt-get install -y haproxy)";
            if (System.getenv("CI") != null) {
                fail(why + "; CI must run this test, so .ci/run has to install it");
            }
            Assumptions.abort(why + ": skipping the real-HAProxy test");
        }
        return new HaproxyBinary(found);
    }

    /**
     * Runs {@code haproxy -c -f config}.
     *
     * @return the exit code and output
     */
    CheckResult check(Path config, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(path.toString(), "-c", "-f", config.toString()))
                .redirectErrorStream(true);
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

    /** Starts {@code haproxy} in the foreground ({@code -db}) with its output in {@code log}. */
    Process start(Path config, Path log, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(path.toString(), "-db", "-f", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        return pb.start();
    }

    /** The outcome of {@code haproxy -c}. */
    record CheckResult(int exitCode, String output) {
    }
}
