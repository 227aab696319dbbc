package dev.tandem.constructs.table;

/** The scalar types DynamoDB allows for key attributes. */
public enum AttributeType {
    /** A string ({@code S}). */
    STRING("S"),
    /** A number ({@code N}). */
    NUMBER("N"),
    /** Binary data ({@code B}). */
    BINARY("B");

    private final String code;

    AttributeType(String code) {
        this.code = code;
    }

    /** @return DynamoDB's one-letter code, as Terraform and CloudFormation write it */
    public String code() {
        return code;
    }
}
