package dev.tandem.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a region's app container gets, read back from the synthesized
 * {@code stacks/<stack>/k8s/deployment.yaml} — what the pods will see, not what the constructs meant.
 *
 * @param values     variables with a literal value, in the manifest's order
 * @param secretRefs variables read from a Secret: name → {@code <secret>/<key>}
 */
public record PodEnvironment(Map<String, String> values, Map<String, String> secretRefs) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * @param outdir the synthesized output folder
     * @param stack  the region stack, e.g. {@code primary}
     * @return the first container's environment
     */
    public static PodEnvironment of(Path outdir, String stack) {
        JsonNode deployment;
        try {
            deployment = YAML.readTree(outdir.resolve("stacks/" + stack + "/k8s/deployment.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        deployment.at("/spec/template/spec/containers/0/env").forEach(v -> {
            if (v.has("value")) {
                values.put(v.path("name").asText(), v.path("value").asText());
            } else {
                JsonNode ref = v.at("/valueFrom/secretKeyRef");
                refs.put(v.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        });
        return new PodEnvironment(values, refs);
    }

    /** @return the AWS region the pods' SDK uses by default */
    public String awsRegion() {
        return values.get("AWS_REGION");
    }

    /** @return the table variables: {@code TANDEM_TABLE_<LOGICAL>} → table name */
    public Map<String, String> tables() {
        Map<String, String> tables = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("TANDEM_TABLE_")) {
                tables.put(k, v);
            }
        });
        return tables;
    }
}
