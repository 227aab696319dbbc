package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Route 53 variant's edge stack ({@code ./synth --edge route53}) through the real {@code terraform init},
 * {@code validate} and an offline plan with the mirrored hashicorp/aws 5.100.0 provider, inside {@code unshare -n}:
 * the zone lookup and the other stacks' floating IPs stand in ({@link OfflinePlan}).
 */
class Route53EdgeTerraformTest {
    private static OfflineTerraform terraform;

    @BeforeAll
    static void findTerraform() {
        terraform = OfflineTerraform.require("Terraform checks");
    }

    @Test
    void theRoute53EdgePlansFourInstanceChecksTwoCalculatedChecksAndBothFailoverRecords() throws Exception {
        OfflinePlan plan = OfflinePlan.of(terraform, "route53-edge", SynthesizedDeployment
                .variant("route53", ReferenceDeployment.route53Spec()).resolve("stacks/edge/cdk.tf.json"));
        List<JsonNode> checks = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode change : plan.plan().path("resource_changes")) {
            assertThat(change.path("change").path("actions").toString()).isEqualTo("[\"create\"]");
            JsonNode after = change.path("change").path("after");
            switch (change.path("type").asText()) {
                case "aws_route53_health_check" -> checks.add(after);
                case "aws_route53_record" -> records.add(after);
                default -> { }
            }
        }
        assertThat(checks).filteredOn(c -> c.path("type").asText().equals("HTTPS")).hasSize(4)
                .allSatisfy(c -> {
                    assertThat(c.path("fqdn").asText()).isEqualTo("app.example.com");
                    assertThat(c.path("resource_path").asText()).isEqualTo("/healthz");
                    assertThat(c.path("port").asInt()).isEqualTo(443);
                    assertThat(c.path("request_interval").asInt()).isEqualTo(10);
                    assertThat(c.path("ip_address").asText()).startsWith("192.0.2.");
                });
        assertThat(checks).filteredOn(c -> c.path("type").asText().equals("CALCULATED")).hasSize(2)
                .allSatisfy(c -> assertThat(c.path("child_health_threshold").asInt()).isEqualTo(1));
        assertThat(records).extracting(r -> r.path("failover_routing_policy").get(0).path("type").asText())
                .containsExactlyInAnyOrder("PRIMARY", "SECONDARY");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.path("zone_id").asText()).isEqualTo(OfflinePlan.ZONE_ID);
            assertThat(r.path("ttl").asInt()).isEqualTo(60);
            assertThat(r.path("records")).hasSize(2);
        });
    }
}
