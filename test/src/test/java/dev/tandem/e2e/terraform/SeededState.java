package dev.tandem.e2e.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written Terraform state (format 4) holding every managed resource of an {@link AwsOnlyCopy}, as if it
 * had been applied: a destroy plan of an empty state plans nothing, and nothing here can apply to AWS. Each
 * instance gets only its id and the attributes the checks read (the table's name, ARN and recorded replicas);
 * Terraform asks the provider to upgrade each object to its schema version (read from the committed
 * {@code src/aws/schema.json}, which {@link AwsSchemaTest} holds to the mirrored provider), which fills the
 * rest with nulls, so plans and destroys with {@code -refresh=false} run without calling AWS. Each instance
 * records its dependencies (its {@code depends_on} and the resources its arguments reference) as an apply
 * would: Terraform orders a destroy by the dependencies in state, not by the configuration.
 */
final class SeededState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize()
            .resolve("src/aws/schema.json");

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{(aws_[a-z0-9_]+)\\.([A-Za-z0-9_-]+)");

    private SeededState() {
    }

    /**
     * Writes {@code terraform.tfstate} into {@code dir} for the copy there ({@code cdk.tf.json}).
     *
     * @param tableReplicas the regions the home table's state records as its replicas (what hashicorp/aws reads
     *                      into {@code replica} once another stack's {@code aws_dynamodb_table_replica} exists)
     * @param types         the resource types to write, e.g. only the app identity's
     * @return the resources written, as {@code type.name}
     */
    static List<String> write(Path dir, List<String> tableReplicas, Predicate<String> types) throws IOException {
        JsonNode copy = JSON.readTree(dir.resolve("cdk.tf.json").toFile());
        JsonNode schemas = JSON.readTree(SCHEMA.toFile()).path("provider_schemas")
                .path("registry.terraform.io/hashicorp/aws").path("resource_schemas");
        ObjectNode state = JSON.createObjectNode().put("version", 4).put("terraform_version", "1.11.0")
                .put("serial", 1).put("lineage", "00000000-0000-4000-8000-000000000019");
        state.putObject("outputs");
        ArrayNode resources = state.putArray("resources");
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : iterable(copy.path("resource"))) {
            if (!types.test(type.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> resource : iterable(type.getValue())) {
                ObjectNode r = resources.addObject().put("mode", "managed").put("type", type.getKey())
                        .put("name", resource.getKey())
                        .put("provider", "provider[\"registry.terraform.io/hashicorp/aws\"]");
                ObjectNode instance = r.putArray("instances").addObject()
                        .put("schema_version", schemas.path(type.getKey()).path("version").asInt(0));
                instance.set("attributes", attributes(type.getKey(), resource.getKey(), resource.getValue(), tableReplicas));
                ArrayNode dependencies = instance.putArray("dependencies");
                dependencies(resource.getValue(), copy.path("resource")).forEach(dependencies::add);
                written.add(type.getKey() + "." + resource.getKey());
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("terraform.tfstate").toFile(), state);
        return written;
    }

    private static ObjectNode attributes(String type, String name, JsonNode config, List<String> tableReplicas) {
        ObjectNode a = JSON.createObjectNode().put("id", type + "." + name);
        if (type.equals("aws_dynamodb_table")) {
            String table = config.path("name").asText();
            a.put("id", table).put("name", table)
                    .put("arn", "arn:aws:dynamodb:eu-west-3:" + OfflinePlan.ACCOUNT + ":table/" + table);
            ArrayNode replicas = a.putArray("replica");
            tableReplicas.forEach(region -> replicas.addObject().put("region_name", region));
        }
        return a;
    }

    /** The managed resources {@code config} names in {@code depends_on} or references, as {@code type.name}, sorted. */
    private static Set<String> dependencies(JsonNode config, JsonNode resources) {
        Set<String> found = new TreeSet<>();
        config.path("depends_on").forEach(d -> found.add(d.asText()));
        Matcher m = REFERENCE.matcher(config.toString());
        while (m.find()) {
            if (resources.path(m.group(1)).has(m.group(2))) {
                found.add(m.group(1) + "." + m.group(2));
            }
        }
        return found;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
