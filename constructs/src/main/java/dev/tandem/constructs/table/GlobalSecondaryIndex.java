package dev.tandem.constructs.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A global secondary index. Its keys name attributes the table declares (its own keys or
 * {@code GlobalTable.Builder#attributes}); the table checks that they exist.
 *
 * @param indexName        index name (3–255 of {@code [a-zA-Z0-9_.-]})
 * @param partitionKey     name of the index's partition key attribute
 * @param sortKey          name of the index's sort key attribute, if any
 * @param projectionType   {@code ALL} (default), {@code KEYS_ONLY} or {@code INCLUDE}
 * @param nonKeyAttributes attributes projected with {@code INCLUDE}
 * @param read             the index's own read capacity (provisioned tables; default: the table's)
 * @param write            the index's own write capacity (provisioned tables; default: the table's)
 */
public record GlobalSecondaryIndex(
        String indexName,
        String partitionKey,
        Optional<String> sortKey,
        String projectionType,
        List<String> nonKeyAttributes,
        Optional<Capacity> read,
        Optional<Capacity> write) {

    /** Copies the lists so the value is immutable. */
    public GlobalSecondaryIndex {
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(partitionKey, "partitionKey");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GlobalSecondaryIndex}. */
    public static final class Builder {
        private String indexName;
        private String partitionKey;
        private String sortKey;
        private String projectionType = "ALL";
        private List<String> nonKeyAttributes = List.of();
        private Capacity read;
        private Capacity write;

        private Builder() {
        }

        /** @param value index name */
        public Builder indexName(String value) {
            this.indexName = value;
            return this;
        }

        /** @param value partition key attribute name */
        public Builder partitionKey(String value) {
            this.partitionKey = value;
            return this;
        }

        /** @param value sort key attribute name */
        public Builder sortKey(String value) {
            this.sortKey = value;
            return this;
        }

        /** @param value {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}; @default ALL */
        public Builder projectionType(String value) {
            this.projectionType = value;
            return this;
        }

        /** @param value attributes projected with {@code INCLUDE} */
        public Builder nonKeyAttributes(List<String> value) {
            this.nonKeyAttributes = value;
            return this;
        }

        /** @param value the index's read capacity; @default the table's */
        public Builder read(Capacity value) {
            this.read = value;
            return this;
        }

        /** @param value the index's write capacity; @default the table's */
        public Builder write(Capacity value) {
            this.write = value;
            return this;
        }

        /** @return the index */
        public GlobalSecondaryIndex build() {
            return new GlobalSecondaryIndex(indexName, partitionKey, Optional.ofNullable(sortKey), projectionType,
                    nonKeyAttributes, Optional.ofNullable(read), Optional.ofNullable(write));
        }
    }
}
