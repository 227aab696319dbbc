package dev.tandem.constructs.postgres;

import static dev.tandem.constructs.postgres.PostgresFixtures.FRANKFURT;
import static dev.tandem.constructs.postgres.PostgresFixtures.PARIS;
import static dev.tandem.constructs.postgres.PostgresFixtures.streaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.k8s.Manifest;
import dev.tandem.constructs.testing.Rejections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rendered manifests against the CRD subset: every mode passes, and each kind of bad field is refused. */
class CnpgSchemaTest {
    private static List<Manifest> rendered(PostgresDatabaseProps db, String region) {
        return ClusterManifests.render(db, region, "orders", true, Optional.empty());
    }

    private static Map<String, Object> document(String fileName) {
        return rendered(streaming().replicationMode(ReplicationMode.SYNCHRONOUS).build(), PARIS).stream()
                .filter(m -> m.fileName().equals(fileName)).findFirst()
                .map(m -> CnpgSchema.asMap(m.object())).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> m = root;
        for (String key : path) {
            Object next = m.get(key);
            if (next instanceof List<?> l) {
                next = l.get(0);
            }
            m = (Map<String, Object>) next;
        }
        return m;
    }

    private static void rejected(String fileName, Consumer<Map<String, Object>> change, String property, String value,
            String why) {
        Map<String, Object> doc = new LinkedHashMap<>(document(fileName));
        change.accept(doc);
        Rejections.assertRejected(() -> {
            Problems p = new Problems("db");
            CnpgSchema.pinned().validateInto(p, doc);
            p.throwIfAny();
        }, "db", property, value, why);
    }

    @Test
    void everyModeAndRegionRendersManifestsTheSchemaAccepts() {
        for (ReplicationMode mode : ReplicationMode.values()) {
            PostgresDatabaseProps db = mode.streams() ? streaming().replicationMode(mode).build()
                    : PostgresFixtures.sessions().build();
            for (String region : List.of(PARIS, FRANKFURT)) {
                assertThatCode(() -> {
                    Problems p = new Problems(mode + "/" + region);
                    CnpgSchema.pinned().validateInto(p, rendered(db, region));
                    p.throwIfAny();
                }).doesNotThrowAnyException();
            }
        }
        assertThat(CnpgSchema.pinned().kinds()).containsExactlyInAnyOrder("postgresql.cnpg.io/v1/Cluster",
                "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");
    }

    @Test
    void unknownFieldsAreRefusedAtEveryLevel() {
        rejected("cluster.yaml", d -> at(d, "spec").put("instance", 2), "spec.instance", "instance",
                "is not a field of the schema subset");
        rejected("cluster.yaml", d -> at(d, "spec", "replica").put("promote", true), "spec.replica.promote", "promote",
                "is not a field");
        rejected("cluster.yaml", d -> at(d, "spec", "externalClusters").put("barmanObjectName", "x"),
                "spec.externalClusters[0].barmanObjectName", "barmanObjectName", "is not a field");
        rejected("objectstore-sessions-eu-west-par.yaml", d -> at(d, "spec", "configuration").put("endpoint", "x"),
                "spec.configuration.endpoint", "endpoint", "is not a field");
        rejected("scheduled-backup.yaml", d -> at(d, "spec").put("retention", "30d"), "spec.retention", "retention",
                "is not a field");
    }

    @Test
    void missingRequiredFieldsAreRefused() {
        rejected("cluster.yaml", d -> at(d, "spec").remove("instances"), "spec.instances", "null", "is required");
        rejected("objectstore-sessions-eu-west-par.yaml", d -> at(d, "spec", "configuration").remove("destinationPath"),
                "spec.configuration.destinationPath", "null", "is required");
        rejected("scheduled-backup.yaml", d -> at(d, "spec").remove("schedule"), "spec.schedule", "null", "is required");
        rejected("cluster.yaml", d -> at(d, "spec", "replica").remove("source"), "spec.replica.source", "null",
                "is required");
    }

    @Test
    void wrongTypesEnumsAndPatternsAreRefused() {
        rejected("cluster.yaml", d -> at(d, "spec").put("instances", "2"), "spec.instances", "2", "must be an integer");
        rejected("cluster.yaml", d -> at(d, "spec", "postgresql", "synchronous").put("method", "all"),
                "spec.postgresql.synchronous.method", "all", "must be one of [any, first]");
        rejected("objectstore-sessions-eu-west-par.yaml", d -> at(d, "spec").put("retentionPolicy", "30 days"),
                "spec.retentionPolicy", "30 days", "must match ^[1-9][0-9]*[dwm]$");
        rejected("scheduled-backup.yaml", d -> at(d, "spec").put("method", "pg_dump"), "spec.method", "pg_dump",
                "must be one of");
        rejected("cluster.yaml", d -> at(d, "spec", "plugins").put("isWALArchiver", "yes"),
                "spec.plugins[0].isWALArchiver", "yes", "must be true or false");
        rejected("cluster.yaml", d -> at(d, "spec").put("instances", 0), "spec.instances", "0", "must be at least 1");
    }
}
