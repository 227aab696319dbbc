package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * A global secondary index. Its keys are typed attributes like the table's; the table declares
 * every key attribute once, from the table's and the indexes' keys.
 *
 * <pre>{@code
 * GlobalSecondaryIndex.builder()
 *     .indexName("by-user")
 *     .partitionKey(Attribute.string("userId"))
 *     .sortKey(Attribute.string("sk"))
 *     .build();
 * }</pre>
 *
 * @param indexName    index name (3–255 of {@code [a-zA-Z0-9_.-]})
 * @param partitionKey the index's partition key
 * @param sortKey      the index's sort key, if any
 * @param projection   which attributes the index copies
 * @param read         the index's own read capacity (provisioned tables; default: the table's)
 * @param write        the index's own write capacity (provisioned tables; default: the table's)
 */
public record GlobalSecondaryIndex(
        String indexName,
        Attribute partitionKey,
        Optional<Attribute> sortKey,
        Projection projection,
        Optional<Capacity> read,
        Optional<Capacity> write) {

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GlobalSecondaryIndex}; the table checks the values. */
    public static final class Builder {
        private String indexName;
        private Attribute partitionKey;
        private Attribute sortKey;
        private Projection projection = Projection.all();
        private Capacity read;
        private Capacity write;

        private Builder() {
        }

        /**
         * @param value the index name, unique in the table (required)
         * @return this builder
         */
        public Builder indexName(String value) {
            this.indexName = value;
            return this;
        }

        /**
         * @param value the index's partition key (required)
         * @return this builder
         */
        public Builder partitionKey(Attribute value) {
            this.partitionKey = value;
            return this;
        }

        /**
         * @param value the index's sort key; @default none
         * @return this builder
         */
        public Builder sortKey(Attribute value) {
            this.sortKey = value;
            return this;
        }

        /**
         * @param value which attributes the index copies; @default {@link Projection#all()}
         * @return this builder
         */
        public Builder projection(Projection value) {
            this.projection = value;
            return this;
        }

        /**
         * @param value the index's read capacity (provisioned billing only); @default the table's
         * @return this builder
         */
        public Builder read(Capacity value) {
            this.read = value;
            return this;
        }

        /**
         * @param value the index's write capacity (provisioned billing only); @default the table's
         * @return this builder
         */
        public Builder write(Capacity value) {
            this.write = value;
            return this;
        }

        /** @return the index */
        public GlobalSecondaryIndex build() {
            return new GlobalSecondaryIndex(indexName, partitionKey, Optional.ofNullable(sortKey), projection,
                    Optional.ofNullable(read), Optional.ofNullable(write));
        }
    }
}
