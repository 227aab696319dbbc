package dev.tandem.constructs.postgres;

import static dev.tandem.constructs.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresArchiveTest {
    static final String PROJECT = "0123456789abcdef0123456789abcdef";

    static PostgresArchive.Builder frankfurt(TerraformStack stack) {
        return PostgresArchive.Builder.create(stack, "sessions-archive").cloudProject(PROJECT).region("DE1")
                .storageRegion("DE").hostedBucket("sessions-wal-eu-west-par").writeBucket("sessions-wal-de1");
    }

    @Test
    void theHostedBucketIsVersionedEncryptedAndGuardedInThisRegionsObjectStorage() {
        TerraformStack stack = TestStacks.emptyStack();
        frankfurt(stack).build();
        JsonNode json = TestStacks.synth(stack);

        JsonNode bucket = SynthAssertions.assertResource(json, "ovh_cloud_project_storage").hasCount(1)
                .hasProperties(Map.of("service_name", PROJECT, "region_name", "DE", "name", "sessions-wal-eu-west-par",
                        "versioning", Map.of("status", "enabled"), "encryption", Map.of("sse_algorithm", "AES256")));
        assertThat(bucket.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    }

    @Test
    void noncurrentVersionsExpireAfterTheRetentionSoDeletedBackupsDoNotStayForever() {
        TerraformStack stack = TestStacks.emptyStack();
        PostgresArchive archive = frankfurt(stack).noncurrentVersionDays(21).build();
        JsonNode rule = SynthAssertions.assertResource(TestStacks.synth(stack),
                "ovh_cloud_project_storage_object_bucket_lifecycle_configuration").hasCount(1)
                .hasProperties(Map.of("service_name", PROJECT)).path("rules").get(0);

        assertThat(rule.path("status").asText()).isEqualTo("enabled");
        assertThat(rule.path("noncurrent_version_expiration").path("noncurrent_days").asInt()).isEqualTo(21);
        assertThat(rule.path("expiration").path("expired_object_delete_marker").asBoolean()).isTrue();
        assertThat(rule.path("abort_incomplete_multipart_upload").path("days_after_initiation").asInt()).isEqualTo(1);
        assertThat(rule.has("filter")).as("the whole bucket").isFalse();
        assertThat(archive.props().noncurrentVersionDays()).isEqualTo(21);
        assertThat(PostgresArchiveProps.forRegion(PostgresFixtures.sessions().build(), "DE1", PROJECT)
                .noncurrentVersionDays()).isEqualTo(PostgresArchiveProps.DEFAULT_NONCURRENT_VERSION_DAYS);
    }

    @Test
    void aRetentionOfNoDayOrOverTenYearsIsRefused() {
        assertRejected(() -> frankfurt(TestStacks.emptyStack()).noncurrentVersionDays(0).build(),
                "test/sessions-archive", "noncurrentVersionDays", "0", "would expire a deleted archive at once");
        assertRejected(() -> frankfurt(TestStacks.emptyStack()).noncurrentVersionDays(3651).build(),
                "test/sessions-archive", "noncurrentVersionDays", "3651", "must be 1–3650 days");
    }

    @Test
    void aTeardownDropsTheBucketsGuard() {
        TerraformStack stack = TestStacks.emptyStack();
        frankfurt(stack).teardown(true).build();

        JsonNode bucket = SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_storage")
                .hasProperties(Map.of("name", "sessions-wal-eu-west-par"));
        assertThat(bucket.path("lifecycle").path("prevent_destroy").asBoolean()).isFalse();
    }

    @Test
    void theUserMayWriteItsOwnArchiveAndOnlyReadThePeers() throws Exception {
        TerraformStack stack = TestStacks.emptyStack();
        PostgresArchive archive = frankfurt(stack).build();
        JsonNode json = TestStacks.synth(stack);
        assertThat(archive.getNode().getDefaultChild()).isSameAs(archive.resource());

        SynthAssertions.assertResource(json, "ovh_cloud_project_user")
                .hasProperties(Map.of("service_name", PROJECT, "role_names", List.of("objectstore_operator")));
        JsonNode policy = SynthAssertions.assertResource(json, "ovh_cloud_project_user_s3_policy").hasCount(1)
                .hasProperties(Map.of("service_name", PROJECT));
        assertThat(policy.path("user_id").asText()).matches("\\$\\{ovh_cloud_project_user\\.[\\w-]+\\.id}");
        assertThat(policy.path("depends_on").toString()).contains("ovh_cloud_project_user_s3_credential.");
        JsonNode document = TestStacks.parse(policy.path("policy").asText());
        assertThat(document).isEqualTo(TestStacks.parse(archive.policyDocument()));
        JsonNode statements = document.path("Statement");
        assertThat(statements).hasSize(2);
        JsonNode write = statements.get(0);
        assertThat(write.path("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(write.path("Resource")))
                .containsExactly("arn:aws:s3:::sessions-wal-de1", "arn:aws:s3:::sessions-wal-de1/*");
        assertThat(texts(write.path("Action"))).contains("s3:PutObject", "s3:DeleteObject")
                .doesNotContain("s3:DeleteObjectVersion", "s3:*");
        JsonNode read = statements.get(1);
        assertThat(texts(read.path("Resource")))
                .containsExactly("arn:aws:s3:::sessions-wal-eu-west-par", "arn:aws:s3:::sessions-wal-eu-west-par/*");
        assertThat(texts(read.path("Action"))).containsExactlyInAnyOrder("s3:GetObject", "s3:ListBucket",
                "s3:GetBucketLocation");
    }

    @Test
    void theSecretLeavesOnlyThroughASensitiveOutput() {
        TerraformStack stack = TestStacks.emptyStack();
        frankfurt(stack).build();
        JsonNode json = TestStacks.synth(stack);

        JsonNode secret = json.path("output").path("sessions_archive_secret_access_key");
        assertThat(secret.path("sensitive").asBoolean()).isTrue();
        assertThat(secret.path("value").asText())
                .matches("\\$\\{ovh_cloud_project_user_s3_credential\\.[\\w-]+\\.secret_access_key}");
        JsonNode id = json.path("output").path("sessions_archive_access_key_id");
        assertThat(id.path("sensitive").asBoolean(false)).isFalse();
        assertThat(id.path("value").asText()).contains(".access_key_id}");
        assertThat(json.toString()).doesNotContain("secret_access_key\":\"");
    }

    @Test
    void fromTheDatabaseEachRegionHoldsThePeersArchiveInItsOwnObjectStorageAndWritesItsOwn() {
        PostgresDatabaseProps db = PostgresFixtures.sessions().archiveBucketPrefix("acme").build();

        PostgresArchiveProps paris = PostgresArchiveProps.forRegion(db, PostgresFixtures.PARIS, PROJECT);
        PostgresArchiveProps frankfurt = PostgresArchiveProps.forRegion(db, PostgresFixtures.FRANKFURT, PROJECT);

        assertThat(paris.hostedBucket()).isEqualTo(db.archiveBucketName(PostgresFixtures.FRANKFURT))
                .isEqualTo(frankfurt.writeBucket()).isEqualTo("acme-sessions-wal-de1");
        assertThat(paris.storageRegion()).isEqualTo("EU-WEST-PAR")
                .isEqualTo(db.archiveRegion(PostgresFixtures.FRANKFURT).toUpperCase(java.util.Locale.ROOT));
        assertThat(frankfurt.hostedBucket()).isEqualTo(paris.writeBucket()).isEqualTo("acme-sessions-wal-eu-west-par");
        assertThat(frankfurt.storageRegion()).isEqualTo("DE");
        assertThat(frankfurt.database()).contains(db);
        assertThat(PostgresArchiveProps.forRegion(db.toBuilder().teardown(true).build(), PostgresFixtures.PARIS, PROJECT)
                .teardown()).isTrue();
    }

    @Test
    void oneBucketCannotBeWrittenAndOnlyReadAtOnce() {
        TerraformStack stack = TestStacks.emptyStack();
        assertRejected(() -> frankfurt(stack).writeBucket("sessions-wal-eu-west-par").build(),
                "test/sessions-archive", "writeBucket", "sessions-wal-eu-west-par", "must differ from hostedBucket");
    }

    @Test
    void bucketNamesFollowS3Rules() {
        assertRejected(() -> frankfurt(TestStacks.emptyStack()).hostedBucket("Sessions_WAL").build(),
                "test/sessions-archive", "hostedBucket", "Sessions_WAL", "must be an S3 bucket name");
        assertRejected(() -> frankfurt(TestStacks.emptyStack()).storageRegion("de").build(), "test/sessions-archive",
                "storageRegion", "de", "upper case");
        assertRejected(() -> frankfurt(TestStacks.emptyStack()).cloudProject("project").build(), "test/sessions-archive",
                "cloudProject", "project", "32 lower-case hexadecimal");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
