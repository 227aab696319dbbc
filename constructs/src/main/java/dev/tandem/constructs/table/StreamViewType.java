package dev.tandem.constructs.table;

/**
 * What a DynamoDB stream record holds. Global tables replicate through the stream and need
 * {@link #NEW_AND_OLD_IMAGES}; {@link GlobalTable} rejects the others.
 */
public enum StreamViewType {
    /** Only the key attributes. */
    KEYS_ONLY,
    /** The item after the change. */
    NEW_IMAGE,
    /** The item before the change. */
    OLD_IMAGE,
    /** The item before and after the change: what replication needs. */
    NEW_AND_OLD_IMAGES
}
