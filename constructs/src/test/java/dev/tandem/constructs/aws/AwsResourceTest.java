package dev.tandem.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any hashicorp/aws type beside Tandem's constructs, checked against the pinned provider's schema. */
class AwsResourceTest {
    private final TerraformStack stack = TestStacks.awsStack();

    @Test
    void aResourceReadsATablesArnAndKeepsItsArgumentsAsWritten() {
        GlobalTable orders = GlobalTable.Builder.create(stack, "orders").tableName("orders")
                .partitionKey(Attribute.string("pk")).build();
        AwsResource parameter = AwsResource.Builder.create(stack, "orders-arn").type("aws_ssm_parameter")
                .arguments(Map.of("name", "/orders/table-arn", "type", "String", "value", orders.arn(),
                        "tags", Map.of("team", "orders")))
                .build();
        AwsResource queue = AwsResource.Builder.create(stack, "dlq").type("aws_sqs_queue")
                .arguments(Map.of("name", "orders-dlq", "message_retention_seconds", 1209600,
                        "tags", Map.of("parameter", parameter.attribute("arn"))))
                .build();

        JsonNode synth = TestStacks.synth(stack);
        JsonNode ssm = TestStacks.onlyResource(synth, "aws_ssm_parameter");
        assertThat(ssm.path("name").asText()).isEqualTo("/orders/table-arn");
        assertThat(ssm.path("value").asText()).isEqualTo("${aws_dynamodb_table.orders_table_BFE12E8A.arn}"
                .replace("orders_table_BFE12E8A", synth.path("resource").path("aws_dynamodb_table").fieldNames().next()));
        assertThat(ssm.path("tags").path("team").asText()).isEqualTo("orders");
        JsonNode sqs = TestStacks.onlyResource(synth, "aws_sqs_queue");
        assertThat(sqs.path("message_retention_seconds").asInt()).isEqualTo(1209600);
        assertThat(sqs.path("tags").path("parameter").asText()).startsWith("${aws_ssm_parameter.").endsWith(".arn}");
        assertThat(queue.resource()).isInstanceOf(TerraformResource.class);
        assertThat(queue.getNode().getDefaultChild()).isSameAs(queue.resource());
    }

    @Test
    void policyVariablesAndUserTextReachAwsAsWritten() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";
        AwsResource.Builder.create(stack, "home").type("aws_iam_policy")
                .arguments(Map.of("name", "home", "policy", policy, "tags", Map.of("${path.cwd}", "%{if true}x%{endif}")))
                .build();

        JsonNode iam = TestStacks.onlyResource(TestStacks.synth(stack), "aws_iam_policy");
        assertThat(iam.path("policy").asText()).contains("home/$${aws:username}/*");
        assertThat(iam.path("tags").path("$${path.cwd}").asText()).isEqualTo("%%{if true}x%%{endif}");
    }

    @Test
    void nestedBlocksAndDataSourcesFollowTheSchema() {
        AwsResource vpc = AwsResource.Builder.create(stack, "vpc").type("data.aws_vpc")
                .arguments(Map.of("filter", List.of(Map.of("name", "tag:Name", "values", List.of("main")))))
                .build();
        AwsResource.Builder.create(stack, "bucket-versioning").type("aws_s3_bucket_versioning")
                .arguments(Map.of("bucket", "orders-exports", "versioning_configuration", Map.of("status", "Enabled")))
                .build();

        JsonNode synth = TestStacks.synth(stack);
        JsonNode data = synth.path("data").path("aws_vpc").elements().next();
        assertThat(data.path("filter").get(0).path("name").asText()).isEqualTo("tag:Name");
        assertThat(TestStacks.onlyResource(synth, "aws_s3_bucket_versioning").path("versioning_configuration")
                .path("status").asText()).isEqualTo("Enabled");
        assertThat(vpc.resource()).isInstanceOf(TerraformDataSource.class);
        AwsResource.Builder.create(stack, "cidr").type("aws_ssm_parameter")
                .arguments(Map.of("name", "/vpc/cidr", "type", "String", "value", vpc.attribute("cidr_block"))).build();
        assertThat(TestStacks.onlyResource(TestStacks.synth(stack), "aws_ssm_parameter").path("value").asText())
                .startsWith("${data.aws_vpc.").endsWith(".cidr_block}");
    }

    @Test
    void mistakesAreTandemErrorsNamingThePathTheArgumentAndTheFix() {
        assertThatThrownBy(() -> AwsResource.Builder.create(stack, "q1").type("aws_sqs_queu").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("q1: type = aws_sqs_queu — is no resource or data source of hashicorp/aws 5.100.0")
                .hasMessageContaining("Fix: ");
        assertThatThrownBy(() -> AwsResource.Builder.create(stack, "q2").type("aws_sqs_queue")
                .arguments(Map.of("nmae", "x", "arn", "y")).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("arguments.nmae = x — is no argument of this type; it has ")
                .hasMessageContaining("arguments.arn = y — is read-only")
                .hasMessageContaining("read it with attribute(\"arn\")");
        assertThatThrownBy(() -> AwsResource.Builder.create(stack, "p").type("aws_ssm_parameter")
                .arguments(Map.of("name", "/x")).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("arguments.type = null — is required by the provider");
        assertThatThrownBy(() -> AwsResource.Builder.create(stack, "v").type("aws_s3_bucket_versioning")
                .arguments(Map.of("bucket", "b", "versioning_configuration", "Enabled")).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("arguments.versioning_configuration = Enabled — is a nested block: give a Map");
        assertThatThrownBy(() -> AwsResource.Builder.create(stack, "v2").type("aws_s3_bucket_versioning")
                .arguments(Map.of("bucket", "b", "versioning_configuration", Map.of("stauts", "Enabled"))).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("arguments.versioning_configuration.stauts = Enabled — is no argument");
        AwsResource queue = AwsResource.Builder.create(stack, "q3").type("aws_sqs_queue").build();
        assertThatThrownBy(() -> queue.attribute("urn"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("q3: attribute = urn — is no attribute of aws_sqs_queue");
    }

    @Test
    void theStackMustConfigureTandemsAwsProvider() {
        assertThatThrownBy(() -> AwsResource.Builder.create(TestStacks.emptyStack(), "q").type("aws_sqs_queue").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the stack needs the AwsProvider its resources use");
    }
}
