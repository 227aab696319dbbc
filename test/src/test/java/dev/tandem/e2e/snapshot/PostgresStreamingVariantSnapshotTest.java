package dev.tandem.e2e.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL reference streaming over one shared network ({@code ./synth --data postgres-streaming}) against
 * {@code snapshots/postgres-streaming/}: the network's owner stack, the regions joining it, and the report.
 */
class PostgresStreamingVariantSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GoldenFiles golden = GoldenFiles.fromEnvironment().under("postgres-streaming");

    private static Path out() {
        return SynthesizedDeployment.variant("postgres-streaming", ReferenceDeployment.postgresStreamingSpec());
    }

    private static JsonNode stack(String name) throws Exception {
        return JSON.readTree(out().resolve("stacks/" + name + "/cdk.tf.json").toFile());
    }

    private static List<JsonNode> resources(JsonNode stack, String type) {
        List<JsonNode> found = new ArrayList<>();
        stack.path("resource").path(type).elements().forEachRemaining(found::add);
        return found;
    }

    @Test
    void everyStackFileTheManifestAndTheDrReportMatchTheirGoldenFiles() {
        golden.verifyDeployment(out());
    }

    @Test
    void theNetworkStackHoldsOneNetworkOverBothRegionsWithDisjointPoolsAndAGatewayEach() throws Exception {
        JsonNode network = stack("network");
        List<JsonNode> networks = resources(network, "ovh_cloud_project_network_private");
        assertThat(networks).hasSize(1);
        assertThat(networks.get(0).path("vlan_id").asInt()).isEqualTo(30);
        assertThat(networks.get(0).path("regions")).extracting(JsonNode::asText).containsExactly("EU-WEST-PAR", "DE1");
        List<JsonNode> subnets = resources(network, "ovh_cloud_project_network_private_subnet_v2");
        assertThat(subnets).extracting(s -> s.path("cidr").asText()).containsOnly("10.30.0.0/16");
        assertThat(subnets).extracting(s -> s.path("gateway_ip").asText() + " " + s.path("allocation_pools").get(0)
                .path("start").asText() + "-" + s.path("allocation_pools").get(0).path("end").asText())
                .containsExactlyInAnyOrder("10.30.0.1 10.30.0.18-10.30.127.254", "10.30.128.1 10.30.128.18-10.30.255.254");
        assertThat(resources(network, "ovh_cloud_project_gateway")).hasSize(2);
        assertThat(network.path("terraform").path("required_providers").fieldNames()).toIterable().containsExactly("ovh");
    }

    @Test
    void eachRegionOwnsNoNetworkAndAttachesItsClusterAndTierToItsSubnetReadFromTheNetworkStack() throws Exception {
        JsonNode manifest = JSON.readTree(out().resolve("manifest.json").toFile());
        for (String region : List.of("primary", "secondary")) {
            JsonNode stack = stack(region);
            for (String type : List.of("ovh_cloud_project_network_private", "ovh_cloud_project_network_private_subnet",
                    "ovh_cloud_project_network_private_subnet_v2", "ovh_cloud_project_gateway")) {
                assertThat(stack.path("resource").has(type)).as(region + " holds no " + type).isFalse();
            }
            JsonNode kube = resources(stack, "ovh_cloud_project_kube").get(0);
            assertThat(kube.path("nodes_subnet_id").asText()).startsWith("${data.terraform_remote_state.")
                    .contains("subnet_v2");
            assertThat(kube.path("private_network_id").asText()).startsWith("${data.terraform_remote_state.")
                    .contains("regions_openstack_ids");
            for (JsonNode instance : resources(stack, "ovh_cloud_instance")) {
                assertThat(instance.path("networks").get(0).path("subnet_id").asText())
                        .isEqualTo(kube.path("nodes_subnet_id").asText());
            }
            assertThat(manifest.path("stacks").path(region).path("dependencies")).extracting(JsonNode::asText)
                    .contains("network");
        }
    }

    @Test
    void eachRegionsFixedAddressesAreItsOwnAndTheStandbyStreamsFromThePeersReadWriteAddress() throws Exception {
        String[][] regions = {{"primary", "10.30.0.17", "10.30.0.16", "10.30.128.16"},
            {"secondary", "10.30.128.17", "10.30.128.16", "10.30.0.16"}};
        for (String[] r : regions) {
            Path dir = out().resolve("stacks/" + r[0]);
            assertThat(Files.readString(dir.resolve("k8s/service.yaml"))).contains("loadBalancerIP: " + r[1]);
            assertThat(Files.readString(dir.resolve("postgres/rw-service.yaml"))).contains("loadBalancerIP: " + r[2]);
            assertThat(Files.readString(dir.resolve("postgres/cluster.yaml"))).contains("host: " + r[3]);
        }
    }

    @Test
    void theDrReportPassesTheNetworkRuleAndGivesTheStreamingRecoveryPoint() throws Exception {
        String report = Files.readString(out().resolve("dr-report.md"));
        assertThat(report).contains("| PASS | postgres-network | primary/sessions | replicationMode | STREAMING over network/shared |")
                .contains("| network | local file terraform.network.tfstate");
        JsonNode rpo = JSON.readTree(out().resolve("dr-report.json").toFile()).path("recoveryPoint").path("postgres").get(0);
        assertThat(rpo.path("mode").asText()).isEqualTo("STREAMING");
    }
}
