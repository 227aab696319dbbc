package dev.tandem.e2e.battery;

import static dev.tandem.e2e.battery.UserDeployment.deployment;
import static dev.tandem.e2e.battery.UserDeployment.edge;
import static dev.tandem.e2e.battery.UserDeployment.instances;
import static dev.tandem.e2e.battery.UserDeployment.milan;
import static dev.tandem.e2e.battery.UserDeployment.ordersTable;
import static dev.tandem.e2e.battery.UserDeployment.paris;
import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.Fn;
import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.haproxy.Balance;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.k8s.NodePoolSpec;
import dev.tandem.constructs.readiness.AcceptedRisk;
import dev.tandem.constructs.readiness.DrTargets;
import dev.tandem.constructs.readiness.Rule;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.TableEncryption;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.EdgeSpec;
import dev.tandem.stacks.RegionSpec;
import dev.tandem.stacks.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, as a user gives it: a deployment built with {@code DeploymentSpec.builder()} (and the
 * region, edge, instance, table and hook values inside it) and synthesized with
 * {@link Main#synthesize}. Every case must end in one {@link ValidationException} whose message
 * names the path, the property and the value the user wrote, with a fix — never a
 * NullPointerException, an index error, a ClassCastException, a jsii error or a JavaScript stack —
 * and must leave no output folder behind.
 *
 * <p>The categories are issue 14's (item 6): a missing value, values that contradict each other
 * (within a region, across regions and stacks), values outside their domain, and messages that name
 * what the user wrote rather than something derived from it.
 */
class DeploymentBatteryTest {
    private static final String OTHER_REGION_KEY =
            "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-4697-8877-66554433aa22";

    @TempDir
    Path tmp;

    @Test
    void theUnchangedDeploymentSynthesizes() {
        Path out = tmp.resolve("cdktf.out");
        Main.synthesize(deployment().build(), out);

        assertThat(out.resolve("stacks/paris/cdk.tf.json")).exists();
        assertThat(out.resolve("stacks/milan/cdk.tf.json")).content().contains("aws_dynamodb_table_replica");
        assertThat(out.resolve("stacks/edge/cdk.tf.json")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingValues")
    void aMissingValueIsATandemError(Case c) {
        c.assertRejected(tmp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void valuesThatContradictEachOtherAreATandemError(Case c) {
        c.assertRejected(tmp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfDomain")
    void aValueOutsideItsDomainIsATandemError(Case c) {
        c.assertRejected(tmp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatTheUserWrote")
    void theMessageNamesWhatTheUserWrote(Case c) {
        c.assertRejected(tmp);
    }

    static Stream<Case> missingValues() {
        return Stream.of(
                rejects("appName null", () -> deployment().appName(null).build())
                        .at("DeploymentSpec", "appName", "null", "must be a DNS label"),
                rejects("appImage null", () -> deployment().appImage(null).build())
                        .at("DeploymentSpec", "appImage", "null", "is required"),
                rejects("sshKeyName null", () -> deployment().sshKeyName(null).build())
                        .at("DeploymentSpec", "sshKeyName", "null", "is required"),
                rejects("ovhEndpoint null", () -> deployment().ovhEndpoint(null).build())
                        .at("DeploymentSpec", "ovhEndpoint", "null", "is required"),
                rejects("ovhCloudProject null", () -> deployment().ovhCloudProject(null).build())
                        .at("DeploymentSpec", "ovhCloudProject", "null", "is required"),
                rejects("regions null", () -> deployment().regions(null).build())
                        .at("DeploymentSpec", "regions", "null", "is required"),
                rejects("a null region", () -> deployment(paris(), null).build())
                        .at("DeploymentSpec", "regions", "[RegionSpec", "must not contain null"),
                rejects("edge null", () -> deployment().edge(null).build())
                        .at("DeploymentSpec", "edge", "null", "is required"),
                rejects("health null", () -> deployment().health(null).build())
                        .at("DeploymentSpec", "health", "null", "is required"),
                rejects("backend null", () -> deployment().backend(null).build())
                        .at("DeploymentSpec", "backend", "null", "is required"),
                rejects("drTargets null while the pass runs", () -> deployment().drTargets(null).build())
                        .at("DeploymentSpec", "drTargets", "null", "is required"),
                rejects("acceptedRisks null", () -> deployment().acceptedRisks(null).build())
                        .at("DeploymentSpec", "acceptedRisks", "null", "is required"),
                rejects("a null accepted risk", () -> deployment().acceptedRisks(Arrays.asList((AcceptedRisk) null)).build())
                        .at("DeploymentSpec", "acceptedRisks", "[null]", "must not contain null"),
                rejects("tables null", () -> deployment().tables(null).build())
                        .at("DeploymentSpec", "tables", "null", "is required"),
                rejects("a null table", () -> deployment().tables(Arrays.asList(ordersTable().build(), null)).build())
                        .at("DeploymentSpec", "tables", "[GlobalTableProps[tableName=acme-orders", "must not contain null"),
                rejects("customizeNetwork null", () -> deployment().customizeNetwork(null).build())
                        .at("DeploymentSpec", "customizeNetwork", "null", "is required"),
                rejects("customizeCluster null", () -> deployment().customizeCluster(null).build())
                        .at("DeploymentSpec", "customizeCluster", "null", "is required"),
                rejects("customizeApp null", () -> deployment().customizeApp(null).build())
                        .at("DeploymentSpec", "customizeApp", "null", "is required"),
                rejects("customizeHaproxy null", () -> deployment().customizeHaproxy(null).build())
                        .at("DeploymentSpec", "customizeHaproxy", "null", "is required"),
                rejects("customizeReplica null", () -> deployment().customizeReplica(null).build())
                        .at("DeploymentSpec", "customizeReplica", "null", "is required"),
                rejects("customizeEdge null", () -> deployment().customizeEdge(null).build())
                        .at("DeploymentSpec", "customizeEdge", "null", "is required"),
                rejects("region stackName null", () -> deployment(paris().stackName(null), milan()).build())
                        .at("RegionSpec", "stackName", "null", "must be a DNS label"),
                rejects("region ovhRegion null", () -> deployment(paris(), milan().ovhRegion(null)).build())
                        .at("RegionSpec", "ovhRegion", "null", "is required"),
                rejects("a null zone", () -> deployment(paris().ovhZones(Arrays.asList("eu-west-par-a", null)), milan())
                        .build()).at("RegionSpec", "ovhZones", "[eu-west-par-a, null]", "must not contain null"),
                rejects("region awsRegion null", () -> deployment(paris(), milan().awsRegion(null)).build())
                        .at("RegionSpec", "awsRegion", "null", "must be an AWS region"),
                // Without a shared network the deployment requires each region's own range and VLAN.
                rejects("region privateCidr null", () -> deployment(paris().privateCidr(null), milan()).build())
                        .at("DeploymentSpec", "regions[0].privateCidr", "null", "is required"),
                rejects("region vlanId unset", () -> deployment(paris(), UserDeployment.milanWithoutVlan()).build())
                        .at("DeploymentSpec", "regions[1].vlanId", "null", "is required"),
                rejects("region haproxy null", () -> deployment(paris(), milan().haproxy(null)).build())
                        .at("RegionSpec", "haproxy", "null", "is required"),
                rejects("instances flavorId null", () -> deployment(paris().haproxy(instances().flavorId(null).build()),
                        milan()).build()).at("InstanceSpec", "flavorId", "null", "is required"),
                rejects("instances imageId null", () -> deployment(paris(), milan().haproxy(instances().imageId(null)
                        .build())).build()).at("InstanceSpec", "imageId", "null", "is required"),
                rejects("a region made with its record constructor, every value null", () -> deployment()
                        .regions(List.of(new RegionSpec(null, null, null, null, 100, null, null), milan().build())).build())
                        .at("DeploymentSpec", "regions[0].awsRegion", "null", "must be an AWS region"),
                rejects("an edge made with its record constructor, every value null", () -> deployment()
                        .edge(new EdgeSpec(null, null, null, null, null, null, null)).build())
                        .at("DeploymentSpec", "edge.hostname", "null", "is required"),
                rejects("edge stackName null", () -> deployment().edge(edge().stackName(null).build()).build())
                        .at("EdgeSpec", "stackName", "null", "must be a DNS label"),
                rejects("the origin-pulls stack named like the edge's", () -> deployment()
                        .edge(edge().originPullsStackName("edge").build()).build())
                        .at("EdgeSpec", "originPullsStackName", "edge", "must be a DNS label other than stackName"),
                rejects("edge accountId null", () -> deployment().edge(edge().accountId(null).build()).build())
                        .at("EdgeSpec", "accountId", "null", "is required"),
                rejects("edge zoneId null", () -> deployment().edge(edge().zoneId(null).build()).build())
                        .at("EdgeSpec", "zoneId", "null", "is required"),
                rejects("edge zoneName null", () -> deployment().edge(edge().zoneName(null).build()).build())
                        .at("EdgeSpec", "zoneName", "null", "is required"),
                rejects("edge hostname null", () -> deployment().edge(edge().hostname(null).build()).build())
                        .at("EdgeSpec", "hostname", "null", "is required"),
                rejects("table name null", () -> deployment().tables(List.of(ordersTable().tableName(null).build())).build())
                        .at("DeploymentSpec", "tables[0].tableName", "null", "must be 3–255 characters"),
                rejects("table partition key null", () -> deployment().tables(List.of(ordersTable().partitionKey(null)
                        .build())).build()).at("DeploymentSpec", "tables[0].partitionKey", "null", "is required"),
                rejects("a null index", () -> deployment().tables(List.of(ordersTable()
                        .globalSecondaryIndexes(Arrays.asList((GlobalSecondaryIndex) null)).build())).build())
                        .at("DeploymentSpec", "tables[0].globalSecondaryIndexes", "[null]", "must not contain null"),
                rejects("health path null", () -> deployment().health(HealthContract.builder().path(null).build()).build())
                        .at("HealthContract", "path", "null", "must"),
                rejects("DR target rto null", () -> deployment().drTargets(DrTargets.builder().rpo(Duration.ZERO).build())
                        .build()).at("DrTargets", "rto", "null", "must be positive"),
                rejects("an accepted risk without a reason", () -> deployment().acceptedRisks(List.of(
                        AcceptedRisk.of(Rule.SINGLE_ZONE, "milan/app", null))).build())
                        .at("AcceptedRisk", "reason", "null", "is required"),
                rejects("a hook that removes the cluster's node pool", () -> deployment()
                        .customizeCluster((region, cluster) -> cluster.nodePool(null)).build())
                        .at("paris/app", "nodePool", "null", "is required"),
                rejects("a hook that removes the tier's health contract", () -> deployment()
                        .customizeHaproxy((region, tier) -> tier.health(null)).build())
                        .at("paris/haproxy", "health", "null", "is required"));
    }

    static Stream<Case> contradictions() {
        return Stream.of(
                rejects("one region", () -> deployment(paris()).build())
                        .at("DeploymentSpec", "regions", "1 region(s)", "at least two regions"),
                rejects("no region", () -> deployment().regions(List.of()).build())
                        .at("DeploymentSpec", "regions", "0 region(s)", "at least two regions"),
                rejects("two regions with one stack name", () -> deployment(paris(), milan().stackName("paris")).build())
                        .at("DeploymentSpec", "regions[1].stackName", "paris", "is also the stack name of regions[0]"),
                rejects("a region named like the edge stack", () -> deployment(paris(), milan().stackName("edge")).build())
                        .at("DeploymentSpec", "edge.stackName", "edge", "is also a region's stack name"),
                rejects("the edge named like a region", () -> deployment().edge(edge().stackName("milan").build()).build())
                        .at("DeploymentSpec", "edge.stackName", "milan", "is also a region's stack name"),
                rejects("one OVH region twice", () -> deployment(paris(), milan().ovhRegion("EU-WEST-PAR")).build())
                        .at("DeploymentSpec", "regions[1].ovhRegion", "EU-WEST-PAR", "is also the OVH region of regions[0]"),
                rejects("one VLAN twice", () -> deployment(paris(), milan().vlanId(100)).build())
                        .at("DeploymentSpec", "regions[1].vlanId", "100", "is also the VLAN of regions[0]"),
                rejects("overlapping ranges", () -> deployment(paris(), milan().privateCidr("10.100.128.0/17")).build())
                        .at("DeploymentSpec", "regions[1].privateCidr", "10.100.128.0/17", "overlaps regions[0]"),
                rejects("a range inside the other region's", () -> deployment(paris().privateCidr("10.0.0.0/8"), milan())
                        .build()).at("DeploymentSpec", "regions[1].privateCidr", "10.200.0.0/16", "overlaps regions[0]"),
                rejects("another region's zones", () -> deployment(paris().ovhZones(List.of("eu-south-mil-a",
                        "eu-south-mil-b")), milan()).build())
                        .at("paris/network", "zones[0]", "eu-south-mil-a", "must be a zone of EU-WEST-PAR"),
                rejects("zones in a one-zone region", () -> deployment(paris(), milan().ovhRegion("DE1")
                        .ovhZones(List.of("de1-a"))).build())
                        .at("milan/network", "zones", "[de1-a]", "one-zone region"),
                rejects("one zone of a three-zone region", () -> deployment(paris().ovhZones(List.of("eu-west-par-a")),
                        milan()).build()).at("paris/network", "zones", "[eu-west-par-a]", "at least two zones"),
                rejects("a zone twice", () -> deployment(paris().ovhZones(List.of("eu-west-par-a", "eu-west-par-a")),
                        milan()).build()).at("paris/network", "zones[1]", "eu-west-par-a", "appears more than once"),
                rejects("the replica in the table's home region", () -> deployment(paris(), milan().awsRegion("eu-west-3"))
                        .build()).at("DeploymentSpec", "regions[1].awsRegion", "eu-west-3", "the tables' home"),
                rejects("two replicas in one AWS region", () -> deployment(paris(), milan(), milan().stackName("milan2")
                        .ovhRegion("GRA11").vlanId(300).privateCidr("10.30.0.0/16")).build())
                        .at("DeploymentSpec", "regions[2].awsRegion", "eu-south-1", "is also the AWS region of regions[1]"),
                rejects("two tables with one name", () -> deployment().tables(List.of(ordersTable().build(),
                        ordersTable().partitionKey(Attribute.string("id")).build())).build())
                        .at("DeploymentSpec", "tables[1].tableName", "acme-orders", "appears more than once"),
                rejects("flavor and image ids swapped into one", () -> deployment(paris().haproxy(instances()
                        .imageId("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").build()), milan()).build())
                        .at("paris/haproxy", "imageId", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "must differ from flavorId"),
                rejects("account id in the zone id's place", () -> deployment().edge(edge()
                        .zoneId("0a1b2c3d4e5f60718293a4b5c6d7e8f9").build()).build())
                        .at("edge/failover", "zoneId", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "is the same as accountId"),
                rejects("hostname outside the zone", () -> deployment().edge(edge().hostname("orders.acme.com").build())
                        .build()).at("EdgeSpec", "hostname", "orders.acme.com", "is outside the zone acme.io"),
                rejects("a replica key of the table's region", () -> deployment().tables(List.of(ordersTable()
                        .encryption(TableEncryption.customerManaged(key("eu-west-3"))).build()))
                        .customizeReplica((region, replica) -> replica.kmsKeyArn(key("eu-west-3"))).build())
                        .at("milan/tables/acme-orders", "kmsKeyArn", key("eu-west-3"), "KMS keys are regional"),
                rejects("no replica key for a customer-managed table", () -> deployment().tables(List.of(ordersTable()
                        .encryption(TableEncryption.customerManaged(key("eu-west-3"))).build())).build())
                        .at("milan/tables/acme-orders", "kmsKeyArn", "null", "is required"),
                rejects("a replica key for a table without one", () -> deployment()
                        .customizeReplica((region, replica) -> replica.kmsKeyArn(key("eu-south-1"))).build())
                        .at("milan/tables/acme-orders", "kmsKeyArn", key("eu-south-1"), "only applies when the table uses"),
                rejects("session affinity TTL without affinity", () -> deployment()
                        .customizeEdge(lb -> lb.sessionAffinityTtl(Duration.ofHours(1))).build())
                        .at("edge/failover", "sessionAffinityTtl", "PT1H", "applies only with a session affinity"),
                rejects("a TTL on a proxied load balancer", () -> deployment()
                        .customizeEdge(lb -> lb.ttl(Duration.ofSeconds(60))).build())
                        .at("edge/failover", "ttl", "PT1M", "cannot be set on a proxied load balancer"),
                rejects("a health timeout above the interval", () -> deployment().health(HealthContract.builder()
                        .interval(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(3)).build()).build())
                        .at("HealthContract", "timeout", "PT3S", "interval"),
                rejects("an objective the chain cannot meet", () -> deployment().drTargets(DrTargets.builder()
                        .rto(Duration.ofSeconds(20)).rpo(Duration.ofSeconds(15)).build()).build())
                        .at("edge/failover", "rto", "", "20 s"),
                rejects("an accepted risk that matches nothing", () -> deployment().acceptedRisks(List.of(
                        AcceptedRisk.of(Rule.SINGLE_ZONE, "milan/haproxy", "Milan has three zones anyway"))).build())
                        .at("milan/haproxy", "acceptedRisks[single-zone @ milan/haproxy]", "Milan has three zones anyway",
                                "must match a failed or warned single-zone check"),
                rejects("a single HAProxy instance", () -> deployment()
                        .customizeHaproxy((region, tier) -> tier.instances(1)).build())
                        .at("paris/haproxy", "instances", "1", "single point of failure"),
                rejects("a node pool whose minimum is above its maximum", () -> deployment()
                        .customizeCluster((region, cluster) -> cluster.nodePool(NodePoolSpec.builder().minNodes(6)
                                .maxNodes(4).desiredNodes(5).build())).build())
                        .at("paris/app", "nodePool.minNodes", "6", "maxNodes"));
    }

    static Stream<Case> outOfDomain() {
        return Stream.of(
                rejects("an AWS region that does not exist", () -> deployment(paris(), milan().awsRegion("eu-south-9"))
                        .build()).at("RegionSpec", "awsRegion", "eu-south-9", "must be an AWS region"),
                rejects("an AWS availability zone for a region", () -> deployment(paris().awsRegion("eu-west-3a"), milan())
                        .build()).at("RegionSpec", "awsRegion", "eu-west-3a", "must be an AWS region"),
                rejects("an S3 bucket name with capitals", () -> deployment().backend(StateBackend.awsS3()
                        .bucket("Acme_State").region("eu-west-3").build()).build())
                        .at("StateBackend", "bucket", "Acme_State", "must be an S3 bucket name"),
                rejects("an S3 bucket named like an IP address", () -> deployment().backend(StateBackend.awsS3()
                        .bucket("192.168.10.1").region("eu-west-3").build()).build())
                        .at("StateBackend", "bucket", "192.168.10.1", "not an IP address"),
                rejects("an S3 backend region that does not exist", () -> deployment().backend(StateBackend.awsS3()
                        .bucket("acme-state").region("europe-paris").build()).build())
                        .at("StateBackend", "region", "europe-paris", "must be an AWS region"),
                rejects("an empty lock table", () -> deployment().backend(StateBackend.awsS3()
                        .bucket("acme-state").region("eu-west-3").lockTable("").build()).build())
                        .at("StateBackend", "lockTable", "\"\"", "must be a DynamoDB table name"),
                rejects("a lock table on OVH Object Storage", () -> deployment().backend(StateBackend.ovhObjectStorage()
                        .bucket("acme-state").region("gra").lockTable("locks").build()).build())
                        .at("StateBackend", "lockTable", "locks", "applies to AWS only"),
                rejects("an OVH Object Storage region in capitals", () -> deployment().backend(StateBackend
                        .ovhObjectStorage().bucket("acme-state").region("GRA").build()).build())
                        .at("StateBackend", "region", "GRA", "lower case"),
                rejects("a Kubernetes version OVH no longer offers", () -> deployment()
                        .customizeCluster((region, cluster) -> cluster.kubernetesVersion("1.29")).build())
                        .at("paris/app", "kubernetesVersion", "1.29", ""),
                rejects("a Kubernetes patch version", () -> deployment()
                        .customizeCluster((region, cluster) -> cluster.kubernetesVersion("1.33.2")).build())
                        .at("paris/app", "kubernetesVersion", "1.33.2", ""),
                rejects("no nodes", () -> deployment().customizeCluster((region, cluster) -> cluster.nodePool(
                        NodePoolSpec.builder().minNodes(0).desiredNodes(0).maxNodes(0).build())).build())
                        .at("paris/app", "nodePool.maxNodes", "0", "at least 1"),
                rejects("one replica of the app", () -> deployment()
                        .customizeApp((region, app) -> app.replicas(1)).build())
                        .at("paris/app", "app.replicas", "1", ""),
                rejects("a Cloudflare account id that is not hex", () -> deployment().edge(edge()
                        .accountId("acme-account-0000000000000000000").build()).build())
                        .at("edge/failover", "accountId", "acme-account-0000000000000000000", "32 lower-case hex"),
                // The origin-pulls stack is built first and is the first to use the zone id.
                rejects("a Cloudflare zone id in capitals", () -> deployment().edge(edge()
                        .zoneId("F9E8D7C6B5A4938271605F4E3D2C1B0A").build()).build())
                        .at("origin-pulls/origin-pulls", "zoneId", "F9E8D7C6B5A4938271605F4E3D2C1B0A", "32 lower-case hex"),
                rejects("a zone name of one label", () -> deployment().edge(edge().zoneName("io").hostname("orders.io")
                        .build()).build()).at("EdgeSpec", "zoneName", "io", "at least two labels"),
                rejects("a host name with a numeric top-level label", () -> deployment().edge(edge().zoneName("acme.10")
                        .hostname("orders.acme.10").build()).build())
                        .at("EdgeSpec", "zoneName", "acme.10", "DNS"),
                rejects("a host name with an underscore", () -> deployment().edge(edge().hostname("orders_eu.acme.io")
                        .build()).build()).at("EdgeSpec", "hostname", "orders_eu.acme.io", "DNS host name"),
                rejects("a KMS key ARN of another region", () -> deployment().tables(List.of(ordersTable()
                        .encryption(TableEncryption.customerManaged(OTHER_REGION_KEY)).build())).build())
                        .at("DeploymentSpec", "tables[0].encryption.kmsKeyArn", OTHER_REGION_KEY, "KMS keys are regional"),
                rejects("a KMS key id instead of its ARN", () -> deployment().tables(List.of(ordersTable()
                        .encryption(TableEncryption.customerManaged("0f1e2d3c-4b5a-4697-8877-66554433aa22")).build())).build())
                        .at("DeploymentSpec", "tables[0].encryption.kmsKeyArn", "0f1e2d3c-4b5a-4697-8877-66554433aa22",
                                "must be a KMS key or alias ARN"),
                rejects("a TTL on the string partition key", () -> deployment().tables(List.of(ordersTable()
                        .timeToLiveAttribute("orderId").build())).build())
                        .at("DeploymentSpec", "tables[0].timeToLiveAttribute", "orderId", "key attribute"),
                rejects("a TTL on a string index key", () -> deployment().tables(List.of(ordersTable()
                        .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder().indexName("by-customer")
                                .partitionKey(Attribute.string("customerId")).build()))
                        .timeToLiveAttribute("customerId").build())).build())
                        .at("DeploymentSpec", "tables[0].timeToLiveAttribute", "customerId", "key attribute"),
                rejects("a table name of two characters", () -> deployment().tables(List.of(ordersTable().tableName("ab")
                        .build())).build()).at("DeploymentSpec", "tables[0].tableName", "ab", "3–255 characters"),
                rejects("an image reference in capitals", () -> deployment().appImage("registry.acme.io/Shop/Orders:2.3.1")
                        .build()).at("paris/app", "app.image", "registry.acme.io/Shop/Orders:2.3.1", ""),
                rejects("an image with a short digest", () -> deployment().appImage("registry.acme.io/shop/orders@sha256:abc")
                        .build()).at("paris/app", "app.image", "registry.acme.io/shop/orders@sha256:abc", ""),
                rejects("an image without a tag", () -> deployment().appImage("registry.acme.io/shop/orders").build())
                        .at("paris/app", "app.image", "registry.acme.io/shop/orders", ""),
                rejects("an app name in capitals", () -> deployment().appName("Orders").build())
                        .at("DeploymentSpec", "appName", "Orders", "DNS label"),
                rejects("an app name starting with a digit", () -> deployment().appName("1orders").build())
                        .at("DeploymentSpec", "appName", "1orders", "starting with a letter"),
                rejects("a cloud project id that is not hex", () -> deployment().ovhCloudProject("acme-project").build())
                        .at("paris/network", "cloudProject", "acme-project", "32 lower-case hexadecimal"),
                rejects("a VLAN above the vRack's range", () -> deployment(paris(), milan().vlanId(4001)).build())
                        .at("milan/network", "vlanId", "4001", "0–4000"),
                rejects("a negative VLAN", () -> deployment(paris().vlanId(-1), milan()).build())
                        .at("paris/network", "vlanId", "-1", "0–4000"),
                rejects("a public range", () -> deployment(paris(), milan().privateCidr("51.68.0.0/16")).build())
                        .at("milan/network", "cidr", "51.68.0.0/16", "private"),
                rejects("a range larger than the private block", () -> deployment(paris(), milan().privateCidr("192.168.0.0/15"))
                        .build()).at("milan/network", "cidr", "192.168.0.0/15", "entirely in RFC 1918 private space"),
                rejects("a range with host bits", () -> deployment(paris(), milan().privateCidr("10.200.0.1/16")).build())
                        .at("RegionSpec", "privateCidr", "10.200.0.1/16", "CIDR"),
                rejects("an OVH region in lower case", () -> deployment(paris(), milan().ovhRegion("eu-south-mil")).build())
                        .at("milan/network", "region", "eu-south-mil", "OVH region code"),
                rejects("a flavor name instead of its id", () -> deployment(paris(), milan().haproxy(instances()
                        .flavorId("b3-8").build())).build())
                        .at("milan/haproxy", "flavorId", "b3-8", "must be the id (a UUID)"),
                rejects("a health port out of range", () -> deployment().health(HealthContract.builder().port(70000)
                        .build()).build()).at("HealthContract", "port", "70000", ""),
                rejects("a negative RPO", () -> deployment().drTargets(DrTargets.builder().rto(Duration.ofMinutes(2))
                        .rpo(Duration.ofSeconds(-1)).build()).build()).at("DrTargets", "rpo", "PT-1S", "zero or positive"),
                rejects("a sub-second HAProxy check interval", () -> deployment()
                        .customizeHaproxy((region, tier) -> tier.checkInterval(Duration.ofMillis(1500))).build())
                        .at("paris/haproxy", "checkInterval", "PT1.5S", ""),
                rejects("a monitor interval below Cloudflare's minimum", () -> deployment()
                        .customizeEdge(lb -> lb.monitor(MonitorSettings.builder().interval(Duration.ofSeconds(5)).build()))
                        .build()).at("edge/failover", "monitor.interval", "PT5S", "must be at least 60 s on the PRO plan"),
                rejects("monitor retries above the provider's range", () -> deployment()
                        .customizeEdge(lb -> lb.monitor(MonitorSettings.builder().retries(9).build())).build())
                        .at("edge/failover", "monitor.retries", "9", "1–5"),
                rejects("an unproxied TTL in milliseconds", () -> deployment()
                        .customizeEdge(lb -> lb.proxied(false).ttl(Duration.ofMillis(30500))).build())
                        .at("edge/failover", "ttl", "PT30.5S", "whole seconds"));
    }

    static Stream<Case> whatTheUserWrote() {
        return Stream.of(
                rejects("the edge's host name, not the ingress host or the Host header", () -> deployment()
                        .edge(edge().hostname("Orders.acme.io").build()).build())
                        .at("EdgeSpec", "hostname", "Orders.acme.io", "DNS host name"),
                rejects("the region's AWS region, not the replica's stack", () -> deployment(paris().awsRegion("eu-south-1"),
                        milan()).build()).at("DeploymentSpec", "regions[1].awsRegion", "eu-south-1", "the tables' home"),
                rejects("the table's name, not a construct id", () -> deployment().tables(List.of(ordersTable()
                        .tableName("x").build())).build())
                        .at("DeploymentSpec", "tables[0].tableName", "x", "3–255 characters"),
                rejects("a blank image shown in quotes", () -> deployment().appImage(" ").build())
                        .at("DeploymentSpec", "appImage", "\" \"", "is required"),
                rejects("an SSH key name with spaces shown in quotes", () -> deployment().sshKeyName(" acme-ops").build())
                        .at("paris/haproxy", "sshKey.name", "\" acme-ops\"", "spaces"),
                rejects("an app name from a Terraform expression", () -> deployment().appName(Fn.lower("ORDERS")).build())
                        .at("DeploymentSpec", "appName", "a Terraform expression", "DNS label"),
                rejects("a table name from a Terraform expression", () -> deployment().tables(List.of(ordersTable()
                        .tableName(Fn.lower("ORDERS")).build())).build())
                        .at("DeploymentSpec", "tables[0].tableName", "a Terraform expression", ""),
                rejects("a zone from a Terraform expression", () -> deployment(paris().ovhZones(List.of(
                        Fn.lower("EU-WEST-PAR-A"), "eu-west-par-b")), milan()).build())
                        .at("paris/network", "zones[0]", "a Terraform expression", ""),
                rejects("the zone the user gave, with the region's valid zones", () -> deployment(paris().ovhZones(List.of(
                        "eu-west-par-a", "eu-west-par-d")), milan()).build())
                        .at("paris/network", "zones[1]", "eu-west-par-d", "eu-west-par-a, eu-west-par-b, eu-west-par-c"),
                rejects("a value a hook set, under the construct the hook built", () -> deployment()
                        .customizeHaproxy((region, tier) -> tier.balance(Balance.ROUNDROBIN).instances(0)).build())
                        .at("paris/haproxy", "instances", "0", "at least 1"),
                rejects("every problem of the description at once", () -> deployment().appName("Orders").sshKeyName("")
                        .build()).at("DeploymentSpec", "sshKeyName", "\"\"", "2 problems"));
    }

    private static String key(String region) {
        return "arn:aws:kms:" + region + ":123456789012:key/0f1e2d3c-4b5a-4697-8877-66554433aa22";
    }

    private static Case.Named rejects(String name, Supplier<DeploymentSpec> spec) {
        return new Case.Named(name, spec);
    }

    /**
     * One bad input and the message it must give.
     *
     * @param name     what is wrong, as the test report shows it
     * @param spec     builds the description (building may already fail, as it should for a spec's own values)
     * @param path     the construct path or spec type the message starts with
     * @param property the property the user set
     * @param value    the value as the user wrote it (or how a token is described)
     * @param why      a part of the requirement
     */
    record Case(String name, Supplier<DeploymentSpec> spec, String path, String property, String value, String why) {

        record Named(String name, Supplier<DeploymentSpec> spec) {
            Case at(String path, String property, String value, String why) {
                return new Case(name, spec, path, property, value, why);
            }
        }

        @Override
        public String toString() {
            return name;
        }

        void assertRejected(Path tmp) {
            Path out = tmp.resolve("cdktf.out");
            Throwable thrown = null;
            try {
                Main.synthesize(spec.get(), out);
            } catch (Throwable t) {
                thrown = t;
            }
            assertThat(thrown).as("%s: the synth must fail", name).isNotNull();
            assertThat(thrown).as("%s", name).isInstanceOf(ValidationException.class);
            String message = thrown.getMessage();
            assertThat(message).as("%s", name)
                    .contains(path + ": ")
                    .contains(property + " = " + value)
                    .contains(why)
                    .contains("Fix: ")
                    .doesNotContain("TfToken[", "\n    at ", "java.lang.");
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("%s: nothing written", name).isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
