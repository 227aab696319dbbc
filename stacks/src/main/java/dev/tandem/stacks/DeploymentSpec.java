package dev.tandem.stacks;

import dev.tandem.constructs.access.AppDataAccess;
import dev.tandem.constructs.access.TableAccess;
import dev.tandem.constructs.core.AwsRegions;
import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.OriginCertificate;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.health.HealthScope;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.network.Ipv4Cidr;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.readiness.AcceptedRisk;
import dev.tandem.constructs.readiness.DrTargets;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.GlobalTableValidation;
import dev.tandem.constructs.table.TableReplica;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole deployment described once: a team's own deployment is another value of this type, not a
 * copy of the stacks. {@link DeploymentStacks#build} turns it into a stack per region, an edge stack,
 * the tables with a replica in every other region, and the DR readiness pass (on by default).
 *
 * <pre>{@code
 * DeploymentSpec orders = DeploymentSpec.builder()
 *     .appName("orders").appImage("registry.acme.io/orders:2.3.1")
 *     .sshKeyName("ops-key")
 *     .operatorCidr("203.0.113.0/24")                  // SSH, config delivery, stats page
 *     .ovhCloudProject("<32-hex project id>")
 *     .regions(List.of(paris, frankfurt))             // failover order: the first is active
 *     .edge(EdgeSpec.builder()…build())
 *     .tables(List.of(GlobalTableProps.builder().tableName("orders").partitionKey(Attribute.string("pk")).build()))
 *     .customizeHaproxy((region, tier) -> tier.balance(Balance.LEASTCONN))
 *     .build();
 * }</pre>
 *
 * <p>Every construct can be adjusted through its hook ({@code customize…}): the hook receives the
 * construct's builder after Tandem has set what it derives, in every region.
 */
public final class DeploymentSpec {
    private final String appName;
    private final String appImage;
    private final String sshKeyName;
    private final String operatorCidr;
    private final OvhEndpoint ovhEndpoint;
    private final String ovhCloudProject;
    private final List<RegionSpec> regions;
    private final EdgeSpec edge;
    private final HealthContract health;
    private final StateBackend backend;
    private final DrTargets drTargets;
    private final List<AcceptedRisk> acceptedRisks;
    private final Optional<String> drReadinessSkipReason;
    private final List<GlobalTableProps> tables;
    private final Map<String, TableAccess> tableAccess;
    private final RegionCustomizer<RegionNetwork.Builder> network;
    private final RegionCustomizer<K8sAppCluster.Builder> cluster;
    private final RegionCustomizer<AppSpec.Builder> app;
    private final RegionCustomizer<HaproxyTier.Builder> haproxy;
    private final RegionCustomizer<OriginCertificate.Builder> originCertificate;
    private final RegionCustomizer<TableReplica.Builder> replica;
    private final RegionCustomizer<AppDataAccess.Builder> dataAccess;
    private final Consumer<CloudflareFailoverLb.Builder> edgeLoadBalancer;
    private final Consumer<SharedPrivateNetwork.Builder> sharedNetworkHook;
    private final boolean teardown;
    private final Optional<PostgresDatabaseProps> postgres;
    private final Optional<SharedNetworkSpec> sharedNetwork;

    private DeploymentSpec(Builder b) {
        this.appName = b.appName;
        this.appImage = b.appImage;
        this.sshKeyName = b.sshKeyName;
        this.operatorCidr = b.operatorCidr;
        this.ovhEndpoint = b.ovhEndpoint;
        this.ovhCloudProject = b.ovhCloudProject;
        this.regions = b.regions;
        this.edge = b.edge;
        this.health = b.health;
        this.backend = b.backend;
        this.drTargets = b.drTargets;
        this.acceptedRisks = b.acceptedRisks;
        this.drReadinessSkipReason = Optional.ofNullable(b.drReadinessSkipReason);
        this.tables = b.tables;
        this.tableAccess = b.tableAccess;
        this.network = b.network;
        this.cluster = b.cluster;
        this.app = b.app;
        this.haproxy = b.haproxy;
        this.originCertificate = b.originCertificate;
        this.replica = b.replica;
        this.dataAccess = b.dataAccess;
        this.edgeLoadBalancer = b.edgeLoadBalancer;
        this.sharedNetworkHook = b.sharedNetworkHook;
        this.teardown = b.teardown;
        this.postgres = Optional.ofNullable(b.postgres);
        this.sharedNetwork = Optional.ofNullable(b.sharedNetwork);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this description, to change some of it */
    public Builder toBuilder() {
        Builder b = new Builder().appName(appName).appImage(appImage).sshKeyName(sshKeyName).operatorCidr(operatorCidr)
                .ovhEndpoint(ovhEndpoint)
                .ovhCloudProject(ovhCloudProject).regions(regions).edge(edge).health(health).backend(backend)
                .drTargets(drTargets).acceptedRisks(acceptedRisks).tables(tables).tableAccess(tableAccess)
                .customizeNetwork(network).customizeCluster(cluster).customizeApp(app).customizeHaproxy(haproxy)
                .customizeOriginCertificate(originCertificate).customizeReplica(replica)
                .customizeDataAccess(dataAccess)
                .customizeEdge(edgeLoadBalancer).customizeSharedNetwork(sharedNetworkHook).teardown(teardown);
        drReadinessSkipReason.ifPresent(b::skipDrReadiness);
        postgres.ifPresent(b::postgres);
        sharedNetwork.ifPresent(b::sharedNetwork);
        return b;
    }

    /**
     * @return the one private network every region joins instead of owning one, in its own owner stack; what
     *         PostgreSQL streaming between the regions needs
     */
    public Optional<SharedNetworkSpec> sharedNetwork() {
        return sharedNetwork;
    }

    /**
     * @return the PostgreSQL database the app keeps its data in instead of (or beside) the DynamoDB tables:
     *         each region stack gets its {@code PostgresCluster} and {@code PostgresArchive}
     */
    public Optional<PostgresDatabaseProps> postgres() {
        return postgres;
    }

    /** @return the application's short name (a DNS label); prefixes resource names */
    public String appName() {
        return appName;
    }

    /** @return the app's container image */
    public String appImage() {
        return appImage;
    }

    /** @return the operators' SSH key, registered in the OVH cloud project */
    public String sshKeyName() {
        return sshKeyName;
    }

    /** @return the operators' network: the only source of SSH (and so of the configuration delivery) and the stats page */
    public String operatorCidr() {
        return operatorCidr;
    }

    /** @return the OVH API endpoint */
    public OvhEndpoint ovhEndpoint() {
        return ovhEndpoint;
    }

    /** @return the OVH Public Cloud project id */
    public String ovhCloudProject() {
        return ovhCloudProject;
    }

    /** @return the regions in failover order; the first is active */
    public List<RegionSpec> regions() {
        return regions;
    }

    /** @return the active region: the first */
    public RegionSpec primary() {
        return regions.get(0);
    }

    /** @return the Cloudflare side */
    public EdgeSpec edge() {
        return edge;
    }

    /** @return the health contract every layer follows */
    public HealthContract health() {
        return health;
    }

    /** @return where every stack keeps its state */
    public StateBackend backend() {
        return backend;
    }

    /** @return the recovery objectives */
    public DrTargets drTargets() {
        return drTargets;
    }

    /** @return the risks the deployment accepts, each with its reason */
    public List<AcceptedRisk> acceptedRisks() {
        return acceptedRisks;
    }

    /** @return why the DR readiness pass is skipped, when the deployment opted out */
    public Optional<String> drReadinessSkipReason() {
        return drReadinessSkipReason;
    }

    /**
     * @return whether this description tears the deployment down: every table and replica without its destroy
     *         guard and deletion protection, and so the app identities too
     */
    public boolean teardown() {
        return teardown;
    }

    /** @return the global tables, each homed in the first region with a replica in every other */
    public List<GlobalTableProps> tables() {
        return tables;
    }

    /** @return how the app uses each table, by table name, as set; tables not listed are read and written */
    public Map<String, TableAccess> tableAccess() {
        return tableAccess;
    }

    /**
     * @param tableName one of {@link #tables()}' names
     * @return how the app uses that table: as set in {@link #tableAccess()}, else {@link TableAccess#readWrite()}
     */
    public TableAccess tableAccess(String tableName) {
        return tableAccess.getOrDefault(tableName, TableAccess.readWrite());
    }

    RegionCustomizer<AppDataAccess.Builder> dataAccessCustomizer() {
        return dataAccess;
    }

    RegionCustomizer<RegionNetwork.Builder> networkCustomizer() {
        return network;
    }

    RegionCustomizer<K8sAppCluster.Builder> clusterCustomizer() {
        return cluster;
    }

    RegionCustomizer<AppSpec.Builder> appCustomizer() {
        return app;
    }

    RegionCustomizer<HaproxyTier.Builder> haproxyCustomizer() {
        return haproxy;
    }

    RegionCustomizer<OriginCertificate.Builder> originCertificateCustomizer() {
        return originCertificate;
    }

    RegionCustomizer<TableReplica.Builder> replicaCustomizer() {
        return replica;
    }

    Consumer<CloudflareFailoverLb.Builder> edgeCustomizer() {
        return edgeLoadBalancer;
    }

    Consumer<SharedPrivateNetwork.Builder> sharedNetworkCustomizer() {
        return sharedNetworkHook;
    }

    /** Builds a {@link DeploymentSpec}; every setter documents its default, {@link #build()} checks the whole. */
    public static final class Builder {
        private String appName;
        private String appImage;
        private String sshKeyName;
        private String operatorCidr;
        private OvhEndpoint ovhEndpoint = OvhEndpoint.OVH_EU;
        private String ovhCloudProject;
        private List<RegionSpec> regions;
        private EdgeSpec edge;
        private HealthContract health;
        private boolean healthSet;
        private StateBackend backend = StateBackend.local();
        private DrTargets drTargets;
        private List<AcceptedRisk> acceptedRisks = List.of();
        private String drReadinessSkipReason;
        private List<GlobalTableProps> tables = List.of();
        private Map<String, TableAccess> tableAccess = Map.of();
        private RegionCustomizer<RegionNetwork.Builder> network = RegionCustomizer.none();
        private RegionCustomizer<K8sAppCluster.Builder> cluster = RegionCustomizer.none();
        private RegionCustomizer<AppSpec.Builder> app = RegionCustomizer.none();
        private RegionCustomizer<HaproxyTier.Builder> haproxy = RegionCustomizer.none();
        private RegionCustomizer<OriginCertificate.Builder> originCertificate = RegionCustomizer.none();
        private RegionCustomizer<TableReplica.Builder> replica = RegionCustomizer.none();
        private RegionCustomizer<AppDataAccess.Builder> dataAccess = RegionCustomizer.none();
        private Consumer<CloudflareFailoverLb.Builder> edgeLoadBalancer = lb -> { };
        private Consumer<SharedPrivateNetwork.Builder> sharedNetworkHook = n -> { };
        private boolean teardown;
        private PostgresDatabaseProps postgres;
        private SharedNetworkSpec sharedNetwork;

        private Builder() {
        }

        /**
         * Puts every region on one vRack private network spanning them, held by an owner stack applied before the
         * regions ({@link NetworkStack}): what PostgreSQL {@code STREAMING} and {@code SYNCHRONOUS} replication need.
         * The regions then take no {@code vlanId} or {@code privateCidr}. Moving a running region onto it recreates
         * its Kubernetes cluster: plan it as a region rebuild while the other region serves.
         *
         * @param value the shared network; @default none: each region owns its network
         * @return this builder
         */
        public Builder sharedNetwork(SharedNetworkSpec value) {
            this.sharedNetwork = value;
            return this;
        }

        /**
         * @param value adjusts the {@link SharedPrivateNetwork} of the {@link #sharedNetwork} (declared pod and service
         *              ranges, the gateways) after Tandem has set its project, VLAN, range and pools; @default no change
         * @return this builder
         */
        public Builder customizeSharedNetwork(Consumer<SharedPrivateNetwork.Builder> value) {
            this.sharedNetworkHook = value;
            return this;
        }

        /**
         * Keeps the app's data in PostgreSQL on OVH as well as, or instead of, DynamoDB: each region stack gets the
         * database's {@code PostgresCluster} manifests beside its app and its {@code PostgresArchive} (the peer's WAL
         * archive bucket and this region's archive user). Give {@link #tables} {@code List.of()} for PostgreSQL only.
         * The database's two regions are the deployment's OVH regions, its primary the first region's.
         *
         * @param value the database, described once; @default none
         * @return this builder
         */
        public Builder postgres(PostgresDatabaseProps value) {
            this.postgres = value;
            return this;
        }

        /**
         * Tears the whole deployment down on purpose, as a reviewed change: every table and replica loses its
         * {@code prevent_destroy} guard and its deletion protection ({@code GlobalTableProps…teardown(true)} on
         * each table; replicas follow unless {@link #customizeReplica} says otherwise), and with them the app
         * identities' guard. Apply the region stacks once with it (the tables are updated in place), then
         * {@code cdktf destroy}; docs/teardown.md. Without it any plan that would destroy a table, a
         * replica or an app identity fails before anything is destroyed.
         *
         * @param value drop the destroy guards; @default false
         * @return this builder
         */
        public Builder teardown(boolean value) {
            this.teardown = value;
            return this;
        }

        /**
         * @param value the application's short name, a DNS label such as {@code orders}; it prefixes
         *              resource names and names the Kubernetes objects (required)
         * @return this builder
         */
        public Builder appName(String value) {
            this.appName = value;
            return this;
        }

        /**
         * @param value the app's container image, pinned by tag or digest (required)
         * @return this builder
         */
        public Builder appImage(String value) {
            this.appImage = value;
            return this;
        }

        /**
         * @param value the operators' SSH key, already registered in the OVH cloud project in every
         *              region (required)
         * @return this builder
         */
        public Builder sshKeyName(String value) {
            this.sshKeyName = value;
            return this;
        }

        /**
         * @param value the operators' network, e.g. {@code 203.0.113.0/24}: the only source each region's
         *              HAProxy instances accept SSH (and so the configuration delivery Terraform runs) and the
         *              stats page from; Terraform must run from inside it (required)
         * @return this builder
         */
        public Builder operatorCidr(String value) {
            this.operatorCidr = value;
            return this;
        }

        /**
         * @param value the OVH API endpoint; @default {@link OvhEndpoint#OVH_EU}
         * @return this builder
         */
        public Builder ovhEndpoint(OvhEndpoint value) {
            this.ovhEndpoint = value;
            return this;
        }

        /**
         * @param value the OVH Public Cloud project id, 32 hex characters (required)
         * @return this builder
         */
        public Builder ovhCloudProject(String value) {
            this.ovhCloudProject = value;
            return this;
        }

        /**
         * @param value the regions in failover order, at least two; the first is active, and holds
         *              the tables' home (required)
         * @return this builder
         */
        public Builder regions(List<RegionSpec> value) {
            this.regions = value;
            return this;
        }

        /**
         * @param value the Cloudflare zone and name that fail over between the regions (required)
         * @return this builder
         */
        public Builder edge(EdgeSpec value) {
            this.edge = value;
            return this;
        }

        /**
         * @param value the health contract every layer follows; @default {@link HealthContract#defaults()}, with
         *              {@link HealthScope#APP_AND_DATA} when the deployment has tables or a database: a region whose data is
         *              unreachable then leaves rotation (the app's health path must check its table, see
         *              docs/app-contract.md); set {@link HealthScope#APP} explicitly, and accept the
         *              {@code data-in-health} warning, for an app that cannot
         * @return this builder
         */
        public Builder health(HealthContract value) {
            this.health = value;
            this.healthSet = true;
            return this;
        }

        /**
         * @param value where every stack keeps its state; @default {@link StateBackend#local()}
         * @return this builder
         */
        public Builder backend(StateBackend value) {
            this.backend = value;
            return this;
        }

        /**
         * @param value the recovery objectives the DR readiness pass holds the deployment to (required
         *              unless the pass is skipped)
         * @return this builder
         */
        public Builder drTargets(DrTargets value) {
            this.drTargets = value;
            return this;
        }

        /**
         * @param value single points of failure and capacity gaps the team accepts, each with its reason
         *              (printed in {@code dr-report.md}); @default none
         * @return this builder
         */
        public Builder acceptedRisks(List<AcceptedRisk> value) {
            this.acceptedRisks = value;
            return this;
        }

        /**
         * Opts out of the DR readiness pass, visibly: the report says it was skipped and why.
         *
         * @param reason why the deployment does without the pass; @default the pass runs
         * @return this builder
         */
        public Builder skipDrReadiness(String reason) {
            this.drReadinessSkipReason = reason;
            return this;
        }

        /**
         * @param value the global tables: each is created in the first region with a replica in every
         *              other; @default none
         * @return this builder
         */
        public Builder tables(List<GlobalTableProps> value) {
            this.tables = value;
            return this;
        }

        /**
         * How the app uses some of the tables, by table name: access level, stream reads, the name of its
         * {@code TANDEM_TABLE_<LOGICAL>} variable. Each region's app gets an IAM identity allowed exactly
         * that on its own region's copy of each table.
         *
         * @param value e.g. {@code Map.of("orders", TableAccess.builder().level(AccessLevel.READ_ONLY).build())};
         *              @default {@link TableAccess#readWrite()} for every table
         * @return this builder
         */
        public Builder tableAccess(Map<String, TableAccess> value) {
            this.tableAccess = value;
            return this;
        }

        /**
         * @param value adjusts each region's {@link AppDataAccess}, the app's AWS identity (user name,
         *              access keys for a rotation…); @default no change
         * @return this builder
         */
        public Builder customizeDataAccess(RegionCustomizer<AppDataAccess.Builder> value) {
            this.dataAccess = value;
            return this;
        }

        /**
         * @param value adjusts each region's {@link RegionNetwork} (gateway, DHCP range…); @default no change
         * @return this builder
         */
        public Builder customizeNetwork(RegionCustomizer<RegionNetwork.Builder> value) {
            this.network = value;
            return this;
        }

        /**
         * @param value adjusts each region's {@link K8sAppCluster} (version, node pools…); @default no change
         * @return this builder
         */
        public Builder customizeCluster(RegionCustomizer<K8sAppCluster.Builder> value) {
            this.cluster = value;
            return this;
        }

        /**
         * @param value adjusts the app each cluster runs (replicas, resources, autoscaling…); @default no change
         * @return this builder
         */
        public Builder customizeApp(RegionCustomizer<AppSpec.Builder> value) {
            this.app = value;
            return this;
        }

        /**
         * @param value adjusts each region's {@link HaproxyTier} (balance, instances, timing…); @default no change
         * @return this builder
         */
        public Builder customizeHaproxy(RegionCustomizer<HaproxyTier.Builder> value) {
            this.haproxy = value;
            return this;
        }

        /**
         * @param value adjusts each region's {@link OriginCertificate}, the certificate its HAProxy tier serves
         *              (validity, extra host names…); @default the edge's host name, 15 years
         * @return this builder
         */
        public Builder customizeOriginCertificate(RegionCustomizer<OriginCertificate.Builder> value) {
            this.originCertificate = value;
            return this;
        }

        /**
         * @param value adjusts each table's {@link TableReplica} in the regions after the first
         *              (deletion protection, table class, KMS key…); @default as the table
         * @return this builder
         */
        public Builder customizeReplica(RegionCustomizer<TableReplica.Builder> value) {
            this.replica = value;
            return this;
        }

        /**
         * @param value adjusts the edge's {@link CloudflareFailoverLb} (monitor, steering, affinity…);
         *              @default no change
         * @return this builder
         */
        public Builder customizeEdge(Consumer<CloudflareFailoverLb.Builder> value) {
            this.edgeLoadBalancer = value;
            return this;
        }

        /**
         * @return the description
         * @throws dev.tandem.constructs.core.ValidationException listing every problem, under the path
         *         {@code DeploymentSpec}; each construct checks its own values again under its path
         */
        public DeploymentSpec build() {
            if (!healthSet) {
                health = (tables == null || tables.isEmpty()) && postgres == null ? HealthContract.defaults()
                        : HealthContract.defaults().toBuilder().scope(HealthScope.APP_AND_DATA).build();
            }
            Problems p = new Problems("DeploymentSpec");
            p.require(DnsNames.isLabel(appName) && appName.length() <= 40 && Character.isLetter(appName.charAt(0)),
                    "appName", appName, "must be a DNS label of at most 40 characters starting with a letter",
                    "use lower-case letters, digits and '-', e.g. orders");
            p.require(appImage != null && !appImage.isBlank(), "appImage", appImage, "is required",
                    "give the container image, e.g. registry.example.com/team/app:1.4.2");
            p.require(sshKeyName != null && !sshKeyName.isBlank(), "sshKeyName", sshKeyName, "is required",
                    "name the SSH key registered in the OVH cloud project");
            p.require(operatorCidr != null && Ipv4Cidr.parse(operatorCidr).isPresent(), "operatorCidr", operatorCidr,
                    "must be an IPv4 network in CIDR form: the only source SSH, the configuration delivery and the"
                            + " stats page accept", "give the network Terraform and the operators connect from, e.g."
                            + " 203.0.113.0/24");
            p.present(ovhEndpoint, "ovhEndpoint", "use OvhEndpoint.OVH_EU (the default) or another endpoint");
            p.present(ovhCloudProject, "ovhCloudProject", "copy the project id from the OVH control panel");
            p.present(health, "health", "use HealthContract.defaults() or build one");
            p.present(backend, "backend", "use StateBackend.local() (the default) or a remote backend");
            if (drReadinessSkipReason == null) {
                p.present(drTargets, "drTargets", "declare the objectives, e.g. DrTargets.builder().rto(Duration"
                        + ".ofMinutes(2)).rpo(Duration.ofSeconds(10)).build(), or skipDrReadiness(reason)");
            } else {
                p.require(!drReadinessSkipReason.isBlank(), "skipDrReadiness", drReadinessSkipReason,
                        "needs a reason", "say why the deployment does without the pass; the report prints it");
            }
            p.presentElements(acceptedRisks, "acceptedRisks", "pass List.of() to accept none");
            checkRegions(p);
            checkEdge(p);
            checkTables(p);
            checkPostgres(p);
            // Not Map.of: it refuses the null hook this loop is there to report.
            Map<String, Object> hooks = new LinkedHashMap<>();
            hooks.put("customizeNetwork", network);
            hooks.put("customizeCluster", cluster);
            hooks.put("customizeApp", app);
            hooks.put("customizeHaproxy", haproxy);
            hooks.put("customizeOriginCertificate", originCertificate);
            hooks.put("customizeReplica", replica);
            hooks.put("customizeDataAccess", dataAccess);
            hooks.put("customizeEdge", edgeLoadBalancer);
            hooks.put("customizeSharedNetwork", sharedNetworkHook);
            hooks.forEach((name, hook) -> p.present(hook, name, "pass a hook, or leave it unset for no change"));
            p.throwIfAny();
            return new DeploymentSpec(this.copied());
        }

        private Builder copied() {
            regions = Values.list(regions);
            acceptedRisks = Values.list(acceptedRisks);
            tables = Values.list(tables);
            tableAccess = Values.sortedMap(tableAccess);
            return this;
        }

        private void checkRegions(Problems p) {
            if (!p.presentElements(regions, "regions", "list the regions in failover order, e.g. List.of(paris, frankfurt)")) {
                return;
            }
            p.require(regions.size() >= 2, "regions", regions.size() + " region(s)",
                    "failover needs at least two regions", "add the standby region");
            Map<String, Integer> stackNames = new HashMap<>();
            Map<String, Integer> ovhRegions = new HashMap<>();
            Map<Integer, Integer> vlans = new HashMap<>();
            Map<Integer, Ipv4Cidr> cidrs = new HashMap<>();
            Map<String, Integer> awsRegions = new HashMap<>();
            for (int i = 0; i < regions.size(); i++) {
                RegionSpec r = regions.get(i);
                String at = "regions[" + i + "]";
                r.validate(p.nested(at));
                if (DnsNames.isLabel(r.stackName())) {
                    Integer other = stackNames.putIfAbsent(r.stackName(), i);
                    p.require(other == null, at + ".stackName", r.stackName(), "is also the stack name of regions["
                            + other + "]: stacks need distinct names", "give each region its own stack name");
                }
                if (r.ovhRegion() != null) {
                    Integer other = ovhRegions.putIfAbsent(r.ovhRegion(), i);
                    p.require(other == null, at + ".ovhRegion", r.ovhRegion(), "is also the OVH region of regions["
                            + other + "]: two regions in one OVH region fail together",
                            "put each region in its own OVH region");
                }
                if (sharedNetwork != null) {
                    p.require(r.vlanId() == null, at + ".vlanId", r.vlanId(), "is set, but the regions join the "
                            + "sharedNetwork, whose VLAN they share", "leave the region's vlanId unset");
                    p.require(r.privateCidr() == null, at + ".privateCidr", r.privateCidr(), "is set, but the regions "
                            + "join the sharedNetwork, whose range they share", "leave the region's privateCidr unset");
                } else {
                    checkOwnNetwork(p, at, r, i, vlans, cidrs);
                }
                if (AwsRegions.isValid(r.awsRegion()) && tables != null && !tables.isEmpty()) {
                    checkReplicaRegion(p, at, r.awsRegion(), awsRegions.putIfAbsent(r.awsRegion(), i));
                }
            }
            if (edge != null && edge.stackName() != null) {
                p.require(!stackNames.containsKey(edge.stackName()), "edge.stackName", edge.stackName(),
                        "is also a region's stack name", "give the edge stack its own name");
            }
            if (edge != null && edge.originPullsStackName() != null) {
                p.require(!stackNames.containsKey(edge.originPullsStackName()), "edge.originPullsStackName",
                        edge.originPullsStackName(), "is also a region's stack name", "give the stack its own name");
            }
            if (sharedNetwork != null) {
                sharedNetwork.validate(p.nested("sharedNetwork"), regions.stream().map(RegionSpec::ovhRegion).toList());
                Set<String> taken = new HashSet<>(stackNames.keySet());
                if (edge != null) {
                    taken.add(edge.stackName());
                    taken.add(edge.originPullsStackName());
                }
                p.require(!taken.contains(sharedNetwork.stackName()), "sharedNetwork.stackName",
                        sharedNetwork.stackName(), "is also the name of a region's or the edge's stack",
                        "give the network's owner stack its own name");
            }
        }

        /** Without a shared network each region owns one: its own VLAN and a range no other region overlaps. */
        private static void checkOwnNetwork(Problems p, String at, RegionSpec r, int i, Map<Integer, Integer> vlans,
                Map<Integer, Ipv4Cidr> cidrs) {
            p.present(r.vlanId(), at + ".vlanId", "pick a vRack VLAN, 0–4000, that no other region uses, or give "
                    + "the deployment a sharedNetwork");
            p.present(r.privateCidr(), at + ".privateCidr", "give the region a private range, e.g. 10.10.0.0/16, "
                    + "or give the deployment a sharedNetwork");
            Integer otherVlan = r.vlanId() == null ? null : vlans.putIfAbsent(r.vlanId(), i);
            p.require(otherVlan == null, at + ".vlanId", r.vlanId(), "is also the VLAN of regions[" + otherVlan
                    + "]: one VLAN in one vRack is one network", "give each region its own VLAN");
            Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(r.privateCidr());
            if (cidr.isPresent()) {
                cidrs.forEach((j, c) -> p.require(!c.overlaps(cidr.get()), at + ".privateCidr", r.privateCidr(),
                        "overlaps regions[" + j + "].privateCidr " + c + ": the vRack joins the regions' networks",
                        "use disjoint ranges, e.g. 10.10.0.0/16 and 10.20.0.0/16"));
                cidrs.put(i, cidr.get());
            }
        }

        /** The tables live in the first region's AWS region with one replica in each other region's: all must differ. */
        private static void checkReplicaRegion(Problems p, String at, String awsRegion, Integer other) {
            if (other == null) {
                return;
            }
            p.add(at + ".awsRegion", awsRegion, "is also the AWS region of regions[" + other + "]"
                    + (other == 0 ? ", the tables' home" : "") + ": every other region holds a replica of each "
                    + "table, and DynamoDB keeps one replica per AWS region",
                    "give each region its own AWS region, e.g. eu-west-3 and eu-central-1");
        }

        private void checkEdge(Problems p) {
            if (p.present(edge, "edge", "describe the Cloudflare side with EdgeSpec.builder()…build()")) {
                edge.validate(p.nested("edge"));
            }
        }

        /** The database spans the deployment's two OVH regions and writes in the first (the edge's first pool). */
        private void checkPostgres(Problems p) {
            if (postgres == null || regions == null || regions.stream().anyMatch(r -> r == null)) {
                return;
            }
            List<String> ovh = regions.stream().map(RegionSpec::ovhRegion).toList();
            p.require(postgres.regions() != null && new java.util.HashSet<>(postgres.regions()).equals(
                    new java.util.HashSet<>(ovh)) && ovh.size() == 2, "postgres.regions", postgres.regions(),
                    "must be the deployment's two OVH regions " + ovh, "build the database with .regions(\""
                            + String.join("\", \"", ovh) + "\")");
            p.require(!ovh.isEmpty() && ovh.get(0).equals(postgres.primaryRegion()), "postgres.primaryRegion",
                    postgres.primaryRegion(), "must be the first region's, " + (ovh.isEmpty() ? "" : ovh.get(0))
                            + ": the edge sends traffic there first", "set primaryRegion to the first region's OVH "
                            + "region, or reorder the regions (a failover changes both)");
            // Streaming needs the standby to reach the primary's fixed address: both regions on one network.
            p.require(postgres.replicationMode() == null || !postgres.replicationMode().streams() || sharedNetwork != null,
                    "postgres.replicationMode", postgres.replicationMode(), "streams between the regions, which needs "
                            + "both regions on one private network spanning them",
                    "add sharedNetwork(SharedNetworkSpec.builder().vlanId(…).cidr(…).build()), or use "
                            + "ReplicationMode.ARCHIVE_ONLY");
        }

        private void checkTables(Problems p) {
            if (!p.presentElements(tables, "tables", "pass List.of() for no table")) {
                return;
            }
            Optional<String> home = regions == null || regions.isEmpty() || regions.get(0) == null
                    ? Optional.empty() : Optional.ofNullable(regions.get(0).awsRegion()).filter(AwsRegions::isValid);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tables.size(); i++) {
                GlobalTableProps table = tables.get(i);
                GlobalTableValidation.validate(new GlobalTableValidation.Context(home), table,
                        p.nested("tables[" + i + "]"));
                String name = table.tableName();
                p.require(name == null || names.add(name), "tables[" + i + "].tableName", name,
                        "appears more than once", "give each table its own name");
            }
            if (p.present(tableAccess, "tableAccess", "pass Map.of() to read and write every table")) {
                tableAccess.forEach((name, access) -> {
                    String at = "tableAccess[" + name + "]";
                    p.require(names.contains(name), at, name, "names no table of tables()",
                            "use the tableName of one of the tables, or remove the entry");
                    if (p.present(access, at, "use TableAccess.readWrite() or TableAccess.builder()…build()")) {
                        access.validate(p.nested(at), name);
                    }
                });
            }
        }
    }
}
