package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * How the table pays for throughput: on demand, or provisioned read and write capacity. Global
 * tables in provisioned mode must autoscale writes on the table and on every index, so that every
 * replica can absorb the writes replicated into it; {@link GlobalTable} enforces it.
 */
public sealed interface Billing {

    /** DynamoDB's billing modes, as Terraform and CloudFormation name them. */
    enum Mode {
        /** On demand. */
        PAY_PER_REQUEST,
        /** Provisioned capacity. */
        PROVISIONED
    }

    /** @return on-demand billing (the default) */
    static Billing onDemand() {
        return new OnDemand();
    }

    /**
     * @param read  read capacity of the table (and of indexes that set none)
     * @param write write capacity; must autoscale in a global table
     * @return provisioned billing
     */
    static Billing provisioned(Capacity read, Capacity write) {
        return new Provisioned(read, write);
    }

    /** @return the billing mode */
    Mode mode();

    /** @return read capacity, with provisioned billing */
    default Optional<Capacity> read() {
        return Optional.empty();
    }

    /** @return write capacity, with provisioned billing */
    default Optional<Capacity> write() {
        return Optional.empty();
    }

    /** @return true for provisioned billing */
    default boolean isProvisioned() {
        return mode() == Mode.PROVISIONED;
    }

    /** On-demand billing. */
    record OnDemand() implements Billing {
        @Override
        public Mode mode() {
            return Mode.PAY_PER_REQUEST;
        }
    }

    /**
     * Provisioned billing.
     *
     * @param readCapacity  read capacity
     * @param writeCapacity write capacity
     */
    record Provisioned(Capacity readCapacity, Capacity writeCapacity) implements Billing {
        @Override
        public Mode mode() {
            return Mode.PROVISIONED;
        }

        @Override
        public Optional<Capacity> read() {
            return Optional.ofNullable(readCapacity);
        }

        @Override
        public Optional<Capacity> write() {
            return Optional.ofNullable(writeCapacity);
        }
    }
}
