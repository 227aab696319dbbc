package dev.tandem.constructs.postgres;

import dev.tandem.constructs.k8s.Manifest;
import dev.tandem.constructs.k8s.Resources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders one region's part of a {@link PostgresDatabaseProps}: the two Barman Cloud {@code ObjectStore}s,
 * the CloudNativePG {@code Cluster}, its {@code ScheduledBackup} and, in streaming modes, the internal
 * load balancer giving the read-write instance a fixed address. Shapes follow CloudNativePG's
 * {@code docs/src/replica_cluster.md} ("Distributed Topology") and the plugin's {@code web/docs/usage.md}
 * and {@code object_stores.md} (cloudnative-pg v1.30.0, plugin-barman-cloud v0.14.0); every field is in
 * the schema subset {@link CnpgSchema} checks. Package-private: used by {@link PostgresCluster}.
 */
final class ClusterManifests {
    /** The Barman Cloud plugin's name, as clusters reference it. */
    static final String PLUGIN = "barman-cloud.cloudnative-pg.io";
    static final String CNPG_API = "postgresql.cnpg.io/v1";
    static final String BARMAN_API = "barmancloud.cnpg.io/v1";
    /** CloudNativePG's user for physical replication, authenticated by the client certificate it issues. */
    static final String STREAMING_USER = "streaming_replica";
    /** Keys of the object store Secret, as the plugin's examples name them. */
    static final String ACCESS_KEY_ID = "ACCESS_KEY_ID";
    static final String ACCESS_SECRET_KEY = "ACCESS_SECRET_KEY";
    /** Labels CloudNativePG puts on every instance pod ({@code docs/src/labels_annotations.md}). */
    static final String CLUSTER_LABEL = "cnpg.io/cluster";
    static final String ROLE_LABEL = "cnpg.io/instanceRole";
    static final String INTERNAL_LB_ANNOTATION = "service.beta.kubernetes.io/openstack-internal-load-balancer";

    private ClusterManifests() {
    }

    /**
     * @param db             the database
     * @param region         this region
     * @param namespace      the namespace of every object
     * @param multiZone      whether the region's nodes span zones (then instances spread over them)
     * @param promotionToken the demotion token of the former primary, on a controlled promotion of this region
     * @return the objects in apply order
     */
    static List<Manifest> render(PostgresDatabaseProps db, String region, String namespace, boolean multiZone,
            Optional<String> promotionToken) {
        String self = db.clusterName(region);
        String peer = db.clusterName(db.peerRegion(region));
        List<Manifest> out = new ArrayList<>();
        out.add(new Manifest("objectstore-" + self + ".yaml", objectStore(db, region, namespace, true)));
        out.add(new Manifest("objectstore-" + peer + ".yaml", objectStore(db, db.peerRegion(region), namespace, false)));
        out.add(new Manifest("cluster.yaml", cluster(db, region, namespace, multiZone, promotionToken)));
        out.add(new Manifest("scheduled-backup.yaml", scheduledBackup(db, region, namespace)));
        if (db.replicationMode().streams()) {
            out.add(new Manifest("rw-service.yaml", rwService(db, region, namespace)));
        }
        return out;
    }

    /** @return the load-balanced read-write Service's name in {@code region} */
    static String rwServiceName(PostgresDatabaseProps db, String region) {
        return db.clusterName(region) + "-rw-lb";
    }

    private static ObjectMeta meta(String name, String namespace) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(new TreeMap<>(Map.of("app.kubernetes.io/managed-by", "tandem"))).build();
    }

    private static GenericKubernetesResource resource(String apiVersion, String kind, ObjectMeta meta,
            Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind).withMetadata(meta)
                .withAdditionalProperties(Map.of("spec", spec)).build();
    }

    /**
     * The object store holding {@code writer}'s archive, in the peer region's Object Storage. Named after
     * the writer's cluster in both regions, so the external clusters read the same in both.
     *
     * @param own whether this region writes it (then it carries the retention policy: only the writer prunes)
     */
    private static GenericKubernetesResource objectStore(PostgresDatabaseProps db, String writer, String namespace,
            boolean own) {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("accessKeyId", secretKey(db.effectiveObjectStoreSecretName(), ACCESS_KEY_ID));
        credentials.put("secretAccessKey", secretKey(db.effectiveObjectStoreSecretName(), ACCESS_SECRET_KEY));
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("destinationPath", db.archiveDestinationPath(writer));
        configuration.put("endpointURL", db.archiveEndpoint(writer));
        configuration.put("s3Credentials", credentials);
        configuration.put("wal", Map.of("compression", "gzip"));
        configuration.put("data", Map.of("compression", "gzip"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("configuration", configuration);
        if (own) {
            spec.put("retentionPolicy", db.backupRetention());
        }
        return resource(BARMAN_API, "ObjectStore", meta(db.clusterName(writer), namespace), spec);
    }

    private static Map<String, Object> secretKey(String name, String key) {
        return Map.of("name", name, "key", key);
    }

    private static GenericKubernetesResource cluster(PostgresDatabaseProps db, String region, String namespace,
            boolean multiZone, Optional<String> promotionToken) {
        String self = db.clusterName(region);
        String peerRegion = db.peerRegion(region);
        String peer = db.clusterName(peerRegion);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("instances", db.instancesPerRegion());
        spec.put("imageName", db.effectiveImageName());
        spec.put("postgresql", postgresql(db, peer));
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("size", db.storageGibibytes() + "Gi");
        db.storageClass().ifPresent(c -> storage.put("storageClass", c));
        spec.put("storage", storage);
        spec.put("resources", resources(db.resources()));
        // One instance per node always; across zones too where the region has them, so a zone's loss
        // leaves a local standby to fail over to.
        spec.put("affinity", Map.of("enablePodAntiAffinity", true, "podAntiAffinityType", "required",
                "topologyKey", "kubernetes.io/hostname"));
        if (multiZone) {
            spec.put("topologySpreadConstraints", List.of(Map.of(
                    "maxSkew", 1,
                    "topologyKey", "topology.kubernetes.io/zone",
                    "whenUnsatisfiable", "DoNotSchedule",
                    "labelSelector", Map.of("matchLabels", Map.of(CLUSTER_LABEL, self)))));
        }
        spec.put("plugins", List.of(Map.of("name", PLUGIN, "isWALArchiver", true,
                "parameters", Map.of("barmanObjectName", self))));
        spec.put("externalClusters", List.of(externalCluster(db, region, region), externalCluster(db, peerRegion, region)));
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("primary", db.clusterName(db.primaryRegion()));
        replica.put("source", peer);
        promotionToken.ifPresent(t -> replica.put("promotionToken", t));
        spec.put("replica", replica);
        spec.put("bootstrap", bootstrap(db, region, peer));
        return resource(CNPG_API, "Cluster", meta(self, namespace), spec);
    }

    private static Map<String, Object> postgresql(PostgresDatabaseProps db, String peer) {
        Map<String, Object> postgresql = new LinkedHashMap<>();
        // CloudNativePG passes parameters as strings; PostgreSQL reads "300s" as 300 seconds.
        postgresql.put("parameters", Map.of("archive_timeout", db.archiveTimeout().getSeconds() + "s"));
        if (db.replicationMode() == ReplicationMode.SYNCHRONOUS) {
            // FIRST 1 (<peer>, local standbys…): the peer region's designated primary, which connects with
            // application_name = its cluster name (set in its external cluster's connection parameters), is the
            // synchronous standby whenever it is connected; dataDurability "required" never drops to asynchronous.
            postgresql.put("synchronous", Map.of("method", "first", "number", 1,
                    "standbyNamesPre", List.of(peer), "dataDurability", "required"));
        }
        return postgresql;
    }

    private static Map<String, Object> resources(Resources r) {
        return Map.of(
                "requests", Map.of("cpu", r.cpuRequestMillis() + "m", "memory", r.memoryRequestMebibytes() + "Mi"),
                "limits", Map.of("cpu", r.cpuLimitMillis() + "m", "memory", r.memoryLimitMebibytes() + "Mi"));
    }

    /**
     * One member of the distributed topology as seen from {@code viewer}: its archive through the plugin
     * and, in streaming modes, its fixed read-write address.
     */
    private static Map<String, Object> externalCluster(PostgresDatabaseProps db, String member, String viewer) {
        String name = db.clusterName(member);
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("name", name);
        external.put("plugin", Map.of("name", PLUGIN,
                "parameters", Map.of("barmanObjectName", name, "serverName", name)));
        if (db.replicationMode().streams() && !member.equals(viewer)) {
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("host", db.streamingAddress(member).orElseThrow());
            connection.put("port", String.valueOf(PostgresDatabaseProps.PORT));
            connection.put("user", STREAMING_USER);
            connection.put("dbname", "postgres");
            // verify-ca: the peer's server certificate names its services, not the load balancer's address.
            connection.put("sslmode", "verify-ca");
            // How the primary's synchronous_standby_names recognises this region (see postgresql()).
            connection.put("application_name", db.clusterName(viewer));
            external.put("connectionParameters", connection);
            // The peer's replication client certificate and CA, copied by hand from the peer's Kubernetes
            // cluster (CloudNativePG generates them there as <cluster>-replication and <cluster>-ca).
            external.put("sslCert", secretKey(name + "-replication", "tls.crt"));
            external.put("sslKey", secretKey(name + "-replication", "tls.key"));
            external.put("sslRootCert", secretKey(name + "-ca", "ca.crt"));
        }
        return external;
    }

    private static Map<String, Object> bootstrap(PostgresDatabaseProps db, String region, String peer) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("database", db.databaseName());
        method.put("owner", db.owner());
        // The same owner Secret in both regions: the standby's roles come from the primary's WAL, so after a
        // promotion the app must log in with the primary's password, not one generated in its own region.
        method.put("secret", Map.of("name", db.effectiveAppSecretName()));
        if (db.isPrimary(region)) {
            return Map.of("initdb", method);
        }
        method.put("source", peer);
        return Map.of("recovery", method);
    }

    private static GenericKubernetesResource scheduledBackup(PostgresDatabaseProps db, String region, String namespace) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("schedule", db.backupSchedule());
        spec.put("cluster", Map.of("name", db.clusterName(region)));
        spec.put("method", "plugin");
        spec.put("pluginConfiguration", Map.of("name", PLUGIN));
        spec.put("backupOwnerReference", "self");
        spec.put("immediate", true);
        return resource(CNPG_API, "ScheduledBackup", meta(db.clusterName(region) + "-backup", namespace), spec);
    }

    /**
     * The read-write instance behind an internal OVH load balancer at the region's fixed streaming address,
     * the way the app's Service is exposed (see the app's {@code AppManifests}): {@code loadBalancerIP} on an
     * internal load balancer becomes its VIP. Unverified on OVH, as there.
     */
    private static Service rwService(PostgresDatabaseProps db, String region, String namespace) {
        String cluster = db.clusterName(region);
        ObjectMeta meta = meta(rwServiceName(db, region), namespace);
        meta.setAnnotations(new TreeMap<>(Map.of(INTERNAL_LB_ANNOTATION, "true")));
        return new ServiceBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withType("LoadBalancer")
                .withLoadBalancerIP(db.streamingAddress(region).orElseThrow())
                .withSelector(new TreeMap<>(Map.of(CLUSTER_LABEL, cluster, ROLE_LABEL, "primary")))
                .addNewPort().withName("postgres").withProtocol("TCP").withPort(PostgresDatabaseProps.PORT)
                .withTargetPort(new IntOrString(PostgresDatabaseProps.PORT)).endPort()
                .endSpec()
                .build();
    }
}
