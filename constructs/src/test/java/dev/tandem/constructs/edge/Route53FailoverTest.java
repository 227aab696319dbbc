package dev.tandem.constructs.edge;

import static dev.tandem.constructs.edge.EdgeFixtures.pool;
import static dev.tandem.constructs.edge.EdgeFixtures.primary;
import static dev.tandem.constructs.edge.EdgeFixtures.secondary;
import static dev.tandem.constructs.testing.SynthAssertions.assertResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.TestStacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Route53FailoverTest {

    private static Route53Failover.Builder minimal(TerraformStack stack) {
        return Route53Failover.Builder.create(stack, "failover")
                .zone(HostedZone.lookup("example.com"))
                .hostname("app.example.com")
                .health(HealthContract.defaults())
                .pools(List.of(primary(), secondary()));
    }

    private static List<JsonNode> resources(JsonNode json, String type) {
        List<JsonNode> found = new ArrayList<>();
        json.path("resource").path(type).forEach(found::add);
        return found;
    }

    @Test
    void eachInstanceGetsAnHttpsCheckOfItsAddressWithTheHostnameAsSniAndHost() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack).health(HealthContract.builder().path("/ready").build()).build();
        JsonNode json = TestStacks.synth(stack);

        List<JsonNode> https = resources(json, "aws_route53_health_check").stream()
                .filter(c -> c.path("type").asText().equals("HTTPS")).toList();
        assertThat(https).extracting(c -> c.path("ip_address").asText())
                .containsExactly("198.51.100.1", "198.51.100.2", "203.0.113.1", "203.0.113.2");
        assertThat(https).allSatisfy(c -> {
            assertThat(c.path("fqdn").asText()).isEqualTo("app.example.com");
            assertThat(c.path("enable_sni").asBoolean()).isTrue();
            assertThat(c.path("resource_path").asText()).isEqualTo("/ready");
            assertThat(c.path("port").asInt()).isEqualTo(443);
            assertThat(c.path("request_interval").asInt()).isEqualTo(10);
            assertThat(c.path("failure_threshold").asInt()).isEqualTo(3);
            assertThat(c.has("regions")).isFalse();
        });
    }

    @Test
    void eachRegionIsHealthyWhileItsMinimumOriginsAreAndItsRecordCarriesThatCheck() {
        TerraformStack stack = TestStacks.awsStack();
        Route53Failover failover = minimal(stack)
                .pools(List.of(primary().toBuilder().minimumOrigins(2).build(), secondary())).build();
        JsonNode json = TestStacks.synth(stack);

        List<JsonNode> calculated = resources(json, "aws_route53_health_check").stream()
                .filter(c -> c.path("type").asText().equals("CALCULATED")).toList();
        assertThat(calculated).extracting(c -> c.path("child_health_threshold").asInt()).containsExactly(2, 1);
        assertThat(calculated).allSatisfy(c -> assertThat(c.path("child_healthchecks")).hasSize(2));
        List<JsonNode> records = resources(json, "aws_route53_record");
        assertThat(records).extracting(r -> r.path("failover_routing_policy").path("type").asText())
                .containsExactly("PRIMARY", "SECONDARY");
        assertThat(records).extracting(r -> r.path("set_identifier").asText()).containsExactly("primary", "secondary");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.path("type").asText()).isEqualTo("A");
            assertThat(r.path("ttl").asInt()).isEqualTo(60);
            assertThat(r.path("name").asText()).isEqualTo("app.example.com");
            assertThat(r.path("health_check_id").asText()).contains("aws_route53_health_check.");
            assertThat(r.path("zone_id").asText()).contains("data.aws_route53_zone.");
        });
        assertThat(records.get(0).path("records").toString()).isEqualTo("[\"198.51.100.1\",\"198.51.100.2\"]");
        assertThat(failover.regionChecks()).containsOnlyKeys("primary", "secondary");
        assertThat(failover.originChecks()).hasSize(4);
        assertThat(failover.worstCaseDetection()).isEqualTo(Duration.ofSeconds(36));
    }

    @Test
    void aCreatedZoneIsAResourceAndTheLookupIsGone() {
        TerraformStack stack = TestStacks.awsStack();
        Route53Failover failover = minimal(stack).zone(HostedZone.create("example.com")).build();
        JsonNode json = TestStacks.synth(stack);

        assertResource(json, "aws_route53_zone").hasProperties(Map.of("name", "example.com"));
        assertThat(json.path("data").has("aws_route53_zone")).isFalse();
        assertThat(failover.createdZone()).isPresent();
        assertThat(failover.lookedUpZone()).isEmpty();
    }

    @Test
    void anUncheckedSecondaryHasNoHealthCheckOnItsRecord() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack).checkSecondary(false).checkerRegions(List.of(Route53CheckerRegion.EU_WEST_1,
                Route53CheckerRegion.US_EAST_1, Route53CheckerRegion.US_WEST_2)).build();
        JsonNode json = TestStacks.synth(stack);

        List<JsonNode> records = resources(json, "aws_route53_record");
        assertThat(records.get(0).has("health_check_id")).isTrue();
        assertThat(records.get(1).has("health_check_id")).isFalse();
        assertThat(resources(json, "aws_route53_health_check").stream()
                .filter(c -> c.path("type").asText().equals("HTTPS")))
                .allSatisfy(c -> assertThat(c.path("regions").toString())
                        .isEqualTo("[\"eu-west-1\",\"us-east-1\",\"us-west-2\"]"));
    }

    @Test
    void everyBadSettingIsNamedWithItsPropertyAndFix() {
        TerraformStack stack = TestStacks.awsStack();
        assertThatThrownBy(() -> minimal(stack)
                .hostname("app.example.org")
                .pools(List.of(primary(), secondary(), pool("third", "192.0.2.1")))
                .requestInterval(Duration.ofSeconds(20))
                .failureThreshold(11)
                .checkerRegions(List.of(Route53CheckerRegion.EU_WEST_1))
                .ttl(Duration.ofMillis(1500))
                .build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property())
                        .contains("hostname", "pools", "requestInterval", "failureThreshold", "checkerRegions", "ttl"));
        assertThatThrownBy(() -> minimal(TestStacks.awsStack())
                .pools(List.of(pool("primary", "not-an-ip"), secondary().toBuilder().minimumOrigins(3).build()))
                .build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property())
                        .contains("pools[primary].origins[primary-1].address", "pools[secondary].minimumOrigins"));
    }
}
