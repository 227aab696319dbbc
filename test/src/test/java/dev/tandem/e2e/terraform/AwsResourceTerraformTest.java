package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.constructs.aws.AwsResource;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.DeploymentStacks;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team's own AWS resources beside Tandem's, written with {@link AwsResource} (no binding of their
 * types in Tandem), are Terraform that the real hashicorp/aws accepts: the primary stack with an SSM
 * parameter holding the table's ARN, a queue and an IAM policy with a policy variable, validated and
 * planned offline.
 */
class AwsResourceTerraformTest {

    @Test
    void theProviderPlansResourcesTandemHasNoBindingFor() throws Exception {
        OfflineTerraform terraform = OfflineTerraform.require("plan of AwsResource");
        Path out = SynthesizedDeployment.scratch("aws-resource").resolve("cdktf.out");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::acme-home/${aws:username}/*\"}]}";
        TandemApp.synthesize(out, app -> {
            DeploymentStacks stacks = DeploymentStacks.build(app, ReferenceDeployment.spec());
            AwsResource.Builder.create(stacks.primary(), "sessions-arn").type("aws_ssm_parameter")
                    .arguments(Map.of("name", "/tandem/sessions/arn", "type", "String",
                            "value", stacks.primary().globalTables().get(0).arn()))
                    .build();
            AwsResource.Builder.create(stacks.primary(), "dlq").type("aws_sqs_queue")
                    .arguments(Map.of("name", "tandem-dlq", "message_retention_seconds", 1209600)).build();
            AwsResource.Builder.create(stacks.primary(), "home").type("aws_iam_policy")
                    .arguments(Map.of("name", "acme-home", "policy", policy)).build();
            return stacks;
        });

        OfflinePlan plan = OfflinePlan.of(terraform, "aws-resource", out.resolve("stacks/primary/cdk.tf.json"));

        List<JsonNode> parameters = plan.changes("aws_ssm_parameter");
        assertThat(parameters).hasSize(1);
        assertThat(parameters.get(0).path("change").path("after").path("name").asText()).isEqualTo("/tandem/sessions/arn");
        assertThat(parameters.get(0).path("change").path("after_unknown").path("value").asBoolean())
                .as("the table's ARN, known once the table exists").isTrue();
        assertThat(plan.changes("aws_sqs_queue").get(0).path("change").path("after")
                .path("message_retention_seconds").asInt()).isEqualTo(1209600);
        assertThat(plan.changes("aws_iam_policy").get(0).path("change").path("after").path("policy").asText())
                .as("the policy variable reaches AWS as written").contains("acme-home/${aws:username}/*");
    }
}
