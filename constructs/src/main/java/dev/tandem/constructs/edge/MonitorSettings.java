package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;
import java.util.Optional;

/**
 * How Cloudflare probes the origins; the path, the expected status and the Host header come from the
 * load balancer (its health contract and hostname), the shortest interval from its
 * {@link CloudflarePlan plan}.
 *
 * <p>The defaults take a dead region out in about a minute where the plan allows it: a probe every
 * 20 s (the plan's minimum where that is longer: 60 s on Free and Pro) with a 5 s timeout, one retry,
 * and two failed probes in a row before an origin is down, so the worst case is
 * 2 × 20 s + (1 + 1) × 5 s = 50 s ({@link #worstCaseDetection(CloudflarePlan)}), with no DNS delay
 * while the record is proxied. Probes simulate the load balancer's zone, so they leave Cloudflare with
 * the zone's settings, authenticated origin pulls included.
 *
 * <pre>{@code
 * MonitorSettings.builder().https(true).interval(Duration.ofSeconds(15)).build()
 * MonitorSettings.defaults().toBuilder().port(8080).build()
 * }</pre>
 *
 * <p>The timeout, retries and port ranges are the API's as cloudflare/cloudflare 4.22.0 recorded them
 * ({@code internal/sdkv2provider/schema_cloudflare_load_balancer_monitor.go}: timeout 1–10, retries
 * 1–5, port 0–65535, and "interval has to be larger than (retries+1) * probe_timeout"); 5.22.0 leaves
 * them to the API ({@code internal/services/load_balancer_monitor/schema.go} has no validators).
 *
 * @param https           probe over HTTPS (else HTTP)
 * @param customPort      origin port to probe, when not the scheme's default; see {@link #port()}
 * @param customInterval  time between probes, when not the plan's default; see
 *                        {@link #interval(CloudflarePlan)}
 * @param timeout         how long one probe may take
 * @param retries         immediate retries of a timed-out probe
 * @param consecutiveDown failed probes in a row before an origin is unhealthy
 * @param consecutiveUp   good probes in a row before it is healthy again
 * @param simulateZone    probe with the load balancer's zone settings (Cloudflare's "Simulate Zone",
 *                        the monitor's {@code probe_zone})
 */
public record MonitorSettings(boolean https, Optional<Integer> customPort, Optional<Duration> customInterval,
        Duration timeout, int retries, int consecutiveDown, int consecutiveUp, boolean simulateZone) {

    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    /** Reads a null optional as absent. */
    public MonitorSettings {
        customPort = customPort == null ? Optional.empty() : customPort;
        customInterval = customInterval == null ? Optional.empty() : customInterval;
    }

    /**
     * @return the defaults: HTTP on port 80, the plan's default interval, 5 s timeout, 1 retry, 2 down,
     *         2 up, simulating the zone
     */
    public static MonitorSettings defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings, to copy and change */
    public Builder toBuilder() {
        Builder b = new Builder().https(https).timeout(timeout).retries(retries).consecutiveDown(consecutiveDown)
                .consecutiveUp(consecutiveUp).simulateZone(simulateZone);
        customPort.ifPresent(b::port);
        customInterval.ifPresent(b::interval);
        return b;
    }

    /** @return the port probed: the custom port, else 443 over HTTPS and 80 over HTTP */
    public int port() {
        return customPort.orElse(https ? 443 : 80);
    }

    /**
     * @param plan the zone's plan
     * @return the time between probes: the custom interval, else {@link CloudflarePlan#defaultMonitorInterval()}
     */
    public Duration interval(CloudflarePlan plan) {
        return customInterval.orElseGet(plan::defaultMonitorInterval);
    }

    /**
     * @param plan the zone's plan, which gives the interval when none is set
     * @return the longest time from an origin's death to Cloudflare marking it down: the failure lands
     *         just after a passed probe, then {@code consecutiveDown} probes fail, the last one after all
     *         its attempts time out ({@code consecutiveDown × interval + (retries + 1) × timeout})
     */
    public Duration worstCaseDetection(CloudflarePlan plan) {
        return interval(plan).multipliedBy(consecutiveDown).plus(timeout.multipliedBy(retries + 1L));
    }

    /** Builds {@link MonitorSettings}. */
    public static final class Builder {
        private boolean https;
        private Integer port;
        private Duration interval;
        private Duration timeout = Duration.ofSeconds(5);
        private int retries = 1;
        private int consecutiveDown = 2;
        private int consecutiveUp = 2;
        private boolean simulateZone = true;

        private Builder() {
        }

        /**
         * Probe over HTTPS instead of HTTP. The origin's certificate is verified (the monitor's
         * {@code allow_insecure} stays false), and the load balancer's hostname goes in the Host header.
         * @default false
         *
         * @param value true for HTTPS
         * @return this builder
         */
        public Builder https(boolean value) {
            this.https = value;
            return this;
        }

        /**
         * The origin port to probe, e.g. the HAProxy tier's HTTP or HTTPS port. @default the scheme's
         * port: 80 for HTTP, 443 for HTTPS
         *
         * @param value 1–65535
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Time between two probes; shorter detects a dead region sooner but loads the origins more
         * (every check region probes). @default the load balancer's plan's
         * {@link CloudflarePlan#defaultMonitorInterval() default}: 60 s on Free and Pro, 20 s on
         * Business and Enterprise
         *
         * @param value whole seconds, at least the plan's minimum (60 s Free and Pro, 15 s Business, 10 s
         *              Enterprise); null for the plan's default
         * @return this builder
         */
        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        /**
         * How long one probe may take before it counts as failed. @default 5 s
         *
         * @param value whole seconds, 1–10 s, with all attempts ({@code (retries + 1) × timeout}) shorter
         *              than the interval
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * Immediate retries of a probe that timed out, before it counts as failed. @default 1
         *
         * @param value 1–5
         * @return this builder
         */
        public Builder retries(int value) {
            this.retries = value;
            return this;
        }

        /**
         * Failed probes in a row before an origin is marked unhealthy. @default 2
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder consecutiveDown(int value) {
            this.consecutiveDown = value;
            return this;
        }

        /**
         * Passed probes in a row before an unhealthy origin is trusted again. @default 2
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder consecutiveUp(int value) {
            this.consecutiveUp = value;
            return this;
        }

        /**
         * Whether probes leave Cloudflare with the load balancer's zone settings (Cloudflare's "Simulate
         * Zone", the monitor's {@code probe_zone} set to the zone's name), as visitors' requests do: with
         * authenticated origin pulls on, the probes then present the zone's client certificate, which an
         * origin that requires one needs. Cloudflare recommends the load balancer's own zone. @default true
         *
         * @param value false to probe without the zone's settings
         * @return this builder
         */
        public Builder simulateZone(boolean value) {
            this.simulateZone = value;
            return this;
        }

        /** @return the settings; checked when the load balancer is built */
        public MonitorSettings build() {
            return new MonitorSettings(https, Optional.ofNullable(port), Optional.ofNullable(interval), timeout, retries,
                    consecutiveDown, consecutiveUp, simulateZone);
        }
    }

    /**
     * Checks the timing, against the plan's limits, and the port.
     *
     * @param p    where problems go, nested under {@code monitor}
     * @param plan the load balancer's plan; when null (reported by the load balancer) the interval is
     *             checked only where it is set
     */
    public void validate(Problems p, CloudflarePlan plan) {
        boolean intervalOk = customInterval.map(i -> wholeSeconds(p, "interval", i) && minimumInterval(p, i, plan))
                .orElse(plan != null);
        boolean timeoutOk = p.present(timeout, "timeout", "omit timeout for 5 s, or pass a Duration")
                && wholeSeconds(p, "timeout", timeout)
                && p.require(timeout.compareTo(Duration.ofSeconds(1)) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0,
                        "timeout", timeout, "must be 1–10 s (the provider's range)", "use e.g. Duration.ofSeconds(5)");
        boolean retriesOk = p.require(retries >= 1 && retries <= 5, "retries", retries,
                "must be 1–5 (the provider's range)", "use 1");
        if (intervalOk && timeoutOk && retriesOk) {
            Duration interval = interval(plan);
            Duration attempts = timeout.multipliedBy(retries + 1L);
            p.require(attempts.compareTo(interval) < 0, "timeout", timeout,
                    "with retries " + retries + ", all attempts take (retries + 1) × timeout = "
                            + attempts.toSeconds() + " s, which must be shorter than the interval ("
                            + interval.toSeconds() + " s" + (customInterval.isEmpty() ? ", plan " + plan + "'s default" : "")
                            + ") so one check ends before the next",
                    "lower the timeout or retries, or raise the interval");
        }
        p.require(consecutiveDown >= 1, "consecutiveDown", consecutiveDown, "must be at least 1", "use 2");
        p.require(consecutiveUp >= 1, "consecutiveUp", consecutiveUp, "must be at least 1", "use 2");
        customPort.ifPresent(port -> p.require(port >= 1 && port <= 65535, "port", port, "must be 1–65535",
                "use the port the HAProxy tier serves on, or omit port for the scheme's default"));
    }

    private static boolean minimumInterval(Problems p, Duration interval, CloudflarePlan plan) {
        if (plan == null) {
            return false;
        }
        Duration min = plan.minimumMonitorInterval();
        return p.require(interval.compareTo(min) >= 0, "interval", interval,
                "must be at least " + min.toSeconds() + " s on the " + plan + " plan (Cloudflare's minimum"
                        + (plan.limitsDocumented() ? ")" : " for Pro: Free's is not documented, so Tandem assumes Pro's)"),
                "use Duration.ofSeconds(" + min.toSeconds() + ") or more, or omit interval for the plan's default ("
                        + plan.defaultMonitorInterval().toSeconds() + " s); if the account's plan is higher, say so "
                        + "with plan(CloudflarePlan.…)");
    }

    private static boolean wholeSeconds(Problems p, String property, Duration d) {
        return p.require(d.getNano() == 0, property, d,
                "must be whole seconds: Cloudflare takes the " + property + " in seconds",
                "round it to seconds, e.g. Duration.ofSeconds(" + Math.max(1, d.toSeconds()) + ")");
    }
}
