package dev.tandem.constructs.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.k8s.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules CloudNativePG's admission webhook and CEL validations enforce on a {@code Cluster}, which no
 * offline schema sees, checked on the rendered objects so that a violation fails at synth with a Tandem
 * error instead of at {@code kubectl apply}. Sources, cloudnative-pg at tag v1.30.0:
 * {@code internal/webhook/v1/cluster_webhook.go} ({@code validateName}, {@code validateBootstrapMethod},
 * {@code validateBootstrapPgBaseBackupSource}, {@code validateBootstrapRecoverySource},
 * {@code validateExternalClusters}, {@code validateReplicaMode}, {@code validateReplicaClusterExternalClusters},
 * {@code validatePromotionToken}, {@code validatePluginConfiguration},
 * {@code validateSynchronousReplicaConfiguration}), {@code api/v1/cluster_funcs.go} ({@code IsReplica}),
 * {@code pkg/utils/parser.go} (the promotion token) and the {@code XValidation} markers of
 * {@code api/v1/cluster_types.go} ({@code SynchronousReplicaConfiguration}). Each check names the rule
 * it mirrors in its message.
 */
public final class CnpgClusterRules {
    private static final Pattern DNS_1035 = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields {@code PgControldataTokenContent.IsValid} requires, as the token's JSON names them. */
    private static final List<String> TOKEN_FIELDS = List.of("latestCheckpointTimelineID", "redoWalFile",
            "databaseSystemIdentifier", "latestCheckpointREDOLocation", "timeOfLatestCheckpoint", "operatorVersion");

    private CnpgClusterRules() {
    }

    /**
     * Checks every {@code postgresql.cnpg.io/v1} {@code Cluster} among {@code manifests}.
     *
     * @param p         where to record problems (property paths are {@code <file>.spec…})
     * @param manifests rendered objects
     */
    public static void checkInto(Problems p, List<Manifest> manifests) {
        for (Manifest m : manifests) {
            Map<String, Object> document = CnpgSchema.asMap(m.object());
            if ("Cluster".equals(document.get("kind")) && ClusterManifests.CNPG_API.equals(document.get("apiVersion"))) {
                checkCluster(p.nested(m.fileName()), document);
            }
        }
    }

    /**
     * Checks one {@code Cluster} document, as a map the way it is written to YAML.
     *
     * @param p       where to record problems
     * @param cluster the document
     */
    public static void checkCluster(Problems p, Map<String, Object> cluster) {
        String name = string(map(cluster.get("metadata")).get("name"));
        if (p.require(name != null && DNS_1035.matcher(name).matches(), "metadata.name", name,
                "must be a DNS label (CloudNativePG webhook validateName)", "use lower-case letters, digits and '-'")) {
            p.require(name.length() <= PostgresDatabaseValidation.MAX_CLUSTER_NAME, "metadata.name", name,
                    "is longer than 50 characters, CloudNativePG's limit for a cluster name (validateName)",
                    "shorten the database's name");
        }
        Map<String, Object> spec = map(cluster.get("spec"));
        Set<String> externals = checkExternalClusters(p, spec);
        Map<String, Object> bootstrap = map(spec.get("bootstrap"));
        checkBootstrap(p, spec, bootstrap, externals);
        Map<String, Object> replica = map(spec.get("replica"));
        if (!replica.isEmpty()) {
            checkReplica(p, name, replica, bootstrap, externals);
        }
        checkPlugins(p, spec);
        checkSynchronous(p, spec);
    }

    private static Set<String> checkExternalClusters(Problems p, Map<String, Object> spec) {
        Set<String> names = new HashSet<>();
        List<Object> externals = list(spec.get("externalClusters"));
        for (int i = 0; i < externals.size(); i++) {
            Map<String, Object> external = map(externals.get(i));
            String property = "spec.externalClusters[" + i + "]";
            String name = string(external.get("name"));
            p.require(name == null || names.add(name), "spec.externalClusters", name,
                    "is listed twice (validateExternalClusters: no duplicate external clusters)",
                    "list each member of the topology once");
            p.require(external.containsKey("connectionParameters") || external.containsKey("plugin")
                            || external.containsKey("barmanObjectStore"), property, name,
                    "needs one of connectionParameters, plugin and barmanObjectStore (validateExternalCluster)",
                    "reach the member through the Barman Cloud plugin or its address");
            p.require(name != null && !name.equals(".") && !name.equals("..") && !name.contains("/")
                            && !name.contains("\\"), property + ".name", name,
                    "cannot contain a path separator or be '.' or '..' (validateExternalCluster)", "use the member's cluster name");
        }
        return names;
    }

    private static void checkBootstrap(Problems p, Map<String, Object> spec, Map<String, Object> bootstrap,
            Set<String> externals) {
        long methods = List.of("initdb", "recovery", "pg_basebackup").stream().filter(bootstrap::containsKey).count();
        p.require(methods <= 1, "spec.bootstrap", bootstrap.keySet(),
                "takes one bootstrap method at a time (validateBootstrapMethod)", "keep initdb, recovery or pg_basebackup");
        String baseBackupSource = string(map(bootstrap.get("pg_basebackup")).get("source"));
        if (bootstrap.containsKey("pg_basebackup")) {
            p.require(externals.contains(baseBackupSource), "spec.bootstrap.pg_basebackup.source", baseBackupSource,
                    "names no external cluster (validateBootstrapPgBaseBackupSource)", "use one of " + externals);
        }
        String recoverySource = string(map(bootstrap.get("recovery")).get("source"));
        if (recoverySource != null && !recoverySource.isEmpty()) {
            if (p.require(externals.contains(recoverySource), "spec.bootstrap.recovery.source", recoverySource,
                    "names no external cluster (validateBootstrapRecoverySource)", "use one of " + externals)) {
                Map<String, Object> external = external(spec, recoverySource);
                p.require(external.containsKey("plugin") || external.containsKey("connectionParameters")
                                || external.containsKey("barmanObjectStore"), "spec.bootstrap.recovery.source",
                        recoverySource, "names an external cluster with no object store or connection to recover from "
                                + "(validateBootstrapRecoverySource)", "give it the Barman Cloud plugin");
            }
        }
    }

    private static Map<String, Object> external(Map<String, Object> spec, String name) {
        return list(spec.get("externalClusters")).stream().map(CnpgClusterRules::map)
                .filter(e -> name.equals(e.get("name"))).findFirst().orElse(Map.of());
    }

    private static void checkReplica(Problems p, String name, Map<String, Object> replica, Map<String, Object> bootstrap,
            Set<String> externals) {
        String primary = string(replica.get("primary"));
        String self = Optional.ofNullable(string(replica.get("self"))).filter(s -> !s.isEmpty()).orElse(name);
        boolean hasPrimary = primary != null && !primary.isEmpty();
        p.require(!(hasPrimary && replica.containsKey("enabled")), "spec.replica.enabled", replica.get("enabled"),
                "cannot be set with primary (validateReplicaMode: enabled is the older, manual switch)",
                "drop enabled; primary decides which member is the primary");
        // IsReplica (cluster_funcs.go): with primary set, a cluster is a replica unless primary names itself.
        boolean isReplica = hasPrimary ? !primary.equals(self) : Boolean.TRUE.equals(replica.get("enabled"));
        if (isReplica) {
            p.require(bootstrap.containsKey("recovery") || bootstrap.containsKey("pg_basebackup"), "spec.bootstrap",
                    bootstrap.keySet(), "of a replica cluster must be recovery or pg_basebackup (validateReplicaMode)",
                    "bootstrap the replica from the primary's object store (recovery)");
        }
        String source = string(replica.get("source"));
        p.require(externals.contains(source), "spec.replica.source", source,
                "names no external cluster (validateReplicaClusterExternalClusters)", "use one of " + externals);
        if (replica.containsKey("self")) {
            p.require(externals.contains(self), "spec.replica.self", self,
                    "names no external cluster (validateReplicaClusterExternalClusters)", "use one of " + externals);
        }
        if (hasPrimary) {
            p.require(externals.contains(primary), "spec.replica.primary", primary,
                    "names no external cluster (validateReplicaClusterExternalClusters)",
                    "list every member of the topology, the cluster itself included, in externalClusters");
        }
        String token = string(replica.get("promotionToken"));
        if (token != null && !token.isEmpty()) {
            checkPromotionToken(p, token, isReplica, replica.containsKey("minApplyDelay"));
        }
    }

    private static void checkPromotionToken(Problems p, String token, boolean isReplica, boolean delayed) {
        String property = "spec.replica.promotionToken";
        if (!p.require(!delayed, property, "(token)", "cannot be used with minApplyDelay (validatePromotionToken)",
                "remove minApplyDelay or the token")) {
            return;
        }
        if (!p.require(!isReplica, property, "(token)",
                "is only allowed on the primary cluster (validatePromotionToken)",
                "set the token on the cluster being promoted, together with making it the primary")) {
            return;
        }
        JsonNode content;
        try {
            content = JSON.readTree(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            p.add(property, "(token)", "is not base64-encoded JSON (validatePromotionToken: invalid format)",
                    "copy status.demotionToken of the former primary exactly");
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String field : TOKEN_FIELDS) {
            if (content == null || !content.path(field).isTextual() || content.path(field).asText().isEmpty()) {
                missing.add(field);
            }
        }
        p.require(missing.isEmpty(), property, "(token)", "lacks " + missing + " (validatePromotionToken: invalid content)",
                "copy status.demotionToken of the former primary exactly");
    }

    private static void checkPlugins(Problems p, Map<String, Object> spec) {
        List<String> archivers = new ArrayList<>();
        for (Object o : list(spec.get("plugins"))) {
            Map<String, Object> plugin = map(o);
            if (!Boolean.FALSE.equals(plugin.get("enabled")) && Boolean.TRUE.equals(plugin.get("isWALArchiver"))) {
                archivers.add(string(plugin.get("name")));
            }
        }
        p.require(archivers.size() <= 1, "spec.plugins", archivers,
                "enables more than one WAL archiver (validatePluginConfiguration)", "keep one WAL archiver");
        p.require(archivers.isEmpty() || !map(spec.get("backup")).containsKey("barmanObjectStore"), "spec.plugins",
                archivers, "cannot archive WAL while backup.barmanObjectStore is set (validatePluginConfiguration)",
                "drop the in-tree barmanObjectStore, which CloudNativePG deprecates");
    }

    private static void checkSynchronous(Problems p, Map<String, Object> spec) {
        Map<String, Object> sync = map(map(spec.get("postgresql")).get("synchronous"));
        if (sync.isEmpty()) {
            return;
        }
        int number = sync.get("number") instanceof Number n ? n.intValue() : 0;
        int instances = spec.get("instances") instanceof Number n ? n.intValue() : 0;
        int pre = list(sync.get("standbyNamesPre")).size();
        int post = list(sync.get("standbyNamesPost")).size();
        p.require(number > 0, "spec.postgresql.synchronous.number", number,
                "must be greater than zero (CEL rule of SynchronousReplicaConfiguration.number)", "use 1");
        p.require(number < instances + pre + post, "spec.postgresql.synchronous.number", number,
                "must be less than instances + standbyNamesPre + standbyNamesPost (" + (instances + pre + post)
                        + ") (validateSynchronousReplicaConfiguration)", "lower number or name more standbys");
        p.require(!"preferred".equals(sync.get("dataDurability")) || pre + post == 0,
                "spec.postgresql.synchronous.dataDurability", sync.get("dataDurability"),
                "'preferred' requires empty standbyNamesPre and standbyNamesPost (CEL rule of SynchronousReplicaConfiguration)",
                "use dataDurability required, or drop the standby names");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }
}
