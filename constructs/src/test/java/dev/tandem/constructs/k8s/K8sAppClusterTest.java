package dev.tandem.constructs.k8s;

import static dev.tandem.constructs.k8s.K8sFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.network.GatewaySpec;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sAppClusterTest {

    private static List<JsonNode> resources(JsonNode synth, String type) {
        return StreamSupport.stream(synth.path("resource").path(type).spliterator(), false).toList();
    }

    @Test
    void theClusterJoinsTheRegionsPrivateNetworkInItsProjectWithItsVersionAndPolicies() {
        TerraformStack stack = TestStacks.emptyStack();
        cluster(stack).kubernetesVersion("1.34").updatePolicy(UpdatePolicy.ALWAYS_UPDATE)
                .kubeProxyMode(KubeProxyMode.IPVS).build();

        JsonNode kube = SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_kube")
                .hasProperties(Map.of("service_name", K8sFixtures.PROJECT, "region", "EU-WEST-PAR",
                        "version", "1.34", "update_policy", "ALWAYS_UPDATE", "kube_proxy_mode", "ipvs",
                        "name", "test-app", "plan", "standard"));
        assertThat(kube.path("private_network_id").asText()).contains("regions_openstack_ids[\"EU-WEST-PAR\"]");
        assertThat(kube.path("nodes_subnet_id").asText()).contains("ovh_cloud_project_network_private_subnet");
        assertThat(kube.path("load_balancers_subnet_id").asText()).isEqualTo(kube.path("nodes_subnet_id").asText());
    }

    @Test
    void aThreeZoneClusterIsStandardWaitsForTheGatewayAndSendsNoPrivateNetworkConfiguration() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster cluster = cluster(stack).build();

        JsonNode kube = SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_kube")
                .hasProperties(Map.of("plan", "standard"));
        assertThat(cluster.plan()).isEqualTo(ClusterPlan.STANDARD);
        assertThat(kube.has("private_network_configuration")).as("omitted on Standard: %s", kube).isFalse();
        assertThat(kube.path("depends_on")).extracting(JsonNode::asText)
                .singleElement().asString().matches("ovh_cloud_project_gateway\\.network_gateway_\\w+");
    }

    @Test
    void theClusterWaitsAnHourForReadyBecauseATimedOutCreateLeavesAClusterTheStateDoesNotHold() {
        TerraformStack stack = TestStacks.emptyStack();
        cluster(stack).build();

        JsonNode kube = SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_kube")
                .hasProperties(Map.of());
        assertThat(kube.path("timeouts").path("create").asText()).isEqualTo("60m");
    }

    @Test
    void aOneZoneClusterIsFreeKeepsItsNodesPublicEgressAndWaitsForTheGateway() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster cluster = K8sFixtures.oneZoneCluster(stack).build();

        JsonNode kube = SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_kube")
                .hasProperties(Map.of("region", "DE1", "plan", "free", "private_network_configuration",
                        Map.of("default_vrack_gateway", "", "private_network_routing_as_default", false)));
        assertThat(cluster.plan()).isEqualTo(ClusterPlan.FREE);
        assertThat(kube.path("depends_on")).hasSize(1);
    }

    @Test
    void aClusterOnANetworkWithoutGatewayDependsOnNothing() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region("DE1").vlanId(20).cidr("10.20.0.0/16").gateway(GatewaySpec.none()).build();
        K8sAppCluster.Builder.create(stack, "app").network(network).app(K8sFixtures.app().build()).build();

        JsonNode kube = SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_kube")
                .hasProperties(Map.of("plan", "free"));
        assertThat(kube.has("depends_on")).as("%s", kube).isFalse();
    }

    @Test
    void aRegionOutsideOvhsPlanTableTakesThePlanItIsGiven() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region("XX-NEW-1").vlanId(20).cidr("10.20.0.0/16").build();
        K8sAppCluster cluster = K8sAppCluster.Builder.create(stack, "app").network(network)
                .plan(ClusterPlan.STANDARD).app(K8sFixtures.app().build()).build();

        assertThat(cluster.plan()).isEqualTo(ClusterPlan.STANDARD);
        SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_kube")
                .hasProperties(Map.of("plan", "standard"));
    }

    @Test
    void autoscaledPoolsLeaveTheirSizeToTheAutoscalerAndFixedPoolsKeepTheirs() {
        TerraformStack autoscaled = TestStacks.emptyStack();
        K8sFixtures.oneZoneCluster(autoscaled).build();
        TerraformStack fixed = TestStacks.emptyStack();
        K8sFixtures.oneZoneCluster(fixed).nodePool(NodePoolSpec.builder().autoscale(false).build()).build();

        SynthAssertions.assertResource(TestStacks.synth(autoscaled), "ovh_cloud_project_kube_nodepool")
                .hasProperties(Map.of("autoscale", true, "desired_nodes", 3,
                        "lifecycle", Map.of("ignore_changes", List.of("desired_nodes"))));
        JsonNode pool = SynthAssertions.assertResource(TestStacks.synth(fixed), "ovh_cloud_project_kube_nodepool")
                .hasProperties(Map.of("autoscale", false, "desired_nodes", 3));
        assertThat(pool.has("lifecycle")).as("%s", pool).isFalse();
    }

    @Test
    void aMultiZoneRegionGetsOnePoolPerZoneOfTheNetwork() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster cluster = cluster(stack).nodePool(NodePoolSpec.builder().flavor("b3-16")
                .desiredNodes(1).minNodes(1).maxNodes(4)
                .labels(Map.of("tandem.dev/role", "app"))
                .taints(List.of(Taint.builder().key("dedicated").value("app").build())).build()).build();

        JsonNode synth = TestStacks.synth(stack);
        assertThat(cluster.nodePools()).hasSize(3);
        for (String zone : K8sFixtures.PARIS_ZONES) {
            SynthAssertions.assertResource(synth, "ovh_cloud_project_kube_nodepool").hasProperties(Map.of(
                    "name", "pool-" + zone, "availability_zones", List.of(zone), "anti_affinity", false,
                    "flavor_name", "b3-16", "desired_nodes", 1, "min_nodes", 1, "max_nodes", 4, "autoscale", true,
                    "template", Map.of("metadata", Map.of("labels", Map.of("tandem.dev/role", "app")),
                            "spec", Map.of("taints", List.of(Map.of("key", "dedicated", "value", "app",
                                    "effect", "NoSchedule"))))));
        }
    }

    @Test
    void aNetworkWithTwoOfItsRegionsZonesGetsTwoPools() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(K8sFixtures.PROJECT)
                .region("EU-SOUTH-MIL").zones(List.of("eu-south-mil-a", "eu-south-mil-c")).vlanId(10)
                .cidr("10.10.0.0/16").build();
        K8sAppCluster cluster = K8sAppCluster.Builder.create(stack, "app").network(network)
                .app(K8sFixtures.app().build()).build();

        assertThat(resources(TestStacks.synth(stack), "ovh_cloud_project_kube_nodepool"))
                .extracting(p -> p.path("availability_zones").get(0).asText())
                .containsExactlyInAnyOrder("eu-south-mil-a", "eu-south-mil-c");
        assertThat(cluster.nodePools()).hasSize(2);
    }

    @Test
    void aSingleZoneRegionGetsOneAntiAffinityPool() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sFixtures.oneZoneCluster(stack).build();

        JsonNode synth = TestStacks.synth(stack);
        SynthAssertions.assertResource(synth, "ovh_cloud_project_kube_nodepool").hasCount(1);
        JsonNode pool = SynthAssertions.assertResource(synth, "ovh_cloud_project_kube_nodepool")
                .hasProperties(Map.of("name", "pool", "anti_affinity", true));
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
        assertThat(cluster.getNode().findAll()).filteredOn(SideFile.class::isInstance)
                .allSatisfy(f -> assertThat(((SideFile) f).content()).doesNotContain("kubeconfig"));
    }

    @Test
    void haproxyGetsTheFixedPrivateLoadBalancerAddressAndTheAppPort() {
        K8sAppCluster byDefault = cluster(TestStacks.emptyStack()).build();
        K8sAppCluster pinned = cluster(TestStacks.emptyStack())
                .app(K8sFixtures.app().serviceIp("10.10.255.250").containerPort(9000).build()).build();

        assertThat(byDefault.backendServers()).containsExactly(BackendServer.of("orders", "10.10.255.254", 8080));
        assertThat(pinned.backendServers()).containsExactly(BackendServer.of("orders", "10.10.255.250", 9000));
        assertThat(K8sFixtures.yaml(pinned, "service.yaml").at("/spec/loadBalancerIP").asText())
                .isEqualTo("10.10.255.250");
    }

    @Test
    void theManifestsAreSideFilesAppliedInOrderByTheKustomization() {
        K8sAppCluster cluster = cluster(TestStacks.emptyStack())
                .app(K8sFixtures.app().autoscaling(Autoscaling.builder().minReplicas(3).maxReplicas(9).build())
                        .build()).build();

        assertThat(K8sFixtures.file(cluster, "kustomization.yaml")).isEqualTo("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - namespace.yaml
                - deployment.yaml
                - service.yaml
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
                    .app(K8sFixtures.app().name("billing").serviceIp("10.10.255.253").build()).build();
        })).hasMessageContaining("would overwrite stacks/region/k8s/");
    }

    @Test
    void toBuilderCopiesSpecsAndKeepsUnsetDefaultsDerived() {
        AppSpec app = K8sFixtures.app().replicas(4).build();
        AppSpec moved = app.toBuilder().health(app.health().toBuilder().port(9090).build()).build();
        NodePoolSpec pool = NodePoolSpec.builder().flavor("c3-8").maxNodes(7).build();

        assertThat(app.toBuilder().build()).isEqualTo(app);
        assertThat(moved.effectiveContainerPort()).isEqualTo(9090);
        assertThat(moved.effectiveNamespace()).isEqualTo("orders");
        assertThat(moved.replicas()).isEqualTo(4);
        assertThat(pool.toBuilder().build()).isEqualTo(pool);
        assertThat(pool.toBuilder().desiredNodes(4).build().maxNodes()).isEqualTo(7);
    }
}
