package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.health.HealthContract;
import java.time.Duration;
import java.util.List;

/**
 * Everything that describes a {@link Route53Failover}. Build it with {@link #builder()} or directly through
 * {@link Route53Failover.Builder}; both share the setters documented on {@link BuilderBase}. Nothing is checked
 * here: the construct validates every value when it is built.
 *
 * @param zone             the public hosted zone the records go into
 * @param hostname         the failed-over name, inside the zone
 * @param health           the deployment's health contract (its path is what the checkers request)
 * @param pools            the two regions, active first: name (the records' {@code set_identifier}), origins (the
 *                         tier's floating IPs) and {@code minimumOrigins} (the region's calculated threshold)
 * @param port             the port the checkers connect to over HTTPS
 * @param requestInterval  time between one checker's requests: 10 s or 30 s
 * @param failureThreshold consecutive failed requests that turn one checker's view unhealthy
 * @param checkerRegions   where the checkers probe from; empty for Route 53's default set
 * @param ttl              the records' TTL
 * @param resolverCaching  an allowance for caches that outlive the TTL, counted in the readiness pass's RTO
 * @param checkSecondary   whether the secondary record carries its region's health check
 */
public record Route53FailoverProps(
        HostedZone zone,
        String hostname,
        HealthContract health,
        List<OriginPool> pools,
        int port,
        Duration requestInterval,
        int failureThreshold,
        List<Route53CheckerRegion> checkerRegions,
        Duration ttl,
        Duration resolverCaching,
        boolean checkSecondary) {

    /** Copies the lists (nulls are kept for validation to report). */
    public Route53FailoverProps {
        pools = Values.list(pools);
        checkerRegions = Values.list(checkerRegions);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Route53FailoverProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the construct is built */
        public Route53FailoverProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link Route53Failover}, shared by {@link Builder} and {@link Route53Failover.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private HostedZone zone;
        private String hostname;
        private HealthContract health;
        private List<OriginPool> pools;
        private int port = 443;
        private Duration requestInterval = Duration.ofSeconds(10);
        private int failureThreshold = 3;
        private List<Route53CheckerRegion> checkerRegions = List.of();
        private Duration ttl = Duration.ofSeconds(60);
        private Duration resolverCaching = Duration.ofSeconds(30);
        private boolean checkSecondary = true;

        BuilderBase() {
        }

        /**
         * The public hosted zone of the name: {@link HostedZone#lookup(String)} (DNS stays where it is) or
         * {@link HostedZone#create(String)}. Required.
         *
         * @param value the zone
         * @return this builder
         */
        public B zone(HostedZone value) {
            this.zone = value;
            return self();
        }

        /**
         * The name clients resolve, inside the zone; also the checkers' {@code Host} header and TLS SNI. Required.
         *
         * @param value e.g. {@code app.example.com}
         * @return this builder
         */
        public B hostname(String value) {
            this.hostname = value;
            return self();
        }

        /**
         * The deployment's health contract: the checkers request its path from each HAProxy instance, which
         * answers 200 while its region has a usable server and 503 when none is. Required.
         *
         * @param value the contract
         * @return this builder
         */
        public B health(HealthContract value) {
            this.health = value;
            return self();
        }

        /**
         * The two regions in failover order, active first, as for {@code CloudflareFailoverLb}: each pool's
         * {@code name} becomes its record's {@code set_identifier}, its origins' addresses (IPv4, the tier's
         * floating IPs) the record's values and one health check each, and {@code minimumOrigins} how many of
         * them must be healthy for the region to be. Cloudflare-only pool settings (notification e-mail, geo
         * steering, location) are refused; check regions and origin steering are Cloudflare's and ignored.
         * Required: exactly two (failover records are one PRIMARY and one SECONDARY).
         *
         * @param value the pools
         * @return this builder
         */
        public B pools(List<OriginPool> value) {
            this.pools = value;
            return self();
        }

        /**
         * The port the checkers connect to over HTTPS: the tiers' TLS frontend. @default 443
         *
         * @param value 1–65535
         * @return this builder
         */
        public B port(int value) {
            this.port = value;
            return self();
        }

        /**
         * Time between one checker's requests: Route 53 offers 10 s ("fast", billed extra) and 30 s, and the
         * setting cannot be changed once the check exists (the provider replaces it). @default 10 s: a DR edge
         * detects in 30 s instead of 90 s
         *
         * @param value 10 s or 30 s
         * @return this builder
         */
        public B requestInterval(Duration value) {
            this.requestInterval = value;
            return self();
        }

        /**
         * Consecutive failed requests before a checker considers an instance unhealthy (and passed ones before
         * healthy again). @default 3
         *
         * @param value 1–10
         * @return this builder
         */
        public B failureThreshold(int value) {
            this.failureThreshold = value;
            return self();
        }

        /**
         * Where the checkers probe from. @default none named: Route 53's default set of checker regions
         *
         * @param value at least three distinct regions, or empty
         * @return this builder
         */
        public B checkerRegions(List<Route53CheckerRegion> value) {
            this.checkerRegions = value;
            return self();
        }

        /**
         * How long resolvers may keep the answer. AWS recommends 60 s or less for records with health checks.
         * @default 60 s
         *
         * @param value whole seconds, 0 or more
         * @return this builder
         */
        public B ttl(Duration value) {
            this.ttl = value;
            return self();
        }

        /**
         * What the readiness pass adds to the RTO for caches that keep an answer past its TTL: resolvers that raise
         * short TTLs, and clients' own caches (the JVM keeps a successful lookup 30 s by default,
         * {@code networkaddress.cache.ttl}). Nothing is written to Route 53. @default 30 s
         *
         * @param value 0 or more
         * @return this builder
         */
        public B resolverCaching(Duration value) {
            this.resolverCaching = value;
            return self();
        }

        /**
         * Whether the secondary record carries its region's health check. Without one Route 53 considers the
         * secondary always healthy, so it fails over to it whether or not it serves, and nothing reports the
         * standby's health. @default true; false fails the readiness rule {@code dns-secondary-health} unless
         * accepted
         *
         * @param value false to leave the secondary unchecked
         * @return this builder
         */
        public B checkSecondary(boolean value) {
            this.checkSecondary = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected Route53FailoverProps props() {
            return new Route53FailoverProps(zone, hostname, health, pools, port, requestInterval, failureThreshold,
                    checkerRegions, ttl, resolverCaching, checkSecondary);
        }
    }
}
