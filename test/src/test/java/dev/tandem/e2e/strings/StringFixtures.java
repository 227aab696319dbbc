package dev.tandem.e2e.strings;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.access.AccessKey;
import dev.tandem.constructs.access.AppDataAccessPropsSettings;
import dev.tandem.constructs.access.TableAccess;
import dev.tandem.constructs.aws.AwsResource;
import dev.tandem.constructs.aws.AwsResourceProps;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.CloudflareFailoverLbPropsSettings;
import dev.tandem.constructs.edge.HostedZone;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.edge.Origin;
import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.edge.OriginPullTrustPropsSettings;
import dev.tandem.constructs.edge.Route53Failover;
import dev.tandem.constructs.edge.Route53FailoverPropsSettings;
import dev.tandem.constructs.haproxy.HaproxyTierProps;
import dev.tandem.constructs.haproxy.HaproxyTierPropsSettings;
import dev.tandem.constructs.haproxy.OriginCertificatePropsSettings;
import dev.tandem.constructs.haproxy.SshKey;
import dev.tandem.constructs.haproxy.StatsPage;
import dev.tandem.constructs.haproxy.SuppliedCertificate;
import dev.tandem.constructs.haproxy.SuppliedCertificatePropsSettings;
import dev.tandem.constructs.haproxy.Timeouts;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.Autoscaling;
import dev.tandem.constructs.k8s.IngressSpec;
import dev.tandem.constructs.k8s.K8sAppClusterProps;
import dev.tandem.constructs.k8s.K8sAppClusterPropsSettings;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.k8s.NodePoolSpec;
import dev.tandem.constructs.k8s.Resources;
import dev.tandem.constructs.k8s.Taint;
import dev.tandem.constructs.network.GatewaySize;
import dev.tandem.constructs.network.GatewaySpec;
import dev.tandem.constructs.network.RegionNetworkProps;
import dev.tandem.constructs.network.RegionNetworkPropsSettings;
import dev.tandem.constructs.network.RegionPool;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.constructs.network.SharedPrivateNetworkProps;
import dev.tandem.constructs.postgres.PostgresArchive;
import dev.tandem.constructs.postgres.PostgresArchiveProps;
import dev.tandem.constructs.postgres.PostgresCluster;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.postgres.ReplicationMode;
import dev.tandem.constructs.readiness.AcceptedRisk;
import dev.tandem.constructs.readiness.DrTargets;
import dev.tandem.constructs.readiness.Rule;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.Billing;
import dev.tandem.constructs.table.Capacity;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.GlobalTablePropsSettings;
import dev.tandem.constructs.table.Projection;
import dev.tandem.constructs.table.TableEncryption;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.constructs.table.TableReplicaPropsSettings;
import dev.tandem.providers.aws.provider.AwsProvider;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.ovh.provider.OvhProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.DeploymentStacks;
import dev.tandem.stacks.EdgeSpec;
import dev.tandem.stacks.InstanceSpec;
import dev.tandem.stacks.Main;
import dev.tandem.stacks.ReferenceDeployment;
import dev.tandem.stacks.RegionSpec;
import dev.tandem.stacks.Route53EdgeSpec;
import dev.tandem.stacks.SharedNetworkSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where each public builder and factory plugs into a valid deployment, so one changed value can be
 * synthesized: the reference deployment for everything it holds (its specs, and each construct's
 * builder through the deployment's {@code customize…} hooks), a lone load balancer for the pools and
 * origins the edge stack derives. A builder or factory missing here fails the test that lists them.
 */
final class StringFixtures {
    /** The reference's SSH public key shape: a valid Ed25519 line, its comment appended by the case. */
    static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk5zmvP6gkOT8KGGQ1S6y2ltvGOHMoLLG2NDbXo0fyo";

    /** Changes one value on a builder of the fixture's type, then synthesizes into a folder. */
    interface Fixture {
        void synthesize(Consumer<Object> change, Path out);
    }

    private StringFixtures() {
    }

    /** @return a fixture for each builder type (keyed by {@link StringProps#name}) that takes text */
    static Map<String, Fixture> builders() {
        return Map.ofEntries(
                Map.entry("DeploymentSpec.Builder", (change, out) -> deployment(out, d -> change.accept(d))),
                Map.entry("RegionSpec.Builder", (change, out) -> deployment(out, d -> d.regions(firstRegion(
                        r -> apply(change, r.toBuilder()).build())))),
                Map.entry("InstanceSpec.Builder", (change, out) -> deployment(out, d -> d.regions(firstRegion(
                        r -> r.toBuilder().haproxy(apply(change, InstanceSpec.builder()
                                .flavorId("3c2a6d3e-6f0b-4a5e-9d8e-1b2c3d4e5f60")
                                .imageId("5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")).build()).build())))),
                Map.entry("EdgeSpec.Builder", (change, out) -> deployment(out,
                        d -> d.edge(apply(change, reference().edge().toBuilder()).build()))),
                Map.entry("HealthContract.Builder", (change, out) -> deployment(out,
                        d -> d.health(apply(change, reference().health().toBuilder()).build()))),
                Map.entry(StringProps.name(GlobalTablePropsSettings.class), (change, out) -> deployment(out,
                        d -> d.tables(List.of(apply(change, ReferenceDeployment.sessionsTable().toBuilder()).build())))),
                Map.entry("GlobalSecondaryIndex.Builder", (change, out) -> table(out, t -> t.globalSecondaryIndexes(
                        List.of(apply(change, GlobalSecondaryIndex.builder().indexName("by-user")
                                .partitionKey(Attribute.string("userId")).sortKey(Attribute.string("sk"))).build())))),
                Map.entry("StateBackend.S3Builder", (change, out) -> deployment(out, d -> d.backend(apply(change,
                        StateBackend.awsS3().bucket("acme-tandem-state").region("eu-west-3")).build()))),
                Map.entry("TableAccess.Builder", (change, out) -> deployment(out, d -> d.tableAccess(Map.of(
                        "tandem-sessions", apply(change, TableAccess.builder().logicalName("SESSIONS")).build())))),
                Map.entry(StringProps.name(RegionNetworkPropsSettings.class), (change, out) -> deployment(out,
                        d -> d.customizeNetwork((r, b) -> change.accept(b)))),
                Map.entry("GatewaySpec.Builder", (change, out) -> deployment(out, d -> d.customizeNetwork(
                        (r, b) -> b.gateway(apply(change, GatewaySpec.builder().size(GatewaySize.S)).build())))),
                Map.entry(StringProps.name(K8sAppClusterPropsSettings.class), (change, out) -> deployment(out,
                        d -> d.customizeCluster((r, b) -> change.accept(b)))),
                Map.entry("NodePoolSpec.Builder", (change, out) -> deployment(out, d -> d.customizeCluster(
                        (r, b) -> b.nodePool(apply(change, NodePoolSpec.builder()).build())))),
                Map.entry("Taint.Builder", (change, out) -> deployment(out, d -> d.customizeCluster(
                        (r, b) -> b.nodePool(NodePoolSpec.builder().taints(List.of(apply(change, Taint.builder()
                                .key("dedicated").value("app").effect(Taint.Effect.PreferNoSchedule)).build()))
                                .build())))),
                Map.entry("AppSpec.Builder", (change, out) -> deployment(out,
                        d -> d.customizeApp((r, b) -> change.accept(b)))),
                Map.entry("IngressSpec.Builder", (change, out) -> deployment(out, d -> d.customizeApp(
                        (r, b) -> b.ingress(apply(change, IngressSpec.builder().className("traefik")).build())))),
                Map.entry(StringProps.name(HaproxyTierProps.BuilderBase.class), (change, out) -> deployment(out,
                        d -> d.customizeHaproxy((r, b) -> change.accept(b)))),
                Map.entry(StringProps.name(HaproxyTierPropsSettings.class), (change, out) -> deployment(out,
                        d -> d.customizeHaproxy((r, b) -> change.accept(b)))),
                Map.entry("StatsPage.Builder", (change, out) -> deployment(out, d -> d.customizeHaproxy(
                        (r, b) -> b.statsPage(apply(change, StatsPage.builder()).build())))),
                Map.entry(StringProps.name(OriginCertificatePropsSettings.class), (change, out) -> deployment(out,
                        d -> d.customizeOriginCertificate((r, b) -> change.accept(b)))),
                Map.entry(StringProps.name(TableReplicaPropsSettings.class), (change, out) -> deployment(out,
                        d -> d.customizeReplica((r, b) -> change.accept(b)))),
                Map.entry(StringProps.name(AppDataAccessPropsSettings.class), (change, out) -> deployment(out,
                        d -> d.customizeDataAccess((r, b) -> change.accept(b)))),
                Map.entry(StringProps.name(CloudflareFailoverLbPropsSettings.class), (change, out) -> deployment(
                        out, d -> d.customizeEdge(change::accept))),
                Map.entry(StringProps.name(OriginPullTrustPropsSettings.class), (change, out) -> originPulls(out,
                        change)),
                Map.entry("DrTargets.Builder", (change, out) -> deployment(out, d -> d.drTargets(apply(change,
                        DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofSeconds(10))).build()))),
                Map.entry("MonitorSettings.Builder", (change, out) -> deployment(out,
                        d -> d.customizeEdge(b -> b.monitor(apply(change, MonitorSettings.builder()).build())))),
                Map.entry("Timeouts.Builder", (change, out) -> deployment(out,
                        d -> d.customizeHaproxy((r, b) -> b.timeouts(apply(change, Timeouts.builder()).build())))),
                Map.entry("TableReplica.Builder", StringFixtures::replica),
                Map.entry("Route53EdgeSpec.Builder", (change, out) -> Main.synthesize(ReferenceDeployment.route53Spec()
                        .toBuilder().edge(ReferenceDeployment.route53Spec().edge().toBuilder()
                                .route53(apply(change, Route53EdgeSpec.builder()).build()).build()).build(), out)),
                Map.entry("SharedNetworkSpec.Builder", (change, out) -> Main.synthesize(ReferenceDeployment
                        .postgresStreamingSpec().toBuilder().sharedNetwork(apply(change, SharedNetworkSpec.builder()
                                .vlanId(30).cidr("10.30.0.0/16")).build()).build(), out)),
                Map.entry(StringProps.name(AwsResourceProps.BuilderBase.class), (change, out) -> awsResource(out, change)),
                Map.entry("Autoscaling.Builder", (change, out) -> deployment(out, d -> d.customizeApp((r, b) -> b
                        .autoscaling(apply(change, Autoscaling.builder().minReplicas(2).maxReplicas(6)).build())))),
                Map.entry("Resources.Builder", (change, out) -> deployment(out,
                        d -> d.customizeApp((r, b) -> b.resources(apply(change, Resources.builder()).build())))),
                Map.entry("Capacity.AutoscaledBuilder", (change, out) -> table(out, t -> t.billing(Billing.provisioned(
                        apply(change, Capacity.autoscaled().minUnits(5).maxUnits(50)).build(), Capacity.fixed(5))))),
                Map.entry(StringProps.name(Route53FailoverPropsSettings.class), StringFixtures::route53),
                Map.entry(StringProps.name(SuppliedCertificatePropsSettings.class), StringFixtures::suppliedCertificate),
                Map.entry("OriginPool.Builder", (change, out) -> loadBalancer(out,
                        apply(change, OriginPool.builder().name("primary").origins(origins("primary", "198.51.100")))
                                .build())),
                Map.entry("Origin.Builder", (change, out) -> loadBalancer(out, OriginPool.builder().name("primary")
                        .origins(List.of(apply(change, Origin.builder().name("primary-1").address("198.51.100.1"))
                                .build(), origins("primary", "198.51.100").get(1))).build())),
                Map.entry("PostgresDatabaseProps.Builder", (change, out) -> postgres(out, change, c -> { })),
                Map.entry("PostgresCluster.Builder", (change, out) -> postgres(out, c -> { }, change)),
                Map.entry(StringProps.name(PostgresArchiveProps.BuilderBase.class), StringFixtures::archive),
                Map.entry(StringProps.name(SharedPrivateNetworkProps.BuilderBase.class),
                        (change, out) -> sharedNetwork(out, change, -1, null)));
    }

    /** @return a fixture for each factory parameter, keyed by {@link StringProps#key} and {@code #index} */
    static Map<String, BiConsumer<String, Path>> factories() {
        return Map.ofEntries(
                Map.entry("Attribute.string(String)#0", (text, out) -> table(out, t -> t.sortKey(Attribute.string(text)))),
                Map.entry("Attribute.number(String)#0", (text, out) -> table(out, t -> t.sortKey(Attribute.number(text)))),
                Map.entry("Attribute.binary(String)#0", (text, out) -> table(out, t -> t.sortKey(Attribute.binary(text)))),
                Map.entry("AcceptedRisk.of(Rule,String,String)#1", (text, out) -> risk(out,
                        AcceptedRisk.of(Rule.SINGLE_ZONE, text, "the standby's zone"))),
                Map.entry("AcceptedRisk.of(Rule,String,String)#2", (text, out) -> risk(out,
                        AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/haproxy", text))),
                Map.entry("SshKey.existing(String)#0", (text, out) -> deployment(out,
                        d -> d.customizeHaproxy((r, b) -> b.sshKey(SshKey.existing(text))))),
                Map.entry("SshKey.create(String,String)#0", (text, out) -> deployment(out,
                        d -> d.customizeHaproxy((r, b) -> b.sshKey(SshKey.create(text, PUBLIC_KEY))))),
                // The comment is the free text of a public key line: the value goes after a valid key.
                Map.entry("SshKey.create(String,String)#1", (text, out) -> deployment(out,
                        d -> d.customizeHaproxy((r, b) -> b.sshKey(SshKey.create("ops",
                                text == null ? null : PUBLIC_KEY + " " + text))))),
                Map.entry("Projection.include(List)#0", (text, out) -> table(out, t -> t.globalSecondaryIndexes(List.of(
                        GlobalSecondaryIndex.builder().indexName("by-user").partitionKey(Attribute.string("userId"))
                                .projection(Projection.include(Collections.singletonList(text))).build())))),
                Map.entry("TableEncryption.customerManaged(String)#0", (text, out) -> table(out,
                        t -> t.encryption(TableEncryption.customerManaged(text)))),
                Map.entry("AccessKey.active(String)#0", (text, out) -> deployment(out,
                        d -> d.customizeDataAccess((r, b) -> b.accessKeys(List.of(AccessKey.active(text)))))),
                Map.entry("AccessKey.inactive(String)#0", (text, out) -> deployment(out, d -> d.customizeDataAccess(
                        (r, b) -> b.accessKeys(List.of(AccessKey.active("current"), AccessKey.inactive(text)))))),
                Map.entry("BackendServer.of(String,String,int)#0", (text, out) -> deployment(out, d -> d.customizeHaproxy(
                        (r, b) -> b.servers(List.of(BackendServer.of(text, "10.10.1.10", 8080)))))),
                Map.entry("HostedZone.create(String)#0", (text, out) -> route53(
                        b -> ((Route53Failover.Builder) b).zone(HostedZone.create(text)), out)),
                Map.entry("HostedZone.lookup(String)#0", (text, out) -> route53(
                        b -> ((Route53Failover.Builder) b).zone(HostedZone.lookup(text)), out)),
                Map.entry("RegionPool.of(String,String,String,String)#0", (text, out) -> sharedNetwork(out, b -> { }, 0, text)),
                Map.entry("RegionPool.of(String,String,String,String)#1", (text, out) -> sharedNetwork(out, b -> { }, 1, text)),
                Map.entry("RegionPool.of(String,String,String,String)#2", (text, out) -> sharedNetwork(out, b -> { }, 2, text)),
                Map.entry("RegionPool.of(String,String,String,String)#3", (text, out) -> sharedNetwork(out, b -> { }, 3, text)),
                Map.entry("PostgresArchiveProps.forRegion(PostgresDatabaseProps,String,String)#1", (text, out) ->
                        archiveFor(out, text, "0123456789abcdef0123456789abcdef")),
                Map.entry("PostgresArchiveProps.forRegion(PostgresDatabaseProps,String,String)#2", (text, out) ->
                        archiveFor(out, "DE1", text)),
                Map.entry("BackendServer.of(String,String,int)#1", (text, out) -> deployment(out, d -> d.customizeHaproxy(
                        (r, b) -> b.servers(List.of(BackendServer.of("app-1", text, 8080)))))));
    }

    private static DeploymentSpec reference() {
        return ReferenceDeployment.spec();
    }

    private static <B> B apply(Consumer<Object> change, B builder) {
        change.accept(builder);
        return builder;
    }

    private static void deployment(Path out, Consumer<DeploymentSpec.Builder> change) {
        DeploymentSpec.Builder d = reference().toBuilder();
        change.accept(d);
        Main.synthesize(d.build(), out);
    }

    private static void table(Path out, UnaryOperator<GlobalTableProps.Builder> change) {
        deployment(out, d -> d.tables(List.of(change.apply(ReferenceDeployment.sessionsTable().toBuilder()).build())));
    }

    private static List<RegionSpec> firstRegion(UnaryOperator<RegionSpec> change) {
        List<RegionSpec> regions = new ArrayList<>(reference().regions());
        regions.set(0, change.apply(regions.get(0)));
        return regions;
    }

    private static void risk(Path out, AcceptedRisk risk) {
        List<AcceptedRisk> risks = new ArrayList<>(reference().acceptedRisks());
        risks.set(0, risk);
        deployment(out, d -> d.acceptedRisks(risks));
    }

    private static List<Origin> origins(String pool, String net) {
        return List.of(Origin.builder().name(pool + "-1").address(net + ".1").build(),
                Origin.builder().name(pool + "-2").address(net + ".2").build());
    }

    /** The reference with a queue of the user's own beside it, in the primary stack. */
    private static void awsResource(Path out, Consumer<Object> change) {
        TandemApp.synthesize(out, app -> {
            DeploymentStacks stacks = DeploymentStacks.build(app, reference());
            apply(change, AwsResource.Builder.create(stacks.primary(), "queue").type("aws_sqs_queue")
                    .arguments(Map.of("name", "orders-dlq", "tags", Map.of("team", "orders")))).build();
            return stacks;
        });
    }

    /** A region's PostgreSQL archive share alone in a stack, as a region stack builds it. */
    private static void archive(Consumer<Object> change, Path out) {
        TandemApp.synthesize(out, app -> {
            TerraformStack stack = new TerraformStack(app, "frankfurt");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            return apply(change, PostgresArchive.Builder.create(stack, "sessions-archive")
                    .cloudProject("0123456789abcdef0123456789abcdef").region("DE1").storageRegion("DE")
                    .hostedBucket("sessions-wal-eu-west-par").writeBucket("sessions-wal-de1")).build();
        });
    }

    /** The archive share of {@code region} derived from the reference's database. */
    private static void archiveFor(Path out, String region, String project) {
        TandemApp.synthesize(out, app -> {
            TerraformStack stack = new TerraformStack(app, "frankfurt");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            return new PostgresArchive(stack, "sessions-archive",
                    PostgresArchiveProps.forRegion(ReferenceDeployment.sessionsDatabase(), region, project));
        });
    }

    /** A network shared by Paris and Frankfurt in an owner stack; {@code text} replaces Frankfurt's pool value {@code at} (none when negative). */
    private static void sharedNetwork(Path out, Consumer<Object> change, int at, String text) {
        List<String> frankfurt = new ArrayList<>(List.of("DE1", "10.30.64.10", "10.30.127.254", "10.30.0.2"));
        if (at >= 0) {
            frankfurt.set(at, text);
        }
        TandemApp.synthesize(out, app -> {
            TerraformStack stack = new TerraformStack(app, "network");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            return apply(change, SharedPrivateNetwork.Builder.create(stack, "replication")
                    .cloudProject("0123456789abcdef0123456789abcdef").vlanId(30).cidr("10.30.0.0/16")
                    .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                            RegionPool.of(frankfurt.get(0), frankfurt.get(1), frankfurt.get(2), frankfurt.get(3)))))
                    .build();
        });
    }

    /** A streaming PostgreSQL database's cluster beside a Paris app, as a region stack builds it. */
    private static void postgres(Path out, Consumer<Object> databaseChange, Consumer<Object> clusterChange) {
        TandemApp.synthesize(out, app -> {
            TerraformStack stack = new TerraformStack(app, "paris");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            PostgresDatabaseProps db = apply(databaseChange, PostgresDatabaseProps.builder().name("sessions")
                    .regions("EU-WEST-PAR", "DE1").primaryRegion("EU-WEST-PAR").replicationMode(ReplicationMode.STREAMING)
                    .streamingAddresses(Map.of("EU-WEST-PAR", "10.10.255.250", "DE1", "10.20.255.250"))
                    .promotionDecisionTime(java.time.Duration.ofMinutes(10))).build();
            return apply(clusterChange, PostgresCluster.Builder.create(stack, "sessions").database(db)
                    .app(K8sFixtures.cluster(stack).kubernetesVersion("1.34").build())).build();
        });
    }

    /** A table and its replica in two stacks, as the region stacks build them. */
    private static void replica(Consumer<Object> change, Path out) {
        App app = App.Builder.create().outdir(out.toString()).build();
        TerraformStack primary = new TerraformStack(app, "primary");
        AwsProvider.Builder.create(primary, "aws").region("eu-west-3").build();
        TerraformStack secondary = new TerraformStack(app, "secondary");
        AwsProvider.Builder.create(secondary, "aws").region("eu-central-1").build();
        GlobalTable table = GlobalTable.Builder.create(primary, "orders").tableName("orders")
                .partitionKey(Attribute.string("pk")).build();
        apply(change, TableReplica.Builder.create(secondary, "orders").table(table)).build();
        app.synth();
    }

    /** The zone's origin-pull trust alone in a stack, as the reference's origin-pulls stack builds it. */
    private static void originPulls(Path out, Consumer<Object> change) {
        App app = App.Builder.create().outdir(out.toString()).build();
        TerraformStack stack = new TerraformStack(app, "origin-pulls");
        CloudflareProvider.Builder.create(stack, "cloudflare").build();
        TlsProvider.Builder.create(stack, "tls").build();
        apply(change, OriginPullTrust.Builder.create(stack, "origin-pulls").zoneId("fedcba9876543210fedcba9876543210")
                .commonName("acme origin-pull CA")).build();
        app.synth();
    }

    /** A lone load balancer with {@code primary} and a valid secondary pool, as the edge tests build one. */
    private static void route53(Consumer<Object> change, Path out) {
        App app = App.Builder.create().outdir(out.toString()).build();
        TerraformStack stack = new TerraformStack(app, "edge");
        AwsProvider.Builder.create(stack, "aws").region("eu-west-3").build();
        Route53Failover.Builder b = Route53Failover.Builder.create(stack, "failover")
                .zone(HostedZone.lookup("example.com")).hostname("app.example.com").health(HealthContract.defaults())
                .pools(List.of(OriginPool.builder().name("primary").origins(origins("primary", "198.51.100")).build(),
                        OriginPool.builder().name("secondary").origins(origins("secondary", "203.0.113")).build()));
        change.accept(b);
        b.build();
        app.synth();
    }

    private static void suppliedCertificate(Consumer<Object> change, Path out) {
        App app = App.Builder.create().outdir(out.toString()).build();
        TerraformStack stack = new TerraformStack(app, "primary");
        SuppliedCertificate.Builder b = SuppliedCertificate.Builder.create(stack, "tls")
                .hostnames(List.of("app.example.com"));
        change.accept(b);
        // The certificate reaches Terraform only where something reads it: here an output, in a tier its delivery.
        TerraformOutput.Builder.create(stack, "certificate").value(b.build().certificatePem()).build();
        app.synth();
    }

    private static void loadBalancer(Path out, OriginPool primary) {
        App app = App.Builder.create().outdir(out.toString()).build();
        TerraformStack stack = new TerraformStack(app, "edge");
        CloudflareProvider.Builder.create(stack, "cloudflare").build();
        CloudflareFailoverLb.Builder.create(stack, "lb")
                .accountId("0123456789abcdef0123456789abcdef").zoneId("fedcba9876543210fedcba9876543210")
                .zoneName("example.com").hostname("app.example.com").health(HealthContract.defaults())
                .pools(List.of(primary, OriginPool.builder().name("secondary")
                        .origins(origins("secondary", "203.0.113")).build()))
                .build();
        app.synth();
    }
}
