package dev.tandem.e2e.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.postgres.PostgresCluster;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.postgres.ReplicationMode;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Cluster} manifest as Tandem renders it, with the recovery point its DR report gives, where there is one:
 * what the drill runs from.
 *
 * @param source   where the manifest comes from, for the printed figures
 * @param yaml     the {@code Cluster} manifest
 * @param reported the DR report's recovery point for the database, when the source is a whole deployment
 */
record RenderedCluster(String source, String yaml, Optional<ReportedRecoveryPoint> reported) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The second reference deployment ({@code ./synth --data postgres}, synthesized here as the snapshot test does):
     * the replica region's {@code Cluster} and the {@code recoveryPoint.postgres} entry of its {@code dr-report.json}.
     */
    static RenderedCluster secondReference() {
        Path out = SynthesizedDeployment.variant("postgres", ReferenceDeployment.postgresSpec());
        try {
            String yaml = Files.readString(out.resolve("stacks/secondary/postgres/cluster.yaml"));
            JsonNode entry = JSON.readTree(out.resolve("dr-report.json").toFile()).path("recoveryPoint").path("postgres").get(0);
            return new RenderedCluster("second reference", yaml, Optional.of(ReportedRecoveryPoint.of(entry)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The second reference's database in another replication mode, rendered by {@code PostgresCluster} for its
     * primary region (the deployment itself is archive-only, and the streaming modes need a multi-region network
     * the reference does not have). The streaming addresses are fixed ones in the test networks.
     */
    static RenderedCluster referenceDatabase(ReplicationMode mode) {
        TerraformStack stack = TestStacks.emptyStack();
        PostgresDatabaseProps.Builder database = ReferenceDeployment.sessionsDatabase().toBuilder().replicationMode(mode);
        if (mode.streams()) {
            database.streamingAddresses(Map.of("EU-WEST-PAR", "10.10.255.250", "DE1", "10.20.255.250"));
        }
        PostgresCluster cluster = PostgresCluster.Builder.create(stack, "sessions-db")
                .database(database.build())
                .app(K8sFixtures.cluster(stack).kubernetesVersion("1.34").build())
                .build();
        String yaml = cluster.getNode().findAll().stream()
                .filter(SideFile.class::isInstance).map(SideFile.class::cast)
                .filter(f -> f.relativePath().endsWith("/cluster.yaml"))
                .findFirst().orElseThrow(() -> new AssertionError("PostgresCluster wrote no cluster.yaml")).content();
        return new RenderedCluster("reference database, " + mode, yaml, Optional.empty());
    }

    /** @return what the drill runs: the second reference (archive-only), and its database streaming and synchronous */
    static List<RenderedCluster> drilled() {
        return List.of(secondReference(), referenceDatabase(ReplicationMode.STREAMING),
                referenceDatabase(ReplicationMode.SYNCHRONOUS));
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
