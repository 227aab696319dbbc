package dev.tandem.constructs.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A replica of the global table in another AWS region, with optional per-replica overrides.
 * An empty override means "same as the table".
 *
 * @param region              AWS region, e.g. {@code eu-central-1}
 * @param pointInTimeRecovery PITR for this replica
 * @param deletionProtection  deletion protection for this replica
 * @param kmsKeyArn           the replica region's customer-managed KMS key (KMS keys are regional)
 * @param propagateTags       copy the table's tags to the replica
 * @param tableClass          table class for this replica
 */
public record Replica(
        String region,
        Optional<Boolean> pointInTimeRecovery,
        Optional<Boolean> deletionProtection,
        Optional<String> kmsKeyArn,
        Optional<Boolean> propagateTags,
        Optional<TableClass> tableClass) {

    /** Rejects a null region; its format is checked by {@link GlobalTable}. */
    public Replica {
        Objects.requireNonNull(region, "region");
    }

    /** @return a replica in {@code region} with the table's settings */
    public static Replica in(String region) {
        return builder().region(region).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Replica}. */
    public static final class Builder {
        private String region;
        private Boolean pointInTimeRecovery;
        private Boolean deletionProtection;
        private String kmsKeyArn;
        private Boolean propagateTags;
        private TableClass tableClass;

        private Builder() {
        }

        /** @param value AWS region of the replica */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** @param value PITR for this replica; @default the table's setting */
        public Builder pointInTimeRecovery(boolean value) {
            this.pointInTimeRecovery = value;
            return this;
        }

        /** @param value deletion protection for this replica; @default the table's setting */
        public Builder deletionProtection(boolean value) {
            this.deletionProtection = value;
            return this;
        }

        /** @param value KMS key ARN in the replica's region; required with customer-managed encryption */
        public Builder kmsKeyArn(String value) {
            this.kmsKeyArn = value;
            return this;
        }

        /** @param value copy the table's tags to the replica; @default true */
        public Builder propagateTags(boolean value) {
            this.propagateTags = value;
            return this;
        }

        /** @param value table class for this replica; @default the table's */
        public Builder tableClass(TableClass value) {
            this.tableClass = value;
            return this;
        }

        /** @return the replica */
        public Replica build() {
            return new Replica(region, Optional.ofNullable(pointInTimeRecovery), Optional.ofNullable(deletionProtection),
                    Optional.ofNullable(kmsKeyArn), Optional.ofNullable(propagateTags), Optional.ofNullable(tableClass));
        }
    }
}
