package dev.tandem.rehearsal.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The home-region table of a synthesized {@code aws_dynamodb_table}, as the CreateTable call the
 * AWS provider makes for it. Replicas are left out: they are a separate UpdateTable per region,
 * which no local engine supports (neither DynamoDB Local nor dynalite has more than one region).
 */
public final class SynthesizedTableRequest {
    private SynthesizedTableRequest() {
    }

    public static CreateTableRequest from(JsonNode table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        table.path("attribute").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("name").asText()).attributeType(a.path("type").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        table.path("global_secondary_index").forEach(g -> {
            Projection.Builder projection = Projection.builder().projectionType(g.path("projection_type").asText());
            if (g.has("non_key_attributes")) {
                List<String> nonKey = new ArrayList<>();
                g.path("non_key_attributes").forEach(n -> nonKey.add(n.asText()));
                projection.nonKeyAttributes(nonKey);
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName(g.path("name").asText())
                    .keySchema(keys(g.path("hash_key").asText(), g.path("range_key").asText(null)))
                    .projection(projection.build()).build());
        });
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(table.path("name").asText())
                .billingMode(table.path("billing_mode").asText())
                .attributeDefinitions(attributes)
                .keySchema(keys(table.path("hash_key").asText(), table.path("range_key").asText(null)))
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(table.path("stream_enabled").asBoolean())
                        .streamViewType(table.path("stream_view_type").asText()).build());
        if (!indexes.isEmpty()) {
            b.globalSecondaryIndexes(indexes);
        }
        return b.build();
    }

    private static List<KeySchemaElement> keys(String hash, String range) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        return keys;
    }
}
