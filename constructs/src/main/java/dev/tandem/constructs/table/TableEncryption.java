package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * Server-side encryption at rest. DynamoDB always encrypts; the choice is whose key.
 *
 * @param kind      who owns the key
 * @param kmsKeyArn the home region's customer-managed key ({@link Kind#CUSTOMER_MANAGED} only);
 *                  each replica names its own regional key
 */
public record TableEncryption(Kind kind, Optional<String> kmsKeyArn) {

    /** Who owns the encryption key. */
    public enum Kind {
        /** A key DynamoDB owns; free, no key policy to manage (the default). */
        AWS_OWNED,
        /** The account's {@code aws/dynamodb} KMS key. */
        AWS_MANAGED,
        /** A KMS key the team manages, one per region. */
        CUSTOMER_MANAGED
    }

    /** @return encryption with an AWS-owned key (the default) */
    public static TableEncryption awsOwned() {
        return new TableEncryption(Kind.AWS_OWNED, Optional.empty());
    }

    /** @return encryption with the account's AWS-managed {@code aws/dynamodb} key */
    public static TableEncryption awsManaged() {
        return new TableEncryption(Kind.AWS_MANAGED, Optional.empty());
    }

    /**
     * @param homeKeyArn the KMS key in the table's home region; give each replica its own with
     *                   {@link Replica.Builder#kmsKeyArn(String)}
     * @return encryption with customer-managed keys
     */
    public static TableEncryption customerManaged(String homeKeyArn) {
        return new TableEncryption(Kind.CUSTOMER_MANAGED, Optional.ofNullable(homeKeyArn));
    }
}
