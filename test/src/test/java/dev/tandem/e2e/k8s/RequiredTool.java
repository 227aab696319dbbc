package dev.tandem.e2e.k8s;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * An external program a test runs. Missing on a workstation, the test is skipped with a message
 * saying how to install it; missing in CI (environment variable {@code CI} set), the test fails, so a
 * green CI run always means the tool ran.
 */
final class RequiredTool {
    private RequiredTool() {
    }

    /**
     * @param name    executable name, looked up on {@code PATH}
     * @param install how to install it, for the message
     * @return the executable
     */
    static Path find(String name, String install) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String message = name + " is not on PATH; install it with: " + install;
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this is a failure, not a skip)");
        }
        return Assumptions.abort(message);
    }
}
