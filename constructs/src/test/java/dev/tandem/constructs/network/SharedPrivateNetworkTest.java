package dev.tandem.constructs.network;

import static dev.tandem.constructs.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedPrivateNetworkTest {
    static final String PROJECT = RegionNetworkTest.PROJECT;
    static final String PATH = "test/replication";

    static SharedPrivateNetwork.Builder parisFrankfurt(TerraformStack stack) {
        return SharedPrivateNetwork.Builder.create(stack, "replication").cloudProject(PROJECT).vlanId(30)
                .cidr("10.30.0.0/16")
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                        RegionPool.of("DE1", "10.30.64.10", "10.30.127.254", "10.30.0.2")));
    }

    @Test
    void oneNetworkSpansBothRegionsWithOneVlanAndEachRegionGetsTheSameRangeWithItsOwnPoolAndGateway() {
        TerraformStack stack = TestStacks.emptyStack();
        SharedPrivateNetwork shared = parisFrankfurt(stack).build();
        JsonNode json = TestStacks.synth(stack);
        assertThat(shared.getNode().getDefaultChild()).isSameAs(shared.resource());

        SynthAssertions.assertResource(json, "ovh_cloud_project_network_private").hasCount(1).hasProperties(Map.of(
                "vlan_id", 30, "regions", List.of("EU-WEST-PAR", "DE1"), "name", "test-replication"));
        SynthAssertions.assertResource(json, "ovh_cloud_project_network_private_subnet_v2").hasCount(2);
        JsonNode paris = SynthAssertions.assertResource(json, "ovh_cloud_project_network_private_subnet_v2")
                .hasProperties(Map.of("region", "EU-WEST-PAR", "cidr", "10.30.0.0/16", "gateway_ip", "10.30.0.1",
                        "dhcp", true, "enable_gateway_ip", true,
                        "allocation_pools", List.of(Map.of("start", "10.30.0.10", "end", "10.30.63.254"))));
        assertThat(paris.path("network_id").asText()).endsWith(".regions_openstack_ids[\"EU-WEST-PAR\"]}");
        SynthAssertions.assertResource(json, "ovh_cloud_project_network_private_subnet_v2").hasProperties(Map.of(
                "region", "DE1", "cidr", "10.30.0.0/16", "gateway_ip", "10.30.0.2",
                "allocation_pools", List.of(Map.of("start", "10.30.64.10", "end", "10.30.127.254"))));
        SynthAssertions.assertResource(json, "ovh_cloud_project_gateway").hasCount(2)
                .hasProperties(Map.of("region", "DE1", "model", "s"));
        assertThat(shared.isFreeForFixedAddress(Ipv4.parse("10.30.200.10").orElseThrow())).isTrue();
        assertThat(shared.isFreeForFixedAddress(Ipv4.parse("10.30.70.1").orElseThrow())).isFalse();
        assertThat(shared.isFreeForFixedAddress(Ipv4.parse("10.30.0.2").orElseThrow())).isFalse();
        assertThat(shared.isFreeForFixedAddress(Ipv4.parse("10.31.0.5").orElseThrow())).isFalse();
    }

    @Test
    void poolsThatOverlapAreRefused() {
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack())
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                        RegionPool.of("DE1", "10.30.63.0", "10.30.127.254", "10.30.0.2"))).build(),
                PATH, "pools[1]", "10.30.63.0–10.30.127.254", "overlaps the pool of EU-WEST-PAR");
    }

    @Test
    void aPoolOutsideTheRangeIsRefused() {
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack())
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                        RegionPool.of("DE1", "10.31.0.10", "10.31.0.200", "10.30.0.2"))).build(),
                PATH, "pools[1].start", "10.31.0.10", "must be a host address inside 10.30.0.0/16");
    }

    @Test
    void aGatewayInsideAPoolIsRefused() {
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack())
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                        RegionPool.of("DE1", "10.30.64.10", "10.30.127.254", "10.30.0.20"))).build(),
                PATH, "pools[1].gateway", "10.30.0.20", "lies in the DHCP pool of EU-WEST-PAR");
    }

    @Test
    void twoRegionsCannotShareAGateway() {
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack())
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
                        RegionPool.of("DE1", "10.30.64.10", "10.30.127.254", "10.30.0.1"))).build(),
                PATH, "pools[1].gateway", "10.30.0.1", "is another region's gateway too");
    }

    @Test
    void oneRegionIsNotAShare() {
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack())
                .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"))).build(),
                PATH, "pools", "1 region(s)", "must span at least two regions");
    }

    @Test
    void kubernetesRangesMustStayOutsideTheSharedRange() {
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack()).podsCidr("10.30.128.0/17").build(),
                PATH, "podsCidr", "10.30.128.0/17", "overlaps the shared network 10.30.0.0/16");
        assertRejected(() -> parisFrankfurt(TestStacks.emptyStack()).podsCidr("10.7.0.0/16").servicesCidr("10.7.0.0/24")
                .build(), PATH, "servicesCidr", "10.7.0.0/24", "overlaps podsCidr");
    }

    @Test
    void theVlanAndRangeMustDifferFromEveryRegionsOwnNetwork() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetworkTest.paris(stack).vlanId(30).build();
        assertRejected(() -> parisFrankfurt(stack).build(), PATH, "vlanId", "30", "is already the VLAN of test/network");
        TerraformStack other = TestStacks.emptyStack();
        RegionNetworkTest.paris(other).cidr("10.30.0.0/20").build();
        assertRejected(() -> parisFrankfurt(other).build(), PATH, "cidr", "10.30.0.0/16", "overlaps 10.30.0.0/20");
    }
}
