package dev.tandem.rehearsal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one time factor of a rehearsal: every timing that decides how fast a failure is noticed — the edge's monitor
 * interval and timeout, HAProxy's check interval and timeouts, the readiness probe's period and timeout, the
 * delivery's settle time, a PostgreSQL server's {@code archive_timeout} (in whole seconds, at least one) and the
 * DR report's promotion decision time — is divided by it, and every measured time is multiplied back by it before it
 * is compared with the DR report. Counts (fall, rise, retries, consecutive up/down, failure thresholds) are never scaled.
 *
 * @param factor 1 for real time; 10 runs the reference's 79 s chain in about 8 s
 */
public record Scale(int factor) {
    private static final Pattern HAPROXY_TIME = Pattern.compile(
            "(\\b(?:inter|fastinter|downinter) |\\btimeout (?:connect|client|server|check|http-request|queue) )"
                    + "(\\d+)(us|ms|s|m|h|d)?\\b");

    public Scale {
        if (factor < 1) {
            throw new IllegalArgumentException("scale factor must be at least 1, got " + factor);
        }
    }

    /** @return {@code real} shortened by the factor */
    public Duration down(Duration real) {
        return real.dividedBy(factor);
    }

    /** @return a measured (scaled) time in seconds, multiplied back to the deployment's real settings */
    public double back(double scaledSeconds) {
        return scaledSeconds * factor;
    }

    /** @return whole seconds of {@code real} scaled, rounded up (the apply script's settle is whole seconds) */
    public long downSeconds(Duration real) {
        return (real.toMillis() + factor * 1000L - 1) / (factor * 1000L);
    }

    /** @return a haproxy.cfg with its check intervals and timeouts divided by the factor, in milliseconds */
    public String haproxy(String config) {
        Matcher m = HAPROXY_TIME.matcher(config);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long millis = millis(Long.parseLong(m.group(2)), m.group(3) == null ? "ms" : m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + Math.max(1, millis / factor) + "ms"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static long millis(long value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> value * 86_400_000;
        };
    }
}
