package dev.tandem.constructs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.TestStacks;
import org.junit.jupiter.api.Test;

class RegionNetworkTest {
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    @Test
    void theSubnetLeavesTheGatewayAndTheTopSixteenAddressesOutOfDhcp() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork net = new RegionNetwork(stack, "network", PROJECT, "EU-WEST-PAR", 10, "10.10.0.0/16");
        JsonNode json = TestStacks.synth(stack);

        JsonNode network = TestStacks.onlyResource(json, "ovh_cloud_project_network_private");
        assertThat(network.path("vlan_id").asInt()).isEqualTo(10);
        assertThat(network.path("regions").get(0).asText()).isEqualTo("EU-WEST-PAR");
        JsonNode subnet = TestStacks.onlyResource(json, "ovh_cloud_project_network_private_subnet");
        assertThat(subnet.path("network").asText()).isEqualTo("10.10.0.0/16");
        assertThat(subnet.path("start").asText()).isEqualTo("10.10.0.2");
        assertThat(subnet.path("end").asText()).isEqualTo("10.10.255.239");
        assertThat(subnet.path("dhcp").asBoolean()).isTrue();
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.254").orElseThrow())).isTrue();
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.239").orElseThrow())).isFalse();
        assertThat(net.isReservedForFixedAddresses(Ipv4.parse("10.10.255.255").orElseThrow())).isFalse();
        assertThat(net.openstackNetworkId()).contains(".regions_openstack_ids[\"EU-WEST-PAR\"]");
    }

    @Test
    void badInputIsRejectedWithEveryProblem() {
        TerraformStack stack = TestStacks.emptyStack();
        assertThatThrownBy(() -> new RegionNetwork(stack, "network", "nope", "paris", 0, "8.8.8.0/24"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("4 problems:")
                .hasMessageContaining("test/network: cloudProject = nope")
                .hasMessageContaining("region = paris")
                .hasMessageContaining("vlanId = 0")
                .hasMessageContaining("cidr = 8.8.8.0/24 — must be RFC 1918 private space");
    }

    @Test
    void cidrParsingRejectsHostAddressesAndOutOfRangeOctets() {
        assertThat(Ipv4Cidr.parse("10.10.0.0/16")).isPresent();
        assertThat(Ipv4Cidr.parse("10.10.0.1/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.300.0.0/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.10.0.0/33")).isEmpty();
    }
}
