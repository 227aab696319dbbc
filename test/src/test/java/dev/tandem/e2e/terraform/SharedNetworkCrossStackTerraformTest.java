package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reference's cross-stack wiring ({@code ./synth --data postgres-streaming}) through real Terraform,
 * offline: the {@code network} stack's outputs are applied into a local state (their values stand in for the OVH
 * ids, which need the provider and an account), and each region stack's own {@code terraform_remote_state} block
 * reads that state back for every id its cluster and instances take. It proves that the names cdktf gives both
 * sides agree, that the local backend's state is read where the region expects it, and that each region reads its
 * own region's subnet and network.
 */
class SharedNetworkCrossStackTerraformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REMOTE = Pattern.compile(
            "^\\$\\{data\\.terraform_remote_state\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)}$");
    private static OfflineTerraform terraform;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTerraform() {
        terraform = OfflineTerraform.require("Terraform checks");
    }

    @Test
    void eachRegionReadsItsOwnSubnetAndNetworkFromTheNetworkStacksAppliedState() throws Exception {
        Path out = SynthesizedDeployment.variant("postgres-streaming", ReferenceDeployment.postgresStreamingSpec());
        JsonNode network = JSON.readTree(out.resolve("stacks/network/cdk.tf.json").toFile());
        Path state = dir.resolve("terraform.network.tfstate");

        // The network stack's outputs, each given a stand-in value that names the expression it stands for.
        Map<String, String> standIns = new LinkedHashMap<>();
        ObjectNode owner = JSON.createObjectNode();
        owner.putObject("terraform").putObject("backend").putObject("local").put("path", state.toString());
        ObjectNode outputs = owner.putObject("output");
        network.path("output").fields().forEachRemaining(o -> {
            String value = "stand-in for " + o.getValue().path("value").asText();
            standIns.put(o.getKey(), value);
            outputs.putObject(o.getKey()).put("value", value.replace("${", "$${")); // literal text, not a reference
        });
        assertThat(standIns).isNotEmpty();
        apply(dir.resolve("network"), owner);

        for (String[] region : new String[][] {{"primary", "EU-WEST-PAR"}, {"secondary", "DE1"}}) {
            JsonNode stack = JSON.readTree(out.resolve("stacks/" + region[0] + "/cdk.tf.json").toFile());
            ObjectNode reader = JSON.createObjectNode();
            ObjectNode data = reader.putObject("data").putObject("terraform_remote_state");
            stack.path("data").path("terraform_remote_state").fields().forEachRemaining(d -> {
                ObjectNode copy = d.getValue().deepCopy();
                copy.remove("//");
                if (d.getKey().endsWith("-network")) {
                    ((ObjectNode) copy.path("config")).put("path", state.toString()); // the synth machine's path
                    data.set(d.getKey(), copy);
                }
            });
            assertThat(data.size()).as(region[0] + " reads the network stack").isEqualTo(1);
            // Every id the region's cluster and HAProxy instances take from the network stack, as an output.
            Map<String, String> expected = new LinkedHashMap<>();
            ObjectNode readOutputs = reader.putObject("output");
            JsonNode kube = stack.path("resource").path("ovh_cloud_project_kube").elements().next();
            for (String attribute : new String[] {"private_network_id", "nodes_subnet_id", "load_balancers_subnet_id"}) {
                read(kube.path(attribute).asText(), "kube_" + attribute, readOutputs, expected, standIns);
            }
            int[] n = {0};
            stack.path("resource").path("ovh_cloud_instance").elements().forEachRemaining(instance -> {
                JsonNode port = instance.path("networks").get(0);
                read(port.path("network_id").asText(), "instance" + n[0] + "_network_id", readOutputs, expected, standIns);
                read(port.path("subnet_id").asText(), "instance" + n[0]++ + "_subnet_id", readOutputs, expected, standIns);
            });
            assertThat(n[0]).isEqualTo(2);

            JsonNode applied = apply(dir.resolve(region[0]), reader);
            expected.forEach((name, value) -> assertThat(applied.path(name).path("value").asText()).as(name)
                    .isEqualTo(value));
            assertThat(expected.get("kube_nodes_subnet_id")).contains("subnet_v2.shared_subnet-" + region[1] + "_")
                    .endsWith(".id}");
            assertThat(expected.get("kube_private_network_id")).contains("regions_openstack_ids[\"" + region[1] + "\"]");
        }
    }

    /** Adds output {@code name} = {@code expression}, which must read one of the network stack's outputs. */
    private static void read(String expression, String name, ObjectNode outputs, Map<String, String> expected,
            Map<String, String> standIns) {
        Matcher m = REMOTE.matcher(expression);
        assertThat(m.matches()).as(name + " = " + expression + " reads another stack's output").isTrue();
        assertThat(standIns).as("the network stack declares " + m.group(2)).containsKey(m.group(2));
        outputs.putObject(name).put("value", expression);
        expected.put(name, standIns.get(m.group(2)));
    }

    /** Runs init and apply on {@code config} in {@code work}; returns {@code terraform output -json}. */
    private static JsonNode apply(Path work, ObjectNode config) throws Exception {
        Files.createDirectories(work);
        Files.writeString(work.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        Path cli = terraform.writeCliConfig(work);
        for (String[] args : new String[][] {{"init", "-no-color"}, {"apply", "-auto-approve", "-no-color"}}) {
            OfflineTerraform.Result r = terraform.run(work, cli, args);
            assertThat(r.exitCode()).as("terraform " + String.join(" ", args) + " in " + work + ":\n" + r.output()).isZero();
        }
        OfflineTerraform.Result r = terraform.run(work, cli, "output", "-json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        return JSON.readTree(r.output());
    }
}
