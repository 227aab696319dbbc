package dev.tandem.constructs.k8s;

import static dev.tandem.constructs.k8s.K8sFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sAppClusterTest {

    private static List<JsonNode> resources(JsonNode synth, String type) {
        return StreamSupport.stream(synth.path("resource").path(type).spliterator(), false).toList();
    }

    @Test
    void theClusterJoinsTheRegionsPrivateNetworkWithItsVersionAndPolicies() {
        TerraformStack stack = TestStacks.emptyStack();
        cluster(stack).kubernetesVersion("1.32").updatePolicy(UpdatePolicy.ALWAYS_UPDATE)
                .kubeProxyMode(KubeProxyMode.IPVS).build();

        JsonNode kube = TestStacks.onlyResource(TestStacks.synth(stack), "ovh_cloud_project_kube");
        assertThat(kube.path("region").asText()).isEqualTo("EU-WEST-PAR");
        assertThat(kube.path("version").asText()).isEqualTo("1.32");
        assertThat(kube.path("update_policy").asText()).isEqualTo("ALWAYS_UPDATE");
        assertThat(kube.path("kube_proxy_mode").asText()).isEqualTo("ipvs");
        assertThat(kube.path("private_network_id").asText()).contains("regions_openstack_ids[\"EU-WEST-PAR\"]");
        assertThat(kube.path("nodes_subnet_id").asText()).contains("ovh_cloud_project_network_private_subnet");
        assertThat(kube.path("load_balancers_subnet_id").asText()).isEqualTo(kube.path("nodes_subnet_id").asText());
    }

    @Test
    void aMultiZoneRegionGetsOnePoolPerZone() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster cluster = cluster(stack).nodePool(NodePoolSpec.builder().flavor("b3-16").nodes(1, 1, 4)
                .labels(Map.of("tandem.dev/role", "app"))
                .taints(List.of(new Taint("dedicated", "app", Taint.Effect.NoSchedule))).build()).build();

        List<JsonNode> pools = resources(TestStacks.synth(stack), "ovh_cloud_project_kube_nodepool");
        assertThat(cluster.nodePools()).hasSize(3);
        assertThat(pools).extracting(p -> p.path("availability_zones").get(0).asText())
                .containsExactlyInAnyOrderElementsOf(K8sFixtures.PARIS_ZONES);
        assertThat(pools).allSatisfy(p -> {
            assertThat(p.path("availability_zones")).hasSize(1);
            assertThat(p.path("anti_affinity").asBoolean()).isFalse();
            assertThat(p.path("flavor_name").asText()).isEqualTo("b3-16");
            assertThat(p.path("desired_nodes").asInt()).isEqualTo(1);
            assertThat(p.path("max_nodes").asInt()).isEqualTo(4);
            assertThat(p.path("autoscale").asBoolean()).isTrue();
            assertThat(p.at("/template/metadata/labels/tandem.dev~1role").asText()).isEqualTo("app");
            assertThat(p.at("/template/spec/taints/0/effect").asText()).isEqualTo("NoSchedule");
        });
    }

    @Test
    void aSingleZoneRegionGetsOneAntiAffinityPool() {
        TerraformStack stack = TestStacks.emptyStack();
        cluster(stack).zones(List.of()).build();

        JsonNode pool = TestStacks.onlyResource(TestStacks.synth(stack), "ovh_cloud_project_kube_nodepool");
        assertThat(pool.path("anti_affinity").asBoolean()).isTrue();
        assertThat(pool.has("availability_zones")).isFalse();
        assertThat(pool.path("kube_id").asText()).contains("ovh_cloud_project_kube");
    }

    @Test
    void theKubeconfigIsExposedOnlyAsASensitiveOutput() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster cluster = cluster(stack).build();

        JsonNode synth = TestStacks.synth(stack);
        List<JsonNode> outputs = StreamSupport.stream(synth.path("output").spliterator(), false).toList();
        assertThat(outputs).singleElement().satisfies(o -> {
            assertThat(o.path("sensitive").asBoolean()).isTrue();
            assertThat(o.path("value").asText()).endsWith(".kubeconfig}");
        });
        assertThat(cluster.kubeconfigOutput()).isNotNull();
        assertThat(cluster.getNode().findAll()).filteredOn(SideFile.class::isInstance)
                .allSatisfy(f -> assertThat(((SideFile) f).content()).doesNotContain("kubeconfig"));
    }

    @Test
    void haproxyGetsTheFixedPrivateLoadBalancerAddressAndTheAppPort() {
        K8sAppCluster byDefault = cluster(TestStacks.emptyStack()).build();
        K8sAppCluster pinned = cluster(TestStacks.emptyStack())
                .app(K8sFixtures.app().serviceIp("10.10.255.250").build()).build();

        assertThat(byDefault.backendServers()).containsExactly(BackendServer.of("orders", "10.10.255.254", 8080));
        assertThat(pinned.backendServers()).containsExactly(BackendServer.of("orders", "10.10.255.250", 8080));
        assertThat(K8sFixtures.yaml(pinned, "service.yaml").at("/spec/loadBalancerIP").asText())
                .isEqualTo("10.10.255.250");
    }

    @Test
    void theManifestsAreSideFilesAppliedInOrderByTheKustomization() {
        K8sAppCluster cluster = cluster(TestStacks.emptyStack())
                .app(K8sFixtures.app().autoscaling(Autoscaling.between(3, 9)).build()).build();

        assertThat(K8sFixtures.file(cluster, "kustomization.yaml")).isEqualTo("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - namespace.yaml
                - deployment.yaml
                - service.yaml
                - ingress.yaml
                - pdb.yaml
                - hpa.yaml
                """);
    }

    @Test
    void aLatestTagBuildsWithAWarning() {
        K8sAppCluster cluster = cluster(TestStacks.emptyStack())
                .app(K8sFixtures.app().image("registry.example.com/team/orders:latest").build()).build();

        assertThat(cluster.getNode().getMetadata())
                .anySatisfy(m -> assertThat(String.valueOf(m.getData())).contains(":latest"));
    }

    @Test
    void aPinnedImageBuildsWithoutWarning() {
        K8sAppCluster cluster = cluster(TestStacks.emptyStack())
                .app(K8sFixtures.app().image("registry.example.com/team/orders:latest@sha256:" + "a".repeat(64))
                        .build()).build();

        assertThat(cluster.getNode().getMetadata()).isEmpty();
    }

    @Test
    void twoClustersInOneStackWriteTheirManifestsToTheirOwnFolders(@TempDir Path tmp) {
        Path out = tmp.resolve("cdktf.out");
        TandemApp.synthesize(out, app -> {
            TerraformStack stack = new TerraformStack(app, "region");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            RegionNetwork network = K8sFixtures.network(stack);
            K8sAppCluster.Builder.create(stack, "orders").network(network).manifestFolder("k8s/orders")
                    .app(K8sFixtures.app().build()).build();
            return K8sAppCluster.Builder.create(stack, "billing").network(network).manifestFolder("k8s/billing")
                    .app(K8sFixtures.app().name("billing").serviceIp("10.10.255.253").build()).build();
        });

        assertThat(out.resolve("stacks/region/k8s/orders/deployment.yaml")).exists();
        assertThat(out.resolve("stacks/region/k8s/billing/kustomization.yaml")).exists();
        assertThatThrownBy(() -> TandemApp.synthesize(tmp.resolve("clash"), app -> {
            TerraformStack stack = new TerraformStack(app, "region");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            RegionNetwork network = K8sFixtures.network(stack);
            K8sAppCluster.Builder.create(stack, "orders").network(network).app(K8sFixtures.app().build()).build();
            return K8sAppCluster.Builder.create(stack, "billing").network(network)
                    .app(K8sFixtures.app().name("billing").build()).build();
        })).hasMessageContaining("would overwrite stacks/region/k8s/");
    }
}
