package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * Per-replica settings of a {@link TableReplica}. An empty value means "as the table"; the replica's
 * region is its stack's, never written here.
 *
 * @param pointInTimeRecovery PITR of this replica
 * @param deletionProtection  deletion protection of this replica
 * @param tableClass          table class of this replica
 * @param kmsKeyArn           the replica region's customer-managed KMS key (KMS keys are regional);
 *                            required with customer-managed encryption, refused otherwise
 * @param propagateTags       copy the table's tags to the replica
 * @param teardown            a reviewed teardown of this replica: no {@code prevent_destroy}, no deletion protection
 */
public record TableReplicaProps(Optional<Boolean> pointInTimeRecovery, Optional<Boolean> deletionProtection,
        Optional<TableClass> tableClass, Optional<String> kmsKeyArn, boolean propagateTags, Optional<Boolean> teardown) {

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
     * The settings of a replica, shared by {@link TableReplicaProps.Builder} and {@link TableReplica.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private Boolean pointInTimeRecovery;
        private Boolean deletionProtection;
        private TableClass tableClass;
        private String kmsKeyArn;
        private boolean propagateTags = true;
        private Boolean teardown;

        /**
         * @param value point-in-time recovery of this replica; @default the table's setting
         * @return this builder
         */
        public B pointInTimeRecovery(boolean value) {
            this.pointInTimeRecovery = value;
            return self();
        }

        /**
         * @param value deletion protection of this replica; @default the table's setting
         * @return this builder
         */
        public B deletionProtection(boolean value) {
            this.deletionProtection = value;
            return self();
        }

        /**
         * @param value table class of this replica; @default the table's
         * @return this builder
         */
        public B tableClass(TableClass value) {
            this.tableClass = value;
            return self();
        }

        /**
         * @param value ARN of the KMS key in the replica's region; required with customer-managed
         *              encryption, refused otherwise; @default none
         * @return this builder
         */
        public B kmsKeyArn(String value) {
            this.kmsKeyArn = value;
            return self();
        }

        /**
         * @param value copy the table's tags to the replica; @default true
         * @return this builder
         */
        public B propagateTags(boolean value) {
            this.propagateTags = value;
            return self();
        }

        /**
         * Tears this replica down on purpose (see {@link GlobalTableProps.BuilderBase#teardown}): without it the
         * replica carries {@code lifecycle.prevent_destroy}, so a plan that would destroy it fails; with it
         * the guard and the replica's deletion protection are off: apply once, then destroy.
         *
         * @param value drop the destroy guard and deletion protection; @default the table's setting
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
        protected TableReplicaProps props() {
            return new TableReplicaProps(Optional.ofNullable(pointInTimeRecovery), Optional.ofNullable(deletionProtection),
                    Optional.ofNullable(tableClass), Optional.ofNullable(kmsKeyArn), propagateTags,
                    Optional.ofNullable(teardown));
        }
    }
}
