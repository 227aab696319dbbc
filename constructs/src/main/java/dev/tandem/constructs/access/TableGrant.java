package dev.tandem.constructs.access;

import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.List;
import java.util.Optional;

/**
 * One region's copy of a global table — the {@link GlobalTable} itself in its home region, or a
 * {@link TableReplica} — and how the app may use it. The table's name, region and indexes come from
 * that construct, never typed again.
 *
 * <pre>{@code
 * TableGrant.of(sessions)                                        // the home copy, read and write
 * TableGrant.of(sessionsReplica).withAccess(TableAccess.builder().level(AccessLevel.READ_ONLY).build())
 * }</pre>
 */
public final class TableGrant {
    private final GlobalTable table;
    private final TableReplica replica;
    private final TableAccess access;

    private TableGrant(GlobalTable table, TableReplica replica, TableAccess access) {
        this.table = table;
        this.replica = replica;
        this.access = access;
    }

    /**
     * @param table the global table, whose home region is the app's
     * @return a grant on the home copy, with {@link TableAccess#readWrite()}
     */
    public static TableGrant of(GlobalTable table) {
        return new TableGrant(table, null, TableAccess.readWrite());
    }

    /**
     * @param replica the replica in the app's region
     * @return a grant on that replica, with {@link TableAccess#readWrite()}
     */
    public static TableGrant of(TableReplica replica) {
        return new TableGrant(replica == null ? null : replica.table(), replica, TableAccess.readWrite());
    }

    /**
     * @param value how the app uses the table
     * @return this grant with {@code value} as its access
     */
    public TableGrant withAccess(TableAccess value) {
        return new TableGrant(table, replica, value);
    }

    /** @return the global table (the home copy, or the table the replica replicates); empty when none was given */
    public Optional<GlobalTable> table() {
        return Optional.ofNullable(table);
    }

    /** @return the replica, when the grant is on a replica */
    public Optional<TableReplica> replica() {
        return Optional.ofNullable(replica);
    }

    /** @return how the app uses the table */
    public TableAccess access() {
        return access;
    }

    /** @return the table's name, as the app calls it in every region; null when no table was given */
    public String tableName() {
        return table == null ? null : table.props().tableName();
    }

    /** @return the AWS region of this copy: the replica's, or the table's home region; null when no table was given */
    public String region() {
        return replica != null ? replica.region() : table == null ? null : table.region();
    }

    /** @return the names of the table's global secondary indexes (every replica has them all) */
    public List<String> indexNames() {
        return table == null ? List.of()
                : table.props().globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).toList();
    }

    /** @return the construct path of this copy, e.g. {@code secondary/tables/tandem-sessions} */
    public String copyPath() {
        return replica != null ? replica.getNode().getPath() : table == null ? "none" : table.getNode().getPath();
    }

    /** @return the environment variable that carries the table's name: {@code TANDEM_TABLE_<LOGICAL>} */
    public String variable() {
        return DataWiring.TABLE_PREFIX + (access == null ? TableAccess.derive(tableName())
                : access.logicalName(tableName()));
    }

    /** @return the copy's path, as validation messages show the grant */
    @Override
    public String toString() {
        return "TableGrant(" + copyPath() + ")";
    }
}
