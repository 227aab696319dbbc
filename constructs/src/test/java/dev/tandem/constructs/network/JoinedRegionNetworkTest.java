package dev.tandem.constructs.network;

import static dev.tandem.constructs.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.haproxy.HaproxyTierFixture;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A region's {@link RegionNetwork} joining a {@link SharedPrivateNetwork} held by an owner stack. */
class JoinedRegionNetworkTest {
    private static final String PROJECT = RegionNetworkTest.PROJECT;

    private final App app = Testing.app();
    private final TerraformStack owner = new TerraformStack(app, "network");
    private final SharedPrivateNetwork shared = SharedPrivateNetworkTest.parisFrankfurt(owner).build();

    JoinedRegionNetworkTest() {
        OvhProvider.Builder.create(owner, "ovh").endpoint("ovh-eu").build();
    }

    private RegionNetwork.Builder join(TerraformStack stack, String region) {
        return RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT).region(region).shared(shared);
    }

    private static List<JsonNode> all(JsonNode json, String type) {
        List<JsonNode> found = new ArrayList<>();
        json.path("resource").path(type).elements().forEachRemaining(found::add);
        return found;
    }

    @Test
    void aJoinedRegionOwnsNothingAndItsClusterAndTierAttachToItsSubnetReadFromTheOwnerStack() {
        TerraformStack paris = new TerraformStack(app, "paris");
        RegionNetwork network = join(paris, "EU-WEST-PAR").build();
        HaproxyTierFixture.providers(paris);
        OvhProvider.Builder.create(paris, "ovh").endpoint("ovh-eu").build();
        K8sAppCluster cluster = K8sAppCluster.Builder.create(paris, "app").network(network)
                .app(K8sFixtures.app().build()).build();
        HaproxyTierFixture.on(paris, network).backends(cluster).build();
        JsonNode json = TestStacks.synthApp(app, "paris");

        for (String type : List.of("ovh_cloud_project_network_private", "ovh_cloud_project_network_private_subnet",
                "ovh_cloud_project_network_private_subnet_v2", "ovh_cloud_project_gateway")) {
            assertThat(json.path("resource").has(type)).as(type).isFalse();
        }
        JsonNode kube = TestStacks.onlyResource(json, "ovh_cloud_project_kube");
        assertThat(kube.path("nodes_subnet_id").asText()).startsWith("${data.terraform_remote_state.cross-stack-reference-input-network.")
                .contains("subnet_v2").contains("EU-WEST-PAR");
        assertThat(kube.path("private_network_id").asText()).startsWith("${data.terraform_remote_state.")
                .contains("regions_openstack_idsEU-WEST-PAR");
        assertThat(kube.has("depends_on")).as("the gateway is in the owner stack, applied first").isFalse();
        for (JsonNode instance : all(json, "ovh_cloud_instance")) {
            assertThat(instance.path("networks").get(0).path("subnet_id").asText()).isEqualTo(kube.path("nodes_subnet_id").asText());
            instance.path("depends_on").forEach(d -> assertThat(d.asText()).doesNotContain("gateway"));
        }
        assertThat(network.vlanId()).isEqualTo(30);
        assertThat(network.cidr()).hasToString("10.30.0.0/16");
        assertThat(network.sharedNetwork()).containsSame(shared);
        assertThat(network.hasGateway()).isTrue();
        assertThat(network.gateway()).isEmpty();
        assertThat(network.resource()).isSameAs(shared.resource());
        assertThat(network.fixedAddresses()).hasToString("10.30.0.3–10.30.0.9");
        assertThat(cluster.serviceIp()).isEqualTo("10.30.0.9");
        assertThatThrownBy(network::subnet).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subnet(\"EU-WEST-PAR\")");
    }

    @Test
    void eachRegionsFixedAddressesAreTheFreeRunJustBelowItsOwnPool() {
        RegionNetwork frankfurt = join(new TerraformStack(app, "frankfurt"), "DE1").build();
        assertThat(frankfurt.fixedAddresses()).hasToString("10.30.63.255–10.30.64.9");
        assertThat(frankfurt.isReservedForFixedAddresses(Ipv4.parse("10.30.64.9").orElseThrow())).isTrue();
        assertThat(frankfurt.isReservedForFixedAddresses(Ipv4.parse("10.30.0.9").orElseThrow())).isFalse();
        assertThat(frankfurt.isReservedForFixedAddresses(Ipv4.parse("10.30.64.10").orElseThrow())).isFalse();
        assertThat(shared.fixedAddresses("GRA11")).isEmpty();
    }

    @Test
    void aVlanOrRangeOrGatewayOfItsOwnIsRefused() {
        assertRejected(() -> join(new TerraformStack(app, "a"), "EU-WEST-PAR").vlanId(31).build(), "a/network",
                "vlanId", "31", "is set, but the network joins network/replication");
        assertRejected(() -> join(new TerraformStack(app, "b"), "EU-WEST-PAR").cidr("10.31.0.0/16").build(),
                "b/network", "cidr", "10.31.0.0/16", "whose range 10.30.0.0/16 every region of it shares");
        assertRejected(() -> join(new TerraformStack(app, "c"), "EU-WEST-PAR").gateway(GatewaySpec.none()).build(),
                "c/network", "gateway", "", "whose gateway in the region serves it");
    }

    @Test
    void aRegionTheNetworkDoesNotSpanOrAnotherProjectIsRefused() {
        assertRejected(() -> join(new TerraformStack(app, "gravelines"), "GRA11").build(), "gravelines/network",
                "region", "GRA11", "is not one of the regions network/replication spans [EU-WEST-PAR, DE1]");
        assertRejected(() -> join(new TerraformStack(app, "frankfurt"), "DE1")
                .cloudProject("fedcba9876543210fedcba9876543210").build(), "frankfurt/network", "cloudProject", "fedcba9876543210fedcba9876543210", "a vRack network belongs to one project");
    }

    @Test
    void aRegionJoinedTwiceIsRefused() {
        join(new TerraformStack(app, "paris"), "EU-WEST-PAR").build();
        assertRejected(() -> join(new TerraformStack(app, "paris-again"), "EU-WEST-PAR").build(),
                "paris-again/network", "region", "EU-WEST-PAR", "already joined network/replication as paris/network");
    }

    @Test
    void aRegionsOwnNetworkOverlappingTheSharedRangeIsRefused() {
        RegionNetwork.Builder.create(new TerraformStack(app, "gravelines"), "network").cloudProject(PROJECT)
                .region("GRA11").vlanId(40).cidr("10.30.0.0/20").build();
        assertRejected(() -> join(new TerraformStack(app, "paris"), "EU-WEST-PAR").build(), "paris/network", "cidr",
                "10.30.0.0/16", "overlaps 10.30.0.0/20 of gravelines/network");
    }

    @Test
    void aPoolStartingRightAboveItsGatewayLeavesNoFixedAddressAndIsRefused() {
        App other = Testing.app();
        SharedPrivateNetwork tight = SharedPrivateNetwork.Builder.create(new TerraformStack(other, "network"), "tight")
                .cloudProject(PROJECT).vlanId(30).cidr("10.30.0.0/16")
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.2", "10.30.127.254", "10.30.0.1"),
                        RegionPool.of("DE1", "10.30.128.10", "10.30.255.254", "10.30.128.1")))
                .build();
        assertRejected(() -> RegionNetwork.Builder.create(new TerraformStack(other, "paris"), "network")
                .cloudProject(PROJECT).region("EU-WEST-PAR").shared(tight).build(), "paris/network", "shared",
                "network/tight", "leaves EU-WEST-PAR no free address just below its DHCP pool");
    }
}
