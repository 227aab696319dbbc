package dev.tandem.e2e.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.e2e.cloudformation.TableShape.Region;
import dev.tandem.stacks.ReferenceDeployment;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both renderings of the reference sessions table, read back from the files they wrote (the
 * primary stack's {@code cdk.tf.json} and the CloudFormation template), describe the same table,
 * so neither can drift from the other silently.
 */
class RenderingEquivalenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TableShape terraform;
    private static TableShape cloudFormation;

    @BeforeAll
    static void readBothOutputs() throws IOException {
        JsonNode stack = JSON.readTree(SynthesizedDeployment.outdir().resolve("stacks/primary/cdk.tf.json").toFile());
        JsonNode tables = stack.path("resource").path("aws_dynamodb_table");
        assertThat(tables.size()).as("aws_dynamodb_table resources in the primary stack").isEqualTo(1);
        terraform = TableShape.fromTerraform(tables.elements().next(), stack.path("provider").path("aws").get(0)
                .path("region").asText());

        JsonNode template = JSON.readTree(SynthesizedTemplate.file().toFile());
        var globalTables = template.path("Resources").properties().stream()
                .map(Map.Entry::getValue)
                .filter(r -> r.path("Type").asText().equals("AWS::DynamoDB::GlobalTable"))
                .toList();
        assertThat(globalTables).as("AWS::DynamoDB::GlobalTable resources in the template").hasSize(1);
        cloudFormation = TableShape.fromCloudFormation(globalTables.get(0).path("Properties"));
    }

    @Test
    void bothNameTheSameTableWithTheSameBilling() {
        assertThat(cloudFormation.name()).isEqualTo(terraform.name()).isEqualTo("tandem-sessions");
        assertThat(cloudFormation.billingMode()).isEqualTo(terraform.billingMode());
    }

    @Test
    void bothHaveTheSameKeysAndAttributeTypes() {
        assertThat(cloudFormation.keySchema()).isEqualTo(terraform.keySchema()).containsKeys("HASH", "RANGE");
        assertThat(cloudFormation.attributeTypes()).isEqualTo(terraform.attributeTypes());
    }

    @Test
    void bothHaveTheSameGlobalSecondaryIndexes() {
        assertThat(cloudFormation.indexes()).isEqualTo(terraform.indexes()).containsKey("by-user");
    }

    @Test
    void bothPutTheTableInTheSameRegions() {
        assertThat(cloudFormation.regions().keySet()).isEqualTo(terraform.regions().keySet())
                .containsExactly("eu-central-1", "eu-west-3");
    }

    @Test
    void bothHavePointInTimeRecoveryEncryptionAndTagsAlikeInEveryRegion() {
        assertThat(settings(cloudFormation, Region::pointInTimeRecovery))
                .isEqualTo(settings(terraform, Region::pointInTimeRecovery));
        assertThat(settings(cloudFormation, Region::kmsKey)).isEqualTo(settings(terraform, Region::kmsKey));
        assertThat(settings(cloudFormation, Region::tags)).isEqualTo(settings(terraform, Region::tags));
        assertThat(cloudFormation.encryption()).isEqualTo(terraform.encryption());
    }

    @Test
    void bothStreamNewAndOldImagesAndExpireItemsByTheSameAttribute() {
        assertThat(cloudFormation.streamViewType()).isEqualTo(terraform.streamViewType())
                .contains("NEW_AND_OLD_IMAGES");
        assertThat(cloudFormation.ttlAttribute()).isEqualTo(terraform.ttlAttribute()).contains("expiresAt");
    }

    @Test
    void bothProtectTheHomeTableFromDeletionWithTheSameTableClass() {
        String home = ReferenceDeployment.spec().primary().awsRegion();
        assertThat(cloudFormation.regions().get(home).deletionProtection())
                .isEqualTo(terraform.regions().get(home).deletionProtection()).contains(true);
        assertThat(cloudFormation.regions().get(home).tableClass())
                .isEqualTo(terraform.regions().get(home).tableClass());
    }

    /**
     * The one known difference, kept visible: the replica block of hashicorp/aws 5.100.0 cannot set
     * deletion protection or table class, so Terraform leaves the replica to DynamoDB's defaults, while
     * CloudFormation gives it the description's values. When the Terraform rendering sets them (the
     * provider's aws_dynamodb_table_replica can), this test fails and the two can be compared like the rest.
     */
    @Test
    void onlyCloudFormationSetsDeletionProtectionAndTableClassOnTheReplica() {
        String replica = ReferenceDeployment.spec().secondary().awsRegion();
        assertThat(terraform.regions().get(replica).deletionProtection()).isEmpty();
        assertThat(terraform.regions().get(replica).tableClass()).isEmpty();
        assertThat(cloudFormation.regions().get(replica).deletionProtection()).contains(true);
        assertThat(cloudFormation.regions().get(replica).tableClass()).contains("STANDARD");
    }

    private static <T> Map<String, T> settings(TableShape table, Function<Region, T> setting) {
        return table.regions().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> setting.apply(e.getValue())));
    }
}
