package dev.tandem.constructs.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.k8s.Manifest;
import dev.tandem.constructs.k8s.ManifestYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Strict validation of rendered manifests against a field-exact subset of the CloudNativePG and Barman
 * Cloud plugin CRD schemas at the pinned tags, written by hand from the CRD sources (see
 * {@code src/cnpg/README.md} for the paths and what the subset holds). Like {@code kubectl --validate=strict},
 * a field the schema does not define is refused, as is a missing required field, a value of the wrong type,
 * a value outside an enum or a string not matching a pattern. Objects of a kind the subset does not hold
 * (core Kubernetes ones) are left to the Kubernetes schema checks.
 */
public final class CnpgSchema {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RESOURCE = "cnpg-crd-subset.json";
    private static final CnpgSchema PINNED = load();

    private final Map<String, Object> byKind;

    private CnpgSchema(Map<String, Object> byKind) {
        this.byKind = byKind;
    }

    /** @return the subset of the CRDs at the pinned releases (CloudNativePG 1.30.0, plugin v0.14.0) */
    public static CnpgSchema pinned() {
        return PINNED;
    }

    private static CnpgSchema load() {
        try (InputStream in = CnpgSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Object> root = new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> kinds = (Map<String, Object>) root.get("kinds");
            return new CnpgSchema(kinds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the kinds the subset holds, as {@code apiVersion/kind} */
    public java.util.Set<String> kinds() {
        return byKind.keySet();
    }

    /**
     * Validates each manifest whose kind the subset holds, as written to YAML.
     *
     * @param p         where to record problems (property paths are {@code <file>.<field path>})
     * @param manifests rendered objects
     */
    public void validateInto(Problems p, List<Manifest> manifests) {
        for (Manifest m : manifests) {
            validateInto(p.nested(m.fileName()), asMap(m.object()));
        }
    }

    /**
     * Validates one document, if the subset holds its kind.
     *
     * @param p        where to record problems
     * @param document the document as read from YAML
     */
    public void validateInto(Problems p, Map<String, Object> document) {
        Object schema = byKind.get(document.get("apiVersion") + "/" + document.get("kind"));
        if (schema != null) {
            SchemaWalk.check(p, "", document, schema);
        }
    }

    /** @return {@code object} exactly as {@link ManifestYaml} writes it, read back as maps and lists */
    static Map<String, Object> asMap(Object object) {
        try {
            return YAML.readValue(ManifestYaml.write(object), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
