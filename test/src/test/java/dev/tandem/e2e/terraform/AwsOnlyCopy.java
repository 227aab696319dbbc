package dev.tandem.e2e.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A working copy of a synthesized stack that the offline Terraform can handle: only the AWS part
 * (no OVH, Cloudflare or tls provider binary exists here; the HAProxy deliveries, which read those
 * resources, are checked on their own by {@link DeliveryValidationTest}), and the provider told to
 * make no call: skip flags, dummy keys, loopback endpoints. The version constraint is kept as synthesized (the binding's
 * hashicorp/aws version, which the mirror holds). Nothing else is rewritten; the synthesized file
 * itself is never touched.
 */
final class AwsOnlyCopy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOREIGN = List.of("ovh", "cloudflare", "tls");
    private static final List<String> ENDPOINTS = List.of("dynamodb", "sts", "iam", "applicationautoscaling", "kms",
            "route53");

    private AwsOnlyCopy() {
    }

    /**
     * Values that read a removed resource would not validate; they are checked by the snapshots.
     * Locals can read each other, so prune until nothing more goes.
     */
    private static void pruneValuesReadingRemovedResources(ObjectNode root) {
        List<Pattern> removed = new ArrayList<>(FOREIGN.stream().map(f -> Pattern.compile(f + "_")).toList());
        removed.add(Pattern.compile("terraform_data\\."));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String block : List.of("locals", "output")) {
                if (!(root.path(block) instanceof ObjectNode values)) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String text = e.getValue().toString();
                    if (removed.stream().anyMatch(r -> r.matcher(text).find())) {
                        it.remove();
                        removed.add(Pattern.compile("local\\." + Pattern.quote(e.getKey()) + "(?![A-Za-z0-9_-])"));
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * Writes {@code cdk.tf.json} for {@code stackFile} into {@code workDir}.
     *
     * @return the resources kept, as {@code type.name}
     */
    static List<String> write(Path stackFile, Path workDir) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(stackFile.toFile());
        ObjectNode terraform = (ObjectNode) root.path("terraform");
        ObjectNode required = (ObjectNode) terraform.path("required_providers");
        FOREIGN.forEach(required::remove);
        terraform.putObject("backend").putObject("local").put("path", workDir.resolve("terraform.tfstate").toString());

        ObjectNode providers = (ObjectNode) root.path("provider");
        FOREIGN.forEach(providers::remove);
        for (JsonNode aws : (ArrayNode) providers.path("aws")) {
            ObjectNode p = (ObjectNode) aws;
            p.put("access_key", "offline-test").put("secret_key", "offline-test")
                    .put("skip_credentials_validation", true).put("skip_requesting_account_id", true)
                    .put("skip_metadata_api_check", true).put("skip_region_validation", true);
            ObjectNode endpoints = p.putArray("endpoints").addObject();
            ENDPOINTS.forEach(e -> endpoints.put(e, "http://127.0.0.1:9"));
        }

        List<String> kept = new ArrayList<>();
        ObjectNode resources = (ObjectNode) root.path("resource");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> type = it.next();
            if (!type.getKey().startsWith("aws_")) {
                it.remove();
            } else {
                type.getValue().fieldNames().forEachRemaining(name -> kept.add(type.getKey() + "." + name));
            }
        }
        if (resources.isEmpty()) {
            root.remove("resource"); // Terraform rejects an empty resource block
        }
        if (root.path("data") instanceof ObjectNode data) {
            for (Iterator<String> it = data.fieldNames(); it.hasNext();) {
                String type = it.next();
                if (FOREIGN.stream().anyMatch(f -> type.startsWith(f + "_"))) {
                    it.remove();
                }
            }
            if (data.isEmpty()) {
                root.remove("data");
            }
        }
        pruneValuesReadingRemovedResources(root);
        DeliveryOnlyCopy.keepReferencedVariables(root, root.path("variable").deepCopy());
        for (String block : List.of("locals", "output")) {
            if (root.path(block).isObject() && root.path(block).isEmpty()) {
                root.remove(block); // Terraform rejects an empty block too
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(workDir.resolve("cdk.tf.json").toFile(), root);
        return kept;
    }
}
