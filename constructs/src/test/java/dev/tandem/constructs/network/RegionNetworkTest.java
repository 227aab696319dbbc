package dev.tandem.constructs.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionNetworkTest {
    static final String PROJECT = "0123456789abcdef0123456789abcdef";

    static RegionNetwork.Builder paris(TerraformStack stack) {
        return RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT).region("EU-WEST-PAR").vlanId(10)
                .cidr("10.10.0.0/16");
    }

    @Test
    void theSubnetLeavesTheGatewayAndTheTopSixteenAddressesOutOfDhcp() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork net = paris(stack).build();
        JsonNode json = TestStacks.synth(stack);

        SynthAssertions.assertResource(json, "ovh_cloud_project_network_private").hasProperties(Map.of(
                "service_name", PROJECT, "name", "test-network", "vlan_id", 10, "regions", List.of("EU-WEST-PAR")));
        SynthAssertions.assertResource(json, "ovh_cloud_project_network_private_subnet").hasProperties(Map.of(
                "service_name", PROJECT, "region", "EU-WEST-PAR", "network", "10.10.0.0/16", "start", "10.10.0.2",
                "end", "10.10.255.239", "dhcp", true, "no_gateway", false));
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.254").orElseThrow())).isTrue();
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.240").orElseThrow())).isTrue();
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.239").orElseThrow())).isFalse();
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.255").orElseThrow())).isFalse();
        // A token (readable from another stack); synthesized, it is the network's OpenStack id in the region.
        assertThat(TestStacks.onlyResource(json, "ovh_cloud_project_gateway").path("network_id").asText())
                .matches("^\\$\\{ovh_cloud_project_network_private\\.[A-Za-z0-9_-]+\\.regions_openstack_ids\\[\"EU-WEST-PAR\"]}$");
    }

    @Test
    void everyRegionGetsASizeSGatewayOnItsSubnetByDefault() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork net = paris(stack).region("DE1").build();
        TerraformOutput.Builder.create(stack, "gateway-id").value(net.gatewayId().orElseThrow()).build();
        JsonNode json = TestStacks.synth(stack);

        JsonNode gateway = SynthAssertions.assertResource(json, "ovh_cloud_project_gateway").hasCount(1)
                .hasProperties(Map.of("service_name", PROJECT, "name", "test-network-gateway", "model", "s",
                        "region", "DE1"));
        // the network's OpenStack id in the region (not its pn-… id) and the subnet, as the provider's docs wire it
        assertThat(gateway.path("network_id").asText())
                .matches("\\$\\{ovh_cloud_project_network_private\\.network_\\w+\\.regions_openstack_ids\\[\"DE1\"]}");
        assertThat(gateway.path("subnet_id").asText())
                .matches("\\$\\{ovh_cloud_project_network_private_subnet\\.network_subnet_\\w+\\.id}");
        assertThat(json.path("output").path("gateway-id").path("value").asText())
                .matches("\\$\\{ovh_cloud_project_gateway\\.network_gateway_\\w+\\.id}");
    }

    @Test
    void theGatewayTakesTheSizeAndNameGiven() {
        TerraformStack stack = TestStacks.emptyStack();
        paris(stack).gateway(GatewaySpec.builder().size(GatewaySize.L).name("par-gw").build()).build();

        SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_gateway")
                .hasProperties(Map.of("name", "par-gw", "model", "l"));
    }

    @Test
    void optingOutLeavesNoGatewayAndTheSameSubnet() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork net = paris(stack).gateway(GatewaySpec.none()).build();
        JsonNode json = TestStacks.synth(stack);

        SynthAssertions.assertResource(json, "ovh_cloud_project_gateway").isAbsent();
        SynthAssertions.assertResource(json, "ovh_cloud_project_network_private_subnet").hasProperties(Map.of(
                "start", "10.10.0.2", "dhcp", true, "no_gateway", false));
        assertThat(net.gateway()).isEmpty();
        assertThat(net.gatewayId()).isEmpty();
    }

    @Test
    void aSmallSubnetReservesAQuarterOfItsAddresses() {
        TerraformStack stack = TestStacks.emptyStack();
        paris(stack).cidr("192.168.1.0/28").build();

        SynthAssertions.assertResource(TestStacks.synth(stack), "ovh_cloud_project_network_private_subnet")
                .hasProperties(Map.of("start", "192.168.1.2", "end", "192.168.1.11"));
    }

    @Test
    void aThreeZoneRegionUsesAllItsZonesUnlessToldOtherwise() {
        RegionNetwork all = paris(TestStacks.emptyStack()).build();
        RegionNetwork two = paris(TestStacks.emptyStack()).zones(List.of("eu-west-par-c", "eu-west-par-a")).build();

        assertThat(all.zones()).containsExactly("eu-west-par-a", "eu-west-par-b", "eu-west-par-c");
        assertThat(all.multiZone()).isTrue();
        assertThat(two.zones()).containsExactly("eu-west-par-c", "eu-west-par-a");
    }

    @Test
    void aOneZoneRegionHasNoZones() {
        RegionNetwork berlin = paris(TestStacks.emptyStack()).region("DE1").build();
        RegionNetwork explicit = paris(TestStacks.emptyStack()).region("GRA11").zones(List.of()).build();

        assertThat(berlin.zones()).isEmpty();
        assertThat(berlin.multiZone()).isFalse();
        assertThat(explicit.zones()).isEmpty();
    }

    @Test
    void theNetworkOwnsTheValuesTheRegionsOtherConstructsRead() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork net = paris(stack).vlanId(0).build();

        assertThat(net.cloudProject()).isEqualTo(PROJECT);
        assertThat(net.region()).isEqualTo("EU-WEST-PAR");
        assertThat(net.vlanId()).isZero();
        assertThat(net.cidr()).hasToString("10.10.0.0/16");
        assertThat(net.stack()).isSameAs(stack);
        assertThat(net.props()).isEqualTo(RegionNetworkProps.builder().cloudProject(PROJECT).region("EU-WEST-PAR")
                .vlanId(0).cidr("10.10.0.0/16").build());
    }

    @Test
    void networksOfOneStackMayShareTheirOvhRegion() {
        TerraformStack stack = TestStacks.emptyStack();
        paris(stack).build();
        RegionNetwork second = RegionNetwork.Builder.create(stack, "second").cloudProject(PROJECT).region("EU-WEST-PAR")
                .vlanId(11).cidr("10.11.0.0/16").build();

        assertThat(second.region()).isEqualTo("EU-WEST-PAR");
    }

    @Test
    void cidrParsingRejectsHostAddressesAndOutOfRangeOctets() {
        assertThat(Ipv4Cidr.parse("10.10.0.0/16")).isPresent();
        assertThat(Ipv4Cidr.parse("10.10.0.1/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.300.0.0/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.10.0.0/33")).isEmpty();
    }
}
