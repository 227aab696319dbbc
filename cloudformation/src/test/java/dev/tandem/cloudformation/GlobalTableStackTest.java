package dev.tandem.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.Billing;
import dev.tandem.constructs.table.Capacity;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.TableReplicaProps;
import dev.tandem.constructs.table.TableClass;
import dev.tandem.constructs.table.TableEncryption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The AWS CDK rendering of a GlobalTable description, checked with the AWS CDK's own assertions. */
class GlobalTableStackTest {
    private static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";

    private static final Map<String, TableReplicaProps> FRANKFURT = Map.of("eu-central-1",
            TableReplicaProps.builder().build());

    private static GlobalTableProps.Builder sessions() {
        return GlobalTableProps.builder()
                .tableName("sessions")
                .partitionKey(Attribute.string("pk"))
                .sortKey(Attribute.number("sk"))
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder()
                        .indexName("by-user").partitionKey(Attribute.string("userId")).sortKey(Attribute.number("sk"))
                        .build()))
                .timeToLiveAttribute("expiresAt")
                .tags(Map.of("team", "payments"));
    }

    private static Template template(GlobalTableProps props) {
        return template(props, FRANKFURT);
    }

    private static Template template(GlobalTableProps props, Map<String, TableReplicaProps> replicas) {
        App app = new App(AppProps.builder().analyticsReporting(false).build());
        return Template.fromStack(GlobalTableStack.Builder.create(app, "stack").table(props).homeRegion("eu-west-3")
                .replicas(replicas).build());
    }

    /** Replicas come in no promised order (the home region's is last): match each on its own. */
    private static void hasReplica(Template t, Map<String, Object> replica) {
        t.hasResourceProperties(GLOBAL_TABLE, Map.of("Replicas", Match.arrayWith(List.of(Match.objectLike(replica)))));
    }

    @Test
    void theDefaultsRenderAnOnDemandGlobalTableWithKeysIndexStreamsTtlAndSafeSettingsInEveryRegion() {
        Template t = template(sessions().build());

        t.resourceCountIs(GLOBAL_TABLE, 1);
        t.hasResourceProperties(GLOBAL_TABLE, Map.of(
                "TableName", "sessions",
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "N"),
                        Map.of("AttributeName", "userId", "AttributeType", "S"))),
                "GlobalSecondaryIndexes", List.of(Map.of("IndexName", "by-user",
                        "KeySchema", List.of(Map.of("AttributeName", "userId", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL"))),
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
        for (String region : List.of("eu-west-3", "eu-central-1")) {
            hasReplica(t, Map.of(
                    "Region", region,
                    "DeletionProtectionEnabled", true,
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "TableClass", "STANDARD",
                    "Tags", List.of(Map.of("Key", "team", "Value", "payments"))));
        }
    }

    @Test
    void anAwsOwnedKeyIsDynamoDbsOwnEncryption() {
        Template t = template(sessions().build());

        t.hasResourceProperties(GLOBAL_TABLE, Map.of("SSESpecification", Map.of("SSEEnabled", false)));
    }

    @Test
    void theAwsManagedKeyTurnsOnKmsEncryption() {
        Template t = template(sessions().encryption(TableEncryption.awsManaged()).build());

        t.hasResourceProperties(GLOBAL_TABLE, Map.of("SSESpecification",
                Map.of("SSEEnabled", true, "SSEType", "KMS")));
    }

    @Test
    void customerManagedKeysAreGivenPerRegion() {
        String home = "arn:aws:kms:eu-west-3:111122223333:key/home";
        String replica = "arn:aws:kms:eu-central-1:111122223333:key/replica";
        Template t = template(sessions().encryption(TableEncryption.customerManaged(home)).build(),
                Map.of("eu-central-1", TableReplicaProps.builder().kmsKeyArn(replica).build()));

        t.hasResourceProperties(GLOBAL_TABLE, Map.of("SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS")));
        hasReplica(t, Map.of("Region", "eu-west-3", "SSESpecification", Map.of("KMSMasterKeyId", home)));
        hasReplica(t, Map.of("Region", "eu-central-1", "SSESpecification", Map.of("KMSMasterKeyId", replica)));
    }

    @Test
    void replicaOverridesOfDeletionProtectionTableClassPitrAndTagsReachOnlyThatReplica() {
        Template t = template(sessions().build(), Map.of("eu-central-1", TableReplicaProps.builder()
                .deletionProtection(false).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .pointInTimeRecovery(false).propagateTags(false).build()));

        hasReplica(t, Map.of("Region", "eu-west-3", "DeletionProtectionEnabled", true, "TableClass", "STANDARD",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "Tags", Match.anyValue()));
        hasReplica(t, Map.of("Region", "eu-central-1", "DeletionProtectionEnabled", false,
                "TableClass", "STANDARD_INFREQUENT_ACCESS",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", false),
                "Tags", Match.absent()));
    }

    @Test
    void provisionedBillingAutoscalesWritesOnTheTableAndItsIndexes() {
        Template t = template(sessions().billing(Billing.provisioned(Capacity.fixed(5),
                Capacity.autoscaled().minUnits(2).maxUnits(40).targetUtilization(60).build())).build());

        Map<String, Object> autoscaledWrites = Map.of("WriteCapacityAutoScalingSettings", Map.of(
                "MinCapacity", 2, "MaxCapacity", 40, "SeedCapacity", 2,
                "TargetTrackingScalingPolicyConfiguration", Map.of("TargetValue", 60)));
        t.hasResourceProperties(GLOBAL_TABLE, Map.of(
                "BillingMode", "PROVISIONED",
                "WriteProvisionedThroughputSettings", autoscaledWrites,
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of(
                        "IndexName", "by-user", "WriteProvisionedThroughputSettings", autoscaledWrites)))));
        hasReplica(t, Map.of("Region", "eu-central-1",
                "ReadProvisionedThroughputSettings", Map.of("ReadCapacityUnits", 5)));
    }

    @Test
    void theTableClassOfTheDescriptionReachesEveryReplica() {
        Template t = template(sessions().tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).build());

        hasReplica(t, Map.of("Region", "eu-west-3", "TableClass", "STANDARD_INFREQUENT_ACCESS"));
        hasReplica(t, Map.of("Region", "eu-central-1", "TableClass", "STANDARD_INFREQUENT_ACCESS"));
    }

    @Test
    void theTemplateHasNoBootstrapParameterSoPlainCloudFormationCanDeployIt() {
        Template t = template(sessions().build());

        assertThat(t.toJSON()).doesNotContainKeys("Parameters", "Rules");
    }

    @Test
    void anInvalidDescriptionIsRejectedListingEveryProblemWithTheConstructPath() {
        assertThatThrownBy(() -> template(sessions().timeToLiveAttribute(" ").build(),
                Map.of("eu-west-3", TableReplicaProps.builder().build())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("stack/table")
                .hasMessageContaining("replicas[eu-west-3].region")
                .hasMessageContaining("timeToLiveAttribute");
    }
}
