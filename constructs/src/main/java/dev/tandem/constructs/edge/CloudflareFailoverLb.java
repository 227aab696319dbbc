package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.providers.cloudflare.load_balancer.LoadBalancer;
import dev.tandem.providers.cloudflare.load_balancer.LoadBalancerAdaptiveRouting;
import dev.tandem.providers.cloudflare.load_balancer.LoadBalancerConfig;
import dev.tandem.providers.cloudflare.load_balancer.LoadBalancerRandomSteering;
import dev.tandem.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPool;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPoolConfig;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOriginSteering;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOrigins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * Cross-region failover at the edge: a Cloudflare health monitor on the shared health contract, one pool per
 * region, and a load balancer that sends traffic to the first healthy pool (cloudflare/cloudflare 5.22.0).
 *
 * <pre>{@code
 * CloudflareFailoverLb.Builder.create(edge, "lb")
 *     .accountId(account).zoneId(zone).zoneName("example.com").hostname("app.example.com")
 *     .plan(CloudflarePlan.BUSINESS)
 *     .health(contract)
 *     .pools(List.of(primaryPool, secondaryPool))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: active-passive ({@code steering_policy = "off"}), pools in the order given
 * (primary first), the last pool as fallback, proxied, no session affinity, adaptive routing
 * that retries a failed request on the next pool, and a monitor at the {@link CloudflarePlan plan}'s
 * default interval that simulates the zone. On Business and Enterprise a dead region leaves rotation
 * within 50 s, on Free and Pro within 130 s ({@link MonitorSettings#worstCaseDetection(CloudflarePlan)}).
 *
 * <p>The zone's authenticated origin pulls are an {@link OriginPullTrust}'s; naming it here
 * ({@code originPulls}) lets validation and the readiness pass check that the origins get the client certificate
 * they require.
 *
 * <p>What is written where provider 5.22.0 would otherwise drift, and why: the
 * {@link dev.tandem.constructs.edge package documentation}.
 */
public class CloudflareFailoverLb extends Construct {
    /** The order the load-balancing API returns a pool's origins in: by name (provider issue #7179). */
    private static final Comparator<Origin> API_ORDER = Comparator.comparing(Origin::name);

    private final CloudflareFailoverLbProps props;
    private final LoadBalancerMonitor monitor;
    private final Map<String, LoadBalancerPool> pools = new LinkedHashMap<>();
    private final LoadBalancer loadBalancer;

    /**
     * @param scope the edge stack
     * @param id    construct id
     * @param props the description; invalid props throw a {@link dev.tandem.constructs.core.ValidationException}
     *              listing every problem, before any resource is created
     */
    public CloudflareFailoverLb(@NotNull Construct scope, @NotNull String id, CloudflareFailoverLbProps props) {
        super(Scopes.checked(scope, id, "CloudflareFailoverLb"), id);
        Problems p = Problems.at(this);
        CloudflareFailoverLbValidation.validate(this, props, p);
        p.throwIfAny();
        this.props = props;
        this.monitor = createMonitor();
        for (OriginPool pool : props.pools()) {
            pools.put(pool.name(), createPool(pool));
        }
        this.loadBalancer = new LoadBalancer(this, "load-balancer", loadBalancerConfig());
        getNode().setDefaultChild(this.loadBalancer);
    }

    private LoadBalancerMonitor createMonitor() {
        MonitorSettings m = props.monitor();
        HealthContract health = props.health();
        LoadBalancerMonitor.Builder b = LoadBalancerMonitor.Builder.create(this, "monitor")
                .accountId(props.accountId())
                .description(TerraformStrings.literal(props.hostname() + " " + health.path()))
                .type(m.https() ? "https" : "http")
                .method("GET")
                .path(health.path())
                .expectedCodes(String.valueOf(health.expectedStatus()))
                .port(m.port())
                .header(Map.of("Host", List.of(props.hostname())))
                .interval(m.interval(props.plan()).toSeconds())
                .timeout(m.timeout().toSeconds())
                .retries(m.retries())
                .consecutiveDown(m.consecutiveDown())
                .consecutiveUp(m.consecutiveUp())
                .followRedirects(false)
                .allowInsecure(false);
        if (m.simulateZone()) {
            b.probeZone(props.zoneName());
        }
        return b.build();
    }

    private LoadBalancerPool createPool(OriginPool pool) {
        LoadBalancerPoolConfig.Builder b = LoadBalancerPoolConfig.builder()
                .accountId(props.accountId())
                .name(pool.name())
                .monitor(monitor.getId())
                .minimumOrigins(pool.minimumOrigins())
                .originSteering(LoadBalancerPoolOriginSteering.builder()
                        .policy(pool.originSteering().terraformValue()).build())
                .origins(pool.origins().stream().sorted(API_ORDER).map(o -> LoadBalancerPoolOrigins.builder()
                        .name(TerraformStrings.literal(o.name())).address(o.address()).weight(o.weight())
                        .enabled(o.enabled()).build())
                        .toList());
        // Null check regions probe from every data centre (Enterprise only; validation allows it nowhere else).
        if (!pool.checkRegions().isEmpty()) {
            b.checkRegions(codes(pool.checkRegions()));
        }
        pool.notificationEmail().map(TerraformStrings::literal).ifPresent(b::notificationEmail);
        pool.location().ifPresent(l -> b.latitude(l.latitude()).longitude(l.longitude()));
        return new LoadBalancerPool(this, "pool-" + pool.name(), b.build());
    }

    private LoadBalancerConfig loadBalancerConfig() {
        List<String> ids = pools.values().stream().map(LoadBalancerPool::getId).toList();
        String fallback = props.fallbackPool().map(name -> pools.get(name).getId()).orElse(ids.get(ids.size() - 1));
        LoadBalancerConfig.Builder b = LoadBalancerConfig.builder()
                .zoneId(props.zoneId())
                .name(props.hostname())
                .description(TerraformStrings.literal("Tandem failover for " + props.hostname()))
                .defaultPools(ids)
                .fallbackPool(fallback)
                .steeringPolicy(props.steering().terraformValue())
                .proxied(props.proxied())
                .sessionAffinity(props.sessionAffinity().terraformValue())
                .adaptiveRouting(LoadBalancerAdaptiveRouting.builder()
                        .failoverAcrossPools(props.failoverAcrossPools()).build());
        props.ttl().ifPresent(ttl -> b.ttl(ttl.toSeconds()));
        props.sessionAffinityTtl().ifPresent(ttl -> b.sessionAffinityTtl(ttl.toSeconds()));
        if (props.steering() == SteeringPolicy.GEO) {
            Map<String, List<String>> regionPools = byKey(pool -> codes(pool.regions()));
            Map<String, List<String>> countryPools = byKey(OriginPool::countries);
            if (!regionPools.isEmpty()) {
                b.regionPools(regionPools);
            }
            if (!countryPools.isEmpty()) {
                b.countryPools(countryPools);
            }
        }
        if (props.steering() == SteeringPolicy.RANDOM) {
            b.randomSteering(LoadBalancerRandomSteering.builder().defaultWeight(1).build());
        }
        return b.build();
    }

    /** @return geo key (region or country) → ids of the pools serving it, in failover order */
    private Map<String, List<String>> byKey(Function<OriginPool, List<String>> keys) {
        Map<String, List<String>> result = new TreeMap<>();
        for (OriginPool pool : props.pools()) {
            for (String key : keys.apply(pool)) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(pools.get(pool.name()).getId());
            }
        }
        return result;
    }

    private static List<String> codes(List<CloudflareRegion> regions) {
        return regions.stream().map(CloudflareRegion::code).toList();
    }

    /** @return the props */
    public CloudflareFailoverLbProps props() {
        return props;
    }

    /** @return the balanced host name */
    public String hostname() {
        return props.hostname();
    }

    /** @return the health monitor (escape hatch) */
    public LoadBalancerMonitor monitor() {
        return monitor;
    }

    /** @return the pools by name, in failover order (escape hatch) */
    public Map<String, LoadBalancerPool> pools() {
        return Collections.unmodifiableMap(pools);
    }

    /** @return the load balancer, the node's default child (escape hatch) */
    public LoadBalancer resource() {
        return loadBalancer;
    }

    /**
     * @return the client CA the zone presents a certificate from, when named
     *         ({@link CloudflareFailoverLbProps.BuilderBase#originPulls})
     */
    public Optional<OriginPullTrust> originPulls() {
        return props.originPulls();
    }

    /** Fluent creation in the style of the AWS CDK: {@code CloudflareFailoverLb.Builder.create(scope, id)…build()}. */
    public static final class Builder extends CloudflareFailoverLbProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the edge stack
         * @param id    construct id
         * @return a builder for a load balancer under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the load balancer, validated (throws a ValidationException listing every problem) */
        public CloudflareFailoverLb build() {
            return new CloudflareFailoverLb(scope, id, props());
        }
    }
}
