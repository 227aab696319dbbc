package dev.tandem.constructs.postgres;

import dev.tandem.constructs.core.Problems;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks a document against an OpenAPI v3 structural schema as CRDs write it ({@code type},
 * {@code properties}, {@code required}, {@code items}, {@code additionalProperties}, {@code enum},
 * {@code pattern}, {@code minimum}, {@code maximum}, {@code minLength}, {@code maxLength}, {@code x-kubernetes-int-or-string},
 * {@code x-kubernetes-preserve-unknown-fields}). An object without {@code additionalProperties} or
 * preserve-unknown-fields refuses fields its {@code properties} do not list, as the API server's strict
 * field validation does. Package-private: used by {@link CnpgSchema}.
 */
final class SchemaWalk {
    private SchemaWalk() {
    }

    @SuppressWarnings("unchecked")
    static void check(Problems p, String path, Object value, Object schemaObject) {
        Map<String, Object> schema = (Map<String, Object>) schemaObject;
        String where = path.isEmpty() ? "(document)" : path;
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            p.require(value instanceof String || value instanceof Integer || value instanceof Long, where, value,
                    "must be an integer or a string", "fix the field");
            return;
        }
        String type = (String) schema.get("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!p.require(value instanceof Map, where, value, "must be an object", "fix the field")) {
                    return;
                }
                Map<String, Object> object = (Map<String, Object>) value;
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    p.require(object.containsKey(required), join(path, (String) required), null,
                            "is required by the CRD schema", "set it");
                }
                Object additional = schema.get("additionalProperties");
                boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
                for (Map.Entry<String, Object> field : object.entrySet()) {
                    String child = join(path, field.getKey());
                    if (properties.containsKey(field.getKey())) {
                        check(p, child, field.getValue(), properties.get(field.getKey()));
                    } else if (additional instanceof Map) {
                        check(p, child, field.getValue(), additional);
                    } else if (!preserve) {
                        p.add(child, field.getKey(), "is not a field of the schema subset (strict field validation "
                                + "refuses unknown fields)", "remove it, or add the CRD's field to the subset "
                                + "(src/cnpg/README.md)");
                    }
                }
            }
            case "array" -> {
                if (!p.require(value instanceof List, where, value, "must be a list", "fix the field")) {
                    return;
                }
                List<Object> items = (List<Object>) value;
                for (int i = 0; i < items.size(); i++) {
                    check(p, path + "[" + i + "]", items.get(i), schema.get("items"));
                }
            }
            case "string" -> {
                if (!p.require(value instanceof String, where, value, "must be a string", "quote the value")) {
                    return;
                }
                String s = (String) value;
                List<Object> allowed = (List<Object>) schema.get("enum");
                p.require(allowed == null || allowed.contains(s), where, s, "must be one of " + allowed, "use one of them");
                String pattern = (String) schema.get("pattern");
                p.require(pattern == null || Pattern.compile(pattern).matcher(s).find(), where, s,
                        "must match " + pattern, "fix the value");
                Object minLength = schema.get("minLength");
                p.require(!(minLength instanceof Number n) || s.length() >= n.intValue(), where, s,
                        "must be at least " + minLength + " characters", "fill it in");
                Object maxLength = schema.get("maxLength");
                p.require(!(maxLength instanceof Number n) || s.length() <= n.intValue(), where, s,
                        "must be at most " + maxLength + " characters", "shorten it");
            }
            case "integer" -> {
                if (!p.require(value instanceof Integer || value instanceof Long, where, value, "must be an integer",
                        "write a whole number")) {
                    return;
                }
                Object minimum = schema.get("minimum");
                p.require(!(minimum instanceof Number n) || ((Number) value).longValue() >= n.longValue(), where, value,
                        "must be at least " + minimum, "raise it");
                Object maximum = schema.get("maximum");
                p.require(!(maximum instanceof Number n) || ((Number) value).longValue() <= n.longValue(), where, value,
                        "must be at most " + maximum, "lower it");
            }
            case "boolean" -> p.require(value instanceof Boolean, where, value, "must be true or false", "fix the field");
            default -> p.require(false, where, type, "has a schema type this checker does not know", "extend SchemaWalk");
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
