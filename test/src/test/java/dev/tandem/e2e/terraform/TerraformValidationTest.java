package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthesized AWS part passes the real {@code terraform init}, {@code validate} and
 * {@code plan -refresh=false} against hashicorp/aws from the machine's filesystem mirror, with no
 * network. Skips where terraform or the mirror is missing (a workstation), fails in CI.
 */
class TerraformValidationTest {
    private static OfflineTerraform terraform;

    @BeforeAll
    static void findTerraform() {
        terraform = OfflineTerraform.require("Terraform checks");
    }

    private Path workingCopy(String stack) throws Exception {
        Path dir = SynthesizedDeployment.scratch("tf-" + stack);
        List<String> kept = AwsOnlyCopy.write(
                SynthesizedDeployment.outdir().resolve("stacks/" + stack + "/cdk.tf.json"), dir);
        assertThat(kept).as("resources left to check in " + stack)
                .anyMatch(resource -> resource.startsWith("aws_dynamodb_table"));
        return dir;
    }

    private OfflineTerraform.Result ok(Path dir, String... args) throws Exception {
        OfflineTerraform.Result r = terraform.run(dir, terraform.writeCliConfig(dir), args);
        assertThat(r.exitCode()).as("terraform " + String.join(" ", args) + ":\n" + r.output()).isZero();
        return r;
    }

    @Test
    void thePrimaryStackInitsValidatesAndPlansTheGlobalTable() throws Exception {
        Path dir = workingCopy("primary");
        ok(dir, "init", "-input=false", "-no-color");
        assertThat(ok(dir, "validate", "-no-color").output()).contains("The configuration is valid");
        ok(dir, "plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=tfplan");
        JsonNode plan = new ObjectMapper().readTree(ok(dir, "show", "-json", "tfplan").output());

        JsonNode table = StreamSupport.stream(plan.path("resource_changes").spliterator(), false)
                .filter(c -> c.path("type").asText().equals("aws_dynamodb_table"))
                .findFirst().orElseThrow(() -> new AssertionError("no aws_dynamodb_table in the plan"));
        assertThat(table.path("change").path("actions").toString()).isEqualTo("[\"create\"]");
        JsonNode after = table.path("change").path("after");
        assertThat(after.path("name").asText()).isEqualTo("tandem-sessions");
        assertThat(after.path("stream_view_type").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(after.path("deletion_protection_enabled").asBoolean()).isTrue();
        assertThat(after.path("replica")).as("replicas are their regions' aws_dynamodb_table_replica").isEmpty();
        assertThat(Files.exists(dir.resolve(".terraform.lock.hcl"))).isTrue();
    }

    @Test
    void theSecondaryStackValidatesWithItsProtectedReplica() throws Exception {
        Path dir = workingCopy("secondary");
        ok(dir, "init", "-input=false", "-no-color");
        assertThat(ok(dir, "validate", "-no-color").output()).contains("The configuration is valid");
        JsonNode replica = new ObjectMapper().readTree(dir.resolve("cdk.tf.json").toFile())
                .path("resource").path("aws_dynamodb_table_replica").elements().next();
        assertThat(replica.path("deletion_protection_enabled").asBoolean()).isTrue();
        assertThat(replica.path("global_table_arn").asText()).contains("terraform_remote_state");
    }
}
