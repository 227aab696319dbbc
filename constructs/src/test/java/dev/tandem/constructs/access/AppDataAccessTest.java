package dev.tandem.constructs.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDataAccessTest {
    private final App app = Testing.app();
    private final TerraformStack primary = TestStacks.awsStack(app, "primary", "eu-west-3");
    private final TerraformStack secondary = TestStacks.awsStack(app, "secondary", "eu-central-1");
    private final GlobalTable orders = GlobalTable.Builder.create(primary, "orders").tableName("orders")
            .partitionKey(Attribute.string("pk"))
            .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder().indexName("by-customer")
                    .partitionKey(Attribute.string("customer")).build()))
            .build();
    private final TableReplica ordersReplica = TableReplica.Builder.create(secondary, "orders").table(orders).build();

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theReplicaRegionsIdentityMayUseOnlyItsReplicaAndItsIndexes() {
        AppDataAccess data = AppDataAccess.Builder.create(secondary, "app-data").userName("orders-secondary")
                .tables(List.of(TableGrant.of(ordersReplica))).build();
        JsonNode synth = TestStacks.synthApp(app, "secondary");

        JsonNode statements = synth.path("data").path("aws_iam_policy_document").elements().next().path("statement");
        assertThat(statements).hasSize(2);
        String account = "${data.aws_caller_identity." + synth.path("data").path("aws_caller_identity").fieldNames().next()
                + ".account_id}";
        String partition = "${data.aws_partition." + synth.path("data").path("aws_partition").fieldNames().next()
                + ".partition}";
        String table = "arn:" + partition + ":dynamodb:eu-central-1:" + account + ":table/orders";
        assertThat(texts(statements.get(0).path("resources"))).containsExactly(table);
        assertThat(texts(statements.get(0).path("actions"))).containsExactlyElementsOf(AccessLevel.READ_WRITE.tableActions());
        assertThat(texts(statements.get(1).path("resources"))).containsExactly(table + "/index/by-customer");
        assertThat(texts(statements.get(1).path("actions"))).containsExactly("dynamodb:Query", "dynamodb:Scan");
        assertThat(statements.toString()).doesNotContain("\"*\"").doesNotContain("eu-west-3").doesNotContain("stream");
        assertThat(data.region()).isEqualTo("eu-central-1");
    }

    @Test
    void theUserGetsTheInlinePolicyAndOneActiveKeyWhoseSecretIsOnlyASensitiveOutput() {
        AppDataAccess.Builder.create(secondary, "app-data").tables(List.of(TableGrant.of(ordersReplica))).build();
        JsonNode synth = TestStacks.synthApp(app, "secondary");

        SynthAssertions.assertResource(synth, "aws_iam_user").hasProperties(Map.of("name", "secondary-app-data",
                "path", "/tandem/"));
        JsonNode policy = SynthAssertions.assertResource(synth, "aws_iam_user_policy")
                .hasProperties(Map.of("name", "dynamodb-eu-central-1"));
        assertThat(policy.path("policy").asText()).startsWith("${data.aws_iam_policy_document.").endsWith(".json}");
        SynthAssertions.assertResource(synth, "aws_iam_access_key").hasProperties(Map.of("status", "Active"));
        JsonNode secret = synth.path("output").path("app_data_key_a_secret");
        assertThat(secret.path("sensitive").asBoolean()).as(synth.path("output").toString()).isTrue();
        assertThat(secret.path("value").asText()).startsWith("${aws_iam_access_key.").endsWith(".secret}");
        assertThat(synth.path("output").path("app_data_key_a_id").path("value").asText()).endsWith(".id}");
    }

    @Test
    void theWiringNamesTheRegionAndEachTableUnderItsLogicalName() {
        AppDataAccess data = AppDataAccess.Builder.create(primary, "app-data")
                .tables(List.of(TableGrant.of(orders).withAccess(TableAccess.builder().logicalName("ORDERS_V2").build())))
                .build();

        assertThat(data.wiring().awsRegion()).isEqualTo("eu-west-3");
        assertThat(data.wiring().tables()).isEqualTo(Map.of("TANDEM_TABLE_ORDERS_V2", "orders"));
        assertThat(data.wiring().identity()).isEqualTo("primary/app-data");
        assertThat(data.wiring().environment()).containsExactly(Map.entry("AWS_REGION", "eu-west-3"),
                Map.entry("AWS_DEFAULT_REGION", "eu-west-3"), Map.entry("TANDEM_TABLE_ORDERS_V2", "orders"));
    }

    @Test
    void readOnlyAccessDropsItemWritesAndStreamsAddTheStreamReads() {
        List<PolicyStatement> statements = TablePolicy.statements(List.of(TableGrant.of(ordersReplica)
                .withAccess(TableAccess.builder().level(AccessLevel.READ_ONLY).streams(true).build())), "aws", "111122223333");

        assertThat(statements).extracting(PolicyStatement::sid)
                .containsExactly("OrdersItems", "OrdersIndexes", "OrdersStream");
        assertThat(statements.get(0).actions()).doesNotContain("dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem").contains("dynamodb:GetItem");
        assertThat(statements.get(2).resources())
                .containsExactly("arn:aws:dynamodb:eu-central-1:111122223333:table/orders/stream/*");
        assertThat(statements.get(2).actions()).doesNotContain("dynamodb:ListStreams");
    }

    @Test
    void aRotationKeepsTwoKeysTheOldOneInactive() {
        AppDataAccess data = AppDataAccess.Builder.create(secondary, "app-data")
                .tables(List.of(TableGrant.of(ordersReplica)))
                .accessKeys(List.of(AccessKey.inactive("a"), AccessKey.active("b"))).build();
        JsonNode keys = TestStacks.synthApp(app, "secondary").path("resource").path("aws_iam_access_key");

        List<String> statuses = new ArrayList<>();
        keys.forEach(k -> statuses.add(k.path("//").path("metadata").path("path").asText() + " " + k.path("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder("secondary/app-data/key-a Inactive", "secondary/app-data/key-b Active");
        assertThat(data.secretOutput("b")).isPresent();
        assertThat(data.secretOutput("c")).isEmpty();
    }

    @Test
    void theIdentityIsGuardedLikeItsDataAndOutlivesItsCopyInATeardown() {
        AppDataAccess data = AppDataAccess.Builder.create(secondary, "app-data").tables(List.of(TableGrant.of(ordersReplica)))
                .build();
        JsonNode synth = TestStacks.synthApp(app, "secondary");

        assertThat(TestStacks.onlyResource(synth, "aws_iam_user").path("lifecycle").path("prevent_destroy").asBoolean())
                .isTrue();
        assertThat(TestStacks.onlyResource(synth, "aws_iam_user_policy").path("lifecycle").path("prevent_destroy")
                .asBoolean()).isTrue();
        assertThat(TestStacks.onlyResource(synth, "aws_iam_access_key").has("lifecycle"))
                .as("a key leaves by rotation").isFalse();
        assertThat(texts(TestStacks.onlyResource(synth, "aws_dynamodb_table_replica").path("depends_on")))
                .containsExactly("aws_iam_user." + data.resource().getFriendlyUniqueId(),
                        "aws_iam_user_policy." + data.policy().getFriendlyUniqueId(),
                        "aws_iam_access_key." + data.accessKeys().get("a").getFriendlyUniqueId());
    }

    @Test
    void theIdentityIsUnguardedOnlyWhenEveryCopyItIsGrantedIsTornDown() {
        TerraformStack paris = TestStacks.awsStack(app, "paris", "eu-west-3");
        GlobalTable gone = GlobalTable.Builder.create(paris, "gone").tableName("gone")
                .partitionKey(Attribute.string("pk")).teardown(true).build();
        GlobalTable kept = GlobalTable.Builder.create(paris, "kept").tableName("kept")
                .partitionKey(Attribute.string("pk")).build();
        AppDataAccess.Builder.create(paris, "both").tables(List.of(TableGrant.of(gone), TableGrant.of(kept))).build();
        AppDataAccess.Builder.create(paris, "only-gone").tables(List.of(TableGrant.of(gone))).build();
        JsonNode users = TestStacks.synthApp(app, "paris").path("resource").path("aws_iam_user");

        assertThat(users.size()).isEqualTo(2);
        users.fields().forEachRemaining(u -> assertThat(u.getValue().path("lifecycle").path("prevent_destroy")
                .asBoolean()).as(u.getKey()).isEqualTo(u.getKey().startsWith("both")));
    }
}
