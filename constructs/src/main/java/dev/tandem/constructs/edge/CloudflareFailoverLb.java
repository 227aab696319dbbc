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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * region leaves rotation in about 50 s.
 *
 * <pre>{@code
 * CloudflareFailoverLb.Builder.create(edge, "lb")
 *     .accountId(account).zoneId(zone).zoneName("example.com").hostname("app.example.com")
 *     .health(HealthContract.defaults())
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
     * @param props the description; invalid props throw listing every problem
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
                .port(m.port() == 0 ? (m.https() ? 443 : 80) : m.port())
                .header(List.of(LoadBalancerMonitorHeader.builder().header("Host")
                        .values(List.of(props.hostname())).build()))
                .interval(m.intervalSeconds())
                .timeout(m.timeoutSeconds())
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
                .checkRegions(pool.checkRegions())
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
                .proxied(props.proxied())
                .sessionAffinity(props.sessionAffinity().terraformValue())
                .adaptiveRouting(List.of(LoadBalancerAdaptiveRouting.builder()
                        .failoverAcrossPools(props.failoverAcrossPools()).build()));
        props.ttl().ifPresent(b::ttl);
        props.sessionAffinityTtl().ifPresent(b::sessionAffinityTtl);
        if (props.steering() == SteeringPolicy.GEO) {
            b.regionPools(byKey(OriginPool::regions).entrySet().stream().map(e -> LoadBalancerRegionPools.builder()
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
    private Map<String, List<String>> byKey(java.util.function.Function<OriginPool, List<String>> keys) {
        Map<String, List<String>> result = new TreeMap<>();
        for (OriginPool pool : props.pools()) {
            for (String key : keys.apply(pool)) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(pools.get(pool.name()).getId());
            }
        }
        return result;
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
        return java.util.Collections.unmodifiableMap(pools);
    }

    /** @return the load balancer (escape hatch) */
    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** Fluent creation: {@code CloudflareFailoverLb.Builder.create(scope, id)...build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String accountId;
        private String zoneId;
        private String zoneName;
        private String hostname;
        private HealthContract health = HealthContract.defaults();
        private MonitorSettings monitor = MonitorSettings.defaults();
        private List<OriginPool> pools = List.of();
        private String fallbackPool;
        private SteeringPolicy steering = SteeringPolicy.OFF;
        private boolean proxied = true;
        private Integer ttl;
        private SessionAffinity sessionAffinity = SessionAffinity.NONE;
        private Integer sessionAffinityTtl;
        private boolean failoverAcrossPools = true;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** @return a builder for a load balancer under {@code scope} */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @param value Cloudflare account id */
        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        /** @param value Cloudflare zone id */
        public Builder zoneId(String value) {
            this.zoneId = value;
            return this;
        }

        /** @param value the zone's name, e.g. example.com */
        public Builder zoneName(String value) {
            this.zoneName = value;
            return this;
        }

        /** @param value the balanced host name inside the zone */
        public Builder hostname(String value) {
            this.hostname = value;
            return this;
        }

        /** @param value the shared health contract; @default {@link HealthContract#defaults()} */
        public Builder health(HealthContract value) {
            this.health = value;
            return this;
        }

        /** @param value probe settings; @default {@link MonitorSettings#defaults()} */
        public Builder monitor(MonitorSettings value) {
            this.monitor = value;
            return this;
        }

        /** @param value pools in failover order, primary first */
        public Builder pools(List<OriginPool> value) {
            this.pools = value;
            return this;
        }

        /** @param value name of the fallback pool; @default the last pool */
        public Builder fallbackPool(String value) {
            this.fallbackPool = value;
            return this;
        }

        /** @param value steering policy; @default OFF (active-passive) */
        public Builder steering(SteeringPolicy value) {
            this.steering = value;
            return this;
        }

        /** @param value proxy through Cloudflare; @default true */
        public Builder proxied(boolean value) {
            this.proxied = value;
            return this;
        }

        /** @param value DNS TTL in seconds (unproxied only) */
        public Builder ttl(int value) {
            this.ttl = value;
            return this;
        }

        /** @param value session affinity; @default NONE */
        public Builder sessionAffinity(SessionAffinity value) {
            this.sessionAffinity = value;
            return this;
        }

        /** @param value seconds a visitor stays pinned (with affinity) */
        public Builder sessionAffinityTtl(int value) {
            this.sessionAffinityTtl = value;
            return this;
        }

        /** @param value retry failed requests on the next pool; @default true */
        public Builder failoverAcrossPools(boolean value) {
            this.failoverAcrossPools = value;
            return this;
        }

        /** @return the load balancer, validated */
        public CloudflareFailoverLb build() {
            return new CloudflareFailoverLb(scope, id, new CloudflareFailoverLbProps(accountId, zoneId, zoneName,
                    hostname, health, monitor, pools, Optional.ofNullable(fallbackPool), steering, proxied,
                    Optional.ofNullable(ttl), sessionAffinity, Optional.ofNullable(sessionAffinityTtl),
                    failoverAcrossPools));
        }
    }
}
