package dev.tandem.constructs.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tandem.constructs.core.SideFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** A valid database across EU-WEST-PAR (primary, three zones) and DE1, and the files a cluster writes. */
final class PostgresFixtures {
    static final String PARIS = "EU-WEST-PAR";
    static final String FRANKFURT = "DE1";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PostgresFixtures() {
    }

    /** @return a valid archive-only database {@code sessions}, primary in Paris */
    static PostgresDatabaseProps.Builder sessions() {
        return PostgresDatabaseProps.builder().name("sessions").regions(PARIS, FRANKFURT).primaryRegion(PARIS)
                .promotionDecisionTime(Duration.ofMinutes(10));
    }

    /** @return {@link #sessions()} streaming, with a fixed address high in each fixture network */
    static PostgresDatabaseProps.Builder streaming() {
        return sessions().replicationMode(ReplicationMode.STREAMING)
                .streamingAddresses(Map.of(PARIS, "10.10.255.250", FRANKFURT, "10.20.255.250"));
    }

    /** @return the text of the side file at {@code path} below the cluster's stack output */
    static String file(PostgresCluster cluster, String path) {
        return cluster.getNode().findAll().stream()
                .filter(SideFile.class::isInstance).map(SideFile.class::cast)
                .filter(f -> f.relativePath().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no " + path)).content();
    }

    /** @return {@code postgres/<fileName>} of the cluster, parsed */
    static JsonNode yaml(PostgresCluster cluster, String fileName) {
        try {
            return YAML.readTree(file(cluster, "postgres/" + fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
