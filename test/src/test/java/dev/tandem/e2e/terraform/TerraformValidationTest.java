package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthesized AWS part passes the real {@code terraform init}, {@code validate} and a plan against
 * hashicorp/aws from the machine's filesystem mirror, with no network (see {@link OfflinePlan} for how
 * the plan reads the account and the other stack's outputs). Skips where terraform or the mirror is
 * missing (a workstation), fails in CI.
 */
class TerraformValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OfflineTerraform terraform;

    @BeforeAll
    static void findTerraform() {
        terraform = OfflineTerraform.require("Terraform checks");
    }

    private static JsonNode only(OfflinePlan plan, String type) {
        List<JsonNode> changes = plan.changes(type);
        assertThat(changes).as(type + " in " + plan.plan().path("resource_changes")).hasSize(1);
        assertThat(changes.get(0).path("change").path("actions").toString()).isEqualTo("[\"create\"]");
        return changes.get(0).path("change").path("after");
    }

    @Test
    void thePrimaryStackInitsValidatesAndPlansTheGlobalTable() throws Exception {
        OfflinePlan plan = OfflinePlan.of(terraform, "primary");
        assertThat(plan.validate()).contains("The configuration is valid");

        JsonNode after = only(plan, "aws_dynamodb_table");
        assertThat(after.path("name").asText()).isEqualTo("tandem-sessions");
        assertThat(after.path("stream_view_type").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(after.path("deletion_protection_enabled").asBoolean()).isTrue();
        assertThat(after.path("replica")).as("replicas are their regions' aws_dynamodb_table_replica").isEmpty();
        assertThat(Files.exists(plan.dir().resolve(".terraform.lock.hcl"))).isTrue();
    }

    @Test
    void theSecondaryStackPlansItsProtectedReplicaOfTheHomeTable() throws Exception {
        OfflinePlan plan = OfflinePlan.of(terraform, "secondary");
        assertThat(plan.validate()).contains("The configuration is valid");

        JsonNode replica = only(plan, "aws_dynamodb_table_replica");
        assertThat(replica.path("deletion_protection_enabled").asBoolean()).isTrue();
        assertThat(replica.path("global_table_arn").asText())
                .isEqualTo("arn:aws:dynamodb:eu-west-3:" + OfflinePlan.ACCOUNT + ":table/tandem-sessions");
    }

    @Test
    void eachRegionPlansItsOwnUserWithAPolicyOnItsOwnRegionAndAKeyWhoseSecretStaysSensitive() throws Exception {
        for (String[] region : List.of(new String[] {"primary", "eu-west-3"}, new String[] {"secondary", "eu-central-1"})) {
            OfflinePlan plan = OfflinePlan.of(terraform, region[0]);

            assertThat(only(plan, "aws_iam_user").path("name").asText()).isEqualTo("tandem-" + region[0]);
            JsonNode policy = JSON.readTree(only(plan, "aws_iam_user_policy").path("policy").asText());
            assertThat(policy.path("Statement")).as(policy.toString()).hasSize(2)
                    .allSatisfy(s -> assertThat(s.path("Resource").toString())
                            .contains("arn:aws:dynamodb:" + region[1] + ":" + OfflinePlan.ACCOUNT + ":table/tandem-sessions")
                            .doesNotContain("\"*\""));
            assertThat(only(plan, "aws_iam_access_key").path("status").asText()).isEqualTo("Active");
            JsonNode outputs = plan.plan().path("output_changes");
            assertThat(outputs.path("app_data_key_a_secret").path("after_sensitive").asBoolean())
                    .as(outputs.toString()).isTrue();
            assertThat(outputs.path("app_data_key_a_id").path("after_sensitive").asBoolean()).isFalse();
        }
    }
}
