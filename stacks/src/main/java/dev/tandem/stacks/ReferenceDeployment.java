package dev.tandem.stacks;

import dev.tandem.constructs.access.TableAccess;
import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.edge.CloudflarePlan;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.health.HealthScope;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.postgres.ReplicationMode;
import dev.tandem.constructs.readiness.AcceptedRisk;
import dev.tandem.constructs.readiness.DrTargets;
import dev.tandem.constructs.readiness.Rule;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTableProps;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reference deployment this repository synthesizes: Paris (three zones) active, Frankfurt
 * standby. Ids here (cloud project, Cloudflare account and zone, flavor and image UUIDs) are
 * placeholders of the right shape: a team's own deployment supplies its real ones.
 *
 * <p>Recovery objectives: fail over within 2 minutes (the chain's worst case is 79 s, so a change
 * that slows any layer by more than 41 s fails the synth; the zone is on Cloudflare's Business plan, whose
 * 20 s monitor interval that needs: on Pro the monitor alone would take 130 s) and lose at most 10 s of writes (the global
 * table's typical lag is about 1 s, and it can grow under load or in a regional impairment).
 *
 * <p>Frankfurt (DE1) has one availability zone, so the standby's HAProxy tier and cluster share a
 * zone and its single anti-affinity node pool stops at 5 nodes where Paris can grow to 15. Those
 * risks are accepted below with their reasons rather than hidden.
 */
public final class ReferenceDeployment {
    /** Why the reference may name a documentation range: it is synthesized, reviewed and rehearsed, never applied. */
    private static final String OPERATOR_PLACEHOLDER = "placeholder: the reference is synthesized, rehearsed and "
            + "reviewed, never applied; a deployment of your own names its operators' public network, or its first "
            + "delivery waits 5 minutes for port 22 and fails naming the operator network";

    private ReferenceDeployment() {
    }

    /** @return the reference description */
    public static DeploymentSpec spec() {
        return DeploymentSpec.builder()
                .appName("tandem")
                .appImage("registry.example.com/tandem/app:1.0.0")
                .sshKeyName("tandem-ops")
                // A documentation range (RFC 5737): a team's own deployment names its operators' network.
                .operatorCidr("203.0.113.0/24")
                .ovhEndpoint(OvhEndpoint.OVH_EU)
                .ovhCloudProject("0123456789abcdef0123456789abcdef")
                .regions(List.of(
                        RegionSpec.builder()
                                .stackName("primary")
                                .ovhRegion("EU-WEST-PAR")
                                .ovhZones(List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c"))
                                .awsRegion("eu-west-3")
                                .vlanId(10)
                                .privateCidr("10.10.0.0/16")
                                .haproxy(InstanceSpec.builder()
                                        .flavorId("3c2a6d3e-6f0b-4a5e-9d8e-1b2c3d4e5f60")
                                        .imageId("5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
                                        .build())
                                .build(),
                        RegionSpec.builder()
                                .stackName("secondary")
                                .ovhRegion("DE1")
                                .awsRegion("eu-central-1")
                                .vlanId(20)
                                .privateCidr("10.20.0.0/16")
                                .haproxy(InstanceSpec.builder()
                                        .flavorId("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")
                                        .imageId("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4")
                                        .build())
                                .build()))
                .edge(EdgeSpec.builder()
                        .accountId("00112233445566778899aabbccddeeff")
                        .zoneId("ffeeddccbbaa99887766554433221100")
                        .zoneName("example.com")
                        .hostname("app.example.com")
                        .plan(CloudflarePlan.BUSINESS)
                        .build())
                // /healthz checks the sessions replica too: an outage of the region's AWS region fails it over.
                .health(HealthContract.builder().scope(HealthScope.APP_AND_DATA).build())
                .backend(StateBackend.local())
                .drTargets(DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofSeconds(10)).build())
                .tables(List.of(sessionsTable()))
                // The app reads TANDEM_TABLE_SESSIONS whatever the table is called in a deployment.
                .tableAccess(Map.of("tandem-sessions", TableAccess.builder().logicalName("SESSIONS").build()))
                .acceptedRisks(List.of(
                        AcceptedRisk.of(Rule.OPERATOR_NETWORK, "primary/haproxy", OPERATOR_PLACEHOLDER),
                        AcceptedRisk.of(Rule.OPERATOR_NETWORK, "secondary/haproxy", OPERATOR_PLACEHOLDER),
                        AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/haproxy", "DE1 (Frankfurt) has one zone; losing it "
                                + "matters only while Paris is down too, and the standby's two HAProxy instances "
                                + "still cover the loss of one VM"),
                        AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/app", "DE1 has one zone; the standby cluster's single "
                                + "node pool uses anti-affinity, so a host failure takes one node, not the app"),
                        AcceptedRisk.of(Rule.SYMMETRY_NODES, "secondary/app", "the app runs 3 fixed replicas "
                                + "(no autoscaler) requesting 250m CPU and 256 MiB each, which the standby's 3 to 5 "
                                + "b3-8 nodes hold many times over; Paris' 15-node ceiling is autoscaler headroom, "
                                + "not load; revisit when the app gets an autoscaler")))
                .build();
    }

    /**
     * The reference with Route 53 failover records as its edge instead of Cloudflare's load balancer
     * ({@code ./synth --edge route53}, into {@code cdktf.out.route53/}): the same regions, app and data; the hosted
     * zone {@code example.com} looked up; the tiers open to clients with a certificate supplied through
     * {@code TF_VAR_tls_certificate_pem} and {@code TF_VAR_tls_private_key_pem}.
     *
     * <p>Its RTO target is 3 minutes, not 2: DNS failover adds the record's TTL and resolvers' caching to the
     * detection, which a proxied Cloudflare edge does not have (the chain's worst case is in its DR report). The
     * supplied certificates' lifetime is unknown at synth, an accepted risk here because the reference is never
     * applied.
     *
     * @return the Route 53 variant's description
     */
    public static DeploymentSpec route53Spec() {
        DeploymentSpec cloudflare = spec();
        List<AcceptedRisk> risks = new java.util.ArrayList<>(cloudflare.acceptedRisks());
        for (String tier : List.of("primary/haproxy", "secondary/haproxy")) {
            risks.add(AcceptedRisk.of(Rule.CERTIFICATE_LIFETIME, tier, "placeholder: the reference is never applied; a "
                    + "deployment of your own renews its public certificate by automation (ACME) and declares its "
                    + "validity on the SuppliedCertificate"));
        }
        return cloudflare.toBuilder()
                .edge(EdgeSpec.builder()
                        .zoneName("example.com")
                        .hostname("app.example.com")
                        .route53(Route53EdgeSpec.builder().build())
                        .build())
                .drTargets(DrTargets.builder().rto(Duration.ofMinutes(3)).rpo(Duration.ofSeconds(10)).build())
                .acceptedRisks(risks)
                .build();
    }

    /**
     * The reference with the sessions data in PostgreSQL on OVH instead of DynamoDB ({@code ./synth --data postgres},
     * into {@code cdktf.out.postgres/}): the same regions, app and Cloudflare edge; no table and no AWS identity;
     * in each region a CloudNativePG cluster beside the app ({@code postgres/} and {@code postgres-operator/}
     * manifests) and the peer's WAL archive bucket with this region's archive user.
     *
     * <p>Archive-only replication with a 30 s {@code archive_timeout}: it needs nothing between the regions but
     * Object Storage, and loses at most 35 s of writes (archive timeout plus the upload), so the RPO target is
     * 1 minute. Promotion is a person's decision, declared as 10 minutes: writes resume in Frankfurt after about
     * 11 minutes while traffic fails over within the 2-minute RTO target. The report says so, and the risk is
     * accepted here: reads keep working, and a team that cannot wait declares a shorter decision time.
     *
     * @return the PostgreSQL variant's description
     */
    public static DeploymentSpec postgresSpec() {
        DeploymentSpec dynamo = spec();
        List<AcceptedRisk> risks = new java.util.ArrayList<>(dynamo.acceptedRisks());
        risks.add(AcceptedRisk.of(Rule.POSTGRES_PROMOTION, "primary/sessions", "promotion is a person's decision, "
                + "declared as 10 minutes: traffic fails over within the RTO target and reads keep working in "
                + "Frankfurt; writes resume once the on-call promotes (runbook in this report)"));
        risks.add(AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/sessions", "DE1 has one zone; the standby's two "
                + "PostgreSQL instances cover the loss of one node, and the archive lives in Paris"));
        return dynamo.toBuilder()
                .tables(List.of())
                .tableAccess(Map.of())
                .postgres(sessionsDatabase())
                // CloudNativePG 1.30 supports Kubernetes 1.34 to 1.36 (docs supported_releases.md).
                .customizeCluster((region, cluster) -> cluster.kubernetesVersion("1.34"))
                .drTargets(DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofMinutes(1)).build())
                .acceptedRisks(risks)
                .build();
    }

    /**
     * The PostgreSQL reference with streaming replication ({@code ./synth --data postgres-streaming}, into
     * {@code cdktf.out.postgres-streaming/}): the regions join one vRack network spanning Paris and Frankfurt
     * ({@code 10.30.0.0/16} on VLAN 30, its own {@code network} stack, applied first), and Frankfurt's standby
     * streams from Paris's read-write service at its fixed address, falling back to the archive when streaming is
     * down. Each region's fixed addresses are the 16 below its pool ({@link SharedNetworkSpec}): the app's load
     * balancer takes the highest ({@code .17}), the database the one below ({@code .16}).
     *
     * @return the streaming variant's description
     */
    public static DeploymentSpec postgresStreamingSpec() {
        DeploymentSpec archiveOnly = postgresSpec();
        return archiveOnly.toBuilder()
                .regions(archiveOnly.regions().stream()
                        .map(region -> region.toBuilder().vlanId(null).privateCidr(null).build()).toList())
                .sharedNetwork(SharedNetworkSpec.builder().vlanId(30).cidr("10.30.0.0/16").build())
                .postgres(sessionsDatabase().toBuilder()
                        .replicationMode(ReplicationMode.STREAMING)
                        .streamingAddresses(Map.of("EU-WEST-PAR", "10.30.0.16", "DE1", "10.30.128.16"))
                        .build())
                .build();
    }

    /**
     * The sessions database of {@link #postgresSpec()}: Paris primary, Frankfurt a replica cluster, archive-only.
     *
     * @return the database's description
     */
    public static PostgresDatabaseProps sessionsDatabase() {
        return PostgresDatabaseProps.builder()
                .name("sessions")
                .regions("EU-WEST-PAR", "DE1")
                .primaryRegion("EU-WEST-PAR")
                .replicationMode(ReplicationMode.ARCHIVE_ONLY)
                .archiveTimeout(Duration.ofSeconds(30))
                .promotionDecisionTime(Duration.ofMinutes(10))
                .archiveBucketPrefix("tandem")
                .build();
    }

    /**
     * The sessions table: sessions by key, and by user through an index; items expire with
     * {@code expiresAt}. Written once: the Terraform stacks build it, and the opt-in CloudFormation
     * module renders the same value.
     *
     * @return the table's description
     */
    public static GlobalTableProps sessionsTable() {
        return GlobalTableProps.builder()
                .tableName("tandem-sessions")
                .partitionKey(Attribute.string("pk"))
                .sortKey(Attribute.string("sk"))
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder()
                        .indexName("by-user")
                        .partitionKey(Attribute.string("userId"))
                        .sortKey(Attribute.string("sk"))
                        .build()))
                .timeToLiveAttribute("expiresAt")
                .tags(Map.of("tandem:data", "sessions"))
                .build();
    }
}
