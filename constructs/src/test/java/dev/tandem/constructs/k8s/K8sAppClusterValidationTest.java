package dev.tandem.constructs.k8s;

import static dev.tandem.constructs.k8s.K8sFixtures.app;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule: each names the construct path, the property, the value and a fix. */
class K8sAppClusterValidationTest {

    private static K8sAppCluster.Builder cluster() {
        return K8sFixtures.cluster(TestStacks.emptyStack());
    }

    private static void rejects(K8sAppCluster.Builder builder, String property, String value, String why) {
        Rejections.assertRejected(builder::build, "test/app", property, value, why);
    }

    @Test
    void fewerThanTwoReplicasAreRejectedWithoutTheExplicitOptOut() {
        rejects(cluster().app(app().replicas(1).build()), "app.replicas", "1", "must be at least 2");
        rejects(cluster().app(app().autoscaling(Autoscaling.between(1, 3)).build()),
                "app.autoscaling.minReplicas", "1", "must be at least 2");
    }

    @Test
    void oneReplicaBuildsWithTheOptOut() {
        cluster().app(app().replicas(1).allowSingleReplica().build()).build();
    }

    @Test
    void aProbePathWithoutLeadingSlashIsRejected() {
        // Probe paths come only from the shared contract, which refuses them where they are made.
        assertThatThrownBy(() -> app().health(HealthContract.builder().path("healthz").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("HealthContract: path = healthz — must start with /");
    }

    @Test
    void aContainerPortOutside1To65535IsRejected() {
        rejects(cluster().app(app().containerPort(0).build()), "app.containerPort", "0", "between 1 and 65535");
        rejects(cluster().app(app().containerPort(65536).build()), "app.containerPort", "65536",
                "between 1 and 65535");
    }

    @Test
    void namesThatAreNotDns1123AreRejected() {
        rejects(cluster().app(app().name("Orders_API").build()), "app.name", "Orders_API", "DNS-1123 label");
        rejects(cluster().app(app().name("9orders").build()), "app.name", "9orders", "starting with a letter");
        rejects(cluster().app(app().namespace("x".repeat(64)).build()), "app.namespace", "x".repeat(64),
                "DNS-1123 label");
        rejects(cluster().app(app().ingress(IngressSpec.forHost("a.example.com").withTls("Orders TLS")).build()),
                "app.ingress.tlsSecretName", "Orders TLS", "DNS-1123 subdomain");
    }

    @Test
    void limitsBelowRequestsAreRejected() {
        rejects(cluster().app(app().resources(new Resources(500, 250, 256, 512)).build()),
                "app.resources.cpuLimitMillis", "250", "must not be below the request (500m)");
        rejects(cluster().app(app().resources(new Resources(250, 500, 512, 256)).build()),
                "app.resources.memoryLimitMebibytes", "256", "must not be below the request (512Mi)");
    }

    @Test
    void aDisruptionBudgetThatBlocksAllEvictionsIsRejected() {
        rejects(cluster().app(app().pdbMinAvailable(3).build()), "app.pdbMinAvailable", "3",
                "blocks all evictions");
        rejects(cluster().app(app().autoscaling(Autoscaling.between(2, 6)).pdbMinAvailable(2).build()),
                "app.pdbMinAvailable", "2", "must be below the 2 replicas");
    }

    @Test
    void anIngressHostThatIsNotAHostNameIsRejected() {
        for (String host : List.of("https://orders.example.com", "orders.example.com:443", "10.0.0.1",
                "Orders.Example.com", "orders..example.com")) {
            rejects(cluster().app(app().ingress(IngressSpec.forHost(host)).build()), "app.ingress.host", host,
                    "must be a DNS host name");
        }
        cluster().app(app().ingress(IngressSpec.forHost("*.example.com")).build()).build();
    }

    @Test
    void anImageWithoutTagOrDigestIsRejected() {
        rejects(cluster().app(app().image("registry.example.com/team/orders").build()), "app.image",
                "registry.example.com/team/orders", "must name a tag or a digest");
    }

    @Test
    void aSingleAntiAffinityPoolAboveOvhsCapIsRejected() {
        rejects(cluster().zones(List.of()).nodePool(NodePoolSpec.builder().nodes(3, 3, 6).build()),
                "nodePool.nodes.max", "6", "caps at 5 nodes");
    }

    @Test
    void nodeCountsOutOfOrderAreRejected() {
        rejects(cluster().nodePool(NodePoolSpec.builder().nodes(5, 3, 4).build()), "nodePool.nodes", "5 (3–4)",
                "0 ≤ min ≤ desired ≤ max");
    }

    @Test
    void aServiceAddressOutsideTheReservedTopOfTheSubnetIsRejected() {
        rejects(cluster().app(app().serviceIp("10.11.0.5").build()), "app.serviceIp", "10.11.0.5",
                "top of the region's subnet 10.10.0.0/16");
        rejects(cluster().app(app().serviceIp("10.10.0.1").build()), "app.serviceIp", "10.10.0.1",
                "that DHCP does not hand out");
        rejects(cluster().app(app().serviceIp("10.10.200.10").build()), "app.serviceIp", "10.10.200.10",
                "that DHCP does not hand out");
        rejects(cluster().app(app().serviceIp("10.10.255.255").build()), "app.serviceIp", "10.10.255.255",
                "that DHCP does not hand out");
    }

    @Test
    void aKubernetesVersionWithPatchIsRejected() {
        rejects(cluster().kubernetesVersion("1.33.2"), "kubernetesVersion", "1.33.2", "minor version");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> cluster().app(app().name("Bad").namespace("orders").replicas(1).containerPort(0).build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("3 problems:");
    }
}
