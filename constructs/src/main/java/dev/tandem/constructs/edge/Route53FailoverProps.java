package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Everything that describes a {@link Route53Failover}. Build it with {@link #builder()} or directly through
 * {@link Route53Failover.Builder}; both share the setters documented on {@link BuilderBase}. Nothing is checked
 * here: the construct validates every value when it is built.
 *
 * @param zone             The public hosted zone of the name: {@link HostedZone#lookup(String)} (DNS stays
 *                         where it is) or {@link HostedZone#create(String)}. Required. The zone
 * @param hostname         The name clients resolve, inside the zone; also the checkers' {@code Host} header and
 *                         TLS SNI. Required. E.g. {@code app.example.com}
 * @param health           The deployment's health contract: the checkers request its path from each HAProxy
 *                         instance, which answers 200 while its region has a usable server and 503 when none
 *                         is. Required. The contract
 * @param pools            The two regions in failover order, active first, as for {@code CloudflareFailoverLb}:
 *                         each pool's {@code name} becomes its record's {@code set_identifier}, its origins'
 *                         addresses (IPv4, the tier's floating IPs) the record's values and one health check
 *                         each, and {@code minimumOrigins} how many of them must be healthy for the region to
 *                         be. Cloudflare-only pool settings (notification e-mail, geo steering, location) are
 *                         refused; check regions and origin steering are Cloudflare's and ignored. Required:
 *                         exactly two (failover records are one PRIMARY and one SECONDARY). The pools
 * @param port             The port the checkers connect to over HTTPS: the tiers' TLS frontend. @default 443.
 *                         1–65535
 * @param requestInterval  Time between one checker's requests: Route 53 offers 10 s ("fast", billed extra) and
 *                         30 s, and the setting cannot be changed once the check exists (the provider replaces
 *                         it). @default 10 s: a DR edge detects in 30 s instead of 90 s. 10 s or 30 s
 * @param failureThreshold Consecutive failed requests before a checker considers an instance unhealthy (and
 *                         passed ones before healthy again). @default 3. 1–10
 * @param checkerRegions   Where the checkers probe from. @default none named: Route 53's default set of checker
 *                         regions. At least three distinct regions, or empty
 * @param ttl              How long resolvers may keep the answer. AWS recommends 60 s or less for records with
 *                         health checks. @default 60 s. Whole seconds, 0 or more
 * @param resolverCaching  What the readiness pass adds to the RTO for caches that keep an answer past its TTL:
 *                         resolvers that raise short TTLs, and clients' own caches (the JVM keeps a successful
 *                         lookup 30 s by default, {@code networkaddress.cache.ttl}). Nothing is written to
 *                         Route 53. @default 30 s. 0 or more
 * @param checkSecondary   Whether the secondary record carries its region's health check. Without one Route 53
 *                         considers the secondary always healthy, so it fails over to it whether or not it
 *                         serves, and nothing reports the standby's health. @default true; false fails the
 *                         readiness rule {@code dns-secondary-health} unless accepted. False to leave the
 *                         secondary unchecked
 */
@Settings
public record Route53FailoverProps(
        HostedZone zone,
        String hostname,
        HealthContract health,
        List<OriginPool> pools,
        @Default("443") int port,
        @Default("Duration.ofSeconds(10)") Duration requestInterval,
        @Default("3") int failureThreshold,
        @Default("List.of()") List<Route53CheckerRegion> checkerRegions,
        @Default("Duration.ofSeconds(60)") Duration ttl,
        @Default("Duration.ofSeconds(30)") Duration resolverCaching,
        @Default("true") boolean checkSecondary) {

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
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends Route53FailoverPropsSettings<B> {
        BuilderBase() {
        }
    }
}
