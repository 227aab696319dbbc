package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * How the table pays for throughput: on demand, or provisioned read and write capacity.
 * Global tables in provisioned mode must autoscale writes on the table and on every index, so
 * that every replica can absorb the writes replicated into it; {@link GlobalTable} enforces it.
 *
 * @param mode  {@code PAY_PER_REQUEST} or {@code PROVISIONED}
 * @param read  read capacity (provisioned only)
 * @param write write capacity (provisioned only)
 */
public record Billing(String mode, Optional<Capacity> read, Optional<Capacity> write) {

    /** Terraform's name for on-demand billing. */
    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    /** Terraform's name for provisioned billing. */
    public static final String PROVISIONED = "PROVISIONED";

    /** @return on-demand billing (the default) */
    public static Billing onDemand() {
        return new Billing(PAY_PER_REQUEST, Optional.empty(), Optional.empty());
    }

    /** @return provisioned billing with the given read and write capacity */
    public static Billing provisioned(Capacity read, Capacity write) {
        return new Billing(PROVISIONED, Optional.of(read), Optional.of(write));
    }

    /** @return true for provisioned billing */
    public boolean isProvisioned() {
        return PROVISIONED.equals(mode);
    }
}
