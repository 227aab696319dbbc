package dev.tandem.constructs.access;

import dev.tandem.constructs.core.Problems;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the app uses one table, the same in every region: its {@link AccessLevel}, whether it reads the
 * table's stream, and the name its environment variable carries.
 *
 * <pre>{@code
 * TableAccess.builder().level(AccessLevel.READ_ONLY).logicalName("SESSIONS").build()
 * }</pre>
 *
 * @param level       the item actions allowed
 * @param streams     whether the app also reads the table's stream ({@link AccessLevel#STREAM_ACTIONS})
 * @param logicalName the {@code <LOGICAL>} of the variable {@code TANDEM_TABLE_<LOGICAL>}; empty means
 *                    derived from the table name (upper case, every other character {@code _})
 */
public record TableAccess(AccessLevel level, boolean streams, Optional<String> logicalName) {
    private static final Pattern LOGICAL = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Treats a null Optional as empty; values are checked by {@link AppDataAccess}. */
    public TableAccess {
        logicalName = logicalName == null ? Optional.empty() : logicalName;
    }

    /** @return read and write items, no stream, the derived variable name: the default */
    public static TableAccess readWrite() {
        return builder().build();
    }

    /** @return a builder with the defaults of {@link #readWrite()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to change some of them */
    public Builder toBuilder() {
        Builder b = builder().level(level).streams(streams);
        logicalName.ifPresent(b::logicalName);
        return b;
    }

    /**
     * @param tableName the table's name
     * @return the logical name: {@link #logicalName()}, or else derived from {@code tableName}
     */
    public String logicalName(String tableName) {
        return logicalName.orElseGet(() -> derive(tableName));
    }

    /** {@code tandem-sessions} → {@code TANDEM_SESSIONS}: what a shell variable name may hold. */
    static String derive(String tableName) {
        return tableName == null ? "" : tableName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Records what is wrong with these values.
     *
     * @param p         where to record, e.g. {@code problems.nested("tables[0].access")}
     * @param tableName the table the access is for, to check the derived variable name
     */
    public void validate(Problems p, String tableName) {
        p.present(level, "level", "use AccessLevel.READ_WRITE (the default) or AccessLevel.READ_ONLY");
        logicalName.ifPresentOrElse(
                name -> p.require(LOGICAL.matcher(name).matches(), "logicalName", name,
                        "must be upper-case letters, digits and _, starting with a letter (it ends the variable "
                                + "TANDEM_TABLE_" + name + ")", "use e.g. SESSIONS"),
                () -> p.require(tableName == null || LOGICAL.matcher(derive(tableName)).matches(), "logicalName",
                        "derived " + derive(tableName), "must start with a letter (it ends the variable TANDEM_TABLE_"
                                + derive(tableName) + ")", "set a logicalName such as SESSIONS"));
    }

    /** Builds a {@link TableAccess}; every setter documents its default. */
    public static final class Builder {
        private AccessLevel level = AccessLevel.READ_WRITE;
        private boolean streams;
        private String logicalName;

        private Builder() {
        }

        /**
         * @param value the item actions the app may use; @default {@link AccessLevel#READ_WRITE}
         * @return this builder
         */
        public Builder level(AccessLevel value) {
            this.level = value;
            return this;
        }

        /**
         * Lets the app read the table's stream ({@code DescribeStream}, {@code GetRecords},
         * {@code GetShardIterator} on {@code table/<name>/stream/*}: the stream's label is only known
         * once it exists, so the resource ends in a wildcard scoped to this table).
         *
         * @param value true to read the stream; @default false
         * @return this builder
         */
        public Builder streams(boolean value) {
            this.streams = value;
            return this;
        }

        /**
         * The {@code <LOGICAL>} of the variable {@code TANDEM_TABLE_<LOGICAL>} that carries the table's
         * name: set it when the physical name differs between deployments (e.g. {@code staging-sessions}
         * and {@code sessions}) so the app's code reads one variable everywhere.
         *
         * @param value upper-case letters, digits and {@code _}, starting with a letter; @default the
         *              table name in upper case with every other character {@code _}
         * @return this builder
         */
        public Builder logicalName(String value) {
            this.logicalName = value;
            return this;
        }

        /** @return the access; checked by the construct that uses it */
        public TableAccess build() {
            return new TableAccess(level, streams, Optional.ofNullable(logicalName));
        }
    }
}
