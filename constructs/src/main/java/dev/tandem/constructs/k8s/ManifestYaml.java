package dev.tandem.constructs.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes manifests as stable YAML: the model's own field order, map keys sorted, no empty fields,
 * and strings that look like numbers or booleans quoted so that YAML readers keep them strings.
 * The same input always gives the same bytes, so snapshots diff cleanly. Public so that
 * other constructs writing manifests (the PostgreSQL clusters) share it.
 */
public final class ManifestYaml {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ManifestYaml() {
    }

    /** @return {@code value} as a YAML document */
    public static String write(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a {@code kustomization.yaml} listing {@code manifests} in apply order */
    public static String kustomization(List<Manifest> manifests) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        k.put("resources", manifests.stream().map(Manifest::fileName).toList());
        return write(k);
    }
}
