package dev.tandem.constructs.table;

import dev.tandem.constructs.core.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that describes a {@link GlobalTable}, in any region: its keys, indexes, billing and
 * safety settings. Immutable; build it with {@link #builder()} or through {@link GlobalTable.Builder}.
 * The home region is not part of it: the table takes the region of its stack's AWS provider, and
 * each {@link TableReplica} the region of its own stack. Values are checked when the table is
 * constructed, where the construct path is known.
 *
 * @param tableName              table name (3–255 of {@code [a-zA-Z0-9_.-]}), the same in every region
 * @param partitionKey           the partition key
 * @param sortKey                the sort key, if any
 * @param globalSecondaryIndexes global secondary indexes
 * @param billing                billing mode
 * @param streamViewType         what the stream holds; replication needs NEW_AND_OLD_IMAGES
 * @param pointInTimeRecovery    point-in-time recovery of the table (replicas follow unless they say otherwise)
 * @param deletionProtection     deletion protection of the table (replicas follow unless they say otherwise)
 * @param encryption             encryption at rest
 * @param timeToLiveAttribute    attribute that holds each item's expiry (epoch seconds), if any
 * @param tableClass             table class (replicas follow unless they say otherwise)
 * @param tags                   tags of the table (sorted, so output is stable)
 * @param teardown               a reviewed teardown: no {@code prevent_destroy} guard and no deletion protection
 *                               (replicas follow unless they say otherwise)
 */
public record GlobalTableProps(
        String tableName,
        Attribute partitionKey,
        Optional<Attribute> sortKey,
        List<GlobalSecondaryIndex> globalSecondaryIndexes,
        Billing billing,
        StreamViewType streamViewType,
        boolean pointInTimeRecovery,
        boolean deletionProtection,
        TableEncryption encryption,
        Optional<String> timeToLiveAttribute,
        TableClass tableClass,
        Map<String, String> tags,
        boolean teardown) {

    /** Copies the collections, keeping whatever the user passed for validation to report. */
    public GlobalTableProps {
        globalSecondaryIndexes = Values.list(globalSecondaryIndexes);
        tags = Values.sortedMap(tags);
    }

    /**
     * Every key attribute of the table and its indexes with its type, in order of first use
     * (partition key, sort key, then the indexes' keys): what DynamoDB calls the attribute
     * definitions. A name used with two types keeps its first; validation reports the clash.
     *
     * @return attribute name to type
     */
    public Map<String, AttributeType> keyAttributes() {
        Map<String, AttributeType> all = new LinkedHashMap<>();
        for (Attribute key : keys()) {
            all.putIfAbsent(key.name(), key.type());
        }
        return Collections.unmodifiableMap(all);
    }

    /** @return every key of the table and its indexes that is set, in order of first use */
    List<Attribute> keys() {
        List<Attribute> keys = new ArrayList<>();
        if (partitionKey != null) {
            keys.add(partitionKey);
        }
        if (sortKey != null) {
            sortKey.ifPresent(keys::add);
        }
        if (globalSecondaryIndexes != null) {
            for (GlobalSecondaryIndex g : globalSecondaryIndexes) {
                if (g != null) {
                    if (g.partitionKey() != null) {
                        keys.add(g.partitionKey());
                    }
                    if (g.sortKey() != null) {
                        g.sortKey().ifPresent(keys::add);
                    }
                }
            }
        }
        keys.removeIf(k -> k.name() == null || k.type() == null);
        return keys;
    }

    /** @return whether the table is deletion-protected as synthesized: as set, and never during a teardown */
    public boolean deletionProtectionInEffect() {
        return deletionProtection && !teardown;
    }

    /** @return a builder with the safe defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these props, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder().tableName(tableName).partitionKey(partitionKey)
                .globalSecondaryIndexes(globalSecondaryIndexes).billing(billing).streamViewType(streamViewType)
                .pointInTimeRecovery(pointInTimeRecovery).deletionProtection(deletionProtection)
                .encryption(encryption).tableClass(tableClass).tags(tags).teardown(teardown);
        sortKey.ifPresent(b::sortKey);
        timeToLiveAttribute.ifPresent(b::timeToLiveAttribute);
        return b;
    }

    /** Builds {@link GlobalTableProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the table is built */
        public GlobalTableProps build() {
            return props();
        }
    }

    /**
     * The settings of a global table, shared by {@link GlobalTableProps.Builder} and
     * {@link GlobalTable.Builder}: each is documented once, here.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String tableName;
        private Attribute partitionKey;
        private Attribute sortKey;
        private List<GlobalSecondaryIndex> globalSecondaryIndexes = List.of();
        private Billing billing = Billing.onDemand();
        private StreamViewType streamViewType = StreamViewType.NEW_AND_OLD_IMAGES;
        private boolean pointInTimeRecovery = true;
        private boolean deletionProtection = true;
        private TableEncryption encryption = TableEncryption.awsOwned();
        private String timeToLiveAttribute;
        private TableClass tableClass = TableClass.STANDARD;
        private Map<String, String> tags = Map.of();
        private boolean teardown;

        /**
         * @param value the table name, the same in every region (required)
         * @return this builder
         */
        public B tableName(String value) {
            this.tableName = value;
            return self();
        }

        /**
         * @param value the partition key, e.g. {@code Attribute.string("pk")} (required)
         * @return this builder
         */
        public B partitionKey(Attribute value) {
            this.partitionKey = value;
            return self();
        }

        /**
         * @param value the sort key; @default none
         * @return this builder
         */
        public B sortKey(Attribute value) {
            this.sortKey = value;
            return self();
        }

        /**
         * @param value global secondary indexes, at most 20; @default none
         * @return this builder
         */
        public B globalSecondaryIndexes(List<GlobalSecondaryIndex> value) {
            this.globalSecondaryIndexes = value;
            return self();
        }

        /**
         * @param value how the table pays for throughput; @default {@link Billing#onDemand()}
         * @return this builder
         */
        public B billing(Billing value) {
            this.billing = value;
            return self();
        }

        /**
         * @param value what the stream holds; @default NEW_AND_OLD_IMAGES, the only value replication accepts
         * @return this builder
         */
        public B streamViewType(StreamViewType value) {
            this.streamViewType = value;
            return self();
        }

        /**
         * @param value point-in-time recovery (35 days of restorable history); @default true
         * @return this builder
         */
        public B pointInTimeRecovery(boolean value) {
            this.pointInTimeRecovery = value;
            return self();
        }

        /**
         * @param value refuse deletion of the table until this is switched off; @default true
         * @return this builder
         */
        public B deletionProtection(boolean value) {
            this.deletionProtection = value;
            return self();
        }

        /**
         * @param value whose key encrypts the data at rest; @default {@link TableEncryption#awsOwned()}
         * @return this builder
         */
        public B encryption(TableEncryption value) {
            this.encryption = value;
            return self();
        }

        /**
         * @param value the Number attribute holding each item's expiry in epoch seconds; @default none
         *              (items never expire)
         * @return this builder
         */
        public B timeToLiveAttribute(String value) {
            this.timeToLiveAttribute = value;
            return self();
        }

        /**
         * @param value the table class; @default STANDARD
         * @return this builder
         */
        public B tableClass(TableClass value) {
            this.tableClass = value;
            return self();
        }

        /**
         * @param value tags of the table; @default none
         * @return this builder
         */
        public B tags(Map<String, String> value) {
            this.tags = value;
            return self();
        }

        /**
         * Tears the table down on purpose, as a reviewed change in code, never a command-line flag. By
         * default the table carries {@code lifecycle.prevent_destroy}, so any plan that would destroy it —
         * {@code terraform destroy}, a replacement — fails before anything is destroyed. With {@code true}
         * the guard is dropped and deletion protection is turned off whatever {@link #deletionProtection}
         * says: apply that once (the table is updated in place), then destroy. Replicas follow the table
         * unless they set their own.
         *
         * @param value drop the destroy guard and deletion protection; @default false
         * @return this builder
         */
        public B teardown(boolean value) {
            this.teardown = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected GlobalTableProps props() {
            return new GlobalTableProps(tableName, partitionKey, Optional.ofNullable(sortKey), globalSecondaryIndexes,
                    billing, streamViewType, pointInTimeRecovery, deletionProtection, encryption,
                    Optional.ofNullable(timeToLiveAttribute), tableClass, tags, teardown);
        }
    }
}
