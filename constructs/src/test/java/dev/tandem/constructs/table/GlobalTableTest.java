package dev.tandem.constructs.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import dev.tandem.providers.aws.appautoscaling_target.AppautoscalingTarget;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalTableTest {

    static GlobalTable.Builder minimal(TerraformStack stack) {
        return GlobalTable.Builder.create(stack, "orders")
                .tableName("orders")
                .region("eu-west-3")
                .partitionKey(Attribute.string("pk"))
                .replicas(List.of(Replica.in("eu-central-1")));
    }

    @Test
    void aMinimalTableIsAGlobalTableWithSafeDefaults() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack).build();
        String synth = Testing.synth(stack);

        assertThat(Testing.toHaveResourceWithProperties(synth, DynamodbTable.TF_RESOURCE_TYPE, Map.of(
                "name", "orders",
                "billing_mode", "PAY_PER_REQUEST",
                "hash_key", "pk",
                "stream_enabled", true,
                "stream_view_type", "NEW_AND_OLD_IMAGES",
                "deletion_protection_enabled", true,
                "point_in_time_recovery", Map.of("enabled", true),
                "table_class", "STANDARD"))).isTrue();
        JsonNode table = TestStacks.onlyResource(TestStacks.parse(synth), "aws_dynamodb_table");
        assertThat(table.path("replica")).hasSize(1);
        assertThat(table.path("replica").get(0).path("region_name").asText()).isEqualTo("eu-central-1");
        assertThat(table.path("replica").get(0).path("point_in_time_recovery").asBoolean()).isTrue();
        assertThat(table.path("replica").get(0).path("propagate_tags").asBoolean()).isTrue();
        assertThat(table.has("server_side_encryption")).as("AWS-owned key is DynamoDB's default").isFalse();
        assertThat(Testing.toHaveResource(synth, AppautoscalingTarget.TF_RESOURCE_TYPE)).isFalse();
    }

    @Test
    void keysIndexesTtlAndTagsReachTheTable() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack)
                .sortKey(Attribute.number("ts"))
                .attributes(List.of(Attribute.string("customer")))
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder()
                        .indexName("by-customer").partitionKey("customer").sortKey("ts")
                        .projectionType("INCLUDE").nonKeyAttributes(List.of("total")).build()))
                .timeToLiveAttribute("expiresAt")
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .tags(Map.of("team", "payments"))
                .build();
        JsonNode table = TestStacks.onlyResource(TestStacks.synth(stack), "aws_dynamodb_table");

        assertThat(table.path("range_key").asText()).isEqualTo("ts");
        assertThat(table.path("attribute").toString())
                .isEqualTo("[{\"name\":\"pk\",\"type\":\"S\"},{\"name\":\"ts\",\"type\":\"N\"},"
                        + "{\"name\":\"customer\",\"type\":\"S\"}]");
        JsonNode gsi = table.path("global_secondary_index").get(0);
        assertThat(gsi.path("name").asText()).isEqualTo("by-customer");
        assertThat(gsi.path("hash_key").asText()).isEqualTo("customer");
        assertThat(gsi.path("range_key").asText()).isEqualTo("ts");
        assertThat(gsi.path("non_key_attributes").get(0).asText()).isEqualTo("total");
        assertThat(table.path("ttl").path("attribute_name").asText()).isEqualTo("expiresAt");
        assertThat(table.path("ttl").path("enabled").asBoolean()).isTrue();
        assertThat(table.path("table_class").asText()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(table.path("tags").path("team").asText()).isEqualTo("payments");
    }

    @Test
    void customerManagedEncryptionUsesEachRegionsOwnKey() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack)
                .encryption(TableEncryption.customerManaged("arn:aws:kms:eu-west-3:111122223333:key/home"))
                .replicas(List.of(Replica.builder().region("eu-central-1")
                        .kmsKeyArn("arn:aws:kms:eu-central-1:111122223333:key/replica").build()))
                .build();
        JsonNode table = TestStacks.onlyResource(TestStacks.synth(stack), "aws_dynamodb_table");

        assertThat(table.path("server_side_encryption").path("enabled").asBoolean()).isTrue();
        assertThat(table.path("server_side_encryption").path("kms_key_arn").asText()).endsWith("key/home");
        assertThat(table.path("replica").get(0).path("kms_key_arn").asText()).endsWith("key/replica");
    }

    @Test
    void replicaOverridesApplyToThatReplicaOnly() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack)
                .replicas(List.of(
                        Replica.builder().region("eu-central-1").pointInTimeRecovery(false).propagateTags(false).build(),
                        Replica.in("eu-north-1")))
                .build();
        JsonNode replicas = TestStacks.onlyResource(TestStacks.synth(stack), "aws_dynamodb_table").path("replica");

        assertThat(replicas.get(0).path("point_in_time_recovery").asBoolean()).isFalse();
        assertThat(replicas.get(0).path("propagate_tags").asBoolean()).isFalse();
        assertThat(replicas.get(1).path("point_in_time_recovery").asBoolean()).isTrue();
        assertThat(replicas.get(1).path("propagate_tags").asBoolean()).isTrue();
    }

    @Test
    void provisionedBillingAutoscalesTheTableAndEveryIndexAndIgnoresCapacityDrift() {
        TerraformStack stack = TestStacks.awsStack();
        GlobalTable table = minimal(stack)
                .attributes(List.of(Attribute.string("customer")))
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder()
                        .indexName("by-customer").partitionKey("customer").build()))
                .billing(Billing.provisioned(Capacity.fixed(5), Capacity.autoscaled(5, 100, 60)))
                .build();
        String synth = Testing.synth(stack);
        JsonNode json = TestStacks.parse(synth);
        JsonNode dynamo = TestStacks.onlyResource(json, "aws_dynamodb_table");

        assertThat(dynamo.path("billing_mode").asText()).isEqualTo("PROVISIONED");
        assertThat(dynamo.path("read_capacity").asInt()).isEqualTo(5);
        assertThat(dynamo.path("write_capacity").asInt()).isEqualTo(5);
        assertThat(dynamo.path("lifecycle").path("ignore_changes").toString())
                .isEqualTo("[\"read_capacity\",\"write_capacity\"]");
        assertThat(table.autoscalingTargets()).hasSize(2);
        assertThat(Testing.toHaveResourceWithProperties(synth, AppautoscalingTarget.TF_RESOURCE_TYPE, Map.of(
                "scalable_dimension", "dynamodb:table:WriteCapacityUnits",
                "service_namespace", "dynamodb", "min_capacity", 5, "max_capacity", 100))).isTrue();
        assertThat(Testing.toHaveResourceWithProperties(synth, AppautoscalingTarget.TF_RESOURCE_TYPE, Map.of(
                "scalable_dimension", "dynamodb:index:WriteCapacityUnits"))).isTrue();
        assertThat(Testing.toHaveResourceWithProperties(synth, AppautoscalingPolicy.TF_RESOURCE_TYPE, Map.of(
                "policy_type", "TargetTrackingScaling",
                "target_tracking_scaling_policy_configuration", Map.of(
                        "target_value", 60,
                        "predefined_metric_specification",
                        Map.of("predefined_metric_type", "DynamoDBWriteCapacityUtilization"))))).isTrue();
        assertThat(json.path("resource").path("aws_appautoscaling_target").toString())
                .contains("table/${aws_dynamodb_table.orders_table_", "/index/by-customer");
    }

    @Test
    void replicaAttributesAreLookedUpByRegionNotByPosition() {
        TerraformStack stack = TestStacks.awsStack();
        GlobalTable table = minimal(stack).build();
        com.hashicorp.cdktf.TerraformOutput.Builder.create(stack, "arn").value(table.replicaArn("eu-central-1")).build();
        JsonNode json = TestStacks.synth(stack);

        assertThat(json.path("locals").toString())
                .contains("r.arn if r.region_name == \\\"eu-central-1\\\"");
        assertThat(table.tableArn()).isNotBlank();
        assertThat(table.streamArn()).isNotBlank();
        assertThat(table.table()).isNotNull();
        assertThat(table.props().tableName()).isEqualTo("orders");
    }
}
