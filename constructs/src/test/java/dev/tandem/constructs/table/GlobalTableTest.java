package dev.tandem.constructs.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalTableTest {

    static GlobalTable.Builder minimal(TerraformStack stack) {
        return GlobalTable.Builder.create(stack, "orders")
                .tableName("orders")
                .partitionKey(Attribute.string("pk"));
    }

    @Test
    void aMinimalTableIsAGlobalTableWithSafeDefaultsInItsStacksRegion() {
        TerraformStack stack = TestStacks.awsStack();
        GlobalTable table = minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);

        JsonNode dynamo = SynthAssertions.assertResource(synth, "aws_dynamodb_table").hasProperties(Map.of(
                "name", "orders",
                "billing_mode", "PAY_PER_REQUEST",
                "hash_key", "pk",
                "stream_enabled", true,
                "stream_view_type", "NEW_AND_OLD_IMAGES",
                "deletion_protection_enabled", true,
                "point_in_time_recovery", Map.of("enabled", true),
                "table_class", "STANDARD",
                "attribute", List.of(Map.of("name", "pk", "type", "S"))));
        assertThat(table.region()).isEqualTo("eu-west-3");
        assertThat(dynamo.has("replica")).as("replicas are aws_dynamodb_table_replica resources").isFalse();
        assertThat(dynamo.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"replica\"]");
        assertThat(dynamo.has("server_side_encryption")).as("AWS-owned key is DynamoDB's default").isFalse();
        SynthAssertions.assertResource(synth, "aws_appautoscaling_target").isAbsent();
    }

    @Test
    void keyAttributesAreDerivedFromTheTableAndIndexKeysEachOnce() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack)
                .sortKey(Attribute.number("ts"))
                .globalSecondaryIndexes(List.of(
                        GlobalSecondaryIndex.builder().indexName("by-customer")
                                .partitionKey(Attribute.string("customer")).sortKey(Attribute.number("ts"))
                                .projection(Projection.include(List.of("total"))).build(),
                        GlobalSecondaryIndex.builder().indexName("by-status")
                                .partitionKey(Attribute.string("status")).projection(Projection.keysOnly()).build()))
                .timeToLiveAttribute("expiresAt")
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .tags(Map.of("team", "payments"))
                .build();
        JsonNode synth = TestStacks.synth(stack);

        SynthAssertions.assertResource(synth, "aws_dynamodb_table").hasProperties(Map.of(
                "range_key", "ts",
                "attribute", List.of(Map.of("name", "pk", "type", "S"), Map.of("name", "ts", "type", "N"),
                        Map.of("name", "customer", "type", "S"), Map.of("name", "status", "type", "S")),
                "global_secondary_index", List.of(
                        Map.of("name", "by-customer", "hash_key", "customer", "range_key", "ts",
                                "projection_type", "INCLUDE", "non_key_attributes", List.of("total")),
                        Map.of("name", "by-status", "hash_key", "status", "projection_type", "KEYS_ONLY")),
                "ttl", Map.of("attribute_name", "expiresAt", "enabled", true),
                "table_class", "STANDARD_INFREQUENT_ACCESS",
                "tags", Map.of("team", "payments")));
    }

    @Test
    void customerManagedEncryptionUsesTheHomeRegionsKey() {
        TerraformStack stack = TestStacks.awsStack();
        minimal(stack)
                .encryption(TableEncryption.customerManaged("arn:aws:kms:eu-west-3:111122223333:key/home"))
                .build();

        SynthAssertions.assertResource(TestStacks.synth(stack), "aws_dynamodb_table").hasProperties(Map.of(
                "server_side_encryption", Map.of("enabled", true,
                        "kms_key_arn", "arn:aws:kms:eu-west-3:111122223333:key/home")));
    }

    @Test
    void provisionedBillingAutoscalesTheTableAndEveryIndexAndIgnoresCapacityDrift() {
        TerraformStack stack = TestStacks.awsStack();
        GlobalTable table = minimal(stack)
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder()
                        .indexName("by-customer").partitionKey(Attribute.string("customer")).build()))
                .billing(Billing.provisioned(Capacity.fixed(5),
                        Capacity.autoscaled().minUnits(5).maxUnits(100).targetUtilization(60).build()))
                .build();
        JsonNode synth = TestStacks.synth(stack);

        JsonNode dynamo = SynthAssertions.assertResource(synth, "aws_dynamodb_table").hasProperties(Map.of(
                "billing_mode", "PROVISIONED", "read_capacity", 5, "write_capacity", 5));
        assertThat(dynamo.path("lifecycle").path("ignore_changes").toString())
                .isEqualTo("[\"replica\",\"read_capacity\",\"write_capacity\"]");
        assertThat(table.autoscalingTargets()).hasSize(2);
        SynthAssertions.assertResource(synth, "aws_appautoscaling_target").hasProperties(Map.of(
                "scalable_dimension", "dynamodb:table:WriteCapacityUnits",
                "service_namespace", "dynamodb", "min_capacity", 5, "max_capacity", 100));
        SynthAssertions.assertResource(synth, "aws_appautoscaling_target").hasProperties(Map.of(
                "scalable_dimension", "dynamodb:index:WriteCapacityUnits"));
        SynthAssertions.assertResource(synth, "aws_appautoscaling_policy").hasProperties(Map.of(
                "policy_type", "TargetTrackingScaling",
                "target_tracking_scaling_policy_configuration", Map.of(
                        "target_value", 60,
                        "predefined_metric_specification",
                        Map.of("predefined_metric_type", "DynamoDBWriteCapacityUtilization"))));
        assertThat(synth.path("resource").path("aws_appautoscaling_target").toString())
                .contains("table/${aws_dynamodb_table.orders_table_", "/index/by-customer");
    }
}
