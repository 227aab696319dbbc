package dev.tandem.e2e.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference with its sessions in PostgreSQL ({@code ./synth --data postgres}) against {@code snapshots/postgres/}. */
class PostgresVariantSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GoldenFiles golden = GoldenFiles.fromEnvironment().under("postgres");

    private static Path out() {
        return SynthesizedDeployment.variant("postgres", ReferenceDeployment.postgresSpec());
    }

    @Test
    void everyStackFileTheManifestAndTheDrReportMatchTheirGoldenFiles() {
        golden.verifyDeployment(out());
    }

    @Test
    void eachRegionHoldsThePeersVersionedArchiveAndItsOwnUserAndNoDynamoDb() throws Exception {
        Path out = out();
        for (String[] region : new String[][] {{"primary", "tandem-sessions-wal-de1", "tandem-sessions-wal-eu-west-par"},
            {"secondary", "tandem-sessions-wal-eu-west-par", "tandem-sessions-wal-de1"}}) {
            JsonNode stack = JSON.readTree(out.resolve("stacks/" + region[0] + "/cdk.tf.json").toFile());
            JsonNode bucket = stack.path("resource").path("ovh_cloud_project_storage").elements().next();
            assertThat(bucket.path("name").asText()).isEqualTo(region[1]);
            assertThat(bucket.path("versioning").path("status").asText()).isEqualTo("enabled");
            JsonNode policy = JSON.readTree(stack.path("resource").path("ovh_cloud_project_user_s3_policy").elements()
                    .next().path("policy").asText());
            assertThat(policy.path("Statement").get(0).path("Resource").get(0).asText())
                    .isEqualTo("arn:aws:s3:::" + region[2]);
            assertThat(stack.path("output").path("sessions_archive_secret_access_key").path("sensitive").asBoolean())
                    .isTrue();
            assertThat(stack.path("resource").has("aws_dynamodb_table")).isFalse();
            assertThat(stack.path("resource").has("aws_iam_access_key")).isFalse();
            for (String file : new String[] {"cluster.yaml", "scheduled-backup.yaml", "kustomization.yaml"}) {
                assertThat(out.resolve("stacks/" + region[0] + "/postgres/" + file)).isRegularFile();
            }
            assertThat(out.resolve("stacks/" + region[0] + "/postgres-operator/2-cloudnative-pg/kustomization.yaml"))
                    .isRegularFile();
        }
    }

    @Test
    void theDrReportShowsTheDataLayerTheRpoPerModeAndTheRunbook() throws Exception {
        Path out = out();
        String report = Files.readString(out.resolve("dr-report.md"));
        assertThat(report).contains("PostgreSQL primary/sessions").contains("| postgresql | primary/sessions | 35 s |")
                .contains("Manual promotion breaks the RTO target").contains("### Promote the standby")
                .contains("### Bring the old primary back").contains("### What split brain looks like");
        JsonNode rpo = JSON.readTree(out.resolve("dr-report.json").toFile()).path("recoveryPoint").path("postgres").get(0);
        assertThat(rpo.path("mode").asText()).isEqualTo("ARCHIVE_ONLY");
        assertThat(rpo.path("archiveTimeoutSeconds").asInt()).isEqualTo(30);
        assertThat(rpo.path("rpoBoundSeconds").asInt()).isEqualTo(35);
    }
}
