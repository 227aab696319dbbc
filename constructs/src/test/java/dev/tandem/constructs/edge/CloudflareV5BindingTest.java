package dev.tandem.constructs.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.cloudflare.load_balancer.LoadBalancer;
import dev.tandem.providers.cloudflare.load_balancer.LoadBalancerAdaptiveRouting;
import dev.tandem.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPool;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOriginSteering;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOrigins;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPoolOriginsHeader;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Cloudflare 5.x binding generated from {@code src/cloudflare/schema.json} works with cdktf 0.19.2: the
 * failover edge written with it synthesizes the v5 shapes (map header, {@code default_pools},
 * {@code fallback_pool}, nested attributes as objects, an {@code origins} list) and pins the release the
 * schema was written from, admitting its patch releases.
 */
class CloudflareV5BindingTest {
    /** The constraint for cloudflare/cloudflare 5.22.0 (src/cloudflare/README.md). */
    static final String CONSTRAINT = "~> 5.22.0";

    private static LoadBalancerPool pool(TerraformStack stack, LoadBalancerMonitor monitor, String name,
            String... addresses) {
        List<LoadBalancerPoolOrigins> origins = new java.util.ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            origins.add(LoadBalancerPoolOrigins.builder().name(name + "-" + (i + 1)).address(addresses[i])
                    .weight(1).enabled(true).build());
        }
        return LoadBalancerPool.Builder.create(stack, "pool-" + name)
                .accountId(EdgeFixtures.ACCOUNT)
                .name(name)
                .monitor(monitor.getId())
                .minimumOrigins(1)
                .checkRegions(List.of("WEU", "EEU"))
                .originSteering(LoadBalancerPoolOriginSteering.builder().policy("random").build())
                .origins(origins)
                .build();
    }

    private static JsonNode failoverEdge() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareProvider.Builder.create(stack, "cloudflare").build();
        LoadBalancerMonitor monitor = LoadBalancerMonitor.Builder.create(stack, "monitor")
                .accountId(EdgeFixtures.ACCOUNT)
                .type("https").method("GET").path("/healthz").expectedCodes("200").port(443)
                .header(Map.of("Host", List.of("app.example.com")))
                .interval(60).timeout(5).retries(1).consecutiveDown(2).consecutiveUp(2)
                .followRedirects(false).allowInsecure(false)
                .build();
        LoadBalancerPool primary = pool(stack, monitor, "primary", "198.51.100.1", "198.51.100.2");
        LoadBalancerPool secondary = pool(stack, monitor, "secondary", "203.0.113.1");
        LoadBalancer.Builder.create(stack, "lb")
                .zoneId(EdgeFixtures.ZONE)
                .name("app.example.com")
                .defaultPools(List.of(primary.getId(), secondary.getId()))
                .fallbackPool(secondary.getId())
                .steeringPolicy("off")
                .proxied(true)
                .sessionAffinity("none")
                .adaptiveRouting(LoadBalancerAdaptiveRouting.builder().failoverAcrossPools(true).build())
                .build();
        return TestStacks.synth(stack);
    }

    @Test
    void theMonitorHeaderIsAMapOfValueLists() {
        JsonNode monitor = TestStacks.onlyResource(failoverEdge(), "cloudflare_load_balancer_monitor");

        assertThat(monitor.path("header").isObject()).isTrue();
        assertThat(monitor.path("header").path("Host").isArray()).isTrue();
        assertThat(monitor.path("header").path("Host").get(0).asText()).isEqualTo("app.example.com");
        assertThat(monitor.path("type").asText()).isEqualTo("https");
        assertThat(monitor.path("port").asInt()).isEqualTo(443);
        assertThat(monitor.path("consecutive_down").asInt()).isEqualTo(2);
    }

    @Test
    void poolsCarryAnOriginsListAndOriginSteeringAsAnObject() {
        JsonNode pools = failoverEdge().path("resource").path("cloudflare_load_balancer_pool");
        JsonNode primary = pools.path("pool-primary");

        assertThat(pools.size()).isEqualTo(2);
        assertThat(primary.path("origins").isArray()).isTrue();
        assertThat(primary.path("origins")).hasSize(2);
        assertThat(primary.path("origins").get(1).path("name").asText()).isEqualTo("primary-2");
        assertThat(primary.path("origins").get(1).path("address").asText()).isEqualTo("198.51.100.2");
        assertThat(primary.path("origins").get(1).path("weight").asInt()).isEqualTo(1);
        assertThat(primary.path("origin_steering").isObject()).isTrue();
        assertThat(primary.path("origin_steering").path("policy").asText()).isEqualTo("random");
        assertThat(primary.path("monitor").asText()).isEqualTo("${cloudflare_load_balancer_monitor.monitor.id}");
    }

    @Test
    void theLoadBalancerListsPoolsInFailoverOrderWithTheV5Names() {
        JsonNode lb = TestStacks.onlyResource(failoverEdge(), "cloudflare_load_balancer");

        assertThat(lb.path("default_pools").get(0).asText()).isEqualTo("${cloudflare_load_balancer_pool.pool-primary.id}");
        assertThat(lb.path("default_pools").get(1).asText()).isEqualTo("${cloudflare_load_balancer_pool.pool-secondary.id}");
        assertThat(lb.path("fallback_pool").asText()).isEqualTo("${cloudflare_load_balancer_pool.pool-secondary.id}");
        assertThat(lb.has("default_pool_ids")).isFalse();
        assertThat(lb.has("fallback_pool_id")).isFalse();
        assertThat(lb.path("adaptive_routing").isObject()).isTrue();
        assertThat(lb.path("adaptive_routing").path("failover_across_pools").asBoolean()).isTrue();
        assertThat(lb.path("steering_policy").asText()).isEqualTo("off");
        assertThat(lb.path("proxied").asBoolean()).isTrue();
    }

    @Test
    void geoPoolsAreMapsOfPoolListsAndAnOriginHostHeaderIsAnObject() {
        TerraformStack stack = TestStacks.emptyStack();
        LoadBalancerMonitor monitor = LoadBalancerMonitor.Builder.create(stack, "monitor")
                .accountId(EdgeFixtures.ACCOUNT).build();
        LoadBalancerPool pool = LoadBalancerPool.Builder.create(stack, "pool")
                .accountId(EdgeFixtures.ACCOUNT).name("eu").monitor(monitor.getId())
                .origins(List.of(LoadBalancerPoolOrigins.builder().name("eu-1").address("198.51.100.1")
                        .header(LoadBalancerPoolOriginsHeader.builder().host(List.of("app.example.com")).build())
                        .build()))
                .build();
        LoadBalancer.Builder.create(stack, "lb")
                .zoneId(EdgeFixtures.ZONE).name("app.example.com")
                .defaultPools(List.of(pool.getId())).fallbackPool(pool.getId()).steeringPolicy("geo")
                .regionPools(Map.of("WEU", List.of(pool.getId())))
                .countryPools(Map.of("FR", List.of(pool.getId())))
                .build();
        JsonNode json = TestStacks.synth(stack);
        JsonNode lb = TestStacks.onlyResource(json, "cloudflare_load_balancer");
        JsonNode origin = TestStacks.onlyResource(json, "cloudflare_load_balancer_pool").path("origins").get(0);

        assertThat(lb.path("region_pools").path("WEU").get(0).asText())
                .isEqualTo("${cloudflare_load_balancer_pool.pool.id}");
        assertThat(lb.path("country_pools").path("FR").get(0).asText())
                .isEqualTo("${cloudflare_load_balancer_pool.pool.id}");
        assertThat(origin.path("header").path("host").get(0).asText()).isEqualTo("app.example.com");
    }

    @Test
    void theStackRequiresTheReleaseWithItsPatchReleases() {
        JsonNode cloudflare = failoverEdge().path("terraform").path("required_providers").path("cloudflare");

        assertThat(cloudflare.path("source").asText()).isEqualTo("cloudflare/cloudflare");
        assertThat(cloudflare.path("version").asText()).isEqualTo(CONSTRAINT);
    }
}
