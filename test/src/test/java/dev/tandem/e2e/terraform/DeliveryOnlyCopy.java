package dev.tandem.e2e.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A working copy of a synthesized region stack that holds only the HAProxy tier's deliveries and the
 * locals they read, for the offline Terraform: {@code terraform_data} is built into Terraform and needs no
 * provider, while every reference into an OVH, Cloudflare or tls resource (no provider binary here) becomes
 * a placeholder string. The order between deliveries is kept. The synthesized file itself is never touched.
 */
final class DeliveryOnlyCopy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FOREIGN_REFERENCE = Pattern.compile("\\$\\{[^}]*\\b(ovh|cloudflare|tls)_[^}]*}");

    private DeliveryOnlyCopy() {
    }

    /**
     * Writes {@code main.tf.json} into {@code workDir}.
     *
     * @param withProvisioners false to drop the SSH connection and the provisioners, so an apply only
     *                         records the triggers (nothing to connect to here)
     * @return the number of deliveries written
     */
    static int write(Path stackFile, Path workDir, boolean withProvisioners) throws IOException {
        JsonNode stack = JSON.readTree(stackFile.toFile());
        ObjectNode deliveries = (ObjectNode) stack.path("resource").path("terraform_data").deepCopy();
        deliveries.fields().forEachRemaining(d -> {
            ObjectNode delivery = (ObjectNode) d.getValue();
            ArrayNode after = JSON.createArrayNode();
            delivery.path("depends_on").forEach(dep -> {
                if (dep.asText().startsWith("terraform_data.")) {
                    after.add(dep);
                }
            });
            delivery.set("depends_on", after);
            if (!withProvisioners) {
                delivery.remove("provisioner");
                delivery.remove("connection");
            }
        });
        ObjectNode root = JSON.createObjectNode();
        root.set("locals", stack.path("locals"));
        root.putObject("resource").set("terraform_data", deliveries);
        keepReferencedVariables(root, stack.path("variable"));
        String placeheld = FOREIGN_REFERENCE.matcher(JSON.writeValueAsString(root)).replaceAll("placeholder");
        JSON.writerWithDefaultPrettyPrinter().writeValue(workDir.resolve("main.tf.json").toFile(), JSON.readTree(placeheld));
        return deliveries.size();
    }

    /**
     * Declares the stack's variables that {@code root} reads (the deploy key in the connections), and no other:
     * Terraform asks for a value of every declared variable without a default, read or not.
     */
    static void keepReferencedVariables(ObjectNode root, JsonNode variables) throws IOException {
        root.remove("variable");
        String text = JSON.writeValueAsString(root);
        ObjectNode kept = JSON.createObjectNode();
        variables.fields().forEachRemaining(v -> {
            if (Pattern.compile("var\\." + Pattern.quote(v.getKey()) + "(?![A-Za-z0-9_-])").matcher(text).find()) {
                kept.set(v.getKey(), v.getValue());
            }
        });
        if (!kept.isEmpty()) {
            root.set("variable", kept);
        }
    }
}
