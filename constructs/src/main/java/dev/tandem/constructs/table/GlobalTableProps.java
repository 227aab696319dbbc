package dev.tandem.constructs.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything that describes a {@link GlobalTable}. Immutable; build it with {@link #builder()} or
 * through {@link GlobalTable.Builder}. Values are checked when the table is constructed, where the
 * construct path is known.
 *
 * @param tableName              table name (3–255 of {@code [a-zA-Z0-9_.-]})
 * @param region                 the home region, where the table is created (the stack's AWS region)
 * @param partitionKey           the partition key
 * @param sortKey                the sort key, if any
 * @param attributes             further attributes that index keys use
 * @param globalSecondaryIndexes global secondary indexes
 * @param billing                billing mode; @default on demand
 * @param replicas               replicas in other regions, at least one
 * @param streamViewType         @default NEW_AND_OLD_IMAGES, the only value replication accepts
 * @param pointInTimeRecovery    @default true
 * @param deletionProtection     @default true
 * @param encryption             @default AWS-owned key
 * @param timeToLiveAttribute    attribute that holds each item's expiry (epoch seconds); none by default
 * @param tableClass             @default STANDARD
 * @param tags                   tags of the table (sorted, so output is stable)
 */
public record GlobalTableProps(
        String tableName,
        String region,
        Attribute partitionKey,
        Optional<Attribute> sortKey,
        List<Attribute> attributes,
        List<GlobalSecondaryIndex> globalSecondaryIndexes,
        Billing billing,
        List<Replica> replicas,
        StreamViewType streamViewType,
        boolean pointInTimeRecovery,
        boolean deletionProtection,
        TableEncryption encryption,
        Optional<String> timeToLiveAttribute,
        TableClass tableClass,
        Map<String, String> tags) {

    /** Makes the collections immutable and the tags sorted. */
    public GlobalTableProps {
        attributes = List.copyOf(attributes);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        replicas = List.copyOf(replicas);
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * Every key attribute of the table and its indexes with its type, each once, in declaration
     * order (partition key, sort key, then {@link #attributes()}): what DynamoDB calls the
     * attribute definitions.
     *
     * @return attribute name to {@code S}, {@code N} or {@code B}
     */
    public Map<String, String> keyAttributes() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(partitionKey.name(), partitionKey.type());
        sortKey.ifPresent(k -> all.put(k.name(), k.type()));
        attributes.forEach(a -> all.putIfAbsent(a.name(), a.type()));
        return Collections.unmodifiableMap(all);
    }

    /** @return a builder with the safe defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GlobalTableProps}; every setter documents its default. */
    public static final class Builder {
        private String tableName;
        private String region;
        private Attribute partitionKey;
        private Attribute sortKey;
        private List<Attribute> attributes = List.of();
        private List<GlobalSecondaryIndex> globalSecondaryIndexes = List.of();
        private Billing billing = Billing.onDemand();
        private List<Replica> replicas = List.of();
        private StreamViewType streamViewType = StreamViewType.NEW_AND_OLD_IMAGES;
        private boolean pointInTimeRecovery = true;
        private boolean deletionProtection = true;
        private TableEncryption encryption = TableEncryption.awsOwned();
        private String timeToLiveAttribute;
        private TableClass tableClass = TableClass.STANDARD;
        private Map<String, String> tags = Map.of();

        Builder() {
        }

        /** @param value table name, the same in every region */
        public Builder tableName(String value) {
            this.tableName = value;
            return this;
        }

        /** @param value home region: the AWS region of the stack the table is in */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** @param value partition key */
        public Builder partitionKey(Attribute value) {
            this.partitionKey = value;
            return this;
        }

        /** @param value sort key; @default none */
        public Builder sortKey(Attribute value) {
            this.sortKey = value;
            return this;
        }

        /** @param value further attributes used by index keys; @default none */
        public Builder attributes(List<Attribute> value) {
            this.attributes = value;
            return this;
        }

        /** @param value global secondary indexes; @default none */
        public Builder globalSecondaryIndexes(List<GlobalSecondaryIndex> value) {
            this.globalSecondaryIndexes = value;
            return this;
        }

        /** @param value billing; @default {@link Billing#onDemand()} */
        public Builder billing(Billing value) {
            this.billing = value;
            return this;
        }

        /** @param value replicas in other regions; at least one */
        public Builder replicas(List<Replica> value) {
            this.replicas = value;
            return this;
        }

        /** @param value stream view type; @default NEW_AND_OLD_IMAGES (the only one replication accepts) */
        public Builder streamViewType(StreamViewType value) {
            this.streamViewType = value;
            return this;
        }

        /** @param value point-in-time recovery; @default true */
        public Builder pointInTimeRecovery(boolean value) {
            this.pointInTimeRecovery = value;
            return this;
        }

        /** @param value deletion protection; @default true */
        public Builder deletionProtection(boolean value) {
            this.deletionProtection = value;
            return this;
        }

        /** @param value encryption at rest; @default {@link TableEncryption#awsOwned()} */
        public Builder encryption(TableEncryption value) {
            this.encryption = value;
            return this;
        }

        /** @param value TTL attribute name; @default none (items never expire) */
        public Builder timeToLiveAttribute(String value) {
            this.timeToLiveAttribute = value;
            return this;
        }

        /** @param value table class; @default STANDARD */
        public Builder tableClass(TableClass value) {
            this.tableClass = value;
            return this;
        }

        /** @param value tags; @default none */
        public Builder tags(Map<String, String> value) {
            this.tags = value;
            return this;
        }

        /** @return the props */
        public GlobalTableProps build() {
            return new GlobalTableProps(tableName, region, partitionKey, Optional.ofNullable(sortKey), attributes,
                    globalSecondaryIndexes, billing, replicas, streamViewType, pointInTimeRecovery, deletionProtection,
                    encryption, Optional.ofNullable(timeToLiveAttribute), tableClass, tags);
        }
    }
}
