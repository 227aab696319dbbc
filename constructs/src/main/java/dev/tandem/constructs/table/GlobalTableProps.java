package dev.tandem.constructs.table;

import dev.tandem.constructs.core.Values;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
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
 * @param tableName              the table name, the same in every region (required)
 * @param partitionKey           the partition key, e.g. {@code Attribute.string("pk")} (required)
 * @param sortKey                the sort key; @default none
 * @param globalSecondaryIndexes global secondary indexes, at most 20; @default none
 * @param billing                how the table pays for throughput; @default {@link Billing#onDemand()}
 * @param streamViewType         what the stream holds; @default NEW_AND_OLD_IMAGES, the only value replication
 *                               accepts
 * @param pointInTimeRecovery    point-in-time recovery (35 days of restorable history); @default true
 * @param deletionProtection     refuse deletion of the table until this is switched off; @default true
 * @param encryption             whose key encrypts the data at rest; @default
 *                               {@link TableEncryption#awsOwned()}
 * @param timeToLiveAttribute    the Number attribute holding each item's expiry in epoch seconds; @default none
 *                               (items never expire)
 * @param tableClass             the table class; @default STANDARD
 * @param tags                   tags of the table; @default none
 * @param teardown               Tears the table down on purpose, as a reviewed change in code, never a
 *                               command-line flag. By default the table carries
 *                               {@code lifecycle.prevent_destroy}, so any plan that would destroy it —
 *                               {@code terraform destroy}, a replacement — fails before anything is destroyed.
 *                               With {@code true} the guard is dropped and deletion protection is turned off
 *                               whatever {@link #deletionProtection} says: apply that once (the table is
 *                               updated in place), then destroy. Replicas follow the table unless they set
 *                               their own. Drop the destroy guard and deletion protection; @default false
 */
@Settings
public record GlobalTableProps(
        String tableName,
        Attribute partitionKey,
        Optional<Attribute> sortKey,
        @Default("List.of()") List<GlobalSecondaryIndex> globalSecondaryIndexes,
        @Default("Billing.onDemand()") Billing billing,
        @Default("StreamViewType.NEW_AND_OLD_IMAGES") StreamViewType streamViewType,
        @Default("true") boolean pointInTimeRecovery,
        @Default("true") boolean deletionProtection,
        @Default("TableEncryption.awsOwned()") TableEncryption encryption,
        Optional<String> timeToLiveAttribute,
        @Default("TableClass.STANDARD") TableClass tableClass,
        @Default("Map.of()") Map<String, String> tags,
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
        return new Builder().from(this);
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
     * {@link GlobalTable.Builder}: each is documented once, in the record's {@code @param}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends GlobalTablePropsSettings<B> {
    }
}
