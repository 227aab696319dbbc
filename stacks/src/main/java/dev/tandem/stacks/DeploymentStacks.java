package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.Replica;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Turns a {@link DeploymentSpec} into its stacks: one {@link RegionStack} per region, the global
 * table in the primary with its replica shown in the secondary, and the {@link EdgeStack}. The
 * same code builds the reference deployment and any user's own: only the description differs.
 */
public final class DeploymentStacks {
    private final RegionStack primary;
    private final RegionStack secondary;
    private final EdgeStack edge;
    private final GlobalTable table;

    private DeploymentStacks(RegionStack primary, RegionStack secondary, EdgeStack edge, GlobalTable table) {
        this.primary = primary;
        this.secondary = secondary;
        this.edge = edge;
        this.table = table;
    }

    /**
     * Builds the stacks of {@code spec} in {@code app}.
     *
     * @param app  the cdktf app (see {@link dev.tandem.constructs.core.TandemApp#synthesize})
     * @param spec the deployment
     * @return the stacks, for extension
     */
    public static DeploymentStacks build(Construct app, DeploymentSpec spec) {
        RegionStack primary = new RegionStack(app, spec, spec.primary());
        RegionStack secondary = new RegionStack(app, spec, spec.secondary());
        GlobalTable table = sessionsTable(primary, secondary);
        EdgeStack edge = new EdgeStack(app, spec, List.of(primary, secondary));
        return new DeploymentStacks(primary, secondary, edge, table);
    }

    /**
     * The sessions table's description, written once: the Terraform stacks build it with
     * {@link GlobalTable}, and the opt-in CloudFormation module renders the same value.
     *
     * @param spec the deployment
     * @return the table in the primary's AWS region with its replica in the secondary's
     */
    public static GlobalTableProps sessionsTableProps(DeploymentSpec spec) {
        return GlobalTableProps.builder()
                .tableName(spec.appName() + "-sessions")
                .region(spec.primary().awsRegion())
                .partitionKey(Attribute.string("pk"))
                .sortKey(Attribute.string("sk"))
                .attributes(List.of(Attribute.string("userId")))
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder()
                        .indexName("by-user")
                        .partitionKey("userId")
                        .sortKey("sk")
                        .build()))
                .replicas(List.of(Replica.in(spec.secondary().awsRegion())))
                .timeToLiveAttribute("expiresAt")
                .tags(Map.of("tandem:data", "sessions"))
                .build();
    }

    private static GlobalTable sessionsTable(RegionStack primary, RegionStack secondary) {
        DeploymentSpec spec = primary.deployment();
        GlobalTable table = new GlobalTable(primary, "sessions-table", sessionsTableProps(spec));

        // The secondary shows its half of the pair; cdktf wires it as a cross-stack reference and
        // marks cross-stack values sensitive, so these outputs must be sensitive too.
        String replicaRegion = spec.secondary().awsRegion();
        TerraformOutput.Builder.create(secondary, "sessions-replica-arn")
                .description("ARN of the sessions table's replica in " + replicaRegion)
                .value(table.replicaArn(replicaRegion))
                .sensitive(true)
                .build();
        TerraformOutput.Builder.create(secondary, "sessions-replica-stream-arn")
                .description("Stream ARN of the sessions table's replica in " + replicaRegion)
                .value(table.replicaStreamArn(replicaRegion))
                .sensitive(true)
                .build();
        return table;
    }

    /** @return the primary region's stack */
    public RegionStack primary() {
        return primary;
    }

    /** @return the secondary region's stack */
    public RegionStack secondary() {
        return secondary;
    }

    /** @return the edge stack */
    public EdgeStack edge() {
        return edge;
    }

    /** @return the sessions table */
    public GlobalTable table() {
        return table;
    }
}
