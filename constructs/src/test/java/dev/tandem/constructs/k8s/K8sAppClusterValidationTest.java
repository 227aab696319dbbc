package dev.tandem.constructs.k8s;

import static dev.tandem.constructs.k8s.K8sFixtures.app;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.GatewaySpec;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One case per rule: each names the construct path, the property, the value and a fix, never a crash. */
class K8sAppClusterValidationTest {

    private static K8sAppCluster.Builder cluster() {
        return K8sFixtures.cluster(TestStacks.emptyStack());
    }

    private static void rejects(K8sAppCluster.Builder builder, String property, String value, String why) {
        Rejections.assertRejected(builder::build, "test/app", property, value, why);
    }

    private static Arguments rejected(String property, String value, String why, UnaryOperator<K8sAppCluster.Builder> change) {
        return Arguments.of(property + " = " + value, change, property, value, why);
    }

    private static Arguments appRejected(String property, String value, String why, UnaryOperator<AppSpec.Builder> change) {
        return rejected(property, value, why, c -> c.app(change.apply(app()).build()));
    }

    private static Arguments poolRejected(String property, String value, String why,
            UnaryOperator<NodePoolSpec.Builder> change) {
        return rejected(property, value, why, c -> c.nodePool(change.apply(NodePoolSpec.builder()).build()));
    }

    private static <T> List<T> withNull(T first) {
        return new ArrayList<>(Arrays.asList(first, null));
    }

    static Stream<Arguments> missingValues() {
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "app");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("tandem.dev/role", null);
        return Stream.of(
                rejected("network", "null", "is required", c -> c.network(null)),
                rejected("app", "null", "is required", c -> c.app(null)),
                rejected("nodePool", "null", "is required", c -> c.nodePool(null)),
                rejected("kubernetesVersion", "null", "is required", c -> c.kubernetesVersion(null)),
                rejected("updatePolicy", "null", "is required", c -> c.updatePolicy(null)),
                rejected("kubeProxyMode", "null", "is required", c -> c.kubeProxyMode(null)),
                rejected("manifestFolder", "null", "is required", c -> c.manifestFolder(null)),
                appRejected("app.name", "null", "is required", a -> a.name(null)),
                appRejected("app.image", "null", "is required", a -> a.image(null)),
                appRejected("app.health", "null", "is required", a -> a.health(null)),
                appRejected("app.resources", "null", "is required", a -> a.resources(null)),
                appRejected("app.ingress.className", "null", "is required",
                        a -> a.ingress(IngressSpec.builder().host("orders.example.com").build())),
                poolRejected("nodePool.flavor", "null", "is required", n -> n.flavor(null)),
                poolRejected("nodePool.labels", "null", "is required", n -> n.labels(null)),
                poolRejected("nodePool.labels", "a null key", "must not contain a null key", n -> n.labels(nullKey)),
                poolRejected("nodePool.labels[tandem.dev/role]", "null", "is required", n -> n.labels(nullValue)),
                poolRejected("nodePool.taints", "null", "is required", n -> n.taints(null)),
                poolRejected("nodePool.taints", "[", "must not contain null",
                        n -> n.taints(withNull(Taint.builder().key("dedicated").build()))),
                poolRejected("nodePool.taints[0].key", "null", "is required",
                        n -> n.taints(List.of(Taint.builder().build()))),
                poolRejected("nodePool.taints[0].value", "null", "is required",
                        n -> n.taints(List.of(Taint.builder().key("dedicated").value(null).build()))),
                poolRejected("nodePool.taints[0].effect", "null", "is required",
                        n -> n.taints(List.of(Taint.builder().key("dedicated").effect(null).build()))));
    }

    static Stream<Arguments> inconsistentValues() {
        return Stream.of(
                appRejected("app.replicas", "1", "must be at least 2", a -> a.replicas(1)),
                appRejected("app.autoscaling.minReplicas", "1", "must be at least 2",
                        a -> a.autoscaling(Autoscaling.builder().minReplicas(1).maxReplicas(3).build())),
                appRejected("app.autoscaling.maxReplicas", "3", "must be at least minReplicas (4)",
                        a -> a.autoscaling(Autoscaling.builder().minReplicas(4).maxReplicas(3).build())),
                appRejected("app.autoscaling.targetCpuPercent", "0", "must be 1–100",
                        a -> a.autoscaling(Autoscaling.builder().minReplicas(2).maxReplicas(3).targetCpuPercent(0)
                                .build())),
                appRejected("app.autoscaling.targetCpuPercent", "101", "must be 1–100",
                        a -> a.autoscaling(Autoscaling.builder().minReplicas(2).maxReplicas(3).targetCpuPercent(101)
                                .build())),
                appRejected("app.pdbMinAvailable", "3", "blocks all evictions", a -> a.pdbMinAvailable(3)),
                appRejected("app.pdbMinAvailable", "2", "must be below the 2 replicas",
                        a -> a.autoscaling(Autoscaling.builder().minReplicas(2).maxReplicas(6).build())
                                .pdbMinAvailable(2)),
                appRejected("app.pdbMinAvailable", "-1", "must not be negative", a -> a.pdbMinAvailable(-1)),
                appRejected("app.resources.cpuLimitMillis", "250", "must not be below the request (500m)",
                        a -> a.resources(Resources.builder().cpuRequestMillis(500).cpuLimitMillis(250).build())),
                appRejected("app.resources.memoryLimitMebibytes", "256", "must not be below the request (512Mi)",
                        a -> a.resources(Resources.builder().memoryRequestMebibytes(512).memoryLimitMebibytes(256)
                                .build())),
                appRejected("app.resources.cpuRequestMillis", "0", "must be positive",
                        a -> a.resources(Resources.builder().cpuRequestMillis(0).build())),
                appRejected("app.ingress.tlsSecretName", "orders-tls", "needs a host",
                        a -> a.ingress(IngressSpec.builder().className("traefik").tlsSecretName("orders-tls").build())),
                poolRejected("nodePool.desiredNodes", "5", "must lie between minNodes (3) and maxNodes (4)",
                        n -> n.desiredNodes(5).maxNodes(4)),
                poolRejected("nodePool.desiredNodes", "2", "must lie between minNodes (3) and maxNodes (5)",
                        n -> n.desiredNodes(2)),
                poolRejected("nodePool.minNodes", "6", "must be 0–maxNodes (5)", n -> n.minNodes(6).desiredNodes(6)),
                poolRejected("nodePool.minNodes", "-1", "must be 0–maxNodes (5)", n -> n.minNodes(-1)),
                poolRejected("nodePool.maxNodes", "0", "must be at least 1",
                        n -> n.maxNodes(0).minNodes(0).desiredNodes(0)),
                appRejected("app.serviceIp", "10.11.0.5", "fixed addresses 10.10.255.240–10.10.255.254 of 10.10.0.0/16",
                        a -> a.serviceIp("10.11.0.5")),
                appRejected("app.serviceIp", "10.10.0.1", "which DHCP does not hand out", a -> a.serviceIp("10.10.0.1")),
                appRejected("app.serviceIp", "10.10.200.10", "which DHCP does not hand out",
                        a -> a.serviceIp("10.10.200.10")),
                appRejected("app.serviceIp", "10.10.255.255", "which DHCP does not hand out",
                        a -> a.serviceIp("10.10.255.255")));
    }

    static Stream<Arguments> valuesOutOfTheirDomain() {
        String longLabel = "x".repeat(64);
        return Stream.of(
                rejected("kubernetesVersion", "1.33.2", "without a patch number", c -> c.kubernetesVersion("1.33.2")),
                rejected("kubernetesVersion", "1.32", "1.33, 1.34, 1.35 as of 2026-04-09", c -> c.kubernetesVersion("1.32")),
                rejected("kubernetesVersion", "1.36", "OVH Managed Kubernetes offers", c -> c.kubernetesVersion("1.36")),
                rejected("kubernetesVersion", "v1.33", "OVH Managed Kubernetes offers", c -> c.kubernetesVersion("v1.33")),
                rejected("manifestFolder", "../k8s", "relative folder of plain names", c -> c.manifestFolder("../k8s")),
                rejected("manifestFolder", "/tmp/k8s", "relative folder of plain names", c -> c.manifestFolder("/tmp/k8s")),
                rejected("manifestFolder", "k8s//orders", "relative folder of plain names",
                        c -> c.manifestFolder("k8s//orders")),
                rejected("manifestFolder", "\"\"", "relative folder of plain names", c -> c.manifestFolder("")),
                appRejected("app.name", "Orders_API", "DNS-1123 label", a -> a.name("Orders_API")),
                appRejected("app.name", "9orders", "starting with a letter", a -> a.name("9orders")),
                appRejected("app.name", longLabel, "DNS-1123 label", a -> a.name(longLabel)),
                appRejected("app.namespace", longLabel, "DNS-1123 label", a -> a.namespace(longLabel)),
                appRejected("app.namespace", "Orders", "DNS-1123 label", a -> a.namespace("Orders")),
                appRejected("app.containerPort", "0", "between 1 and 65535", a -> a.containerPort(0)),
                appRejected("app.containerPort", "65536", "between 1 and 65535", a -> a.containerPort(65536)),
                appRejected("app.image", "registry.example.com/team/orders", "must name a tag or a digest",
                        a -> a.image("registry.example.com/team/orders")),
                appRejected("app.image", "Registry/Orders:1", "container image reference", a -> a.image("Registry/Orders:1")),
                appRejected("app.image", "orders:", "container image reference", a -> a.image("orders:")),
                appRejected("app.image", "orders@sha256:abc", "container image reference", a -> a.image("orders@sha256:abc")),
                appRejected("app.image", "orders:1 2", "container image reference", a -> a.image("orders:1 2")),
                appRejected("app.image", "\"\"", "container image reference", a -> a.image("")),
                appRejected("app.serviceIp", "10.10.255.300", "must be an IPv4 address", a -> a.serviceIp("10.10.255.300")),
                appRejected("app.ingress.tlsSecretName", "Orders TLS", "DNS-1123 subdomain",
                        a -> a.ingress(IngressSpec.builder().className("traefik").host("a.example.com")
                                .tlsSecretName("Orders TLS").build())),
                appRejected("app.ingress.className", "Nginx", "DNS-1123 subdomain",
                        a -> a.ingress(IngressSpec.builder().className("Nginx").build())),
                poolRejected("nodePool.flavor", "B3-8", "OVH instance flavor name", n -> n.flavor("B3-8")),
                poolRejected("nodePool.flavor", "b3", "OVH instance flavor name", n -> n.flavor("b3")),
                poolRejected("nodePool.flavor", "b3_8", "OVH instance flavor name", n -> n.flavor("b3_8")),
                poolRejected("nodePool.flavor", "\"\"", "OVH instance flavor name", n -> n.flavor("")),
                poolRejected("nodePool.labels[Role]", "app!", "Kubernetes label key and value",
                        n -> n.labels(Map.of("Role", "app!"))),
                poolRejected("nodePool.labels[-role]", "app", "Kubernetes label key and value",
                        n -> n.labels(Map.of("-role", "app"))),
                poolRejected("nodePool.labels[Example.com/role]", "app", "Kubernetes label key and value",
                        n -> n.labels(Map.of("Example.com/role", "app"))),
                poolRejected("nodePool.labels[role]", "x".repeat(64), "Kubernetes label key and value",
                        n -> n.labels(Map.of("role", "x".repeat(64)))),
                poolRejected("nodePool.taints[0].key", "dedicated node", "label-style key",
                        n -> n.taints(List.of(Taint.builder().key("dedicated node").build()))),
                poolRejected("nodePool.taints[0].value", "-app", "label value",
                        n -> n.taints(List.of(Taint.builder().key("dedicated").value("-app").build()))));
    }

    /** Missing values, values that contradict each other, and values outside their domain. */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"missingValues", "inconsistentValues", "valuesOutOfTheirDomain"})
    void badInputIsRejectedWithPathPropertyValueAndFix(String label, UnaryOperator<K8sAppCluster.Builder> change,
            String property, String value, String why) {
        rejects(change.apply(cluster()), property, value, why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://orders.example.com", "orders.example.com:443", "10.0.0.1", "Orders.Example.com",
            "orders..example.com", "*.*.example.com", "\"\""})
    void anIngressHostThatIsNotAHostNameIsRejected(String host) {
        String given = host.equals("\"\"") ? "" : host;
        rejects(cluster().app(app().ingress(IngressSpec.builder().className("traefik").host(given).build()).build()),
                "app.ingress.host",
                host, "must be a DNS host name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.example.com", "orders.example.com", "localhost"})
    void anIngressHostNameOrWildcardBuilds(String host) {
        cluster().app(app().ingress(IngressSpec.builder().className("traefik").host(host).build()).build()).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34", "1.35"})
    void everyKubernetesMinorOvhOffersBuilds(String version) {
        cluster().kubernetesVersion(version).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"b3-8", "c3-16", "r3-64", "l40s-90", "b2-7-flex", "h100-380"})
    void ovhFlavorNamesBuild(String flavor) {
        cluster().nodePool(NodePoolSpec.builder().flavor(flavor).build()).build();
    }

    @Test
    void oneReplicaBuildsWithTheOptOut() {
        cluster().app(app().replicas(1).allowSingleReplica(true).build()).build();
    }

    @Test
    void aProbePathWithoutLeadingSlashIsRejected() {
        // Probe paths come only from the shared contract, which refuses them where they are made.
        assertThatThrownBy(() -> app().health(HealthContract.builder().path("healthz").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("HealthContract: path = healthz — must start with /");
    }

    @Test
    void aSingleAntiAffinityPoolAboveOvhsCapIsRejected() {
        rejects(K8sFixtures.oneZoneCluster(TestStacks.emptyStack()).nodePool(NodePoolSpec.builder().maxNodes(6).build()),
                "nodePool.maxNodes", "6", "DE1 has one zone, so the cluster gets one anti-affinity pool, which OVH "
                        + "caps at 5 nodes");
    }

    @Test
    void aPlanTheRegionDoesNotOfferIsRejected() {
        rejects(cluster().plan(ClusterPlan.FREE), "plan", "FREE", "must be STANDARD: EU-WEST-PAR spreads the "
                + "cluster over 3 zones, which only the Standard plan does");
        rejects(K8sFixtures.oneZoneCluster(TestStacks.emptyStack()).plan(ClusterPlan.STANDARD), "plan", "STANDARD",
                "is not offered in DE1, which offers only FREE");
        cluster().plan(ClusterPlan.STANDARD).build();
        K8sFixtures.oneZoneCluster(TestStacks.emptyStack()).plan(ClusterPlan.FREE).build();
    }

    @Test
    void aRegionOutsideOvhsPlanTableNeedsAPlan() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region("XX-NEW-1").vlanId(20).cidr("10.20.0.0/16").build();

        rejects(K8sAppCluster.Builder.create(stack, "app").network(network).app(app().build()), "plan", "null",
                "is required: OVH's table of plans per region (2026-02-03) does not list XX-NEW-1");
    }

    @Test
    void aMultiZoneClusterNeedsTheNetworksGateway() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region("EU-WEST-PAR").vlanId(10).cidr("10.10.0.0/16").gateway(GatewaySpec.none()).build();

        rejects(K8sAppCluster.Builder.create(stack, "app").network(network).app(app().build()), "network",
                "test/network (no gateway)", "must have a gateway: OVH requires one for a multi-zone cluster");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"10.2.0.0/16, DE1, 10.2.0.0/16", "10.3.128.0/17, DE1, 10.3.0.0/16", "172.16.0.0/12, DE1, 172.17.0.0/16",
            "10.0.0.0/8, EU-WEST-PAR, 10.240.0.0/13", "10.244.0.0/16, EU-WEST-PAR, 10.240.0.0/13",
            "10.3.0.0/24, EU-WEST-PAR, 10.3.0.0/16"})
    void aNetworkOverlappingThePlansPodOrServiceRangesIsRejected(String cidr, String region, String reserved) {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region(region).vlanId(10).cidr(cidr).build();

        rejects(K8sAppCluster.Builder.create(stack, "app").network(network).app(app().build()), "network",
                "test/network (" + cidr + ")", "must not overlap " + reserved);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"10.2.0.0/16, EU-WEST-PAR", "10.240.0.0/16, DE1", "172.17.0.0/16, EU-WEST-PAR"})
    void anotherPlansReservedRangeIsFree(String cidr, String region) {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region(region).vlanId(10).cidr(cidr).build();

        K8sAppCluster.Builder.create(stack, "app").network(network).app(app().build()).build();
    }

    @Test
    void aMultiZonePoolMayExceedTheAntiAffinityCap() {
        cluster().nodePool(NodePoolSpec.builder().maxNodes(10).build()).build();
    }

    @Test
    void aNetworkInAnotherStackIsRejected() {
        App app = Testing.app();
        RegionNetwork network = K8sFixtures.network(new TerraformStack(app, "primary"));
        K8sAppCluster.Builder cluster = K8sAppCluster.Builder.create(new TerraformStack(app, "secondary"), "app")
                .network(network).app(app().build());

        Rejections.assertRejected(cluster::build, "secondary/app", "network", "primary/network",
                "must be in the cluster's stack");
    }

    @Test
    void twoClustersCannotShareTheLoadBalancerAddressOfOneNetwork() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = K8sFixtures.network(stack);
        K8sAppCluster.Builder.create(stack, "orders").network(network).manifestFolder("k8s/orders")
                .app(app().build()).build();

        Rejections.assertRejected(() -> K8sAppCluster.Builder.create(stack, "billing").network(network)
                        .manifestFolder("k8s/billing").app(app().name("billing").build()).build(),
                "test/billing", "app.serviceIp", "10.10.255.254 (the default)",
                "is already the load balancer address of test/orders");
        Rejections.assertRejected(() -> K8sAppCluster.Builder.create(stack, "billing2").network(network)
                        .manifestFolder("k8s/billing").app(app().name("billing").serviceIp("10.10.255.254").build())
                        .build(),
                "test/billing2", "app.serviceIp", "10.10.255.254", "is already the load balancer address of test/orders");
    }

    @Test
    void aTerraformReferenceInTheManifestsIsRejectedWithoutPrintingIt() {
        TerraformStack stack = TestStacks.emptyStack();
        String image = TerraformVariable.Builder.create(stack, "image").type("string").build().getStringValue();

        assertThatThrownBy(K8sFixtures.cluster(stack).app(app().image(image).build())::build)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("test/app: app.image = an unresolved Terraform value — must be known at synth time")
                .hasMessageNotContaining("TfToken");
    }

    @Test
    void nullPropsAreRejected() {
        Rejections.assertRejected(() -> new K8sAppCluster(TestStacks.emptyStack(), "app", null), "test/app", "props",
                "null", "is required");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> cluster().kubernetesVersion("1.20")
                .app(app().name("Bad").replicas(1).containerPort(0).build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("4 problems:");
    }

    @Test
    void aSecondClusterWithTheSameIdIsATandemErrorNotAJsiiOne() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = K8sFixtures.network(stack);
        K8sAppCluster.Builder.create(stack, "app").network(network).app(K8sFixtures.app().build()).build();
        Rejections.assertRejected(() -> K8sAppCluster.Builder.create(stack, "app").network(network)
                .app(K8sFixtures.app().build()).build(), "test/app", "id", "app",
                "is already used by another construct under test");
    }
}
