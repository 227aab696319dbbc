package dev.tandem.e2e.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a change of the HAProxy tier does to the synthesized deployment, compared resource by resource with
 * the reference: a configuration change leaves every resource as it is and changes only the text the
 * deliveries hash (Terraform then replaces them, and only them: {@code DeliveryTerraformTest} plans it);
 * a new image rebuilds the instances in place and delivers again, while the floating IPs — the edge's
 * origins — and the edge stay as they are.
 */
class StableInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode stack(Path outdir, String name) throws IOException {
        return JSON.readTree(outdir.resolve("stacks/" + name + "/cdk.tf.json").toFile());
    }


    /** @return {@code type.name} of every resource whose JSON differs between the two stacks */
    private static List<String> changed(JsonNode before, JsonNode after) {
        TreeSet<String> types = new TreeSet<>();
        before.path("resource").fieldNames().forEachRemaining(types::add);
        after.path("resource").fieldNames().forEachRemaining(types::add);
        List<String> changed = new ArrayList<>();
        for (String type : types) {
            TreeSet<String> names = new TreeSet<>();
            before.path("resource").path(type).fieldNames().forEachRemaining(names::add);
            after.path("resource").path(type).fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!before.path("resource").path(type).path(name).equals(after.path("resource").path(type).path(name))) {
                    changed.add(type + "." + name);
                }
            }
        }
        return changed;
    }

    /** @return the names of the triggers that differ between two versions of a delivery */
    private static List<String> changedTriggers(JsonNode before, JsonNode after) {
        List<String> names = new ArrayList<>();
        before.path("triggers_replace").fieldNames().forEachRemaining(n -> {
            if (!before.path("triggers_replace").path(n).equals(after.path("triggers_replace").path(n))) {
                names.add(n);
            }
        });
        return names;
    }

    @Test
    void aConfigOnlyChangeLeavesEveryResourceByteIdenticalAndChangesOnlyTheConfigTheDeliveriesHash()
            throws IOException {
        Path outdir = SynthesizedDeployment.variant("config-change", TierChanges.configOnly());

        for (String name : List.of("primary", "secondary")) {
            JsonNode before = stack(SynthesizedDeployment.outdir(), name);
            JsonNode after = stack(outdir, name);
            assertThat(changed(before, after)).as("resources changed in %s", name).isEmpty();
            List<String> locals = new ArrayList<>();
            after.path("locals").fieldNames().forEachRemaining(l -> {
                if (!after.path("locals").path(l).equals(before.path("locals").path(l))) {
                    locals.add(l);
                }
            });
            assertThat(locals).as("locals changed in %s", name).singleElement().asString().startsWith("haproxy_config_");
            after.path("resource").path("terraform_data").elements().forEachRemaining(delivery -> {
                assertThat(delivery.path("triggers_replace").path("config").asText())
                        .as("so Terraform replaces the delivery, and only it").isEqualTo("${sha256(local." + locals.get(0) + ")}");
                JsonNode upload = null;
                for (JsonNode step : delivery.path("provisioner")) {
                    if (step.path("file").path("destination").asText().endsWith("/haproxy.cfg")) {
                        upload = step.path("file");
                    }
                }
                assertThat(upload).as("the config's upload").isNotNull();
                assertThat(upload.path("content").asText()).isEqualTo("${local." + locals.get(0) + "}");
            });
            assertThat(Files.readString(outdir.resolve("stacks/" + name + "/haproxy/haproxy.cfg")))
                    .contains("timeout server 90s");
        }
        assertThat(stack(outdir, "edge")).as("the edge").isEqualTo(stack(SynthesizedDeployment.outdir(), "edge"));
    }

    @Test
    void aNewImageRebuildsTheInstancesInPlaceButKeepsTheirFloatingIpsSoTheEdgeIsUnchanged() throws IOException {
        Path outdir = SynthesizedDeployment.variant("new-image", TierChanges.newPrimaryImage());

        JsonNode before = stack(SynthesizedDeployment.outdir(), "primary");
        JsonNode after = stack(outdir, "primary");
        List<String> changed = changed(before, after).stream().map(r -> r.replaceAll("_[0-9A-F]{8}$", "")).toList();
        assertThat(changed).containsExactly(
                "ovh_cloud_instance.haproxy_instance-1", "ovh_cloud_instance.haproxy_instance-2",
                "terraform_data.haproxy_delivery-1", "terraform_data.haproxy_delivery-2");
        after.path("resource").path("terraform_data").fields().forEachRemaining(d -> assertThat(changedTriggers(
                before.path("resource").path("terraform_data").path(d.getKey()), d.getValue()))
                .as("the rebuilt instance boots on the bootstrap and gets the delivery again").containsExactly("image"));
        assertThat(after.path("resource").path("ovh_cloud_floating_ip")).isEqualTo(before.path("resource")
                .path("ovh_cloud_floating_ip"));
        assertThat(stack(outdir, "secondary")).isEqualTo(stack(SynthesizedDeployment.outdir(), "secondary"));
        assertThat(stack(outdir, "edge")).as("the edge's origins are the floating IPs: nothing goes stale")
                .isEqualTo(stack(SynthesizedDeployment.outdir(), "edge"));
    }
}
