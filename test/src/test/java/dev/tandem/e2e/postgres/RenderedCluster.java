package dev.tandem.e2e.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.constructs.postgres.ReplicationMode;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.rehearsal.postgres.ClusterSettings;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.ReferenceDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Cluster} manifest as Tandem renders it, with the recovery point its DR report gives, where there is one:
 * what the drill runs from.
 *
 * @param source   where the manifest comes from, for the printed figures
 * @param yaml     the {@code Cluster} manifest
 * @param reported the DR report's recovery point for the database
 */
record RenderedCluster(String source, String yaml, Optional<ReportedRecoveryPoint> reported) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A whole synthesized deployment (as the snapshot tests synthesize it): the replica region's {@code Cluster} and
     * the {@code recoveryPoint.postgres} entry of its {@code dr-report.json}.
     *
     * @param variant the deployment's folder name under the synthesized variants
     * @param spec    the deployment
     */
    static RenderedCluster deployment(String variant, DeploymentSpec spec) {
        Path out = SynthesizedDeployment.variant(variant, spec);
        try {
            String yaml = Files.readString(out.resolve("stacks/secondary/postgres/cluster.yaml"));
            JsonNode entry = JSON.readTree(out.resolve("dr-report.json").toFile()).path("recoveryPoint").path("postgres").get(0);
            return new RenderedCluster(variant, yaml, Optional.of(ReportedRecoveryPoint.of(entry)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The streaming reference ({@code ./synth --data postgres-streaming}) with its database made synchronous: the
     * same shared network and fixed addresses, a zero recovery point in its report.
     */
    static DeploymentSpec synchronousReference() {
        DeploymentSpec streaming = ReferenceDeployment.postgresStreamingSpec();
        return streaming.toBuilder().postgres(streaming.postgres().orElseThrow().toBuilder()
                .replicationMode(ReplicationMode.SYNCHRONOUS).build()).build();
    }

    /**
     * @return what the drill runs, each from a whole synthesized deployment and its DR report: the second reference
     *         (archive-only), the streaming reference, and the streaming reference made synchronous
     */
    static List<RenderedCluster> drilled() {
        return List.of(deployment("postgres", ReferenceDeployment.postgresSpec()),
                deployment("postgres-streaming", ReferenceDeployment.postgresStreamingSpec()),
                deployment("postgres-synchronous", synchronousReference()));
    }

    /** @return where the manifest comes from (the drill's test names) */
    @Override
    public String toString() {
        return source;
    }

    /** @return the settings the drill reads from the manifest */
    ClusterSettings settings() {
        return ClusterSettings.read(yaml);
    }

    /**
     * The DR report's recovery point for one PostgreSQL database ({@code recoveryPoint.postgres[]} of
     * {@code dr-report.json}).
     *
     * @param mode            the replication mode the report found
     * @param archiveTimeout  the archive timeout it computed from
     * @param uploadAllowance its allowance for uploading the last segment
     * @param bound           the most the database may lose
     */
    record ReportedRecoveryPoint(String mode, Duration archiveTimeout, Duration uploadAllowance, Duration bound) {
        static ReportedRecoveryPoint of(JsonNode entry) {
            return new ReportedRecoveryPoint(entry.path("mode").asText(),
                    Duration.ofSeconds(entry.path("archiveTimeoutSeconds").asLong()),
                    Duration.ofSeconds(entry.path("uploadAllowanceSeconds").asLong()),
                    Duration.ofSeconds(entry.path("rpoBoundSeconds").asLong()));
        }
    }
}
