package dev.tandem.constructs.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The argument index of hashicorp/aws at the release Tandem pins, built from the committed provider
 * schema by {@code src/aws/type-index.cjs}: per type, each attribute's role ({@code r} required,
 * {@code o} optional, {@code c} read-only) and each nested block. Loaded once, on first use, so a
 * synth that adds no {@link AwsResource} never reads it.
 */
final class AwsTypes {
    private static final String INDEX = "aws-types.json.gz";

    private AwsTypes() {
    }

    /** Holder idiom: the JVM loads the index once, thread-safely, when first asked. */
    private static final class Index {
        static final JsonNode ROOT = load();

        private static JsonNode load() {
            try (InputStream in = AwsTypes.class.getResourceAsStream(INDEX)) {
                if (in == null) {
                    throw new IllegalStateException(INDEX + " is missing from the constructs jar: rebuild Tandem");
                }
                return new ObjectMapper().readTree(new GZIPInputStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return the hashicorp/aws release the index was built from, e.g. {@code 5.100.0} */
    static String version() {
        return Index.ROOT.path("version").asText();
    }

    /**
     * @param type a resource type ({@code aws_sqs_queue}) or a data source ({@code data.aws_vpc})
     * @return its top-level block: {@code {"a": {name: role}, "b": {name: {"n": nesting, "b": block}}}}
     */
    static Optional<JsonNode> block(String type) {
        boolean data = type.startsWith(AwsResource.DATA_PREFIX);
        JsonNode types = Index.ROOT.path(data ? "dataSources" : "resources");
        JsonNode block = types.get(data ? type.substring(AwsResource.DATA_PREFIX.length()) : type);
        return Optional.ofNullable(block);
    }
}
