package dev.tandem.constructs.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.testing.TestStacks;
import org.junit.jupiter.api.Test;

/**
 * What a destroy may do to the data, read from the synthesized JSON: tables and replicas refuse any plan that
 * destroys them unless a teardown is written in code, the replica finds its table without the table's stack,
 * and the table will not take another stack's replica with it.
 */
class DestroyGuardTest {
    private final App app = Testing.app();
    private final TerraformStack primary = TestStacks.awsStack(app, "primary", "eu-west-3");
    private final TerraformStack secondary = TestStacks.awsStack(app, "secondary", "eu-central-1");

    private GlobalTable.Builder orders() {
        return GlobalTable.Builder.create(primary, "orders").tableName("orders").partitionKey(Attribute.string("pk"));
    }

    @Test
    void theTableAndItsReplicaRefuseAnyPlanThatDestroysThem() {
        TableReplica.Builder.create(secondary, "orders").table(orders().build()).build();

        JsonNode table = TestStacks.onlyResource(TestStacks.synthApp(app, "primary"), "aws_dynamodb_table");
        JsonNode replica = TestStacks.onlyResource(TestStacks.synthApp(app, "secondary"), "aws_dynamodb_table_replica");

        assertThat(table.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
        assertThat(table.path("deletion_protection_enabled").asBoolean()).isTrue();
        assertThat(replica.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
        assertThat(replica.path("deletion_protection_enabled").asBoolean()).isTrue();
    }

    @Test
    void theReplicaBuildsTheTablesArnFromItsOwnStackAndStillComesAfterIt() {
        TableReplica.Builder.create(secondary, "orders").table(orders().build()).build();
        JsonNode synth = TestStacks.synthApp(app, "secondary");

        String partition = synth.path("data").path("aws_partition").fieldNames().next();
        String account = synth.path("data").path("aws_caller_identity").fieldNames().next();
        assertThat(TestStacks.onlyResource(synth, "aws_dynamodb_table_replica").path("global_table_arn").asText())
                .isEqualTo("arn:${data.aws_partition." + partition + ".partition}:dynamodb:eu-west-3:"
                        + "${data.aws_caller_identity." + account + ".account_id}:table/orders");
        assertThat(synth.path("data").has("terraform_remote_state")).as("nothing read from the table's stack").isFalse();
        assertThat(secondary.getDependencies()).extracting(d -> d.getNode().getPath()).containsExactly("primary");
    }

    @Test
    void theTableRefusesToBeDestroyedWhileItsStateRecordsReplicas() {
        orders().build();
        JsonNode provisioner = TestStacks.onlyResource(TestStacks.synthApp(app, "primary"), "aws_dynamodb_table")
                .path("provisioner").get(0).path("local-exec");

        assertThat(provisioner.path("when").asText()).isEqualTo("destroy");
        assertThat(provisioner.path("command").asText())
                .startsWith("%{ if length(self.replica) > 0 }")
                .contains("still has replicas in ${join(\", \", self.replica[*].region_name)}", "exit 1")
                .endsWith("%{ else }true%{ endif }");
    }

    @Test
    void aTeardownDropsTheGuardsAndDeletionProtectionAndTheReplicaFollows() {
        GlobalTable table = orders().teardown(true).build();
        TableReplica.Builder.create(secondary, "orders").table(table).build();

        JsonNode home = TestStacks.onlyResource(TestStacks.synthApp(app, "primary"), "aws_dynamodb_table");
        JsonNode replica = TestStacks.onlyResource(TestStacks.synthApp(app, "secondary"), "aws_dynamodb_table_replica");

        assertThat(home.path("lifecycle").path("prevent_destroy").asBoolean(true)).isFalse();
        assertThat(home.path("deletion_protection_enabled").asBoolean(true)).isFalse();
        assertThat(replica.path("lifecycle").path("prevent_destroy").asBoolean(true)).isFalse();
        assertThat(replica.path("deletion_protection_enabled").asBoolean(true)).isFalse();
        assertThat(table.props().deletionProtection()).as("the description keeps what it said").isTrue();
    }

    @Test
    void aReplicaMayStayGuardedThroughTheTablesTeardown() {
        GlobalTable table = orders().teardown(true).build();
        TableReplica.Builder.create(secondary, "orders").table(table).teardown(false).build();

        JsonNode replica = TestStacks.onlyResource(TestStacks.synthApp(app, "secondary"), "aws_dynamodb_table_replica");
        assertThat(replica.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
        assertThat(replica.path("deletion_protection_enabled").asBoolean()).isTrue();
    }
}
