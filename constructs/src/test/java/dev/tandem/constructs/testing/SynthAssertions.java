package dev.tandem.constructs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a synthesized stack's resources that explain a failure: which resources of the type
 * exist, and for the closest one, which expected properties differ.
 *
 * <pre>{@code
 * SynthAssertions.assertResource(TestStacks.synth(stack), "aws_dynamodb_table")
 *     .hasProperties(Map.of("billing_mode", "PAY_PER_REQUEST"));
 * }</pre>
 */
public final class SynthAssertions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SynthAssertions() {
    }

    /** @return assertions on the resources of {@code type} in {@code synth} (the parsed cdk.tf.json) */
    public static ResourceAssert assertResource(JsonNode synth, String type) {
        return new ResourceAssert(synth, type);
    }

    /** Assertions on the resources of one Terraform type. */
    public static final class ResourceAssert {
        private final JsonNode synth;
        private final String type;

        private ResourceAssert(JsonNode synth, String type) {
            this.synth = synth;
            this.type = type;
        }

        /**
         * Passes when some resource of the type has every property of {@code expected} (a nested map or
         * list must match as a subset, as in cdktf's {@code toHaveResourceWithProperties}).
         *
         * @return the matching resource
         */
        public JsonNode hasProperties(Map<String, ?> expected) {
            JsonNode wanted = JSON.valueToTree(expected);
            List<Map.Entry<String, JsonNode>> all = resources();
            if (all.isEmpty()) {
                Assertions.fail("no " + type + " in the stack; its resource types are "
                        + fieldNames(synth.path("resource")));
            }
            List<String> best = null;
            String bestName = null;
            for (Map.Entry<String, JsonNode> r : all) {
                List<String> diffs = differences("", wanted, r.getValue());
                if (diffs.isEmpty()) {
                    return r.getValue();
                }
                if (best == null || diffs.size() < best.size()) {
                    best = diffs;
                    bestName = r.getKey();
                }
            }
            Assertions.fail("no " + type + " has " + wanted + ".\nClosest: " + type + "." + bestName + ", which differs in:\n  "
                    + String.join("\n  ", best) + "\nIt is: " + synth.path("resource").path(type).path(bestName));
            return null;
        }

        /** Passes when there are exactly {@code count} resources of the type. */
        public ResourceAssert hasCount(int count) {
            Assertions.assertThat(resources().stream().map(Map.Entry::getKey).toList())
                    .as("%s resources", type).hasSize(count);
            return this;
        }

        /** Passes when there is no resource of the type. */
        public void isAbsent() {
            hasCount(0);
        }

        private List<Map.Entry<String, JsonNode>> resources() {
            List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
            synth.path("resource").path(type).fields().forEachRemaining(out::add);
            out.sort(Comparator.comparing(Map.Entry::getKey));
            return out;
        }
    }

    private static List<String> differences(String at, JsonNode wanted, JsonNode actual) {
        List<String> diffs = new ArrayList<>();
        if (wanted.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                if (!actual.has(e.getKey())) {
                    diffs.add(where + ": missing, expected " + e.getValue());
                } else {
                    diffs.addAll(differences(where, e.getValue(), actual.get(e.getKey())));
                }
            }
        } else if (wanted.isArray()) {
            if (!actual.isArray() || actual.size() != wanted.size()) {
                diffs.add(at + ": expected " + wanted + ", found " + actual);
            } else {
                for (int i = 0; i < wanted.size(); i++) {
                    diffs.addAll(differences(at + "[" + i + "]", wanted.get(i), actual.get(i)));
                }
            }
        } else if (!sameScalar(wanted, actual)) {
            diffs.add(at + ": expected " + wanted + ", found " + actual);
        }
        return diffs;
    }

    private static boolean sameScalar(JsonNode wanted, JsonNode actual) {
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return wanted.equals(actual);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
