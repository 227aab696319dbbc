package dev.tandem.constructs.table;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule: each names the construct path, the property, the value and a fix. */
class GlobalTableValidationTest {

    private static GlobalTable.Builder table() {
        TerraformStack stack = TestStacks.awsStack();
        return GlobalTableTest.minimal(stack);
    }

    private static void rejects(GlobalTable.Builder builder, String property, String value, String why) {
        Rejections.assertRejected(builder::build, "test/orders", property, value, why);
    }

    @Test
    void aDuplicateReplicaRegionIsRejected() {
        rejects(table().replicas(List.of(Replica.in("eu-central-1"), Replica.in("eu-central-1"))),
                "replicas[eu-central-1].region", "eu-central-1", "appears more than once");
    }

    @Test
    void aReplicaInTheHomeRegionIsRejected() {
        rejects(table().replicas(List.of(Replica.in("eu-west-3"))),
                "replicas[eu-west-3].region", "eu-west-3", "must differ from the home region");
    }

    @Test
    void aTableWithoutReplicaIsRejected() {
        rejects(table().replicas(List.of()), "replicas", "[]", "at least one replica");
    }

    @Test
    void aRegionThatIsNotAnAwsRegionIsRejected() {
        rejects(table().replicas(List.of(Replica.in("Frankfurt"))),
                "replicas[Frankfurt].region", "Frankfurt", "must be an AWS region name");
        rejects(table().region("eu_west_3"), "region", "eu_west_3", "must be an AWS region name");
    }

    @Test
    void provisionedBillingWithoutWriteAutoscalingIsRejected() {
        rejects(table().billing(Billing.provisioned(Capacity.fixed(5), Capacity.fixed(5))),
                "billing.write", "Capacity[minUnits=5", "must autoscale writes");
    }

    @Test
    void anIndexWithFixedWriteCapacityOnAProvisionedTableIsRejected() {
        rejects(table().billing(Billing.provisioned(Capacity.fixed(5), Capacity.autoscaled(5, 50)))
                        .attributes(List.of(Attribute.string("c")))
                        .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder().indexName("by-c")
                                .partitionKey("c").write(Capacity.fixed(3)).build())),
                "globalSecondaryIndexes[by-c].write", "Capacity[minUnits=3", "every index");
    }

    @Test
    void aKeyTypeOutsideSNBIsRejected() {
        rejects(table().partitionKey(new Attribute("pk", "BOOL")), "partitionKey.type", "BOOL",
                "must be S (string), N (number) or B (binary)");
    }

    @Test
    void anIndexKeyThatIsNotAnAttributeIsRejected() {
        rejects(table().globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder().indexName("by-email")
                        .partitionKey("email").build())),
                "globalSecondaryIndexes[by-email].partitionKey", "email", "is not among the table's attributes");
    }

    @Test
    void tableNamesBreakingDynamoDbRulesAreRejected() {
        rejects(table().tableName("ab"), "tableName", "ab", "3–255 characters");
        rejects(table().tableName("orders table"), "tableName", "orders table", "3–255 characters");
        rejects(table().tableName("x".repeat(256)), "tableName", "x".repeat(256), "3–255 characters");
    }

    @Test
    void aStreamViewTypeOtherThanNewAndOldImagesIsRejected() {
        rejects(table().streamViewType(StreamViewType.KEYS_ONLY), "streamViewType", "KEYS_ONLY",
                "must be NEW_AND_OLD_IMAGES");
    }

    @Test
    void customerManagedEncryptionWithoutAReplicaKeyIsRejected() {
        rejects(table().encryption(TableEncryption.customerManaged("arn:aws:kms:eu-west-3:1:key/a")),
                "replicas[eu-central-1].kmsKeyArn", "none", "KMS keys are regional");
    }

    @Test
    void anUnusedAttributeIsRejected() {
        rejects(table().attributes(List.of(Attribute.string("orphan"))), "attributes[orphan]", "orphan",
                "no key uses it");
    }

    @Test
    void aReplicaDeletionProtectionTheProviderCannotExpressIsRejected() {
        rejects(table().replicas(List.of(Replica.builder().region("eu-central-1").deletionProtection(false).build())),
                "replicas[eu-central-1].deletionProtection", "false", "hashicorp/aws 5.100.0");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> table().tableName("x").replicas(List.of()).streamViewType(StreamViewType.NEW_IMAGE)
                .build())
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("3 problems:")
                .hasMessageContaining("tableName = x")
                .hasMessageContaining("replicas = []")
                .hasMessageContaining("streamViewType = NEW_IMAGE");
    }
}
