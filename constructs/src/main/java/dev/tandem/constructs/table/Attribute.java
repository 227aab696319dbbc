package dev.tandem.constructs.table;

/**
 * A key attribute: a name and its scalar type. The table's attribute definitions are derived from
 * the keys of the table and its indexes, so each attribute is written once, where it is used.
 *
 * @param name attribute name
 * @param type its type
 */
public record Attribute(String name, AttributeType type) {

    /** @return a string key attribute called {@code name} */
    public static Attribute string(String name) {
        return new Attribute(name, AttributeType.STRING);
    }

    /** @return a number key attribute called {@code name} */
    public static Attribute number(String name) {
        return new Attribute(name, AttributeType.NUMBER);
    }

    /** @return a binary key attribute called {@code name} */
    public static Attribute binary(String name) {
        return new Attribute(name, AttributeType.BINARY);
    }
}
