package dev.tandem.constructs.postgres;

import dev.tandem.constructs.access.PostgresWiring;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.Manifest;
import dev.tandem.constructs.k8s.ManifestYaml;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.RegionNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * One region's part of a {@link PostgresDatabaseProps}: a CloudNativePG cluster beside the region's
 * {@link K8sAppCluster}, written as Kubernetes manifests to {@code cdktf.out/stacks/<stack>/postgres/}
 * (apply with {@code kubectl apply -k}) after the operator releases pinned in
 * {@code postgres-operator/} (three kustomizations, applied in their numbered order).
 *
 * <pre>{@code
 * PostgresCluster db = PostgresCluster.Builder.create(stack, "sessions-db")
 *     .database(database)   // the same PostgresDatabaseProps in both region stacks
 *     .app(cluster)         // region, zones, namespace and Kubernetes version come from the app's K8sAppCluster
 *     .build();
 * }</pre>
 *
 * <p>The region's cluster is a primary when its region is the database's {@code primaryRegion}, else a
 * replica cluster following the peer (CloudNativePG's distributed topology, {@code docs/src/replica_cluster.md}
 * at v1.30.0). Promotion is a declared change: set {@code primaryRegion} to the other region, synthesize and
 * apply both regions; for a controlled switchover pass the former primary's demotion token to the promoted
 * region's builder with {@link Builder#promotionToken(String)}.
 *
 * <h2>What the team creates by hand, in each region's namespace</h2>
 * <ul>
 * <li>the owner's {@code kubernetes.io/basic-auth} Secret ({@link #appSecretName()}), identical in both regions;
 * <li>the archive user's S3 keys Secret ({@link #objectStoreSecretName()}, keys {@code ACCESS_KEY_ID},
 *     {@code ACCESS_SECRET_KEY}) from the Terraform side's sensitive outputs;
 * <li>in streaming modes, the peer's {@code <peer cluster>-replication} and {@code <peer cluster>-ca} Secrets,
 *     copied from the peer's Kubernetes cluster (CloudNativePG generates them there).
 * </ul>
 *
 * <p>Attributes: {@link #clusterName()}, {@link #region()}, {@link #namespace()}, {@link #rwServiceHost()},
 * {@link #rwAddress()}, {@link #port()}, {@link #connectionString()}, {@link #wiring()}, {@link #appSecretName()},
 * {@link #manifestPaths()}. Escape hatch: {@link #manifests()}, the typed objects written.
 */
public class PostgresCluster extends Construct {
    private final PostgresDatabaseProps database;
    private final String region;
    private final RegionNetwork network;
    private final String namespace;
    private final String manifestFolder;
    private final String operatorFolder;
    private final List<Manifest> manifests;
    private final List<String> manifestPaths = new ArrayList<>();

    /**
     * Creates the region's cluster; invalid input throws {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope          the region's stack (or a construct in it)
     * @param id             construct id
     * @param database       the database, the same in both regions
     * @param app            the region's app cluster, which the database runs beside
     * @param promotionToken the former primary's demotion token, for a controlled promotion of this region
     * @param manifestFolder the folder of the cluster's manifests below the stack's output
     * @param operatorFolder the folder of the operator kustomizations below the stack's output
     */
    public PostgresCluster(@NotNull Construct scope, @NotNull String id, PostgresDatabaseProps database,
            K8sAppCluster app, Optional<String> promotionToken, String manifestFolder, String operatorFolder) {
        super(Scopes.checked(scope, id, "PostgresCluster"), id);
        Problems p = Problems.at(this);
        PostgresDatabaseValidation.validateInto(p.nested("database"), database);
        boolean appOk = p.present(app, "app", "pass the region's K8sAppCluster with .app(app)");
        p.require(promotionToken != null, "promotionToken", null, "must not be null", "leave it unset");
        folder(p, "manifestFolder", manifestFolder);
        folder(p, "operatorFolder", operatorFolder);
        p.require(manifestFolder == null || !manifestFolder.equals(operatorFolder), "operatorFolder", operatorFolder,
                "is the manifest folder too", "keep the operator releases in a folder of their own");
        p.throwIfAny();
        RegionNetwork network = app.props().network();
        this.region = network.region();
        this.network = network;
        this.database = database;
        this.manifestFolder = manifestFolder;
        this.operatorFolder = operatorFolder;
        this.namespace = database.namespace().orElse(app.props().app().effectiveNamespace());
        checkPlacement(p, app, network, promotionToken);
        p.throwIfAny();
        app.props().app().postgres().ifPresent(told -> p.require(told.equals(wiring()), "app.postgres", told.url(),
                "is not this cluster's wiring (" + wiring().url() + ")",
                "give the app database.wiring(\"" + region + "\", \"" + namespace + "\")"));
        p.throwIfAny();
        this.manifests = ClusterManifests.render(database, region, namespace, network.multiZone(), promotionToken);
        CnpgClusterRules.checkInto(p.nested("manifests"), manifests);
        CnpgSchema.pinned().validateInto(p.nested("manifests"), manifests);
        p.throwIfAny();
        for (Manifest m : manifests) {
            write("k8s-" + m.fileName(), manifestFolder + "/" + m.fileName(), ManifestYaml.write(m.object()));
        }
        write("k8s-kustomization.yaml", manifestFolder + "/kustomization.yaml", ManifestYaml.kustomization(manifests));
        for (Map.Entry<String, String> release : OperatorRelease.RELEASES.entrySet()) {
            write("operator-" + release.getKey(), operatorFolder + "/" + release.getKey() + "/kustomization.yaml",
                    OperatorRelease.kustomization(release.getKey(), release.getValue()));
        }
    }

    private void write(String id, String path, String content) {
        new SideFile(this, id, path, content);
        manifestPaths.add(path);
    }

    private static void folder(Problems p, String property, String folder) {
        p.require(folder != null && folder.matches("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*"), property, folder,
                "must be a relative folder of lower-case letters, digits, '.', '_' and '-'", "use e.g. postgres");
    }

    private void checkPlacement(Problems p, K8sAppCluster app, RegionNetwork network, Optional<String> promotionToken) {
        p.require(database.regions().contains(region), "app", region,
                "runs in " + region + ", which is not one of the database's regions " + database.regions(),
                "build the cluster in a stack of one of the database's regions, beside that region's app");
        String version = app.props().kubernetesVersion();
        p.require(OperatorRelease.supports(version), "app.kubernetesVersion", version,
                "CloudNativePG " + OperatorRelease.CNPG_VERSION + " supports Kubernetes 1."
                        + OperatorRelease.MIN_KUBERNETES_MINOR + "–1." + OperatorRelease.MAX_KUBERNETES_MINOR
                        + " (docs/src/supported_releases.md)",
                "give the app's cluster kubernetesVersion(\"1.34\") or later");
        if (!database.regions().contains(region)) {
            return;
        }
        // CloudNativePG's webhook: "promotionToken is only allowed for primary clusters".
        promotionToken.ifPresent(token -> p.require(database.isPrimary(region), "promotionToken", "(token)",
                "is only allowed on the cluster being promoted; " + region + " is not the primaryRegion ("
                        + database.primaryRegion() + ")",
                "set primaryRegion(\"" + region + "\") in the same change, or remove the token"));
        if (database.replicationMode() != null && database.replicationMode().streams()) {
            database.streamingAddress(region).flatMap(Ipv4::parse).ifPresent(address -> {
                p.require(network.isReservedForFixedAddresses(address), "database.streamingAddresses[" + region + "]",
                        Ipv4.format(address), "is not one of " + region + "'s fixed addresses " + network.fixedAddresses()
                                + " on " + network.getNode().getPath() + " (" + network.cidr() + "), which DHCP does not hand out",
                        "use an address of " + network.fixedAddresses() + " other than the app's load balancer "
                                + app.serviceIp());
                p.require(!Ipv4.format(address).equals(app.serviceIp()), "database.streamingAddresses[" + region + "]",
                        Ipv4.format(address), "is the app's load balancer address", "give the database its own address");
            });
        }
    }

    /** @return the database this cluster is one region of */
    public PostgresDatabaseProps database() {
        return database;
    }

    /** @return this cluster's region */
    public String region() {
        return region;
    }

    /** @return the network the cluster's nodes are on: the app's; in streaming modes, a shared network's region */
    public RegionNetwork network() {
        return network;
    }

    /** @return whether this region's cluster accepts writes */
    public boolean isPrimary() {
        return database.isPrimary(region);
    }

    /** @return the CloudNativePG {@code Cluster} name */
    public String clusterName() {
        return database.clusterName(region);
    }

    /** @return the namespace of every object */
    public String namespace() {
        return namespace;
    }

    /**
     * @return the in-cluster name of CloudNativePG's read-write service, which always points at this region's
     *         primary instance (the designated primary in a replica cluster, which refuses writes)
     */
    public String rwServiceHost() {
        return clusterName() + "-rw." + namespace + ".svc";
    }

    /** @return the fixed private address of the load-balanced read-write service, in streaming modes */
    public Optional<String> rwAddress() {
        return database.replicationMode().streams() ? database.streamingAddress(region) : Optional.empty();
    }

    /** @return the name of the load-balanced read-write Service, in streaming modes */
    public Optional<String> rwLoadBalancerName() {
        return rwAddress().map(a -> ClusterManifests.rwServiceName(database, region));
    }

    /** @return the port PostgreSQL listens on */
    public int port() {
        return PostgresDatabaseProps.PORT;
    }

    /**
     * A libpq connection URI that reaches whichever region is primary: this region's read-write service,
     * then (in streaming modes, where the regions reach each other) the peer's fixed address, with
     * {@code target_session_attrs=read-write} so the client settles on the one that accepts writes. In
     * ARCHIVE_ONLY the standby region's app reaches no writable database until it is promoted; with the
     * database in the health scope, that region then stays out of rotation. No credentials: user and
     * password come from {@link #appSecretName()}.
     *
     * @return e.g. {@code postgresql://sessions-de1-rw.app.svc:5432,10.20.0.250:5432/app?target_session_attrs=read-write}
     */
    public String connectionString() {
        return wiring().url();
    }

    /** @return what the region's app is told: {@code AppSpec.Builder.postgres(cluster.wiring())} or, before the app, the props' */
    public PostgresWiring wiring() {
        return database.wiring(region, namespace);
    }

    /** @return the basic-auth Secret (keys {@code username}, {@code password}) the app logs in with */
    public String appSecretName() {
        return database.effectiveAppSecretName();
    }

    /** @return the Secret with the archive user's S3 keys */
    public String objectStoreSecretName() {
        return database.effectiveObjectStoreSecretName();
    }

    /** @return the folder of the cluster's manifests, below the stack's output */
    public String manifestFolder() {
        return manifestFolder;
    }

    /** @return the folder of the operator kustomizations, below the stack's output */
    public String operatorFolder() {
        return operatorFolder;
    }

    /** @return every file written, below the stack's output */
    public List<String> manifestPaths() {
        return List.copyOf(manifestPaths);
    }

    /** @return the objects written to {@link #manifestFolder()}, in apply order (escape hatch) */
    public List<Manifest> manifests() {
        return manifests;
    }

    /** Fluent creation: {@code PostgresCluster.Builder.create(scope, id).database(db).app(app).build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private PostgresDatabaseProps database;
        private K8sAppCluster app;
        private String promotionToken;
        private String manifestFolder = "postgres";
        private String operatorFolder = "postgres-operator";

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the region's stack (or a construct in it)
         * @param id    construct id
         * @return a builder for a cluster under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /**
         * @param value the database, the same props in both region stacks (required)
         * @return this builder
         */
        public Builder database(PostgresDatabaseProps value) {
            this.database = value;
            return this;
        }

        /**
         * @param value the region's app cluster: gives the region, zones, namespace and Kubernetes version (required)
         * @return this builder
         */
        public Builder app(K8sAppCluster value) {
            this.app = value;
            return this;
        }

        /**
         * @param value the former primary's {@code status.demotionToken}, set together with moving
         *              {@code primaryRegion} to this region for a switchover without rebuilding the former
         *              primary; only on the region being promoted; @default none (a failover)
         * @return this builder
         */
        public Builder promotionToken(String value) {
            this.promotionToken = value;
            return this;
        }

        /**
         * @param value the folder of the cluster's manifests below the stack's output; @default postgres
         * @return this builder
         */
        public Builder manifestFolder(String value) {
            this.manifestFolder = value;
            return this;
        }

        /**
         * @param value the folder of the operator kustomizations below the stack's output; @default postgres-operator
         * @return this builder
         */
        public Builder operatorFolder(String value) {
            this.operatorFolder = value;
            return this;
        }

        /** @return the cluster, validated (throws ValidationException listing every problem) */
        public PostgresCluster build() {
            return new PostgresCluster(scope, id, database, app, Optional.ofNullable(promotionToken), manifestFolder,
                    operatorFolder);
        }
    }
}
