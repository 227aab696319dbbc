package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link CloudflareFailoverLb}: build it with
 * {@code CloudflareFailoverLbProps.builder()…build()} or set the same values on
 * {@link CloudflareFailoverLb.Builder}; the setters of {@link BuilderBase} document each value and its
 * default. Values are checked when the construct is built.
 *
 * @param accountId           The Cloudflare account that owns the monitor and the pools (dashboard: Account
 *                            Home → the account's menu → Copy account ID); required. Not the zone id: the same
 *                            value for both is refused. 32 lower-case hex characters, or a Terraform reference
 *                            such as a variable
 * @param zoneId              The zone the load balancer answers in (dashboard: the zone's Overview → API → Zone
 *                            ID); required. Not the account id: the same value for both is refused. 32
 *                            lower-case hex characters, or a Terraform reference such as a variable
 * @param zoneName            The name of the zone {@link #zoneId} identifies; required, so the hostname
 *                            can be checked to lie inside it. The zone's apex in lower case, e.g.
 *                            {@code example.com}
 * @param hostname            The balanced host name, the name visitors use; the monitor sends it as the Host
 *                            header. Required. The zone itself or a lower-case name inside it, e.g.
 *                            {@code app.example.com}
 * @param plan                The Cloudflare plan of the zone ({@link #zoneId}): it sets the shortest
 *                            monitor interval (60 s Free and Pro, 15 s Business, 10 s Enterprise), the
 *                            monitor's default interval, and whether pools may be probed from
 *                            {@link CloudflareRegion#ALL_REGIONS} or every data centre (Enterprise). Nothing is
 *                            sent to Cloudflare: a plan higher than the account's fails at apply. @default
 *                            {@link CloudflarePlan#PRO}: the lowest plan whose limits Cloudflare documents, so
 *                            the defaults deploy on every plan (the monitor probes every 60 s). The zone's plan
 * @param health              The deployment's health contract: the monitor requests its path and expects its
 *                            status, as the HAProxy tiers and the clusters do. Required (the same value every
 *                            layer gets). The contract
 * @param monitor             How Cloudflare probes the origins: timing, scheme and port. @default
 *                            {@link MonitorSettings#defaults()}: HTTP on port 80 at the plan's default interval
 *                            (20 s on Business and Enterprise, a dead region out within 50 s; 60 s on Free and
 *                            Pro, within 130 s). The settings, e.g.
 *                            {@code MonitorSettings.builder().port(8080).build()}
 * @param pools               One pool per region, in failover order: the first healthy pool takes the traffic.
 *                            Required, at least two, with distinct names, origin names and origin addresses.
 *                            The pools, primary first
 * @param fallbackPool        The pool that serves when every pool is unhealthy. @default the last pool. The
 *                            name of one of the {@link #pools pools}
 * @param steering            How the load balancer picks a pool. {@link SteeringPolicy#GEO} needs pools with
 *                            {@code regions} or {@code countries}; {@link SteeringPolicy#PROXIMITY} needs every
 *                            pool's {@code location}. @default {@link SteeringPolicy#OFF}: active-passive
 *                            failover in pool order. The policy
 * @param proxied             Whether traffic goes through Cloudflare's proxy (orange cloud): failover then
 *                            needs no DNS change. Unproxied, resolvers keep the old address for the
 *                            {@link #ttl TTL}. @default true. False for a DNS-only load balancer
 * @param ttl                 The DNS TTL of an unproxied load balancer's answers; only with
 *                            {@code proxied(false)}. @default Cloudflare's 30 s. Whole seconds, at least 30 s
 * @param sessionAffinity     Whether a visitor sticks to one origin across requests. @default
 *                            {@link SessionAffinity#NONE}. The affinity
 * @param sessionAffinityTtl  How long a visitor stays pinned; only with a session affinity. @default
 *                            Cloudflare's: 23 h for a cookie, 30 min for a header. Whole seconds: 1800 s–7 d
 *                            with COOKIE or IP_COOKIE, 30 s–1 h with HEADER
 * @param failoverAcrossPools Whether a request that fails on every origin of a pool is retried on the next pool
 *                            (adaptive routing), so visitors see no error while the monitor has not yet
 *                            noticed. @default true. False to fail over only when the monitor marks the pool
 *                            down
 * @param originPulls         The deployment's origin-pull client CA ({@link OriginPullTrust}, which uploads the
 *                            certificate and switches the zone's zone-level authenticated origin pulls on): the
 *                            origins accept only its certificates, so the load balancer must be proxied and its
 *                            monitor must probe over HTTPS, simulating the zone; the readiness pass checks each
 *                            region's tier trusts this same CA. Without it the origins' requirement of a client
 *                            certificate has nothing to meet it. @default none: the edge declares no client
 *                            certificate. The trust, from the deployment's origin-pulls stack
 */
@Settings
public record CloudflareFailoverLbProps(
        String accountId,
        String zoneId,
        String zoneName,
        String hostname,
        @Default("CloudflarePlan.PRO") CloudflarePlan plan,
        HealthContract health,
        @Default("MonitorSettings.defaults()") MonitorSettings monitor,
        List<OriginPool> pools,
        Optional<String> fallbackPool,
        @Default("SteeringPolicy.OFF") SteeringPolicy steering,
        @Default("true") boolean proxied,
        Optional<Duration> ttl,
        @Default("SessionAffinity.NONE") SessionAffinity sessionAffinity,
        Optional<Duration> sessionAffinityTtl,
        @Default("true") boolean failoverAcrossPools,
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
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends CloudflareFailoverLbPropsSettings<B> {
        /** For the two builders only. */
        BuilderBase() {
        }
    }
}
