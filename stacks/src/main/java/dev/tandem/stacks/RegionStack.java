package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.access.AppDataAccess;
import dev.tandem.constructs.access.TableGrant;
import dev.tandem.providers.aws.provider.AwsProvider;
import dev.tandem.providers.aws.provider.AwsProviderDefaultTags;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.OriginCertificate;
import dev.tandem.constructs.haproxy.OriginExposure;
import dev.tandem.constructs.haproxy.SuppliedCertificate;
import dev.tandem.constructs.haproxy.TierCertificate;
import dev.tandem.constructs.haproxy.SshKey;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.constructs.postgres.PostgresArchive;
import dev.tandem.constructs.postgres.PostgresArchiveProps;
import dev.tandem.constructs.postgres.PostgresCluster;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.ovh.provider.OvhProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * Everything one region runs: its providers (AWS in the region's AWS region, OVH on the
 * deployment's endpoint, Cloudflare 5.x and hashicorp/tls for the origin certificate and Cloudflare's
 * address ranges), its private network, its copy of every table (the global tables in the first
 * region, a replica of each in the others), the app's AWS identity allowed only on those copies, the
 * app on Managed Kubernetes wired to them, the HAProxy tier in front of it, and the Cloudflare Origin
 * CA certificate the tier serves for the edge's host name; the tier accepts only client certificates from
 * the deployment's origin-pull CA ({@link OriginPullsStack}, read across stacks). Both regions are built by this one class,
 * so the standby is the same as the active region by construction. Credentials are never set here;
 * each provider reads them from the environment of whoever runs {@code cdktf deploy} (see docs/deploying.md).
 */
public class RegionStack extends TerraformStack {
    /** The tables and replicas sit under this scope, so no table name can clash with the stack's own ids. */
    static final String TABLES = "tables";

    private final DeploymentSpec deployment;
    private final RegionSpec region;
    private final AwsProvider aws;
    private final OvhProvider ovh;
    private final CloudflareProvider cloudflare;
    private final RegionNetwork network;
    private final List<GlobalTable> globalTables = new ArrayList<>();
    private final List<TableReplica> replicas = new ArrayList<>();
    private final Optional<AppDataAccess> dataAccess;
    private final K8sAppCluster app;
    private final Optional<PostgresCluster> postgres;
    private final Optional<PostgresArchive> postgresArchive;
    private final OriginCertificate originCertificate;
    private final TierCertificate certificate;
    private final HaproxyTier haproxy;

    /**
     * Made by {@link DeploymentStacks#build}, after the description has been checked.
     *
     * @param home        the first region's stack, which holds the global tables; empty for the first region itself
     * @param originPulls the zone's origin-pull client CA, whose certificates alone the tier accepts
     * @param sharedNetwork the network every region joins, when the deployment has one (its owner stack is applied first)
     */
    RegionStack(Construct scope, DeploymentSpec deployment, RegionSpec region, Optional<RegionStack> home,
            Optional<OriginPullTrust> originPulls, Optional<SharedPrivateNetwork> sharedNetwork) {
        super(Scopes.checked(scope, region.stackName(), "RegionStack"), region.stackName());
        deployment.backend().applyTo(this);
        this.deployment = deployment;
        this.region = region;
        this.aws = AwsProvider.Builder.create(this, "aws")
                .region(region.awsRegion())
                .defaultTags(List.of(AwsProviderDefaultTags.builder()
                        .tags(Map.of("tandem:app", deployment.appName(), "tandem:stack", region.stackName()))
                        .build()))
                .build();
        this.ovh = OvhProvider.Builder.create(this, "ovh")
                .endpoint(deployment.ovhEndpoint().providerValue())
                .build();
        boolean behindCloudflare = deployment.edge().route53().isEmpty();
        // Reads CLOUDFLARE_API_TOKEN: the Origin CA certificate needs Zone → SSL and Certificates → Edit.
        // With the Route 53 edge nothing of Cloudflare's is used.
        this.cloudflare = behindCloudflare ? CloudflareProvider.Builder.create(this, "cloudflare").build() : null;
        // The origin key (behind Cloudflare) and the instances' SSH host keys (either edge) are tls resources.
        // Its id leaves "tls" to the Route 53 edge's supplied certificate, whose variables are named after it.
        TlsProvider.Builder.create(this, behindCloudflare ? "tls" : "tls-provider").build();
        RegionNetwork.Builder networkBuilder = RegionNetwork.Builder.create(this, "network")
                .cloudProject(deployment.ovhCloudProject())
                .region(region.ovhRegion());
        sharedNetwork.ifPresentOrElse(networkBuilder::shared,
                () -> networkBuilder.vlanId(region.vlanId()).cidr(region.privateCidr()));
        region.ovhZones().ifPresent(networkBuilder::zones);
        deployment.networkCustomizer().customize(region, networkBuilder);
        this.network = networkBuilder.build();
        List<TableGrant> grants = home.map(this::replicate).orElseGet(this::createTables);
        this.dataAccess = grants.isEmpty() ? Optional.empty() : Optional.of(dataAccess(grants));
        AppSpec.Builder appSpec = AppSpec.builder()
                .name(deployment.appName())
                .image(deployment.appImage())
                .health(deployment.health());
        dataAccess.ifPresent(d -> appSpec.data(d.wiring()));
        deployment.appCustomizer().customize(region, appSpec);
        AppSpec appDescription = appSpec.build();
        // The app reaches the database's current primary through this region's wiring (libpq variables, the
        // owner's Secret), unless a customizer wired it itself.
        if (deployment.postgres().isPresent() && appDescription.postgres().isEmpty()) {
            PostgresDatabaseProps db = deployment.postgres().get();
            appDescription = appDescription.toBuilder().postgres(db.wiring(region.ovhRegion(),
                    db.namespace().orElse(appDescription.effectiveNamespace()))).build();
        }
        K8sAppCluster.Builder cluster = K8sAppCluster.Builder.create(this, "app")
                .network(network)
                .app(appDescription);
        deployment.clusterCustomizer().customize(region, cluster);
        this.app = cluster.build();
        // The database's part in this region: its CNPG manifests beside the app, the peer's archive bucket and
        // this region's archive user (PostgresArchive: the bucket lives where it survives its writer's region).
        this.postgres = deployment.postgres().map(db -> PostgresCluster.Builder.create(this, db.name())
                .database(db).app(app).build());
        this.postgresArchive = deployment.postgres().map(db -> new PostgresArchive(this, db.name() + "-archive",
                PostgresArchiveProps.forRegion(db, region.ovhRegion(), deployment.ovhCloudProject())));
        if (behindCloudflare) {
            OriginCertificate.Builder certificate = OriginCertificate.Builder.create(this, "origin-certificate")
                    .hostnames(List.of(deployment.edge().hostname()));
            deployment.originCertificateCustomizer().customize(region, certificate);
            this.originCertificate = certificate.build();
            this.certificate = originCertificate;
        } else {
            // Clients reach the tier directly: a publicly trusted certificate, from TF_VAR_tls_certificate_pem and
            // TF_VAR_tls_private_key_pem (ACME issuance in Terraform is the next step, docs/edge.md).
            this.originCertificate = null;
            this.certificate = SuppliedCertificate.Builder.create(this, "tls")
                    .hostnames(List.of(deployment.edge().hostname())).build();
        }
        HaproxyTier.Builder tier = HaproxyTier.Builder.create(this, "haproxy")
                .network(network)
                .flavorId(region.haproxy().flavorId())
                .imageId(region.haproxy().imageId())
                .sshKey(SshKey.existing(deployment.sshKeyName()))
                .health(deployment.health())
                .checkHost(deployment.edge().hostname())
                .certificate(certificate)
                .originPulls(originPulls.orElse(null))
                .exposure(behindCloudflare ? OriginExposure.CLOUDFLARE_ONLY : OriginExposure.PUBLIC)
                .hostname(deployment.edge().hostname())
                .operatorCidr(deployment.operatorCidr())
                .backends(app);
        deployment.haproxyCustomizer().customize(region, tier);
        this.haproxy = tier.build();
    }

    /** The first region holds the global tables: their home region is this stack's AWS region. */
    private List<TableGrant> createTables() {
        List<TableGrant> grants = new ArrayList<>();
        Construct tables = new Construct(this, TABLES);
        for (GlobalTableProps described : deployment.tables()) {
            GlobalTableProps props = deployment.teardown() ? described.toBuilder().teardown(true).build() : described;
            GlobalTable table = new GlobalTable(tables, props.tableName(), props);
            globalTables.add(table);
            grants.add(TableGrant.of(table).withAccess(deployment.tableAccess(props.tableName())));
        }
        return grants;
    }

    /** Every other region holds a replica of each of the first region's tables. */
    private List<TableGrant> replicate(RegionStack home) {
        List<TableGrant> grants = new ArrayList<>();
        Construct tables = new Construct(this, TABLES);
        for (GlobalTable table : home.globalTables()) {
            String name = table.props().tableName();
            TableReplica.Builder replica = TableReplica.Builder.create(tables, name).table(table);
            deployment.replicaCustomizer().customize(region, replica);
            TableReplica built = replica.build();
            replicas.add(built);
            grants.add(TableGrant.of(built).withAccess(deployment.tableAccess(name)));
        }
        return grants;
    }

    /** The app's identity: allowed only on this region's copies, so each region depends on its own AWS region. */
    private AppDataAccess dataAccess(List<TableGrant> grants) {
        AppDataAccess.Builder b = AppDataAccess.Builder.create(this, "app-data")
                .userName(deployment.appName() + "-" + region.stackName())
                .tables(grants);
        deployment.dataAccessCustomizer().customize(region, b);
        return b.build();
    }

    /** @return the deployment description */
    public DeploymentSpec deployment() {
        return deployment;
    }

    /** @return this region's description */
    public RegionSpec region() {
        return region;
    }

    /** @return the AWS provider of this stack */
    public AwsProvider aws() {
        return aws;
    }

    /** @return the OVH provider of this stack */
    public OvhProvider ovh() {
        return ovh;
    }

    /**
     * @return the Cloudflare provider (5.x) of this stack
     * @throws IllegalStateException with the Route 53 edge, where the stack has none
     */
    public CloudflareProvider cloudflare() {
        if (cloudflare == null) {
            throw new IllegalStateException(getNode().getPath() + " has no Cloudflare provider: the edge is Route 53");
        }
        return cloudflare;
    }

    /**
     * @return the Cloudflare Origin CA certificate the region's HAProxy tier serves
     * @throws IllegalStateException with the Route 53 edge, whose tiers serve a {@link SuppliedCertificate}
     *         ({@link #certificate()})
     */
    public OriginCertificate originCertificate() {
        if (originCertificate == null) {
            throw new IllegalStateException(getNode().getPath() + " serves a SuppliedCertificate: the edge is Route 53; "
                    + "use certificate()");
        }
        return originCertificate;
    }

    /** @return the certificate the region's HAProxy tier serves: Origin CA behind Cloudflare, supplied with Route 53 */
    public TierCertificate certificate() {
        return certificate;
    }

    /**
     * @return the region's private network, shared by the HAProxy tier and the Kubernetes nodes; with a shared
     *         network, the region's part of it (its resources are in the network's owner stack)
     */
    public RegionNetwork network() {
        return network;
    }

    /** @return the global tables this stack holds (the first region's); empty in the other regions */
    public List<GlobalTable> globalTables() {
        return List.copyOf(globalTables);
    }

    /** @return the replicas this stack holds (one per table, in every region but the first) */
    public List<TableReplica> replicas() {
        return List.copyOf(replicas);
    }

    /** @return the app's AWS identity and the wiring its pods get; empty when the deployment has no table */
    public Optional<AppDataAccess> dataAccess() {
        return dataAccess;
    }

    /** @return the app's Kubernetes cluster and manifests */
    public K8sAppCluster app() {
        return app;
    }

    /** @return the region's PostgreSQL cluster (manifests), when the deployment keeps data in PostgreSQL */
    public Optional<PostgresCluster> postgres() {
        return postgres;
    }

    /** @return the region's share of the PostgreSQL archives, when the deployment keeps data in PostgreSQL */
    public Optional<PostgresArchive> postgresArchive() {
        return postgresArchive;
    }

    /** @return the HAProxy tier the edge sends this region's traffic to */
    public HaproxyTier haproxy() {
        return haproxy;
    }
}
