package dev.tandem.constructs.health;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;

/**
 * The one definition of "this region's app is healthy", shared by every layer: Kubernetes probes,
 * HAProxy checks and the Cloudflare monitor all follow it, so a region whose app is down drops out
 * of rotation end to end. Create it once per deployment and hand the same value to each construct.
 *
 * @param path           HTTP path that answers the health check, e.g. {@code /healthz}
 * @param port           TCP port the application serves the path on
 * @param expectedStatus HTTP status a healthy app answers, e.g. 200
 * @param interval       time between two checks
 * @param timeout        how long one check may take; shorter than {@code interval}
 */
public record HealthContract(String path, int port, int expectedStatus, Duration interval, Duration timeout) {

    /**
     * The seed's contract: {@code GET /healthz} on port 8080 answers 200; checked every 5 s with a
     * 2 s timeout.
     */
    public static HealthContract defaults() {
        return new HealthContract("/healthz", 8080, 200, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    /** Validates the contract; the message names {@code HealthContract} and the field. */
    public HealthContract {
        Problems problems = new Problems("HealthContract");
        problems.require(path != null && path.startsWith("/") && !path.contains(" "), "path", path,
                "must start with / and contain no spaces", "use a path such as /healthz");
        problems.require(port >= 1 && port <= 65535, "port", port, "must be between 1 and 65535",
                "use the TCP port the app listens on");
        problems.require(expectedStatus >= 200 && expectedStatus <= 399, "expectedStatus", expectedStatus,
                "must be a 2xx or 3xx HTTP status", "use 200 unless the app answers otherwise");
        boolean timed = problems.require(interval != null && !interval.isNegative() && !interval.isZero(),
                "interval", interval, "must be positive", "use e.g. Duration.ofSeconds(5)");
        timed &= problems.require(timeout != null && !timeout.isNegative() && !timeout.isZero(),
                "timeout", timeout, "must be positive", "use e.g. Duration.ofSeconds(2)");
        if (timed) {
            problems.require(timeout.compareTo(interval) < 0, "timeout", timeout,
                    "must be shorter than interval (" + interval + ")", "lower timeout or raise interval");
        }
        problems.throwIfAny();
    }

    /** @return a copy with another path */
    public HealthContract withPath(String newPath) {
        return new HealthContract(newPath, port, expectedStatus, interval, timeout);
    }

    /** @return a copy with another port */
    public HealthContract withPort(int newPort) {
        return new HealthContract(path, newPort, expectedStatus, interval, timeout);
    }
}
