package dev.tandem.constructs.edge;

import static dev.tandem.constructs.edge.EdgeFixtures.ACCOUNT;
import static dev.tandem.constructs.edge.EdgeFixtures.ZONE;
import static dev.tandem.constructs.edge.EdgeFixtures.minimal;
import static dev.tandem.constructs.edge.EdgeFixtures.origin;
import static dev.tandem.constructs.edge.EdgeFixtures.primary;
import static dev.tandem.constructs.edge.EdgeFixtures.secondary;
import static dev.tandem.constructs.testing.SynthAssertions.assertResource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import com.hashicorp.cdktf.providers.cloudflare.load_balancer_pool.LoadBalancerPool;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.TestStacks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudflareFailoverLbTest {

    private static String id(LoadBalancerPool pool) {
        return "${" + LoadBalancerPool.TF_RESOURCE_TYPE + "." + pool.getFriendlyUniqueId() + ".id}";
    }

    @Test
    void theDefaultsAreActivePassiveFailoverInPoolOrder() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).build();
        JsonNode json = TestStacks.synth(stack);

        JsonNode found = assertResource(json, "cloudflare_load_balancer").hasProperties(Map.of(
                "zone_id", ZONE, "name", "app.example.com", "steering_policy", "off", "proxied", true,
                "session_affinity", "none",
                "default_pool_ids", List.of(id(lb.pools().get("primary")), id(lb.pools().get("secondary"))),
                "fallback_pool_id", id(lb.pools().get("secondary")),
                "adaptive_routing", List.of(Map.of("failover_across_pools", true))));
        assertThat(found.has("ttl")).as("a proxied record carries no ttl: %s", found).isFalse();
        assertThat(found.has("random_steering") || found.has("region_pools")).as("%s", found).isFalse();
    }

    @Test
    void theMonitorProbesTheContractsPathWithTheHostnameAsHostHeader() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).health(HealthContract.builder().path("/ready").build()).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor").hasProperties(Map.ofEntries(
                Map.entry("account_id", ACCOUNT), Map.entry("type", "http"), Map.entry("method", "GET"),
                Map.entry("path", "/ready"), Map.entry("expected_codes", "200"), Map.entry("port", 80),
                Map.entry("interval", 20), Map.entry("timeout", 5), Map.entry("retries", 1),
                Map.entry("consecutive_down", 2), Map.entry("consecutive_up", 2),
                Map.entry("header", List.of(Map.of("header", "Host", "values", List.of("app.example.com"))))));
    }

    @Test
    void monitorSettingsReachTheMonitorInWholeSeconds() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).monitor(MonitorSettings.builder().https(true).interval(Duration.ofMinutes(1))
                .timeout(Duration.ofSeconds(8)).retries(2).consecutiveDown(3).consecutiveUp(4).build()).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor").hasProperties(Map.of(
                "type", "https", "port", 443, "interval", 60, "timeout", 8, "retries", 2, "consecutive_down", 3,
                "consecutive_up", 4));
    }

    @ParameterizedTest(name = "https {0}, port {1} → {2}")
    @CsvSource({"false, , 80", "true, , 443", "false, 8080, 8080", "true, 8443, 8443"})
    void theMonitorPortIsTheSchemesUnlessOneIsGiven(boolean https, Integer port, int expected) {
        MonitorSettings.Builder b = MonitorSettings.builder().https(https);
        if (port != null) {
            b.port(port);
        }
        assertThat(b.build().port()).isEqualTo(expected);
    }

    @Test
    void aCopiedMonitorWithoutAPortFollowsItsNewScheme() {
        MonitorSettings https = MonitorSettings.defaults().toBuilder().https(true).build();

        assertThat(https.port()).isEqualTo(443);
        assertThat(https.customPort()).isEmpty();
        assertThat(https.toBuilder().https(false).build()).isEqualTo(MonitorSettings.defaults());
    }

    @ParameterizedTest(name = "every {0} s, timeout {1} s, {2} retries, down after {3} → {4} s")
    @CsvSource({"20, 5, 1, 2, 50", "10, 3, 2, 3, 39", "60, 10, 5, 1, 120"})
    void worstCaseDetectionIsConsecutiveIntervalsPlusEveryAttemptsTimeout(long interval, long timeout, int retries,
            int down, long expected) {
        MonitorSettings m = MonitorSettings.builder().interval(Duration.ofSeconds(interval))
                .timeout(Duration.ofSeconds(timeout)).retries(retries).consecutiveDown(down).build();

        assertThat(m.worstCaseDetection()).isEqualTo(Duration.ofSeconds(expected));
    }

    @Test
    void everyPoolListsAllItsOriginsAndUsesTheMonitor() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).build();
        JsonNode json = TestStacks.synth(stack);

        assertResource(json, "cloudflare_load_balancer_pool").hasCount(2);
        assertResource(json, "cloudflare_load_balancer_pool").hasProperties(Map.of(
                "account_id", ACCOUNT, "name", "primary", "minimum_origins", 1,
                "monitor", "${" + LoadBalancerMonitor.TF_RESOURCE_TYPE + "." + lb.monitor().getFriendlyUniqueId() + ".id}",
                "check_regions", List.of("WEU", "EEU"),
                "origin_steering", List.of(Map.of("policy", "random")),
                "origins", List.of(
                        Map.of("name", "primary-1", "address", "198.51.100.1", "weight", 1, "enabled", true),
                        Map.of("name", "primary-2", "address", "198.51.100.2", "weight", 1, "enabled", true))));
        assertThat(lb.pools().keySet()).containsExactly("primary", "secondary");
    }

    @Test
    void aPoolCarriesItsOwnSettings() {
        TerraformStack stack = TestStacks.emptyStack();
        OriginPool tuned = OriginPool.builder().name("primary")
                .origins(List.of(origin("p1", "198.51.100.1"),
                        Origin.builder().name("p2").address("haproxy-2.paris.example.com").weight(0.25).enabled(false)
                                .build()))
                .checkRegions(List.of(CloudflareRegion.WEU, CloudflareRegion.ENAM))
                .notificationEmail("ops@example.com")
                .originSteering(OriginSteering.LEAST_CONNECTIONS)
                .location(GeoLocation.latitude(48.86).longitude(2.35))
                .build();
        minimal(stack).pools(List.of(tuned, secondary())).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_pool").hasProperties(Map.of(
                "name", "primary", "check_regions", List.of("WEU", "ENAM"), "notification_email", "ops@example.com",
                "origin_steering", List.of(Map.of("policy", "least_connections")),
                "latitude", 48.86, "longitude", 2.35,
                "origins", List.of(Map.of("name", "p1", "weight", 1, "enabled", true),
                        Map.of("name", "p2", "address", "haproxy-2.paris.example.com", "weight", 0.25,
                                "enabled", false))));
    }

    @Test
    void geoSteeringMapsRegionsAndCountriesToPoolsInFailoverOrder() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).steering(SteeringPolicy.GEO)
                .pools(List.of(
                        primary().toBuilder().regions(List.of(CloudflareRegion.WEU)).countries(List.of("FR", "BE"))
                                .build(),
                        secondary().toBuilder().regions(List.of(CloudflareRegion.EEU, CloudflareRegion.WEU)).build()))
                .build();
        String primary = id(lb.pools().get("primary"));
        String secondary = id(lb.pools().get("secondary"));

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "steering_policy", "geo",
                "region_pools", List.of(Map.of("region", "EEU", "pool_ids", List.of(secondary)),
                        Map.of("region", "WEU", "pool_ids", List.of(primary, secondary))),
                "country_pools", List.of(Map.of("country", "BE", "pool_ids", List.of(primary)),
                        Map.of("country", "FR", "pool_ids", List.of(primary)))));
    }

    @Test
    void randomSteeringWeighsThePoolsEvenly() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).steering(SteeringPolicy.RANDOM).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "steering_policy", "random", "random_steering", List.of(Map.of("default_weight", 1))));
    }

    @Test
    void aChosenFallbackPoolIsUsed() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).fallbackPool("primary").build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "fallback_pool_id", id(lb.pools().get("primary"))));
    }

    @Test
    void anUnproxiedRecordCarriesItsTtlAndLeavesProxiedToTheProviderDefault() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).proxied(false).ttl(Duration.ofSeconds(30)).sessionAffinity(SessionAffinity.COOKIE)
                .sessionAffinityTtl(Duration.ofHours(1)).build();

        JsonNode lb = assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "ttl", 30, "session_affinity", "cookie", "session_affinity_ttl", 3600));
        // cloudflare 4.22.0 refuses proxied beside ttl even when false; false is its default.
        assertThat(lb.has("proxied")).as("proxied must be left out beside ttl: %s", lb).isFalse();
    }

    @Test
    void headerAffinityTakesTtlsFromThirtySeconds() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).sessionAffinity(SessionAffinity.HEADER).sessionAffinityTtl(Duration.ofSeconds(30)).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "session_affinity", "header", "session_affinity_ttl", 30));
    }

    @Test
    void terraformReferencesAreAcceptedWhereValuesComeFromOtherStacksOrVariables() {
        TerraformStack stack = TestStacks.emptyStack();
        TerraformVariable account = TerraformVariable.Builder.create(stack, "account").type("string").build();
        TerraformVariable address = TerraformVariable.Builder.create(stack, "address").type("string").build();
        minimal(stack).accountId(account.getStringValue())
                .pools(List.of(EdgeFixtures.pool("primary", address.getStringValue()), secondary())).build();

        JsonNode json = TestStacks.synth(stack);
        assertResource(json, "cloudflare_load_balancer_monitor").hasProperties(Map.of("account_id", "${var.account}"));
        assertResource(json, "cloudflare_load_balancer_pool").hasProperties(Map.of(
                "name", "primary", "origins", List.of(Map.of("address", "${var.address}"))));
    }

    @Test
    void thePropsBuilderAndTheConstructBuilderDescribeTheSameLoadBalancer() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLbProps props = CloudflareFailoverLbProps.builder()
                .accountId(ACCOUNT).zoneId(ZONE).zoneName("example.com").hostname("app.example.com")
                .health(HealthContract.defaults()).pools(List.of(primary(), secondary()))
                .proxied(false).ttl(Duration.ofMinutes(1)).build();

        CloudflareFailoverLb fromProps = new CloudflareFailoverLb(stack, "from-props", props);
        CloudflareFailoverLb fromBuilder = minimal(stack).proxied(false).ttl(Duration.ofMinutes(1)).build();

        assertThat(fromBuilder.props()).isEqualTo(fromProps.props()).isEqualTo(props);
    }

    @Test
    void aPoolCopiedWithToBuilderKeepsEverythingNotChanged() {
        OriginPool pool = primary().toBuilder().notificationEmail("ops@example.com").minimumOrigins(2)
                .location(GeoLocation.latitude(45.46).longitude(9.19)).build();

        OriginPool renamed = pool.toBuilder().name("tertiary").build();

        assertThat(pool.toBuilder().build()).isEqualTo(pool);
        assertThat(renamed).usingRecursiveComparison().ignoringFields("name").isEqualTo(pool);
        assertThat(renamed.name()).isEqualTo("tertiary");
    }

    @Test
    void aLocationIsBuiltByNamedSteps() {
        GeoLocation paris = GeoLocation.latitude(48.86).longitude(2.35);

        assertThat(paris.latitude()).isEqualTo(48.86);
        assertThat(paris.longitude()).isEqualTo(2.35);
    }
}
