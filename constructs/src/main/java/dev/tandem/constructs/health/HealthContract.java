package dev.tandem.constructs.health;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.TerraformStrings;
import java.time.Duration;

/**
 * The one definition of "this region's app is healthy", shared by every layer: Kubernetes probes,
 * HAProxy checks and the Cloudflare monitor all follow it, so a region whose app is down drops out
 * of rotation end to end. Create it once per deployment and hand the same value to each construct;
 * every construct that checks health requires it, none invents its own.
 *
 * <pre>{@code
 * HealthContract health = HealthContract.builder()
 *     .path("/healthz").port(8080).expectedStatus(200)
 *     .interval(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(2))
 *     .scope(HealthScope.APP_AND_DATA)     // /healthz also checks the app's DynamoDB replica
 *     .build();
 * }</pre>
 *
 * @param path           HTTP path that answers the health check, e.g. {@code /healthz}
 * @param port           TCP port the application serves the path on
 * @param expectedStatus HTTP status a healthy app answers, e.g. 200
 * @param interval       time between two checks (Kubernetes probes round it up to whole seconds)
 * @param timeout        how long one check may take; shorter than {@code interval}
 * @param scope          what a healthy answer covers: the app alone, or the app and its data
 */
public record HealthContract(String path, int port, int expectedStatus, Duration interval, Duration timeout,
        HealthScope scope) {

    /** Validates the contract; the message names {@code HealthContract} and the field. */
    public HealthContract {
        Problems problems = new Problems("HealthContract");
        if (problems.require(path != null && path.startsWith("/") && path.chars().noneMatch(Character::isWhitespace)
                        && path.chars().allMatch(c -> c >= 0x21 && c < 0x7f),
                "path", path, "must start with / and hold only visible ASCII, no spaces",
                "use a path such as /healthz")) {
            TerraformStrings.refuseTemplate(problems, "path", path, "use a path such as /healthz");
        }
        problems.require(port >= 1 && port <= 65535, "port", port, "must be between 1 and 65535",
                "use the TCP port the app listens on");
        problems.require(expectedStatus >= 200 && expectedStatus <= 399, "expectedStatus", expectedStatus,
                "must be a 2xx or 3xx HTTP status", "use 200 unless the app answers otherwise");
        boolean timed = positive(problems, "interval", interval);
        timed &= positive(problems, "timeout", timeout);
        if (timed) {
            problems.require(timeout.compareTo(interval) < 0, "timeout", timeout,
                    "must be shorter than interval (" + interval + ")", "lower timeout or raise interval");
        }
        problems.present(scope, "scope", "use HealthScope.APP_AND_DATA when /healthz checks the app's data, "
                + "else HealthScope.APP (the default)");
        problems.throwIfAny();
    }

    /**
     * HAProxy counts in milliseconds; Kubernetes probes round up to whole seconds (an {@code int}); the
     * Cloudflare monitor's interval is at most an hour. So no check of the contract is ever longer than
     * that, and no conversion of it can overflow.
     */
    private static boolean positive(Problems problems, String property, Duration d) {
        return problems.require(d != null && !d.isNegative() && !d.isZero() && d.compareTo(LONGEST) <= 0
                        && d.toNanos() % 1_000_000L == 0,
                property, d, "must be a positive whole number of milliseconds, at most " + LONGEST,
                "use e.g. Duration.ofSeconds(5)");
    }

    /** The longest interval or timeout a check may have: the Cloudflare monitor's maximum interval. */
    private static final Duration LONGEST = Duration.ofHours(1);

    /** @return true when the health answer also covers the app's data ({@link HealthScope#APP_AND_DATA}) */
    public boolean includesData() {
        return scope.includesData();
    }

    /**
     * The seed's contract: {@code GET /healthz} on port 8080 answers 200; checked every 5 s with a
     * 2 s timeout; the answer covers the app process ({@link HealthScope#APP}).
     *
     * @return the default contract
     */
    public static HealthContract defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()}'s values */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this contract's values, to change some of them */
    public Builder toBuilder() {
        return new Builder().path(path).port(port).expectedStatus(expectedStatus).interval(interval).timeout(timeout)
                .scope(scope);
    }

    /** Builds a {@link HealthContract}; every setter documents its default. */
    public static final class Builder {
        private String path = "/healthz";
        private int port = 8080;
        private int expectedStatus = 200;
        private Duration interval = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(2);
        private HealthScope scope = HealthScope.APP;

        private Builder() {
        }

        /**
         * @param value the HTTP path that answers health checks; @default {@code /healthz}
         * @return this builder
         */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /**
         * @param value the TCP port the app serves the path on (the container port); @default 8080
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * @param value the status a healthy app answers, 200–399; @default 200
         * @return this builder
         */
        public Builder expectedStatus(int value) {
            this.expectedStatus = value;
            return this;
        }

        /**
         * @param value time between two checks; @default 5 s
         * @return this builder
         */
        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        /**
         * @param value how long one check may take, below the interval; @default 2 s
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * What a healthy answer covers. Declare {@link HealthScope#APP_AND_DATA} when the app's health
         * path also checks its DynamoDB replica (docs/app-contract.md): then an outage of that
         * AWS region fails the region over, and the pods are drained rather than restarted.
         *
         * @param value the scope; @default {@link HealthScope#APP}
         * @return this builder
         */
        public Builder scope(HealthScope value) {
            this.scope = value;
            return this;
        }

        /**
         * @return the contract
         * @throws dev.tandem.constructs.core.ValidationException listing every problem
         */
        public HealthContract build() {
            return new HealthContract(path, port, expectedStatus, interval, timeout, scope);
        }
    }
}
