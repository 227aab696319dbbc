package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.TestStacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.tandem.constructs.testing.Rejections;

class StateBackendTest {

    private static JsonNode backendOf(StateBackend backend) {
        TerraformStack stack = TestStacks.emptyStack();
        backend.applyTo(stack);
        return TestStacks.synth(stack).path("terraform").path("backend");
    }

    @Test
    void localStateIsCdktfsDefaultLocalBackend(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cdktf.out");
        TandemApp.synthesize(out, app -> {
            StateBackend.local().applyTo(new TerraformStack(app, "region"));
            return null;
        });
        JsonNode backend = TestStacks.parse(Files.readString(out.resolve("stacks/region/cdk.tf.json")))
                .path("terraform").path("backend");
        assertThat(backend.path("local").path("path").asText()).endsWith("terraform.region.tfstate");
    }

    @Test
    void awsS3StateIsEncryptedAndLockedWithDynamoDb() {
        JsonNode s3 = backendOf(StateBackend.awsS3().bucket("acme-tandem-state").region("eu-west-3").lockTable("tandem-locks").build()).path("s3");
        assertThat(s3.path("bucket").asText()).isEqualTo("acme-tandem-state");
        assertThat(s3.path("key").asText()).isEqualTo("tandem/test.tfstate");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("dynamodb_table").asText()).isEqualTo("tandem-locks");
        assertThat(s3.has("use_lockfile")).isFalse();
    }

    @Test
    void ovhObjectStorageUsesItsEndpointAndALockFile() {
        JsonNode s3 = backendOf(StateBackend.ovhObjectStorage().bucket("acme-tandem-state").region("gra").build()).path("s3");
        assertThat(s3.path("endpoint").asText()).isEqualTo("https://s3.gra.io.cloud.ovh.net");
        assertThat(s3.path("force_path_style").asBoolean()).isTrue();
        assertThat(s3.path("skip_region_validation").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.has("dynamodb_table")).isFalse();
    }

    @Test
    void awsS3WithoutALockTableLocksWithALockFile() {
        JsonNode s3 = backendOf(StateBackend.awsS3().bucket("acme-tandem-state").region("eu-west-3").build()).path("s3");
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.has("dynamodb_table")).isFalse();
        assertThat(s3.has("endpoint")).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(nullValues = "NULL", value = {
        "bucket, Bad_Bucket, eu-west-3, , must be an S3 bucket name",
        "bucket, NULL, eu-west-3, , must be an S3 bucket name",
        "bucket, my..state, eu-west-3, , no '..'",
        "bucket, 192.168.1.10, eu-west-3, , not an IP address",
        "bucket, xn--state, eu-west-3, , reserved prefix",
        "bucket, ab, eu-west-3, , 3–63",
        "region, eu-west-9, eu-west-9, , must be an AWS region",
        "region, NULL, NULL, , must be an AWS region",
        "lockTable, \"\", eu-west-3, '', must be a DynamoDB table name",
        "lockTable, locks!, eu-west-3, locks!, must be a DynamoDB table name"})
    void badAwsS3SettingsAreRejectedByName(String property, String value, String region, String lockTable,
            String why) {
        String bucket = property.equals("bucket") ? value : "acme-tandem-state";
        StateBackend.S3Builder b = StateBackend.awsS3().bucket(bucket).region(region);
        if (lockTable != null) {
            b.lockTable(lockTable);
        }
        Rejections.assertRejected(b::build, "StateBackend", property, String.valueOf(value), why);
    }

    @Test
    void ovhObjectStorageTakesAnOvhRegionAndNoLockTable() {
        Rejections.assertRejected(() -> StateBackend.ovhObjectStorage().bucket("acme-state").region("GRA").build(),
                "StateBackend", "region", "GRA", "OVH Object Storage region in lower case");
        Rejections.assertRejected(() -> StateBackend.ovhObjectStorage().bucket("acme-state").region("gra")
                .lockTable("locks").build(), "StateBackend", "lockTable", "locks", "applies to AWS only");
    }

    @Test
    void theProductionDefaultIsEncryptedAndLockedAndMayUseAKmsKeyOfTheBucketsRegion() {
        String key = "arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        JsonNode s3 = backendOf(StateBackend.awsS3().bucket("acme-tandem-state").region("eu-west-3").kmsKeyArn(key)
                .build()).path("s3");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.path("kms_key_id").asText()).isEqualTo(key);
    }

    @Test
    void aKmsKeyMustBeAKeyArnInTheBucketsRegionOnAws() {
        String base = "StateBackend";
        Rejections.assertRejected(() -> StateBackend.awsS3().bucket("acme-state").region("eu-west-3")
                .kmsKeyArn("alias/tf-state").build(), base, "kmsKeyArn", "alias/tf-state", "must be a KMS key ARN");
        String frankfurt = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd";
        Rejections.assertRejected(() -> StateBackend.awsS3().bucket("acme-state").region("eu-west-3")
                .kmsKeyArn(frankfurt).build(), base, "kmsKeyArn", frankfurt,
                "is a key in eu-central-1, but the bucket is in eu-west-3");
        Rejections.assertRejected(() -> StateBackend.ovhObjectStorage().bucket("acme-state").region("gra")
                .kmsKeyArn(frankfurt).build(), base, "kmsKeyArn", frankfurt, "applies to AWS only");
    }
}
