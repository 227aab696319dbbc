package dev.tandem.constructs.table;

import dev.tandem.constructs.core.Values;
import java.util.List;

/** Which attributes a global secondary index copies from the table. */
public sealed interface Projection {

    /** @return every attribute (DynamoDB's default) */
    static Projection all() {
        return new All();
    }

    /** @return only the table's and the index's keys */
    static Projection keysOnly() {
        return new KeysOnly();
    }

    /**
     * @param nonKeyAttributes the attributes copied besides the keys, at least one
     * @return the keys plus {@code nonKeyAttributes}
     */
    static Projection include(List<String> nonKeyAttributes) {
        return new Include(Values.list(nonKeyAttributes));
    }

    /** @return the projection type as DynamoDB names it: {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE} */
    String typeName();

    /** Every attribute. */
    record All() implements Projection {
        @Override
        public String typeName() {
            return "ALL";
        }
    }

    /** Only the keys. */
    record KeysOnly() implements Projection {
        @Override
        public String typeName() {
            return "KEYS_ONLY";
        }
    }

    /**
     * The keys and some attributes.
     *
     * @param nonKeyAttributes the attributes copied besides the keys
     */
    record Include(List<String> nonKeyAttributes) implements Projection {
        @Override
        public String typeName() {
            return "INCLUDE";
        }
    }
}
