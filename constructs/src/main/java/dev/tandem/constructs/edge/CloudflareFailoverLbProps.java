package dev.tandem.constructs.edge;

import dev.tandem.constructs.health.HealthContract;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link CloudflareFailoverLb}. Build it with
 * {@link CloudflareFailoverLb.Builder}; values are checked when the construct is created.
 *
 * @param accountId           Cloudflare account that owns monitors and pools
 * @param zoneId              the zone the load balancer answers in
 * @param zoneName            that zone's name, e.g. {@code example.com}
 * @param hostname            the balanced name, the zone itself or a name inside it
 * @param health              the health contract: the monitor probes its path and expects its status
 * @param monitor             probe timing and scheme; @default {@link MonitorSettings#defaults()}
 * @param pools               one pool per region, in failover order (primary first), at least two
 * @param fallbackPool        name of the pool used when all are unhealthy; @default the last pool
 * @param steering            @default OFF (active-passive)
 * @param proxied             traffic through Cloudflare's proxy; @default true
 * @param ttl                 DNS TTL in seconds, only when not proxied
 * @param sessionAffinity     @default NONE
 * @param sessionAffinityTtl  seconds a visitor stays pinned (with affinity)
 * @param failoverAcrossPools retry a failed request on the next pool (adaptive routing); @default true
 */
public record CloudflareFailoverLbProps(
        String accountId,
        String zoneId,
        String zoneName,
        String hostname,
        HealthContract health,
        MonitorSettings monitor,
        List<OriginPool> pools,
        Optional<String> fallbackPool,
        SteeringPolicy steering,
        boolean proxied,
        Optional<Integer> ttl,
        SessionAffinity sessionAffinity,
        Optional<Integer> sessionAffinityTtl,
        boolean failoverAcrossPools) {

    /** Copies the pool list. */
    public CloudflareFailoverLbProps {
        pools = List.copyOf(pools);
    }
}
