package dev.tandem.e2e.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * What a rendered DynamoDB global table says, read back from either output into one comparable
 * value: the Terraform JSON ({@code aws_dynamodb_table}) or the CloudFormation template
 * ({@code AWS::DynamoDB::GlobalTable}). Regions are keyed by name, so order never matters.
 *
 * @param name           table name
 * @param billingMode    {@code PAY_PER_REQUEST} or {@code PROVISIONED}
 * @param keySchema      {@code HASH}/{@code RANGE} to attribute name
 * @param attributeTypes attribute definitions
 * @param indexes        GSIs by name
 * @param streamViewType the stream's view type (empty when streams are off)
 * @param encryption     {@code AWS_OWNED}, {@code AWS_MANAGED} or {@code CUSTOMER_MANAGED}
 * @param ttlAttribute   the TTL attribute, when TTL is enabled
 * @param regions        every region the table lives in (home and replicas)
 */
record TableShape(String name, String billingMode, Map<String, String> keySchema, Map<String, String> attributeTypes,
        Map<String, Index> indexes, Optional<String> streamViewType, String encryption, Optional<String> ttlAttribute,
        Map<String, Region> regions) {

    /** A GSI: keys and projection. */
    record Index(String hash, Optional<String> range, String projection, List<String> nonKeyAttributes) {
    }

    /**
     * One region's copy of the table. An empty value means the output does not set it there, so
     * DynamoDB's default applies.
     */
    record Region(boolean pointInTimeRecovery, Optional<Boolean> deletionProtection, Optional<String> tableClass,
            Optional<String> kmsKey, Map<String, String> tags) {
    }

    /** Reads {@code aws_dynamodb_table}; the home region is the stack's AWS provider region. */
    static TableShape fromTerraform(JsonNode table, String homeRegion) {
        Map<String, String> keys = new TreeMap<>();
        keys.put("HASH", table.path("hash_key").asText());
        if (table.has("range_key")) {
            keys.put("RANGE", table.path("range_key").asText());
        }
        Map<String, String> types = new TreeMap<>();
        table.path("attribute").forEach(a -> types.put(a.path("name").asText(), a.path("type").asText()));
        Map<String, Index> indexes = new TreeMap<>();
        table.path("global_secondary_index").forEach(g -> indexes.put(g.path("name").asText(), new Index(
                g.path("hash_key").asText(), text(g, "range_key"), g.path("projection_type").asText(),
                strings(g.path("non_key_attributes")))));
        JsonNode sse = table.path("server_side_encryption");
        String encryption = !sse.path("enabled").asBoolean(false) ? "AWS_OWNED"
                : sse.has("kms_key_arn") ? "CUSTOMER_MANAGED" : "AWS_MANAGED";
        Map<String, String> tags = stringMap(table.path("tags"));
        Map<String, Region> regions = new TreeMap<>();
        regions.put(homeRegion, new Region(table.path("point_in_time_recovery").path("enabled").asBoolean(false),
                Optional.of(table.path("deletion_protection_enabled").asBoolean(false)), text(table, "table_class"),
                text(sse, "kms_key_arn"), tags));
        // hashicorp/aws 5.100.0's replica block has neither deletion protection nor table class.
        table.path("replica").forEach(r -> regions.put(r.path("region_name").asText(), new Region(
                r.path("point_in_time_recovery").asBoolean(false), Optional.empty(), Optional.empty(),
                text(r, "kms_key_arn"), r.path("propagate_tags").asBoolean(false) ? tags : Map.of())));
        JsonNode ttl = table.path("ttl");
        return new TableShape(table.path("name").asText(), table.path("billing_mode").asText(), keys, types, indexes,
                table.path("stream_enabled").asBoolean(false) ? text(table, "stream_view_type") : Optional.empty(),
                encryption, ttl.path("enabled").asBoolean(false) ? text(ttl, "attribute_name") : Optional.empty(),
                regions);
    }

    /** Reads the properties of {@code AWS::DynamoDB::GlobalTable}; its replicas include the home region. */
    static TableShape fromCloudFormation(JsonNode properties) {
        Map<String, String> keys = new TreeMap<>();
        properties.path("KeySchema").forEach(k -> keys.put(k.path("KeyType").asText(), k.path("AttributeName").asText()));
        Map<String, String> types = new TreeMap<>();
        properties.path("AttributeDefinitions").forEach(a -> types.put(a.path("AttributeName").asText(),
                a.path("AttributeType").asText()));
        Map<String, Index> indexes = new TreeMap<>();
        properties.path("GlobalSecondaryIndexes").forEach(g -> {
            Map<String, String> indexKeys = new TreeMap<>();
            g.path("KeySchema").forEach(k -> indexKeys.put(k.path("KeyType").asText(), k.path("AttributeName").asText()));
            indexes.put(g.path("IndexName").asText(), new Index(indexKeys.get("HASH"),
                    Optional.ofNullable(indexKeys.get("RANGE")), g.path("Projection").path("ProjectionType").asText(),
                    strings(g.path("Projection").path("NonKeyAttributes"))));
        });
        Map<String, Region> regions = new TreeMap<>();
        boolean anyReplicaKey = false;
        for (JsonNode r : properties.path("Replicas")) {
            Map<String, String> tags = new TreeMap<>();
            r.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
            Optional<String> key = text(r.path("SSESpecification"), "KMSMasterKeyId");
            anyReplicaKey |= key.isPresent();
            regions.put(r.path("Region").asText(), new Region(
                    r.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(false),
                    r.has("DeletionProtectionEnabled") ? Optional.of(r.path("DeletionProtectionEnabled").asBoolean())
                            : Optional.empty(),
                    text(r, "TableClass"), key, tags));
        }
        boolean sse = properties.path("SSESpecification").path("SSEEnabled").asBoolean(false);
        String encryption = !sse ? "AWS_OWNED" : anyReplicaKey ? "CUSTOMER_MANAGED" : "AWS_MANAGED";
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        return new TableShape(properties.path("TableName").asText(), properties.path("BillingMode").asText(), keys, types,
                indexes, text(properties.path("StreamSpecification"), "StreamViewType"), encryption,
                ttl.path("Enabled").asBoolean(false) ? text(ttl, "AttributeName") : Optional.empty(), regions);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.path(field).asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).sorted().toList();
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
