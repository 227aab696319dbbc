package dev.tandem.constructs.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudflareFailoverLbTest {
    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String ZONE = "fedcba9876543210fedcba9876543210";

    static OriginPool pool(String name, String... addresses) {
        List<Origin> origins = new java.util.ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            origins.add(Origin.of(name + "-" + (i + 1), addresses[i]));
        }
        return OriginPool.builder(name).origins(origins).build();
    }

    static CloudflareFailoverLb.Builder minimal(TerraformStack stack) {
        return CloudflareFailoverLb.Builder.create(stack, "lb")
                .accountId(ACCOUNT).zoneId(ZONE).zoneName("example.com").hostname("app.example.com")
                .health(HealthContract.defaults())
                .pools(List.of(pool("primary", "198.51.100.1", "198.51.100.2"),
                        pool("secondary", "203.0.113.1", "203.0.113.2")));
    }

    @Test
    void theDefaultsAreActivePassiveFailoverInPoolOrder() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).build();
        JsonNode json = TestStacks.synth(stack);

        JsonNode lb = TestStacks.onlyResource(json, "cloudflare_load_balancer");
        assertThat(lb.path("name").asText()).isEqualTo("app.example.com");
        assertThat(lb.path("steering_policy").asText()).isEqualTo("off");
        assertThat(lb.path("proxied").asBoolean()).isTrue();
        assertThat(lb.has("ttl")).isFalse();
        assertThat(lb.path("default_pool_ids").get(0).asText()).contains("pool-primary");
        assertThat(lb.path("default_pool_ids").get(1).asText()).contains("pool-secondary");
        assertThat(lb.path("fallback_pool_id").asText()).contains("pool-secondary");
        assertThat(lb.path("adaptive_routing").get(0).path("failover_across_pools").asBoolean()).isTrue();
        assertThat(lb.path("session_affinity").asText()).isEqualTo("none");
    }

    @Test
    void theMonitorFollowsTheHealthContract() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).health(HealthContract.builder().path("/ready").build()).build();
        String synth = Testing.synth(stack);

        assertThat(Testing.toHaveResourceWithProperties(synth, LoadBalancerMonitor.TF_RESOURCE_TYPE, Map.of(
                "type", "http", "method", "GET", "path", "/ready", "expected_codes", "200", "port", 80,
                "interval", 20, "timeout", 5, "retries", 1, "consecutive_down", 2, "consecutive_up", 2))).isTrue();
        JsonNode monitor = TestStacks.onlyResource(TestStacks.parse(synth), "cloudflare_load_balancer_monitor");
        assertThat(monitor.path("header").get(0).path("header").asText()).isEqualTo("Host");
        assertThat(monitor.path("header").get(0).path("values").get(0).asText()).isEqualTo("app.example.com");
        assertThat(MonitorSettings.defaults().worstCaseDetectionSeconds()).isEqualTo(50);
    }

    @Test
    void everyPoolListsAllItsOriginsAndUsesTheMonitor() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).build();
        JsonNode pools = TestStacks.synth(stack).path("resource").path("cloudflare_load_balancer_pool");

        assertThat(pools).hasSize(2);
        JsonNode primary = pools.elements().next();
        assertThat(primary.path("name").asText()).isEqualTo("primary");
        assertThat(primary.path("origins")).hasSize(2);
        assertThat(primary.path("origins").get(0).path("address").asText()).isEqualTo("198.51.100.1");
        assertThat(primary.path("origins").get(0).path("enabled").asBoolean()).isTrue();
        assertThat(primary.path("minimum_origins").asInt()).isEqualTo(1);
        assertThat(primary.path("monitor").asText()).contains("cloudflare_load_balancer_monitor.");
        assertThat(primary.path("origin_steering").get(0).path("policy").asText()).isEqualTo("random");
        assertThat(lb.pools().keySet()).containsExactly("primary", "secondary");
    }

    @Test
    void geoSteeringMapsRegionsAndCountriesToPools() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).steering(SteeringPolicy.GEO)
                .pools(List.of(
                        OriginPool.builder("primary").origins(List.of(Origin.of("p1", "198.51.100.1")))
                                .regions(List.of("WEU")).countries(List.of("FR")).build(),
                        OriginPool.builder("secondary").origins(List.of(Origin.of("s1", "203.0.113.1")))
                                .regions(List.of("EEU")).build()))
                .build();
        JsonNode lb = TestStacks.onlyResource(TestStacks.synth(stack), "cloudflare_load_balancer");

        assertThat(lb.path("steering_policy").asText()).isEqualTo("geo");
        assertThat(lb.path("region_pools").toString()).contains("\"region\":\"EEU\"", "\"region\":\"WEU\"");
        assertThat(lb.path("country_pools").get(0).path("country").asText()).isEqualTo("FR");
    }

    @Test
    void anUnproxiedRecordCarriesItsTtl() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).proxied(false).ttl(30).sessionAffinity(SessionAffinity.COOKIE).sessionAffinityTtl(3600)
                .build();
        JsonNode lb = TestStacks.onlyResource(TestStacks.synth(stack), "cloudflare_load_balancer");

        assertThat(lb.path("proxied").asBoolean()).isFalse();
        assertThat(lb.path("ttl").asInt()).isEqualTo(30);
        assertThat(lb.path("session_affinity").asText()).isEqualTo("cookie");
        assertThat(lb.path("session_affinity_ttl").asInt()).isEqualTo(3600);
    }
}
