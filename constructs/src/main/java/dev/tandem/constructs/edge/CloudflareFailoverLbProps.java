package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.health.HealthContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link CloudflareFailoverLb}: build it with
 * {@code CloudflareFailoverLbProps.builder()…build()} or set the same values on
 * {@link CloudflareFailoverLb.Builder}; the setters of {@link BuilderBase} document each value and its
 * default. Values are checked when the construct is built.
 *
 * @param accountId           Cloudflare account that owns the monitor and the pools
 * @param zoneId              the zone the load balancer answers in
 * @param zoneName            that zone's name
 * @param hostname            the balanced name
 * @param plan                the zone's Cloudflare plan, which bounds the monitor and the check regions
 * @param health              the health contract the monitor probes
 * @param monitor             probe timing, scheme and port
 * @param pools               one pool per region, in failover order
 * @param fallbackPool        name of the pool used when all are unhealthy
 * @param steering            how the load balancer picks a pool
 * @param proxied             traffic through Cloudflare's proxy
 * @param ttl                 DNS TTL of an unproxied record
 * @param sessionAffinity     whether a visitor sticks to one origin
 * @param sessionAffinityTtl  how long a visitor stays pinned
 * @param failoverAcrossPools retry a failed request on the next pool
 * @param originPulls         the deployment's origin-pull client CA, whose certificate the zone presents
 */
public record CloudflareFailoverLbProps(
        String accountId,
        String zoneId,
        String zoneName,
        String hostname,
        CloudflarePlan plan,
        HealthContract health,
        MonitorSettings monitor,
        List<OriginPool> pools,
        Optional<String> fallbackPool,
        SteeringPolicy steering,
        boolean proxied,
        Optional<Duration> ttl,
        SessionAffinity sessionAffinity,
        Optional<Duration> sessionAffinityTtl,
        boolean failoverAcrossPools,
        Optional<OriginPullTrust> originPulls) {

    /** Copies the pool list as given (nulls stay, for validation to report) and reads a null optional as absent. */
    public CloudflareFailoverLbProps {
        pools = Values.list(pools);
        fallbackPool = fallbackPool == null ? Optional.empty() : fallbackPool;
        ttl = ttl == null ? Optional.empty() : ttl;
        sessionAffinityTtl = sessionAffinityTtl == null ? Optional.empty() : sessionAffinityTtl;
        originPulls = originPulls == null ? Optional.empty() : originPulls;
    }

    /** @return a builder for the props */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CloudflareFailoverLbProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the construct is built */
        public CloudflareFailoverLbProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link CloudflareFailoverLb}, shared by {@link Builder} and
     * {@link CloudflareFailoverLb.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String accountId;
        private String zoneId;
        private String zoneName;
        private String hostname;
        private CloudflarePlan plan = CloudflarePlan.PRO;
        private HealthContract health;
        private MonitorSettings monitor = MonitorSettings.defaults();
        private List<OriginPool> pools;
        private String fallbackPool;
        private SteeringPolicy steering = SteeringPolicy.OFF;
        private boolean proxied = true;
        private Duration ttl;
        private SessionAffinity sessionAffinity = SessionAffinity.NONE;
        private Duration sessionAffinityTtl;
        private boolean failoverAcrossPools = true;
        private OriginPullTrust originPulls;

        /** For the two builders only. */
        BuilderBase() {
        }

        /**
         * The Cloudflare account that owns the monitor and the pools (dashboard: Account Home → the
         * account's menu → Copy account ID); required. Not the zone id: the same value for both is refused.
         *
         * @param value 32 lower-case hex characters, or a Terraform reference such as a variable
         * @return this builder
         */
        public B accountId(String value) {
            this.accountId = value;
            return self();
        }

        /**
         * The zone the load balancer answers in (dashboard: the zone's Overview → API → Zone ID); required.
         * Not the account id: the same value for both is refused.
         *
         * @param value 32 lower-case hex characters, or a Terraform reference such as a variable
         * @return this builder
         */
        public B zoneId(String value) {
            this.zoneId = value;
            return self();
        }

        /**
         * The name of the zone {@link #zoneId(String)} identifies; required, so the hostname can be
         * checked to lie inside it.
         *
         * @param value the zone's apex in lower case, e.g. {@code example.com}
         * @return this builder
         */
        public B zoneName(String value) {
            this.zoneName = value;
            return self();
        }

        /**
         * The balanced host name, the name visitors use; the monitor sends it as the Host header. Required.
         *
         * @param value the zone itself or a lower-case name inside it, e.g. {@code app.example.com}
         * @return this builder
         */
        public B hostname(String value) {
            this.hostname = value;
            return self();
        }

        /**
         * The Cloudflare plan of the zone ({@link #zoneId(String)}): it sets the shortest monitor interval
         * (60 s Free and Pro, 15 s Business, 10 s Enterprise), the monitor's default interval, and whether
         * pools may be probed from {@link CloudflareRegion#ALL_REGIONS} or every data centre (Enterprise).
         * Nothing is sent to Cloudflare: a plan higher than the account's fails at apply.
         * @default {@link CloudflarePlan#PRO}: the lowest plan whose limits Cloudflare documents, so the
         * defaults deploy on every plan (the monitor probes every 60 s)
         *
         * @param value the zone's plan
         * @return this builder
         */
        public B plan(CloudflarePlan value) {
            this.plan = value;
            return self();
        }

        /**
         * The deployment's health contract: the monitor requests its path and expects its status, as the
         * HAProxy tiers and the clusters do. Required (the same value every layer gets).
         *
         * @param value the contract
         * @return this builder
         */
        public B health(HealthContract value) {
            this.health = value;
            return self();
        }

        /**
         * How Cloudflare probes the origins: timing, scheme and port. @default
         * {@link MonitorSettings#defaults()}: HTTP on port 80 at the plan's default interval (20 s on
         * Business and Enterprise, a dead region out within 50 s; 60 s on Free and Pro, within 130 s)
         *
         * @param value the settings, e.g. {@code MonitorSettings.builder().port(8080).build()}
         * @return this builder
         */
        public B monitor(MonitorSettings value) {
            this.monitor = value;
            return self();
        }

        /**
         * One pool per region, in failover order: the first healthy pool takes the traffic. Required, at
         * least two, with distinct names, origin names and origin addresses.
         *
         * @param value the pools, primary first
         * @return this builder
         */
        public B pools(List<OriginPool> value) {
            this.pools = value;
            return self();
        }

        /**
         * The pool that serves when every pool is unhealthy. @default the last pool
         *
         * @param value the name of one of the {@link #pools(List) pools}
         * @return this builder
         */
        public B fallbackPool(String value) {
            this.fallbackPool = value;
            return self();
        }

        /**
         * How the load balancer picks a pool. {@link SteeringPolicy#GEO} needs pools with
         * {@code regions} or {@code countries}; {@link SteeringPolicy#PROXIMITY} needs every pool's
         * {@code location}. @default {@link SteeringPolicy#OFF}: active-passive failover in pool order
         *
         * @param value the policy
         * @return this builder
         */
        public B steering(SteeringPolicy value) {
            this.steering = value;
            return self();
        }

        /**
         * Whether traffic goes through Cloudflare's proxy (orange cloud): failover then needs no DNS
         * change. Unproxied, resolvers keep the old address for the {@link #ttl(Duration) TTL}.
         * @default true
         *
         * @param value false for a DNS-only load balancer
         * @return this builder
         */
        public B proxied(boolean value) {
            this.proxied = value;
            return self();
        }

        /**
         * The DNS TTL of an unproxied load balancer's answers; only with {@code proxied(false)}.
         * @default Cloudflare's 30 s
         *
         * @param value whole seconds, at least 30 s
         * @return this builder
         */
        public B ttl(Duration value) {
            this.ttl = value;
            return self();
        }

        /**
         * Whether a visitor sticks to one origin across requests. @default {@link SessionAffinity#NONE}
         *
         * @param value the affinity
         * @return this builder
         */
        public B sessionAffinity(SessionAffinity value) {
            this.sessionAffinity = value;
            return self();
        }

        /**
         * How long a visitor stays pinned; only with a session affinity. @default Cloudflare's: 23 h for a
         * cookie, 30 min for a header
         *
         * @param value whole seconds: 1800 s–7 d with COOKIE or IP_COOKIE, 30 s–1 h with HEADER
         * @return this builder
         */
        public B sessionAffinityTtl(Duration value) {
            this.sessionAffinityTtl = value;
            return self();
        }

        /**
         * Whether a request that fails on every origin of a pool is retried on the next pool (adaptive
         * routing), so visitors see no error while the monitor has not yet noticed. @default true
         *
         * @param value false to fail over only when the monitor marks the pool down
         * @return this builder
         */
        public B failoverAcrossPools(boolean value) {
            this.failoverAcrossPools = value;
            return self();
        }

        /**
         * The deployment's origin-pull client CA ({@link OriginPullTrust}, which uploads the certificate and
         * switches the zone's zone-level authenticated origin pulls on): the origins accept only its certificates,
         * so the load balancer must be proxied and its monitor must probe over HTTPS, simulating the zone; the
         * readiness pass checks each region's tier trusts this same CA. Without it the origins' requirement of a
         * client certificate has nothing to meet it. @default none: the edge declares no client certificate
         *
         * @param value the trust, from the deployment's origin-pulls stack
         * @return this builder
         */
        public B originPulls(OriginPullTrust value) {
            this.originPulls = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected CloudflareFailoverLbProps props() {
            return new CloudflareFailoverLbProps(accountId, zoneId, zoneName, hostname, plan, health, monitor, pools,
                    Optional.ofNullable(fallbackPool), steering, proxied, Optional.ofNullable(ttl), sessionAffinity,
                    Optional.ofNullable(sessionAffinityTtl), failoverAcrossPools, Optional.ofNullable(originPulls));
        }
    }
}
