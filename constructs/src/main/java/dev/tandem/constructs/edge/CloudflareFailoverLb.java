package dev.tandem.constructs.edge;

import com.hashicorp.cdktf.providers.cloudflare.load_balancer.LoadBalancer;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer.LoadBalancerAdaptiveRouting;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer.LoadBalancerConfig;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer.LoadBalancerCountryPools;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer.LoadBalancerRandomSteering;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer.LoadBalancerRegionPools;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitorHeader;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_pool.LoadBalancerPool;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_pool.LoadBalancerPoolConfig;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOriginSteering;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOrigins;
import dev.tandem.constructs.health.HealthContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * Cross-region failover at the edge: a Cloudflare health monitor on the shared health contract,
 * one pool per region, and a load balancer that sends traffic to the first healthy pool
 * (Cloudflare provider 4.x: {@code cloudflare_load_balancer_monitor}, {@code _pool},
 * {@code cloudflare_load_balancer}).
 *
 * <p>Defaults: active-passive ({@code steering_policy = "off"}), pools in the order given
 * (primary first), the last pool as fallback, proxied, no session affinity, and adaptive routing
 * that retries a failed request on the next pool. With {@link MonitorSettings#defaults()} a dead
 * region leaves rotation within 50 s.
 *
 * <pre>{@code
 * CloudflareFailoverLb.Builder.create(edge, "lb")
 *     .accountId(account).zoneId(zone).zoneName("example.com").hostname("app.example.com")
 *     .health(contract)
 *     .pools(List.of(primaryPool, secondaryPool))
 *     .build();
 * }</pre>
 */
public class CloudflareFailoverLb extends Construct {
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
        super(scope, id);
        CloudflareFailoverLbValidation.validate(getNode().getPath(), props);
        this.props = props;
        this.monitor = createMonitor();
        for (OriginPool pool : props.pools()) {
            pools.put(pool.name(), createPool(pool));
        }
        this.loadBalancer = new LoadBalancer(this, "load-balancer", loadBalancerConfig());
    }

    private LoadBalancerMonitor createMonitor() {
        MonitorSettings m = props.monitor();
        HealthContract health = props.health();
        return LoadBalancerMonitor.Builder.create(this, "monitor")
                .accountId(props.accountId())
                .description(props.hostname() + " " + health.path())
                .type(m.https() ? "https" : "http")
                .method("GET")
                .path(health.path())
                .expectedCodes(String.valueOf(health.expectedStatus()))
                .port(m.port())
                .header(List.of(LoadBalancerMonitorHeader.builder().header("Host")
                        .values(List.of(props.hostname())).build()))
                .interval(m.interval().toSeconds())
                .timeout(m.timeout().toSeconds())
                .retries(m.retries())
                .consecutiveDown(m.consecutiveDown())
                .consecutiveUp(m.consecutiveUp())
                .followRedirects(false)
                .allowInsecure(false)
                .build();
    }

    private LoadBalancerPool createPool(OriginPool pool) {
        LoadBalancerPoolConfig.Builder b = LoadBalancerPoolConfig.builder()
                .accountId(props.accountId())
                .name(pool.name())
                .monitor(monitor.getId())
                .minimumOrigins(pool.minimumOrigins())
                .checkRegions(codes(pool.checkRegions()))
                .originSteering(List.of(LoadBalancerPoolOriginSteering.builder()
                        .policy(pool.originSteering().terraformValue()).build()))
                .origins(pool.origins().stream().map(o -> LoadBalancerPoolOrigins.builder()
                        .name(o.name()).address(o.address()).weight(o.weight()).enabled(o.enabled()).build())
                        .toList());
        pool.notificationEmail().ifPresent(b::notificationEmail);
        pool.location().ifPresent(l -> b.latitude(l.latitude()).longitude(l.longitude()));
        return new LoadBalancerPool(this, "pool-" + pool.name(), b.build());
    }

    private LoadBalancerConfig loadBalancerConfig() {
        List<String> ids = pools.values().stream().map(LoadBalancerPool::getId).toList();
        String fallback = props.fallbackPool().map(name -> pools.get(name).getId()).orElse(ids.get(ids.size() - 1));
        LoadBalancerConfig.Builder b = LoadBalancerConfig.builder()
                .zoneId(props.zoneId())
                .name(props.hostname())
                .description("Tandem failover for " + props.hostname())
                .defaultPoolIds(ids)
                .fallbackPoolId(fallback)
                .steeringPolicy(props.steering().terraformValue())
                .sessionAffinity(props.sessionAffinity().terraformValue())
                .adaptiveRouting(List.of(LoadBalancerAdaptiveRouting.builder()
                        .failoverAcrossPools(props.failoverAcrossPools()).build()));
        // Unproxied is the provider's default, and an explicit proxied = false conflicts with ttl
        // (cloudflare 4.22.0 schema: proxied ConflictsWith ttl, checked whenever both are in the configuration).
        if (props.proxied()) {
            b.proxied(true);
        }
        props.ttl().ifPresent(ttl -> b.ttl(ttl.toSeconds()));
        props.sessionAffinityTtl().ifPresent(ttl -> b.sessionAffinityTtl(ttl.toSeconds()));
        if (props.steering() == SteeringPolicy.GEO) {
            b.regionPools(byKey(pool -> codes(pool.regions())).entrySet().stream().map(e -> LoadBalancerRegionPools.builder()
                    .region(e.getKey()).poolIds(e.getValue()).build()).toList());
            b.countryPools(byKey(OriginPool::countries).entrySet().stream().map(e -> LoadBalancerCountryPools.builder()
                    .country(e.getKey()).poolIds(e.getValue()).build()).toList());
        }
        if (props.steering() == SteeringPolicy.RANDOM) {
            b.randomSteering(List.of(LoadBalancerRandomSteering.builder().defaultWeight(1).build()));
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

    /** @return the load balancer (escape hatch) */
    public LoadBalancer loadBalancer() {
        return loadBalancer;
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
