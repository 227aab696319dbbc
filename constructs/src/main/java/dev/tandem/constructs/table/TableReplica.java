package dev.tandem.constructs.table;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import dev.tandem.providers.aws.data_aws_partition.DataAwsPartition;
import dev.tandem.providers.aws.dynamodb_table_replica.DynamodbTableReplicaA;
import dev.tandem.constructs.core.AwsProviders;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * One replica of a {@link GlobalTable}, owned by the stack of its region: an
 * {@code aws_dynamodb_table_replica} made with that stack's AWS provider, whose region is the
 * replica's. Deletion protection, point-in-time recovery and table class follow the table unless the
 * replica says otherwise.
 *
 * <pre>{@code
 * TableReplica.Builder.create(secondaryStack, "sessions-replica")
 *     .table(sessions)             // the GlobalTable, in the primary's stack
 *     .build();                    // region: secondaryStack's AWS provider
 * }</pre>
 *
 * <p>Its stack depends on the table's ({@code cdktf deploy} applies the table's stack first, {@code cdktf destroy}
 * destroys the replica's first), and the table's ARN is built from what the replica's stack reads itself, so it
 * still plans after a failed or partial destroy of the table's stack. The table and its replicas are in one AWS
 * account.
 *
 * <p>The replica carries {@code lifecycle.prevent_destroy} (a plan that would destroy it fails before anything
 * is destroyed) unless it is being torn down on purpose ({@link TableReplicaProps.BuilderBase#teardown}).
 *
 * <p>Attributes: {@link #region()}, {@link #arn()}, {@link #table()}. Escape hatch: {@link #resource()}.
 *
 * <p>How the table's ARN and the stacks' order are derived, and the sources: the
 * {@link dev.tandem.constructs.table package documentation}.
 */
public class TableReplica extends Construct {
    private final GlobalTable table;
    private final TableReplicaProps props;
    private final String region;
    private final DynamodbTableReplicaA replica;

    /**
     * @param scope a construct in the replica region's stack
     * @param id    construct id
     * @param table the global table this replicates
     * @param props the replica's own settings
     */
    public TableReplica(@NotNull Construct scope, @NotNull String id, GlobalTable table, TableReplicaProps props) {
        super(Scopes.checked(scope, id, "TableReplica"), id);
        Problems p = Problems.at(this);
        Optional<String> found = AwsProviders.regionOf(this, p);
        if (p.present(table, "table", "pass the GlobalTable this replicates") && found.isPresent()) {
            String r = found.get();
            p.require(!r.equals(table.region()), "stack", r, "is the table's home region (" + table.region()
                    + " at " + table.getNode().getPath() + "): a replica must be in another region",
                    "create the replica in the stack of another region");
            table.replicas().stream().filter(other -> other.region().equals(r)).findFirst().ifPresent(other ->
                    p.add("stack", r, "already holds the replica " + other.getNode().getPath() + " of this table",
                            "keep one replica per region"));
        }
        if (table != null) {
            GlobalTableValidation.validate(new GlobalTableValidation.ReplicaContext(table.props(), found), props, p);
        }
        p.throwIfAny();
        this.table = table;
        this.props = props;
        this.region = found.orElseThrow();
        GlobalTableProps t = table.props();
        TerraformStack home = TerraformStack.of(table);
        TerraformStack own = TerraformStack.of(this);
        if (!home.getNode().getPath().equals(own.getNode().getPath())) {
            own.addDependency(home);
        }
        // aws_partition reads the provider's configuration; aws_caller_identity is one STS call at plan time.
        DataAwsPartition partition = new DataAwsPartition(this, "partition");
        DataAwsCallerIdentity account = new DataAwsCallerIdentity(this, "account");
        DynamodbTableReplicaA.Builder b = DynamodbTableReplicaA.Builder.create(this, "replica")
                .globalTableArn("arn:" + partition.getPartition() + ":dynamodb:" + table.region() + ":"
                        + account.getAccountId() + ":table/" + t.tableName())
                .pointInTimeRecovery(props.pointInTimeRecovery(t))
                .deletionProtectionEnabled(props.deletionProtection(t))
                .tableClassOverride(props.tableClass(t).name())
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(!props.teardown(t)).build());
        props.kmsKeyArn().ifPresent(b::kmsKeyArn);
        // The replica resource has no propagate_tags (hashicorp/aws 5.100.0 schema): it takes tags of its own.
        if (props.propagateTags() && !t.tags().isEmpty()) {
            b.tags(TerraformStrings.literal(t.tags()));
        }
        this.replica = b.build();
        getNode().setDefaultChild(this.replica);
        table.register(this);
    }

    /** @return the replica's region: its stack's AWS provider's */
    public String region() {
        return region;
    }

    /** @return the replica's ARN (a Terraform reference in this stack) */
    public String arn() {
        return replica.getArn();
    }

    /** @return the table this replicates */
    public GlobalTable table() {
        return table;
    }

    /** @return the replica's own settings */
    public TableReplicaProps props() {
        return props;
    }

    /** @return the underlying {@code aws_dynamodb_table_replica}, the node's default child (escape hatch) */
    public DynamodbTableReplicaA resource() {
        return replica;
    }

    /** Fluent creation: {@code TableReplica.Builder.create(scope, id).table(t)...build()}. */
    public static final class Builder extends TableReplicaProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;
        private GlobalTable table;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope a construct in the replica region's stack
         * @param id    construct id
         * @return a builder for a replica under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /**
         * @param value the global table to replicate (required)
         * @return this builder
         */
        public Builder table(GlobalTable value) {
            this.table = value;
            return this;
        }

        /**
         * @return the replica
         * @throws dev.tandem.constructs.core.ValidationException listing every problem
         */
        public TableReplica build() {
            return new TableReplica(scope, id, table, props());
        }
    }
}
