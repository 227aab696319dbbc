package dev.tandem.constructs.table;

import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.util.Optional;

/**
 * Per-replica settings of a {@link TableReplica}. An empty value means "as the table"; the replica's
 * region is its stack's, never written here.
 *
 * @param pointInTimeRecovery point-in-time recovery of this replica; @default the table's setting
 * @param deletionProtection  deletion protection of this replica; @default the table's setting
 * @param tableClass          table class of this replica; @default the table's
 * @param kmsKeyArn           ARN of the KMS key in the replica's region (KMS keys are regional); required
 *                            with customer-managed encryption, refused otherwise; @default none
 * @param propagateTags       copy the table's tags to the replica; @default true
 * @param teardown            tears this replica down on purpose (see {@link GlobalTableProps.BuilderBase#teardown}):
 *                            without it the replica carries {@code lifecycle.prevent_destroy}, so a plan that
 *                            would destroy it fails; with it the guard and the replica's deletion protection
 *                            are off: apply once, then destroy; @default the table's setting
 */
@Settings
public record TableReplicaProps(Optional<Boolean> pointInTimeRecovery, Optional<Boolean> deletionProtection,
        Optional<TableClass> tableClass, Optional<String> kmsKeyArn, @Default("true") boolean propagateTags,
        Optional<Boolean> teardown) {

    /** @return a builder: every setting as the table's */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the replica's point-in-time recovery, given the table's props */
    public boolean pointInTimeRecovery(GlobalTableProps table) {
        return pointInTimeRecovery.orElse(table.pointInTimeRecovery());
    }

    /** @return the replica's deletion protection as synthesized, given the table's props: off during a teardown */
    public boolean deletionProtection(GlobalTableProps table) {
        return !teardown(table) && deletionProtection.orElse(table.deletionProtection());
    }

    /** @return whether the replica is being torn down, given the table's props */
    public boolean teardown(GlobalTableProps table) {
        return teardown.orElse(table.teardown());
    }

    /** @return the replica's table class, given the table's props */
    public TableClass tableClass(GlobalTableProps table) {
        return tableClass.orElse(table.tableClass());
    }

    /** Builds {@link TableReplicaProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the replica is built */
        public TableReplicaProps build() {
            return props();
        }
    }

    /**
     * The settings of a replica, shared by {@link TableReplicaProps.Builder} and {@link TableReplica.Builder};
     * each setter is generated from this record's components.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends TableReplicaPropsSettings<B> {
    }
}
