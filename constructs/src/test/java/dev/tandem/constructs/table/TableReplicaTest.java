package dev.tandem.constructs.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableReplicaTest {
    private final App app = Testing.app();
    private final TerraformStack primary = TestStacks.awsStack(app, "primary", "eu-west-3");
    private final TerraformStack secondary = TestStacks.awsStack(app, "secondary", "eu-central-1");

    private GlobalTable table(GlobalTable.Builder builder) {
        return builder.build();
    }

    private GlobalTable.Builder orders() {
        return GlobalTable.Builder.create(primary, "orders").tableName("orders").partitionKey(Attribute.string("pk"));
    }

    @Test
    void aReplicaLivesInItsRegionsStackAndFollowsTheTable() {
        GlobalTable table = table(orders());
        TableReplica replica = TableReplica.Builder.create(secondary, "orders").table(table).build();
        JsonNode synth = TestStacks.synthApp(app, "secondary");

        JsonNode resource = SynthAssertions.assertResource(synth, "aws_dynamodb_table_replica").hasProperties(Map.of(
                "deletion_protection_enabled", true,
                "point_in_time_recovery", true,
                "table_class_override", "STANDARD"));
        assertThat(resource.path("global_table_arn").asText()).doesNotContain("terraform_remote_state");
        assertThat(resource.has("tags")).as("the table has no tags to propagate").isFalse();
        assertThat(replica.region()).isEqualTo("eu-central-1");
        assertThat(table.replicas()).containsExactly(replica);
        assertThat(TestStacks.synthApp(app, "primary").path("resource").has("aws_dynamodb_table_replica")).isFalse();
    }

    @Test
    void aReplicaCanSetItsOwnDeletionProtectionClassAndRecovery() {
        GlobalTable table = table(orders().tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .tags(Map.of("team", "payments")));
        TableReplica.Builder.create(secondary, "orders").table(table)
                .deletionProtection(false).pointInTimeRecovery(false).tableClass(TableClass.STANDARD)
                .propagateTags(false).build();

        SynthAssertions.assertResource(TestStacks.synth(secondary), "aws_dynamodb_table_replica").hasProperties(Map.of(
                "deletion_protection_enabled", false,
                "point_in_time_recovery", false,
                "table_class_override", "STANDARD"));
        assertThat(TestStacks.synth(secondary).toString()).doesNotContain("payments");
    }

    @Test
    void theTablesTagsReachTheReplicaUnlessItOptsOut() {
        GlobalTable table = table(orders().tags(Map.of("team", "payments")));
        TableReplica.Builder.create(secondary, "orders").table(table).build();

        SynthAssertions.assertResource(TestStacks.synth(secondary), "aws_dynamodb_table_replica").hasProperties(Map.of(
                "tags", Map.of("team", "payments")));
    }

    @Test
    void withCustomerManagedKeysEachReplicaUsesAKeyOfItsOwnRegion() {
        GlobalTable table = table(orders().encryption(
                TableEncryption.customerManaged("arn:aws:kms:eu-west-3:111122223333:key/home")));
        TableReplica.Builder.create(secondary, "orders").table(table)
                .kmsKeyArn("arn:aws:kms:eu-central-1:111122223333:key/replica").build();

        SynthAssertions.assertResource(TestStacks.synth(secondary), "aws_dynamodb_table_replica").hasProperties(Map.of(
                "kms_key_arn", "arn:aws:kms:eu-central-1:111122223333:key/replica"));
    }

    @Test
    void aReplicaInTheTablesOwnRegionIsRejected() {
        GlobalTable table = table(orders());
        TerraformStack alsoParis = TestStacks.awsStack(app, "paris-too", "eu-west-3");
        Rejections.assertRejected(() -> TableReplica.Builder.create(alsoParis, "orders").table(table).build(),
                "paris-too/orders", "stack", "eu-west-3", "is the table's home region");
    }

    @Test
    void aSecondReplicaInOneRegionIsRejected() {
        GlobalTable table = table(orders());
        TableReplica.Builder.create(secondary, "orders").table(table).build();
        TerraformStack alsoFrankfurt = TestStacks.awsStack(app, "frankfurt-too", "eu-central-1");
        Rejections.assertRejected(() -> TableReplica.Builder.create(alsoFrankfurt, "orders").table(table).build(),
                "frankfurt-too/orders", "stack", "eu-central-1", "already holds the replica secondary/orders");
    }

    @Test
    void aReplicaWithoutItsRegionsKeyIsRejectedWhenTheTableUsesCustomerKeys() {
        GlobalTable table = table(orders().encryption(
                TableEncryption.customerManaged("arn:aws:kms:eu-west-3:111122223333:key/home")));
        Rejections.assertRejected(() -> TableReplica.Builder.create(secondary, "orders").table(table).build(),
                "secondary/orders", "kmsKeyArn", "null", "is required");
        Rejections.assertRejected(() -> TableReplica.Builder.create(secondary, "orders-2").table(table)
                        .kmsKeyArn("arn:aws:kms:eu-west-3:111122223333:key/home").build(),
                "secondary/orders-2", "kmsKeyArn", "arn:aws:kms:eu-west-3:111122223333:key/home",
                "is a key in eu-west-3, but the table or replica is in eu-central-1");
    }

    @Test
    void aKeyOnAReplicaOfATableWithoutCustomerKeysIsRejected() {
        GlobalTable table = table(orders());
        Rejections.assertRejected(() -> TableReplica.Builder.create(secondary, "orders").table(table)
                        .kmsKeyArn("arn:aws:kms:eu-central-1:111122223333:key/replica").build(),
                "secondary/orders", "kmsKeyArn", "arn:aws:kms:eu-central-1:111122223333:key/replica",
                "only applies when the table uses customer-managed encryption");
    }

    @Test
    void aReplicaWithoutTableOrOutsideAnAwsStackIsATandemError() {
        Rejections.assertRejected(() -> TableReplica.Builder.create(secondary, "orders").build(),
                "secondary/orders", "table", "null", "is required");
        TerraformStack noAws = new TerraformStack(app, "no-aws");
        GlobalTable table = table(orders());
        Rejections.assertRejected(() -> TableReplica.Builder.create(noAws, "orders").table(table).build(),
                "no-aws/orders", "stack", "no-aws (0 default AWS providers)", "exactly one AWS provider");
    }
}
