package dev.tandem.constructs.edge;

/**
 * How Cloudflare probes the origins; the path and expected status come from the health contract.
 *
 * <p>The defaults take a dead region out in about a minute: a probe every 20 s with a 5 s timeout,
 * one retry, and two failed probes in a row before a pool is down, so the worst case is about
 * 2 × 20 s + 2 × 5 s = 50 s, with no DNS delay while the record is proxied.
 *
 * @param https           probe over HTTPS (else HTTP)
 * @param port            origin port to probe; 0 means the scheme's default (80 or 443)
 * @param intervalSeconds seconds between probes, at least 10
 * @param timeoutSeconds  seconds one probe may take, below the interval
 * @param retries         immediate retries of a failed probe
 * @param consecutiveDown failed probes in a row before an origin is unhealthy
 * @param consecutiveUp   good probes in a row before it is healthy again
 */
public record MonitorSettings(boolean https, int port, int intervalSeconds, int timeoutSeconds, int retries,
        int consecutiveDown, int consecutiveUp) {

    /** @return the defaults: HTTP on port 80, every 20 s, 5 s timeout, 1 retry, 2 down, 2 up */
    public static MonitorSettings defaults() {
        return new MonitorSettings(false, 80, 20, 5, 1, 2, 2);
    }

    /** @return a copy probing over HTTPS on port 443 */
    public MonitorSettings overHttps() {
        return new MonitorSettings(true, 443, intervalSeconds, timeoutSeconds, retries, consecutiveDown, consecutiveUp);
    }

    /** @return a copy probing origin port {@code newPort} (0: the scheme's default) */
    public MonitorSettings withPort(int newPort) {
        return new MonitorSettings(https, newPort, intervalSeconds, timeoutSeconds, retries, consecutiveDown,
                consecutiveUp);
    }

    /** @return a copy with another interval and timeout */
    public MonitorSettings timing(int newIntervalSeconds, int newTimeoutSeconds) {
        return new MonitorSettings(https, port, newIntervalSeconds, newTimeoutSeconds, retries, consecutiveDown,
                consecutiveUp);
    }

    /** @return worst-case seconds from an origin's death to its pool being marked down */
    public int worstCaseDetectionSeconds() {
        return consecutiveDown * intervalSeconds + (retries + 1) * timeoutSeconds;
    }
}
