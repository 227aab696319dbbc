package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.TestStacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        JsonNode s3 = backendOf(StateBackend.awsS3("acme-tandem-state", "eu-west-3", "tandem-locks")).path("s3");
        assertThat(s3.path("bucket").asText()).isEqualTo("acme-tandem-state");
        assertThat(s3.path("key").asText()).isEqualTo("tandem/test.tfstate");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("dynamodb_table").asText()).isEqualTo("tandem-locks");
        assertThat(s3.has("use_lockfile")).isFalse();
    }

    @Test
    void ovhObjectStorageUsesItsEndpointAndALockFile() {
        JsonNode s3 = backendOf(StateBackend.ovhObjectStorage("acme-tandem-state", "gra")).path("s3");
        assertThat(s3.path("endpoint").asText()).isEqualTo("https://s3.gra.io.cloud.ovh.net");
        assertThat(s3.path("force_path_style").asBoolean()).isTrue();
        assertThat(s3.path("skip_region_validation").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.has("dynamodb_table")).isFalse();
    }

    @Test
    void aBadBucketNameIsRejected() {
        assertThatThrownBy(() -> StateBackend.awsS3("Bad_Bucket", "eu-west-3", "locks"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("StateBackend: bucket = Bad_Bucket");
    }
}
