package dev.tandem.constructs.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.TerraformStrings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a resource's arguments against its block in {@link AwsTypes} and turns them into what goes into
 * Terraform: names known, none read-only, the required ones present, nested blocks given as a map (or a
 * list of maps), and every string, map key included, as text ({@link TerraformStrings#literal}), so
 * an IAM policy's {@code ${aws:username}} reaches AWS as written and cdktf's references stay references.
 */
final class AwsArguments {
    private AwsArguments() {
    }

    /**
     * @param p         where problems go, nested under the argument's path
     * @param block     the block's index entry
     * @param arguments the user's arguments for that block
     * @param fix       how to find the type's arguments, for messages
     */
    static void check(Problems p, JsonNode block, Map<String, ?> arguments, String fix) {
        JsonNode attributes = block.path("a");
        JsonNode blocks = block.path("b");
        for (Map.Entry<String, ?> e : arguments.entrySet()) {
            String name = e.getKey();
            if (name == null || (!attributes.has(name) && !blocks.has(name))) {
                p.add(String.valueOf(name), e.getValue(), "is no argument of this type; it has " + names(block), fix);
            } else if ("c".equals(attributes.path(name).asText())) {
                p.add(name, e.getValue(), "is read-only: the provider computes it",
                        "leave it out and read it with attribute(\"" + name + "\")");
            } else if (e.getValue() == null) {
                p.add(name, null, "is null", "leave the argument out, or give it a value");
            } else if (blocks.has(name)) {
                checkBlock(p, name, blocks.get(name), e.getValue(), fix);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            p.require(!"r".equals(a.getValue().asText()) || arguments.containsKey(a.getKey()), a.getKey(), null,
                    "is required by the provider", "add arguments entry \"" + a.getKey() + "\"");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            p.require(b.getValue().path("min").asInt() == 0 || arguments.containsKey(b.getKey()), b.getKey(), null,
                    "is a required block", "add arguments entry \"" + b.getKey() + "\" holding a Map");
        }
    }

    private static void checkBlock(Problems p, String name, JsonNode nested, Object value, String fix) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        boolean single = List.of("single", "group").contains(nested.path("n").asText());
        if (!p.require(!(single && value instanceof List<?>), name, value,
                "is a single block: give one Map", "pass Map.of(…) for \"" + name + "\"")) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String at = value instanceof List<?> ? name + "[" + i + "]" : name;
            if (items.get(i) instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> k instanceof String)) {
                @SuppressWarnings("unchecked")
                Map<String, ?> arguments = (Map<String, ?>) map;
                check(p.nested(at), nested.path("b"), arguments, fix);
            } else {
                p.add(at, items.get(i), "is a nested block: give a Map of its arguments (or a List of them)",
                        "pass Map.of(\"argument\", value, …)");
            }
        }
    }

    /** @return the value as Terraform JSON should hold it: strings as text, collections copied */
    static Object literal(Object value) {
        if (value instanceof String s) {
            return TerraformStrings.literal(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(TerraformStrings.literal(String.valueOf(k)), literal(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(literal(v)));
            return out;
        }
        return value;
    }

    /** @return the block's settable argument names, for a message */
    private static String names(JsonNode block) {
        List<String> names = new ArrayList<>();
        block.path("a").fields().forEachRemaining(a -> {
            if (!"c".equals(a.getValue().asText())) {
                names.add(a.getKey());
            }
        });
        block.path("b").fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names.size() <= 12 ? String.join(", ", names) : String.join(", ", names.subList(0, 12)) + ", …";
    }
}
