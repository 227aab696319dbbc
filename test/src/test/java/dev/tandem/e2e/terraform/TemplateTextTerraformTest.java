package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the escaping means to Terraform itself: a table whose tags hold Terraform expressions, synthesized
 * and planned offline by the real {@code terraform} and hashicorp/aws, is planned with exactly the text
 * the user wrote — nothing read from the operator's machine, no directive run.
 */
class TemplateTextTerraformTest {

    @Test
    void terraformPlansTagsHoldingExpressionsAsTheTextTheUserWrote() throws Exception {
        OfflineTerraform terraform = OfflineTerraform.require("plan of template text");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("tandem:data", "sessions");
        tags.put("%{if true}owner%{endif}", "${file(\"/etc/hostname\")} in ${path.cwd}, already escaped: $${x}");
        DeploymentSpec spec = ReferenceDeployment.spec().toBuilder()
                .tables(List.of(ReferenceDeployment.sessionsTable().toBuilder().tags(tags).build())).build();
        Path stack = SynthesizedDeployment.variant("template-text", spec).resolve("stacks/primary/cdk.tf.json");

        assertThat(Files.readString(stack)).contains("\"%%{if true}owner%%{endif}\": \"$${file(");
        OfflinePlan plan = OfflinePlan.of(terraform, "template-text", stack);

        List<JsonNode> tables = plan.changes("aws_dynamodb_table");
        assertThat(tables).hasSize(1);
        JsonNode planned = tables.get(0).path("change").path("after").path("tags");
        assertThat(planned.path("tandem:data").asText()).isEqualTo("sessions");
        assertThat(planned.path("%{if true}owner%{endif}").asText())
                .isEqualTo("${file(\"/etc/hostname\")} in ${path.cwd}, already escaped: $${x}");
        assertThat(planned.size()).isEqualTo(2);
    }
}
