package dev.tandem.constructs.table;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a table's description: each bad input names the path, the property, the value and a fix. */
class GlobalTableValidationTest {

    private static GlobalTable.Builder table() {
        return GlobalTableTest.minimal(TestStacks.awsStack());
    }

    private static Arguments bad(String name, UnaryOperator<GlobalTable.Builder> change, String property, String value,
            String why) {
        return Arguments.of(name, change, property, value, why);
    }

    private static GlobalSecondaryIndex.Builder index(String name, Attribute key) {
        return GlobalSecondaryIndex.builder().indexName(name).partitionKey(key);
    }

    static Stream<Arguments> badTables() {
        Capacity autoscaled = Capacity.autoscaled().minUnits(5).maxUnits(50).build();
        Map<String, String> nullValueTag = new HashMap<>();
        nullValueTag.put("team", null);
        return Stream.of(
                // null for every required value and collection
                bad("no table name", b -> b.tableName(null), "tableName", "null", "3–255 characters"),
                bad("no partition key", b -> b.partitionKey(null), "partitionKey", "null", "is required"),
                bad("a key without name", b -> b.partitionKey(new Attribute(null, AttributeType.STRING)),
                        "partitionKey.name", "null", "1–255 characters"),
                bad("a key without type", b -> b.partitionKey(new Attribute("pk", null)), "partitionKey.type", "null",
                        "is required"),
                bad("no index list", b -> b.globalSecondaryIndexes(null), "globalSecondaryIndexes", "null",
                        "is required"),
                bad("a null index", b -> b.globalSecondaryIndexes(Arrays.asList((GlobalSecondaryIndex) null)),
                        "globalSecondaryIndexes", "[null]", "must not contain null"),
                bad("an index without key", b -> b.globalSecondaryIndexes(List.of(index("by-x", null).build())),
                        "globalSecondaryIndexes[by-x].partitionKey", "null", "is required"),
                bad("an index without projection", b -> b.globalSecondaryIndexes(List.of(
                        index("by-x", Attribute.string("x")).projection(null).build())),
                        "globalSecondaryIndexes[by-x].projection", "null", "is required"),
                bad("no billing", b -> b.billing(null), "billing", "null", "is required"),
                bad("provisioned without read capacity", b -> b.billing(Billing.provisioned(null, autoscaled)),
                        "billing.read", "null", "is required with provisioned billing"),
                bad("no encryption", b -> b.encryption(null), "encryption", "null", "is required"),
                bad("customer keys without a key", b -> b.encryption(TableEncryption.customerManaged(null)),
                        "encryption.kmsKeyArn", "null", "is required"),
                bad("no table class", b -> b.tableClass(null), "tableClass", "null", "is required"),
                bad("no tags", b -> b.tags(null), "tags", "null", "is required"),
                bad("a tag without value", b -> b.tags(nullValueTag), "tags[team]", "null", "not null"),
                // value domains
                bad("a short table name", b -> b.tableName("ab"), "tableName", "ab", "3–255 characters"),
                bad("a table name with a space", b -> b.tableName("orders table"), "tableName", "orders table",
                        "3–255 characters"),
                bad("a long table name", b -> b.tableName("x".repeat(256)), "tableName", "x".repeat(256),
                        "3–255 characters"),
                bad("a stream that replication cannot read", b -> b.streamViewType(StreamViewType.KEYS_ONLY),
                        "streamViewType", "KEYS_ONLY", "must be NEW_AND_OLD_IMAGES"),
                bad("a key ARN that is not one", b -> b.encryption(TableEncryption.customerManaged("my-key")),
                        "encryption.kmsKeyArn", "my-key", "must be a KMS key or alias ARN"),
                bad("a key of another region", b -> b.encryption(TableEncryption.customerManaged(
                        "arn:aws:kms:eu-central-1:111122223333:key/k")), "encryption.kmsKeyArn",
                        "arn:aws:kms:eu-central-1:111122223333:key/k", "is a key in eu-central-1"),
                bad("a TTL on a string key", b -> b.timeToLiveAttribute("pk"), "timeToLiveAttribute", "pk",
                        "DynamoDB's TTL only reads Number attributes"),
                bad("a blank TTL attribute", b -> b.timeToLiveAttribute(" "), "timeToLiveAttribute", "\" \"",
                        "must name an attribute"),
                bad("a reserved tag key", b -> b.tags(Map.of("aws:team", "x")), "tags[aws:team]", "aws:team",
                        "not start with aws:"),
                bad("an index name twice", b -> b.globalSecondaryIndexes(List.of(
                        index("by-x", Attribute.string("x")).build(), index("by-x", Attribute.string("x")).build())),
                        "globalSecondaryIndexes[by-x].indexName", "by-x", "appears more than once"),
                bad("INCLUDE without attributes", b -> b.globalSecondaryIndexes(List.of(
                        index("by-x", Attribute.string("x")).projection(Projection.include(List.of())).build())),
                        "globalSecondaryIndexes[by-x].projection", "[]", "INCLUDE needs at least one attribute"),
                bad("21 indexes", b -> b.globalSecondaryIndexes(java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> index("index-" + i, Attribute.string("x")).build()).toList()),
                        "globalSecondaryIndexes", "21 indexes", "at most 20"),
                // cross-field consistency
                bad("one attribute with two types", b -> b.sortKey(Attribute.number("ts")).globalSecondaryIndexes(
                        List.of(index("by-ts", Attribute.string("ts")).build())),
                        "keys[ts]", "ts:STRING", "is also used as a key with type NUMBER"),
                bad("provisioned without write autoscaling", b -> b.billing(Billing.provisioned(Capacity.fixed(5),
                        Capacity.fixed(5))), "billing.write", "5 units", "must autoscale writes"),
                bad("an index with fixed writes", b -> b.billing(Billing.provisioned(Capacity.fixed(5), autoscaled))
                        .globalSecondaryIndexes(List.of(index("by-c", Attribute.string("c")).write(Capacity.fixed(3))
                                .build())), "globalSecondaryIndexes[by-c].write", "3 units", "every index"),
                bad("index capacity on demand", b -> b.globalSecondaryIndexes(List.of(index("by-c",
                        Attribute.string("c")).read(Capacity.fixed(3)).build())), "globalSecondaryIndexes",
                        "capacity set", "only applies to provisioned billing"),
                bad("autoscaling below its minimum", b -> b.billing(Billing.provisioned(Capacity.fixed(5),
                        Capacity.autoscaled().minUnits(10).maxUnits(5).build())), "billing.write.maxUnits", "5",
                        "must be at least minUnits (10)"),
                bad("a target utilization out of range", b -> b.billing(Billing.provisioned(Capacity.fixed(5),
                        Capacity.autoscaled().minUnits(1).maxUnits(5).targetUtilization(95).build())),
                        "billing.write.targetUtilization", "95", "must be 20–90 percent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void aBadTableIsATandemErrorNamingWhatToFix(String name, UnaryOperator<GlobalTable.Builder> change,
            String property, String value, String why) {
        Rejections.assertRejected(() -> change.apply(table()).build(), "test/orders", property, value, why);
    }

    @Test
    void aTableOutsideAStackWithOneAwsProviderIsATandemError() {
        App app = Testing.app();
        TerraformStack noProvider = new TerraformStack(app, "bare");
        Rejections.assertRejected(() -> GlobalTableTest.minimal(noProvider).build(), "bare/orders", "stack",
                "bare (0 default AWS providers)", "exactly one AWS provider");
        TerraformStack unknownRegion = TestStacks.awsStack(app, "mars", "mars-north-1");
        Rejections.assertRejected(() -> GlobalTableTest.minimal(unknownRegion).build(), "mars/orders", "stack",
                "mars (AWS provider region mars-north-1)", "regions hashicorp/aws 5.100.0 knows");
    }

    @Test
    void aMissingScopeOrAClashingIdIsATandemError() {
        Rejections.assertRejected(() -> GlobalTable.Builder.create(null, "orders").build(), "GlobalTable", "scope",
                "null", "is required");
        TerraformStack stack = TestStacks.awsStack();
        GlobalTableTest.minimal(stack).build();
        Rejections.assertRejected(() -> GlobalTableTest.minimal(stack).build(), "test/orders", "id", "orders",
                "is already used by another construct under test");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> table().tableName("x").partitionKey(null).streamViewType(StreamViewType.NEW_IMAGE)
                .build())
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("3 problems:")
                .hasMessageContaining("tableName = x")
                .hasMessageContaining("partitionKey = null")
                .hasMessageContaining("streamViewType = NEW_IMAGE");
    }
}
