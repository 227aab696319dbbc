package dev.tandem.constructs.access;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the app may do with a table's items: exactly the DynamoDB data-plane actions of its level,
 * on its region's copy of the table (actions in the Service Authorization Reference, "Actions,
 * resources, and condition keys for Amazon DynamoDB"). Transactions need no action of their own:
 * {@code TransactGetItems} and {@code TransactWriteItems} are authorized per item by the actions below
 * (DynamoDB Developer Guide, "Using IAM with DynamoDB transactions"). Not granted at any level:
 * table management ({@code CreateTable}, {@code UpdateTable}, {@code DeleteTable}, backups, TTL and
 * replica settings, which Terraform owns), PartiQL ({@code PartiQL*}), and every action that only
 * takes {@code *} as its resource ({@code ListTables}, {@code ListStreams}, {@code DescribeLimits}…).
 */
public enum AccessLevel {
    /**
     * Reads: {@code GetItem}, {@code BatchGetItem}, {@code Query}, {@code Scan}, and
     * {@code DescribeTable} (the table's and its replicas' status, for the readiness check at start).
     */
    READ_ONLY(List.of("dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query",
            "dynamodb:Scan")),
    /**
     * Reads, and item writes: {@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
     * {@code BatchWriteItem}, and {@code ConditionCheckItem} (the condition checks of a
     * {@code TransactWriteItems}).
     */
    READ_WRITE(Stream.concat(READ_ONLY.tableActions().stream(), Stream.of("dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"))
            .sorted().toList());

    /** What the app may do on a global secondary index: read it, at every level (writes go to the table). */
    public static final List<String> INDEX_ACTIONS = List.of("dynamodb:Query", "dynamodb:Scan");

    /**
     * Reading the table's stream, when a grant asks for it. {@code ListStreams} is left out: it only
     * takes {@code *}; the app finds the stream's ARN with {@code DescribeTable} ({@code LatestStreamArn}).
     */
    public static final List<String> STREAM_ACTIONS = List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
            "dynamodb:GetShardIterator");

    private final List<String> tableActions;

    AccessLevel(List<String> tableActions) {
        this.tableActions = tableActions;
    }

    /** @return the actions allowed on the table itself, sorted */
    public List<String> tableActions() {
        return tableActions;
    }
}
