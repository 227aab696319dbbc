package dev.tandem.constructs.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppDataAccessValidationTest {
    private static final String PATH = "secondary/app-data";

    /** A two-region setup, fresh per case, and a valid identity in the secondary to change one thing of. */
    private record Setup(TerraformStack secondary, GlobalTable orders, TableReplica replica) {
        static Setup create() {
            App app = Testing.app();
            TerraformStack primary = TestStacks.awsStack(app, "primary", "eu-west-3");
            TerraformStack secondary = TestStacks.awsStack(app, "secondary", "eu-central-1");
            GlobalTable orders = GlobalTable.Builder.create(primary, "orders").tableName("orders")
                    .partitionKey(Attribute.string("pk")).build();
            return new Setup(secondary, orders, TableReplica.Builder.create(secondary, "orders").table(orders).build());
        }

        AppDataAccess.Builder valid() {
            return AppDataAccess.Builder.create(secondary, "app-data").tables(List.of(TableGrant.of(replica)));
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                reject("tables", "null", "is required", (s, b) -> b.tables(null)),
                reject("tables", "[null]", "must not contain null", (s, b) -> b.tables(Arrays.asList((TableGrant) null))),
                reject("tables", "[]", "needs at least one table", (s, b) -> b.tables(List.of())),
                reject("tables[0].table", "null", "is required", (s, b) -> b.tables(List.of(TableGrant.of((TableReplica) null)))),
                // The data-affinity rule at its source: the secondary's identity on the home table in eu-west-3.
                reject("tables[0]", "primary/orders in eu-west-3", "must be this stack's AWS region's copy (eu-central-1)",
                        (s, b) -> b.tables(List.of(TableGrant.of(s.orders())))),
                reject("tables[1]", "orders", "is granted more than once",
                        (s, b) -> b.tables(List.of(TableGrant.of(s.replica()), TableGrant.of(s.replica())))),
                reject("tables[0].access", "null", "is required", (s, b) -> b.tables(List.of(TableGrant.of(s.replica()).withAccess(null)))),
                reject("tables[0].access.level", "null", "is required",
                        (s, b) -> b.tables(List.of(TableGrant.of(s.replica()).withAccess(TableAccess.builder().level(null).build())))),
                reject("tables[0].access.logicalName", "orders", "must be upper-case letters",
                        (s, b) -> b.tables(List.of(TableGrant.of(s.replica()).withAccess(TableAccess.builder().logicalName("orders").build())))),
                reject("userName", "orders secondary", "an IAM user name", (s, b) -> b.userName("orders secondary")),
                reject("userName", "x".repeat(65), "1 to 64", (s, b) -> b.userName("x".repeat(65))),
                reject("accessKeys", "null", "is required", (s, b) -> b.accessKeys(null)),
                reject("accessKeys", "0 key(s)", "must hold 1 or 2 keys", (s, b) -> b.accessKeys(List.of())),
                reject("accessKeys", "3 key(s)", "IAM allows 2 per user",
                        (s, b) -> b.accessKeys(List.of(AccessKey.active("a"), AccessKey.active("b"), AccessKey.active("c")))),
                reject("accessKeys[1].name", "a", "appears more than once",
                        (s, b) -> b.accessKeys(List.of(AccessKey.active("a"), AccessKey.inactive("a")))),
                reject("accessKeys[0].name", "Key_1", "lower-case letters or digits", (s, b) -> b.accessKeys(List.of(AccessKey.active("Key_1")))),
                reject("accessKeys[0].status", "null", "is required", (s, b) -> b.accessKeys(List.of(new AccessKey("a", null)))));
    }

    private interface Change {
        AppDataAccess.Builder apply(Setup setup, AppDataAccess.Builder builder);
    }

    private static Arguments reject(String property, String value, String why, Change change) {
        return Arguments.of(property, value, why, change);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInputs")
    void everyBadInputIsAValidationErrorNamingIt(String property, String value, String why, Change change) {
        Setup s = Setup.create();
        Rejections.assertRejected(() -> change.apply(s, s.valid()).build(), PATH, property, value, why);
    }

    @Test
    void aStackWithoutAnAwsProviderIsNamed() {
        Rejections.assertRejected(() -> AppDataAccess.Builder.create(TestStacks.emptyStack(), "app-data")
                .tables(List.of()).build(), "test/app-data", "stack", "test (0 default AWS providers)",
                "exactly one AWS provider");
    }

    @Test
    void twoTablesCannotShareAVariable() {
        App app = Testing.app();
        TerraformStack primary = TestStacks.awsStack(app, "primary", "eu-west-3");
        GlobalTable a = GlobalTable.Builder.create(primary, "a").tableName("orders-v1").partitionKey(Attribute.string("pk")).build();
        GlobalTable b = GlobalTable.Builder.create(primary, "b").tableName("orders_v1").partitionKey(Attribute.string("pk")).build();
        UnaryOperator<AppDataAccess.Builder> both = x -> x.tables(List.of(TableGrant.of(a), TableGrant.of(b)));

        assertThatThrownBy(() -> both.apply(AppDataAccess.Builder.create(primary, "app-data")).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tables[1].access.logicalName = TANDEM_TABLE_ORDERS_V1 — is also the variable of table orders-v1");
    }
}
