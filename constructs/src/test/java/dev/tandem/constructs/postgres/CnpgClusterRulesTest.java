package dev.tandem.constructs.postgres;

import static dev.tandem.constructs.postgres.PostgresFixtures.sessions;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.testing.Rejections;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each CloudNativePG webhook or CEL rule, fed a Cluster that breaks it. */
class CnpgClusterRulesTest {
    /** @return the standby region's rendered Cluster, as maps that a test may change */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> replicaCluster() {
        PostgresDatabaseProps db = sessions().build();
        var manifests = ClusterManifests.render(db, PostgresFixtures.FRANKFURT, "orders", false, java.util.Optional.empty());
        return (Map<String, Object>) deepCopy(CnpgSchema.asMap(manifests.get(2).object()));
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> m = root;
        for (String key : path) {
            m = (Map<String, Object>) m.computeIfAbsent(key, k -> new LinkedHashMap<>());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> externals(Map<String, Object> cluster) {
        return (List<Object>) at(cluster, "spec").get("externalClusters");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static void rejected(Consumer<Map<String, Object>> change, String property, String value, String why) {
        Map<String, Object> cluster = replicaCluster();
        change.accept(cluster);
        Rejections.assertRejected(() -> {
            Problems p = new Problems("db");
            CnpgClusterRules.checkCluster(p, cluster);
            p.throwIfAny();
        }, "db", property, value, why);
    }

    private static String token(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRenderedClustersPassEveryRule() {
        assertThatCode(() -> {
            Problems p = new Problems("db");
            CnpgClusterRules.checkCluster(p, replicaCluster());
            p.throwIfAny();
        }).doesNotThrowAnyException();
    }

    @Test
    void theClusterNameIsADnsLabelOfAtMostFiftyCharacters() {
        rejected(c -> at(c, "metadata").put("name", "Sessions"), "metadata.name", "Sessions", "validateName");
        rejected(c -> at(c, "metadata").put("name", "s".repeat(51)), "metadata.name", "s".repeat(51), "50 characters");
    }

    @Test
    void oneBootstrapMethodAtATime() {
        rejected(c -> at(c, "spec", "bootstrap").put("initdb", Map.of("database", "app")), "spec.bootstrap",
                "[recovery, initdb]", "validateBootstrapMethod");
    }

    @Test
    void aReplicaClusterBootstrapsByRecoveryOrBaseBackup() {
        rejected(c -> {
            at(c, "spec").put("bootstrap", new LinkedHashMap<>(Map.of("initdb", Map.of("database", "app"))));
        }, "spec.bootstrap", "[initdb]", "must be recovery or pg_basebackup");
    }

    @Test
    void theRecoveryAndBaseBackupSourcesMustBeExternalClusters() {
        rejected(c -> at(c, "spec", "bootstrap", "recovery").put("source", "elsewhere"),
                "spec.bootstrap.recovery.source", "elsewhere", "validateBootstrapRecoverySource");
        rejected(c -> {
            at(c, "spec").put("bootstrap", new LinkedHashMap<>(Map.of("pg_basebackup", Map.of("source", "nowhere"))));
        }, "spec.bootstrap.pg_basebackup.source", "nowhere", "validateBootstrapPgBaseBackupSource");
    }

    @Test
    void aRecoveredDatabaseNamesItsOwnerAndAnOwnerItsDatabase() {
        rejected(c -> at(c, "spec", "bootstrap", "recovery").remove("owner"), "spec.bootstrap.recovery.owner", "\"\"",
                "validateApplicationDatabase");
        rejected(c -> at(c, "spec", "bootstrap", "recovery").remove("database"), "spec.bootstrap.recovery.database",
                "\"\"", "must be given with the owner");
    }

    @Test
    void replicaPrimarySourceAndSelfMustNameExternalClusters() {
        rejected(c -> at(c, "spec", "replica").put("primary", "sessions-gra11"), "spec.replica.primary", "sessions-gra11",
                "validateReplicaClusterExternalClusters");
        rejected(c -> at(c, "spec", "replica").put("source", "sessions-gra11"), "spec.replica.source", "sessions-gra11",
                "validateReplicaClusterExternalClusters");
        rejected(c -> at(c, "spec", "replica").put("self", "sessions-gra11"), "spec.replica.self", "sessions-gra11",
                "validateReplicaClusterExternalClusters");
    }

    @Test
    void enabledAndPrimaryAreMutuallyExclusive() {
        rejected(c -> at(c, "spec", "replica").put("enabled", true), "spec.replica.enabled", "true", "validateReplicaMode");
    }

    @Test
    void externalClustersAreUniqueReachableAndPathSafe() {
        rejected(c -> externals(c).add(deepCopy(externals(c).get(0))), "spec.externalClusters", "sessions-de1",
                "listed twice");
        rejected(c -> asMap(externals(c).get(0)).remove("plugin"), "spec.externalClusters[0]",
                "sessions-de1", "needs one of connectionParameters, plugin and barmanObjectStore");
        rejected(c -> asMap(externals(c).get(0)).put("name", "../x"), "spec.externalClusters[0].name",
                "../x", "path separator");
    }

    @Test
    void aPromotionTokenGoesOnlyOnThePrimaryWithoutDelayAndWellFormed() {
        String good = PostgresClusterTest.token();
        rejected(c -> at(c, "spec", "replica").put("promotionToken", good), "spec.replica.promotionToken", "(token)",
                "only allowed on the primary cluster");
        rejected(c -> {
            at(c, "spec", "replica").put("primary", "sessions-de1");
            at(c, "spec", "replica").put("promotionToken", good);
            at(c, "spec", "replica").put("minApplyDelay", "1h");
        }, "spec.replica.promotionToken", "(token)", "minApplyDelay");
        rejected(c -> {
            at(c, "spec", "replica").put("primary", "sessions-de1");
            at(c, "spec", "replica").put("promotionToken", "not base64!");
        }, "spec.replica.promotionToken", "(token)", "not base64-encoded JSON");
        rejected(c -> {
            at(c, "spec", "replica").put("primary", "sessions-de1");
            at(c, "spec", "replica").put("promotionToken", token("{\"latestCheckpointTimelineID\":\"1\"}"));
        }, "spec.replica.promotionToken", "(token)", "lacks [redoWalFile");
    }

    @Test
    void atMostOneWalArchiverAndNotWithTheInTreeObjectStore() {
        rejected(c -> at(c, "spec").put("plugins", List.of(Map.of("name", "a", "isWALArchiver", true),
                Map.of("name", "b", "isWALArchiver", true))), "spec.plugins", "[a, b]", "more than one WAL archiver");
        rejected(c -> at(c, "spec", "backup").put("barmanObjectStore", Map.of("destinationPath", "s3://x/")),
                "spec.plugins", "[barman-cloud.cloudnative-pg.io]", "backup.barmanObjectStore");
    }

    @Test
    void synchronousReplicationCountsAndDurabilityFollowTheRules() {
        rejected(c -> at(c, "spec", "postgresql").put("synchronous", Map.of("method", "any", "number", 3)),
                "spec.postgresql.synchronous.number", "3", "validateSynchronousReplicaConfiguration");
        rejected(c -> at(c, "spec", "postgresql").put("synchronous", Map.of("method", "any", "number", 0)),
                "spec.postgresql.synchronous.number", "0", "greater than zero");
        rejected(c -> at(c, "spec", "postgresql").put("synchronous", Map.of("method", "first", "number", 1,
                "dataDurability", "preferred", "standbyNamesPre", List.of("sessions-eu-west-par"))),
                "spec.postgresql.synchronous.dataDurability", "preferred", "requires empty standbyNamesPre");
    }

    @Test
    void aScheduledBackupNeedsAScheduleCronParsesAndOnlineOnlyWithSnapshots() {
        Map<String, Object> backup = new LinkedHashMap<>(Map.of("apiVersion", "postgresql.cnpg.io/v1",
                "kind", "ScheduledBackup", "spec", new LinkedHashMap<>(Map.of("schedule", "0 0 2 * *",
                        "method", "plugin", "online", true))));
        Problems p = new Problems("db");
        CnpgClusterRules.checkScheduledBackup(p, backup);
        org.assertj.core.api.Assertions.assertThatThrownBy(p::throwIfAny)
                .hasMessageContaining("spec.schedule = 0 0 2 * * — has 5 fields")
                .hasMessageContaining("spec.online = true — applies to the volumeSnapshot method only");
    }
}
