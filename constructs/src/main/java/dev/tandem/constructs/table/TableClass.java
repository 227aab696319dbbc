package dev.tandem.constructs.table;

/** DynamoDB table classes. */
public enum TableClass {
    /** The default class, for tables whose cost is mostly throughput. */
    STANDARD,
    /** Cheaper storage, dearer reads and writes, for tables whose cost is mostly storage. */
    STANDARD_INFREQUENT_ACCESS
}
