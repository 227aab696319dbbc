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
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import dev.tandem.providers.cloudflare.load_balancer_pool.LoadBalancerPool;
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
                "default_pools", List.of(id(lb.pools().get("primary")), id(lb.pools().get("secondary"))),
                "fallback_pool", id(lb.pools().get("secondary")),
                "adaptive_routing", Map.of("failover_across_pools", true)));
        assertThat(found.has("ttl")).as("a proxied record carries no ttl: %s", found).isFalse();
        assertThat(found.has("random_steering") || found.has("region_pools") || found.has("country_pools"))
                .as("%s", found).isFalse();
        assertThat(found.has("default_pool_ids") || found.has("fallback_pool_id")).as("4.x names: %s", found).isFalse();
        assertResource(json, "cloudflare_authenticated_origin_pulls_settings").isAbsent();
    }

    @Test
    void theMonitorProbesTheContractsPathWithTheHostnameAsHostHeader() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).plan(CloudflarePlan.BUSINESS).health(HealthContract.builder().path("/ready").build()).build();

        JsonNode monitor = assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor").hasProperties(
                Map.ofEntries(Map.entry("account_id", ACCOUNT), Map.entry("type", "http"), Map.entry("method", "GET"),
                        Map.entry("path", "/ready"), Map.entry("expected_codes", "200"), Map.entry("port", 80),
                        Map.entry("interval", 20), Map.entry("timeout", 5), Map.entry("retries", 1),
                        Map.entry("consecutive_down", 2), Map.entry("consecutive_up", 2),
                        Map.entry("follow_redirects", false), Map.entry("allow_insecure", false),
                        Map.entry("probe_zone", "example.com"),
                        Map.entry("header", Map.of("Host", List.of("app.example.com")))));
        assertThat(monitor.path("header").size()).as("only the Host header: %s", monitor).isEqualTo(1);
    }

    @Test
    void monitorSettingsReachTheMonitorInWholeSeconds() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).monitor(MonitorSettings.builder().https(true).interval(Duration.ofMinutes(2))
                .timeout(Duration.ofSeconds(8)).retries(2).consecutiveDown(3).consecutiveUp(4).build()).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor").hasProperties(Map.of(
                "type", "https", "port", 443, "interval", 120, "timeout", 8, "retries", 2, "consecutive_down", 3,
                "consecutive_up", 4));
    }

    @ParameterizedTest(name = "{0} → every {1} s")
    @CsvSource({"FREE, 60", "PRO, 60", "BUSINESS, 20", "ENTERPRISE, 20"})
    void theMonitorsDefaultIntervalFollowsThePlan(CloudflarePlan plan, int seconds) {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).plan(plan).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor").hasProperties(Map.of(
                "interval", seconds));
        assertThat(lb.props().monitor().interval(plan)).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(lb.props().monitor().customInterval()).isEmpty();
    }

    @Test
    void theDefaultPlanIsProAndItsDefaultsAreValidOnIt() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).build();

        assertThat(lb.props().plan()).isEqualTo(CloudflarePlan.PRO);
        assertThat(lb.props().monitor().worstCaseDetection(CloudflarePlan.PRO)).isEqualTo(Duration.ofSeconds(130));
    }

    @Test
    void anHttpsMonitorSimulatesTheZoneSendsTheHostnameAndVerifiesTheCertificate() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).zoneName("example.com").hostname("shop.eu.example.com")
                .monitor(MonitorSettings.builder().https(true).build()).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor").hasProperties(Map.of(
                "type", "https", "port", 443, "allow_insecure", false, "probe_zone", "example.com",
                "header", Map.of("Host", List.of("shop.eu.example.com"))));
    }

    @Test
    void aMonitorThatDoesNotSimulateTheZoneLeavesProbeZoneOut() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).monitor(MonitorSettings.builder().simulateZone(false).build()).build();

        JsonNode monitor = TestStacks.onlyResource(TestStacks.synth(stack), "cloudflare_load_balancer_monitor");
        assertThat(monitor.has("probe_zone")).as("%s", monitor).isFalse();
    }

    @Test
    void theLoadBalancerNamesTheZonesOriginPullTrustButLeavesTheSettingToIt() {
        TerraformStack stack = TestStacks.emptyStack();
        OriginPullTrust trust = OriginPullTrustTest.trust(TestStacks.emptyStack(), b -> b);
        CloudflareFailoverLb lb = minimal(stack).originPulls(trust)
                .monitor(MonitorSettings.builder().https(true).build()).build();
        JsonNode json = TestStacks.synth(stack);

        assertThat(json.path("resource").has("cloudflare_authenticated_origin_pulls_settings"))
                .as("switching pulls on without an upload is no longer something the load balancer can do").isFalse();
        assertThat(lb.originPulls()).containsSame(trust);
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
    void aCopiedMonitorKeepsEverySetting() {
        MonitorSettings tuned = MonitorSettings.builder().https(true).port(8443).interval(Duration.ofSeconds(30))
                .timeout(Duration.ofSeconds(4)).retries(2).consecutiveDown(3).consecutiveUp(4).simulateZone(false)
                .build();

        assertThat(tuned.toBuilder().build()).isEqualTo(tuned);
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

        assertThat(m.worstCaseDetection(CloudflarePlan.ENTERPRISE)).isEqualTo(Duration.ofSeconds(expected));
    }

    @ParameterizedTest(name = "{0} → {1} s")
    @CsvSource({"FREE, 130", "PRO, 130", "BUSINESS, 50", "ENTERPRISE, 50"})
    void withoutAnIntervalTheWorstCaseIsThePlansDefault(CloudflarePlan plan, long expected) {
        assertThat(MonitorSettings.defaults().worstCaseDetection(plan)).isEqualTo(Duration.ofSeconds(expected));
    }

    @Test
    void everyPoolListsAllItsOriginsAndUsesTheMonitor() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).build();
        JsonNode json = TestStacks.synth(stack);

        assertResource(json, "cloudflare_load_balancer_pool").hasCount(2);
        JsonNode pool = assertResource(json, "cloudflare_load_balancer_pool").hasProperties(Map.of(
                "account_id", ACCOUNT, "name", "primary", "minimum_origins", 1,
                "monitor", "${" + LoadBalancerMonitor.TF_RESOURCE_TYPE + "." + lb.monitor().getFriendlyUniqueId() + ".id}",
                "check_regions", List.of("WEU", "EEU"),
                "origin_steering", Map.of("policy", "random"),
                "origins", List.of(
                        Map.of("name", "primary-1", "address", "198.51.100.1", "weight", 1, "enabled", true),
                        Map.of("name", "primary-2", "address", "198.51.100.2", "weight", 1, "enabled", true))));
        assertThat(lb.pools().keySet()).containsExactly("primary", "secondary");
        // An origin's port would be set back to 0 on every run (provider issue #7329): the port is the monitor's.
        assertThat(pool.path("origins")).as("%s", pool).allSatisfy(o -> assertThat(o.has("port")).isFalse());
    }

    @Test
    void originsAreWrittenSortedByNameAsTheApiReturnsThem() {
        TerraformStack stack = TestStacks.emptyStack();
        OriginPool unsorted = OriginPool.builder().name("primary").origins(List.of(
                origin("primary-haproxy-2", "198.51.100.2"), origin("primary-haproxy-10", "198.51.100.10"),
                origin("primary-haproxy-1", "198.51.100.1"))).build();
        minimal(stack).pools(List.of(unsorted, secondary())).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_pool").hasProperties(Map.of(
                "name", "primary", "origins", List.of(
                        Map.of("name", "primary-haproxy-1", "address", "198.51.100.1"),
                        Map.of("name", "primary-haproxy-10", "address", "198.51.100.10"),
                        Map.of("name", "primary-haproxy-2", "address", "198.51.100.2"))));
    }

    @Test
    void anEnterprisePoolWithNoCheckRegionsLeavesThemOutToProbeFromEveryDataCentre() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).plan(CloudflarePlan.ENTERPRISE)
                .pools(List.of(primary().toBuilder().checkRegions(List.of()).build(), secondary())).build();

        JsonNode pool = assertResource(TestStacks.synth(stack), "cloudflare_load_balancer_pool").hasProperties(
                Map.of("name", "primary"));
        assertThat(pool.has("check_regions")).as("null check_regions = every data centre: %s", pool).isFalse();
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
                "origin_steering", Map.of("policy", "least_connections"),
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

        JsonNode found = assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "steering_policy", "geo",
                "region_pools", Map.of("EEU", List.of(secondary), "WEU", List.of(primary, secondary)),
                "country_pools", Map.of("BE", List.of(primary), "FR", List.of(primary))));
        assertThat(found.path("region_pools").size()).as("%s", found).isEqualTo(2);
        assertThat(found.path("country_pools").size()).as("%s", found).isEqualTo(2);
    }

    @Test
    void geoSteeringWithoutCountriesWritesNoEmptyCountryMap() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).steering(SteeringPolicy.GEO)
                .pools(List.of(primary().toBuilder().regions(List.of(CloudflareRegion.WEU)).build(), secondary()))
                .build();

        JsonNode found = assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "steering_policy", "geo", "region_pools", Map.of("WEU", List.of(id(lb.pools().get("primary"))))));
        // An empty map drifts on every plan (provider issue #7339).
        assertThat(found.has("country_pools") || found.has("pop_pools")).as("%s", found).isFalse();
    }

    @Test
    void randomSteeringWeighsThePoolsEvenly() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).steering(SteeringPolicy.RANDOM).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "steering_policy", "random", "random_steering", Map.of("default_weight", 1)));
    }

    @Test
    void aChosenFallbackPoolIsUsed() {
        TerraformStack stack = TestStacks.emptyStack();
        CloudflareFailoverLb lb = minimal(stack).fallbackPool("primary").build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "fallback_pool", id(lb.pools().get("primary"))));
    }

    @Test
    void anUnproxiedRecordCarriesItsTtlAndSaysItIsUnproxied() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).proxied(false).ttl(Duration.ofSeconds(30)).sessionAffinity(SessionAffinity.COOKIE)
                .sessionAffinityTtl(Duration.ofHours(1)).build();

        assertResource(TestStacks.synth(stack), "cloudflare_load_balancer").hasProperties(Map.of(
                "ttl", 30, "proxied", false, "session_affinity", "cookie", "session_affinity_ttl", 3600));
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
