package dev.tandem.rehearsal.edge;

import dev.tandem.rehearsal.Deployment.Edge;
import dev.tandem.rehearsal.Deployment.Origin;
import dev.tandem.rehearsal.Deployment.Pool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which pool and origin the load balancer sends a request to, from the synthesized load balancer and pools and the
 * monitors' current verdicts. Rules, each from Cloudflare's documentation:
 * <ul>
 * <li>A pool is healthy while at least {@code minimum_origins} of its enabled origins are healthy ("Health
 * threshold", learning path "Server and pool health").</li>
 * <li>{@code steering_policy = "off"}: "Failover steering uses the pool order to determine failover priority"; the
 * first healthy pool of {@code default_pools} gets the traffic, and once an earlier pool is healthy again traffic
 * shifts back to it (failback) ("Standard" steering options,
 * developers.cloudflare.com/load-balancing/understand-basics/traffic-steering/steering-policies/standard-options/).
 * </li>
 * <li>All pools unhealthy: the fallback pool, "its health is not taken into account" ("Common configurations",
 * developers.cloudflare.com/load-balancing/reference/common-configurations/). The docs do not say which of its
 * origins it then picks; the worst case is taken: any enabled origin by weight, healthy or not.</li>
 * <li>{@code steering_policy = "random"}: a healthy pool at random (same page); other policies need data
 * (latency, geography) a single machine does not have and are refused.</li>
 * <li>Origin steering {@code random}: "sends requests to origins purely based on origin weights", unhealthy
 * origins excluded, weight 0 gets nothing; {@code hash}: by client address with the same weights ("Origin
 * steering", developers.cloudflare.com/load-balancing/understand-basics/traffic-steering/origin-level-steering/).
 * {@code least_outstanding_requests} is taken as random (unverified: no per-origin load is tracked here).</li>
 * </ul>
 */
public final class PoolSteering {
    private final Edge edge;
    private final Map<String, OriginMonitor> monitors;

    /** @param monitors the monitor of every origin, by origin name */
    public PoolSteering(Edge edge, Map<String, OriginMonitor> monitors) {
        this.edge = edge;
        this.monitors = monitors;
        if (!List.of("off", "random", "").contains(edge.steeringPolicy())) {
            throw new IllegalArgumentException("steering_policy " + edge.steeringPolicy()
                    + " needs latency or location data a single machine does not have; the rehearsal emulates"
                    + " \"off\" and \"random\"");
        }
    }

    public boolean healthy(Pool pool) {
        return healthyOrigins(pool).size() >= pool.minimumOrigins();
    }

    /** @return the pools in the order requests try them: healthy pools by policy, then the fallback pool */
    public List<Pool> order() {
        List<Pool> healthy = new ArrayList<>();
        for (String name : edge.defaultPools()) {
            Pool pool = edge.pools().get(name);
            if (healthy(pool)) {
                healthy.add(pool);
            }
        }
        if (edge.steeringPolicy().equals("random") && healthy.size() > 1) {
            Collections.rotate(healthy, ThreadLocalRandom.current().nextInt(healthy.size()));
        }
        return healthy;
    }

    /** @return the pool a request goes to now */
    public Pool choose() {
        List<Pool> order = order();
        return order.isEmpty() ? edge.pools().get(edge.fallbackPool()) : order.get(0);
    }

    /**
     * @param except  origins already tried for this request
     * @param anyOrigin true for the fallback pool used as last resort: origin health is not looked at
     * @return an origin of {@code pool} by its steering and weights, if one is eligible
     */
    public Optional<Origin> origin(Pool pool, String client, List<String> except, boolean anyOrigin) {
        List<Origin> eligible = pool.origins().stream()
                .filter(o -> o.enabled() && o.weight() > 0 && !except.contains(o.name()))
                .filter(o -> anyOrigin || monitors.get(o.name()).healthy()).toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        double total = eligible.stream().mapToDouble(Origin::weight).sum();
        double pick = pool.originSteering().equals("hash")
                ? Math.floorMod(client.hashCode(), 10_000) / 10_000.0 * total
                : ThreadLocalRandom.current().nextDouble(total);
        for (Origin o : eligible) {
            pick -= o.weight();
            if (pick < 0) {
                return Optional.of(o);
            }
        }
        return Optional.of(eligible.get(eligible.size() - 1));
    }

    private List<Origin> healthyOrigins(Pool pool) {
        return pool.origins().stream().filter(o -> o.enabled() && monitors.get(o.name()).healthy()).toList();
    }
}
