package dev.tandem.constructs.readiness;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.providers.aws.provider.AwsProvider;
import dev.tandem.constructs.access.AppDataAccess;
import dev.tandem.constructs.access.DataWiring;
import dev.tandem.constructs.access.TableGrant;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.edge.CloudflarePlan;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.edge.Origin;
import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.HaproxyTierFixture;
import dev.tandem.constructs.haproxy.OriginCertificate;
import dev.tandem.constructs.haproxy.SshKey;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.network.RegionPool;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.constructs.postgres.PostgresArchive;
import dev.tandem.constructs.postgres.PostgresArchiveProps;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.constructs.Construct;

/**
 * A two-region deployment that passes every readiness check (both regions multi-zone, so no risk
 * needs accepting); each test changes the one thing it is about through a hook, then evaluates.
 */
final class ReadinessFixture {
    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String ZONE = "fedcba9876543210fedcba9876543210";
    /** An operator workstation's public address, unlike a documentation range. */
    static final String OPERATOR_CIDR = "93.184.216.34/32";
    static final DrTargets TARGETS = DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofSeconds(10)).build();

    HealthContract health = HealthContract.defaults();
    /** The standby's OVH region and the zones its network uses; {@link #oneZoneStandby()} changes both. */
    String secondaryRegion = "EU-SOUTH-MIL";
    List<String> secondaryNetworkZones = List.of("eu-south-mil-a", "eu-south-mil-b", "eu-south-mil-c");
    Consumer<K8sAppCluster.Builder> primaryApp = b -> { };
    Consumer<K8sAppCluster.Builder> secondaryApp = b -> { };
    Consumer<HaproxyTier.Builder> primaryHaproxy = b -> { };
    Consumer<HaproxyTier.Builder> secondaryHaproxy = b -> { };
    UnaryOperator<List<Origin>> primaryOrigins = o -> o;
    Consumer<GlobalTable.Builder> table = b -> { };
    Consumer<TableReplica.Builder> replica = b -> { };
    boolean withReplica = true;
    /** Gives each region's app an AppDataAccess on its copy of the table, and its wiring. */
    boolean wired;
    /** Given the primary's and the secondary's wiring, the one the secondary's app gets. */
    BinaryOperator<DataWiring> secondaryWiring = (primary, secondary) -> secondary;
    Consumer<AppDataAccess.Builder> secondaryAccess = b -> { };
    Consumer<CloudflareFailoverLb.Builder> edge = b -> { };
    /** The deployment's origin-pull CA, in stack {@code origin-pulls}: the tiers trust it, the edge presents it. */
    OriginPullTrust trust;
    Consumer<OriginCertificate.Builder> primaryCertificate = b -> { };
    Consumer<OriginCertificate.Builder> secondaryCertificate = b -> { };
    /** Every stack's state: encrypted and locked, as a production deployment keeps it. */
    /** A PostgreSQL database to give both regions its archive part; null for none. */
    PostgresDatabaseProps.Builder postgres;
    /** Whether the regions join a SharedPrivateNetwork (in a stack of its own) instead of owning networks. */
    boolean sharedNetwork;
    /** Which regions get their PostgresArchive. */
    List<String> archiveRegions = List.of("primary", "secondary");
    Consumer<PostgresArchive> archiveHook = a -> { };
    StateBackend backend = StateBackend.awsS3().bucket("acme-tandem-state").region("eu-west-3").build();

    /** Builds the deployment into {@code app}: stacks {@code primary}, {@code secondary} and {@code edge}. */
    void build(Construct app) {
        TerraformStack pulls = new TerraformStack(app, "origin-pulls");
        backend.applyTo(pulls);
        HaproxyTierFixture.providers(pulls);
        trust = OriginPullTrust.Builder.create(pulls, "origin-pulls").zoneId(ZONE).build();
        Optional<SharedPrivateNetwork> shared = Optional.empty();
        if (sharedNetwork) {
            // Owner stack first: both regions join it. Fixed addresses: Paris 10.30.0.3–.9, the standby 10.30.63.255–10.30.64.9.
            TerraformStack owner = new TerraformStack(app, "network");
            backend.applyTo(owner);
            OvhProvider.Builder.create(owner, "ovh").endpoint("ovh-eu").build();
            shared = Optional.of(SharedPrivateNetwork.Builder.create(owner, "replication").cloudProject(PROJECT).vlanId(30)
                    .cidr("10.30.0.0/16")
                    .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                            RegionPool.of(secondaryRegion, "10.30.64.10", "10.30.127.254", "10.30.0.2")))
                    .build());
        }
        Region primary = region(app, "primary", "EU-WEST-PAR", 10, K8sFixtures.PARIS_ZONES, shared);
        Region secondary = region(app, "secondary", secondaryRegion, 20, secondaryNetworkZones, shared);
        GlobalTable.Builder t = GlobalTable.Builder.create(primary.stack(), "table").tableName("orders")
                .partitionKey(Attribute.string("pk"));
        table.accept(t);
        GlobalTable built = t.build();
        TableReplica copy = null;
        if (withReplica) {
            TableReplica.Builder r = TableReplica.Builder.create(secondary.stack(), "table").table(built);
            replica.accept(r);
            copy = r.build();
        }
        Optional<DataWiring> primaryData = Optional.empty();
        Optional<DataWiring> secondaryData = Optional.empty();
        if (wired) {
            DataWiring home = access(primary.stack(), TableGrant.of(built), b -> { });
            primaryData = Optional.of(home);
            secondaryData = Optional.ofNullable(secondaryWiring.apply(home, copy == null ? null
                    : access(secondary.stack(), TableGrant.of(copy), secondaryAccess)));
        }
        primary.serve(primaryData);
        secondary.serve(secondaryData);
        TerraformStack edgeStack = new TerraformStack(app, "edge");
        backend.applyTo(edgeStack);
        CloudflareProvider.Builder.create(edgeStack, "cloudflare").build();
        CloudflareFailoverLb.Builder lb = CloudflareFailoverLb.Builder.create(edgeStack, "lb")
                .accountId(PROJECT).zoneId(ZONE).zoneName("example.com").hostname("app.example.com")
                .plan(CloudflarePlan.BUSINESS)
                .health(health)
                .monitor(MonitorSettings.builder().https(true).build())
                .originPulls(trust)
                .pools(List.of(pool("primary", tier(primary.stack()), primaryOrigins),
                        pool("secondary", tier(secondary.stack()), o -> o)));
        edge.accept(lb);
        lb.build();
        if (postgres != null) {
            PostgresDatabaseProps db = postgres.regions("EU-WEST-PAR", secondaryRegion).build();
            for (Region r : List.of(primary, secondary)) {
                if (archiveRegions.contains(r.stack().getNode().getId())) {
                    archiveHook.accept(new PostgresArchive(r.stack(), db.name() + "-archive",
                            PostgresArchiveProps.forRegion(db, r.network.region(), PROJECT)));
                }
            }
        }
    }

    private static DataWiring access(TerraformStack stack, TableGrant grant, Consumer<AppDataAccess.Builder> hook) {
        AppDataAccess.Builder b = AppDataAccess.Builder.create(stack, "app-data").tables(List.of(grant));
        hook.accept(b);
        return b.build().wiring();
    }

    /** Moves the standby to the one-zone region DE1, so its cluster gets a single anti-affinity pool. */
    void oneZoneStandby() {
        secondaryRegion = "DE1";
        secondaryNetworkZones = List.of();
    }

    /** @return the report of the fixture as it stands */
    ReadinessReport evaluate() {
        return evaluate(TARGETS, List.of());
    }

    ReadinessReport evaluate(DrTargets targets, List<AcceptedRisk> accepted) {
        com.hashicorp.cdktf.App app = Testing.app();
        build(app);
        return DrReadiness.evaluate(app, health, targets, accepted);
    }

    private Region region(Construct scope, String name, String ovhRegion, int vlan, List<String> networkZones,
            Optional<SharedPrivateNetwork> shared) {
        TerraformStack stack = new TerraformStack(scope, name);
        backend.applyTo(stack);
        AwsProvider.Builder.create(stack, "aws").region(name.equals("primary") ? "eu-west-3" : "eu-central-1").build();
        OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
        RegionNetwork.Builder network = RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT)
                .region(ovhRegion).zones(networkZones);
        shared.ifPresentOrElse(network::shared, () -> network.vlanId(vlan).cidr("10." + vlan + ".0.0/16"));
        return new Region(stack, network.build());
    }

    /** A region's stack and network, before its app and HAProxy tier (which need the data wiring). */
    private final class Region {
        private final TerraformStack stack;
        private final RegionNetwork network;

        Region(TerraformStack stack, RegionNetwork network) {
            this.stack = stack;
            this.network = network;
        }

        TerraformStack stack() {
            return stack;
        }

        void serve(Optional<DataWiring> data) {
            boolean isPrimary = stack.getNode().getId().equals("primary");
            AppSpec.Builder app = K8sFixtures.app().health(health);
            data.ifPresent(app::data);
            K8sAppCluster.Builder cluster = K8sAppCluster.Builder.create(stack, "app").network(network).app(app.build());
            (isPrimary ? primaryApp : secondaryApp).accept(cluster);
            HaproxyTier.Builder haproxy = HaproxyTier.Builder.create(stack, "haproxy").network(network)
                    .flavorId(HaproxyTierFixture.FLAVOR).imageId(HaproxyTierFixture.IMAGE)
                    .sshKey(SshKey.existing("ops")).health(health).backends(cluster.build())
                    .certificate(certificate(stack, isPrimary ? primaryCertificate : secondaryCertificate))
                    .originPulls(trust).hostname("app.example.com")
                    .operatorCidr(OPERATOR_CIDR);
            (isPrimary ? primaryHaproxy : secondaryHaproxy).accept(haproxy);
            haproxy.build();
        }
    }

    private static OriginCertificate certificate(TerraformStack stack, Consumer<OriginCertificate.Builder> hook) {
        HaproxyTierFixture.providers(stack);
        OriginCertificate.Builder certificate = OriginCertificate.Builder.create(stack, "origin-certificate")
                .hostnames(List.of("app.example.com"));
        hook.accept(certificate);
        return certificate.build();
    }

    private static HaproxyTier tier(TerraformStack stack) {
        return (HaproxyTier) stack.getNode().findChild("haproxy");
    }

    private static OriginPool pool(String name, HaproxyTier tier, UnaryOperator<List<Origin>> origins) {
        List<Origin> all = new ArrayList<>();
        tier.nodes().forEach(n -> all.add(Origin.builder().name(n.name()).address(n.publicIpv4()).build()));
        return OriginPool.builder().name("orders-" + name).origins(origins.apply(all)).build();
    }

    /** @return the one check of {@code rule} at {@code path} whose property starts with {@code property} */
    static CheckResult check(ReadinessReport report, Rule rule, String path, String property) {
        List<CheckResult> found = report.checks().stream()
                .filter(c -> c.rule() == rule && c.path().equals(path) && c.property().startsWith(property)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + rule.id() + " check of " + property + " at " + path + ", found "
                    + found + " among " + report.checks());
        }
        return found.get(0);
    }
}
