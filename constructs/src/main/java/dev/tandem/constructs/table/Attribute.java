package dev.tandem.constructs.table;

import java.util.Objects;

/**
 * A key attribute definition: a name and a DynamoDB scalar type ({@code S}, {@code N} or
 * {@code B}). The type is a string so that a wrong type reaches the table's validation, which
 * names the construct path, instead of failing somewhere in the caller.
 *
 * @param name attribute name
 * @param type {@code S} (string), {@code N} (number) or {@code B} (binary)
 */
public record Attribute(String name, String type) {

    /** Rejects nulls; the type itself is checked by {@link GlobalTable}. */
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** @return a string attribute */
    public static Attribute string(String name) {
        return new Attribute(name, "S");
    }

    /** @return a number attribute */
    public static Attribute number(String name) {
        return new Attribute(name, "N");
    }

    /** @return a binary attribute */
    public static Attribute binary(String name) {
        return new Attribute(name, "B");
    }
}
