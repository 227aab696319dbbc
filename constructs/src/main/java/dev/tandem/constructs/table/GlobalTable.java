package dev.tandem.constructs.table;

import com.hashicorp.cdktf.LocalExecProvisioner;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import dev.tandem.providers.aws.appautoscaling_target.AppautoscalingTarget;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTable;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableAttribute;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableConfig;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableGlobalSecondaryIndex;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableTtl;
import dev.tandem.constructs.core.AwsProviders;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A DynamoDB global table (version 2019.11.21): one {@code aws_dynamodb_table} in the home region — the region
 * of its stack's AWS provider — plus write autoscaling when billing is provisioned.
 *
 * <pre>{@code
 * GlobalTable orders = GlobalTable.Builder.create(primaryStack, "orders")   // home region: the stack's
 *     .tableName("orders")
 *     .partitionKey(Attribute.string("pk"))
 *     .build();
 * TableReplica.Builder.create(secondaryStack, "orders-replica").table(orders).build();
 * }</pre>
 *
 * <p>Each other region's replica is a {@link TableReplica} in that region's stack, so every region owns its half
 * of the data with its own provider and settings.
 *
 * <p>Safe by default: on-demand billing, point-in-time recovery and deletion protection on, streams
 * with {@code NEW_AND_OLD_IMAGES} (replication needs them), encryption at rest with an AWS-owned key,
 * tags propagated to replicas.
 *
 * <p>The table carries {@code lifecycle.prevent_destroy}: a plan that would destroy it fails before anything is
 * destroyed. Tearing down on purpose is a reviewed change in code,
 * {@link GlobalTableProps.BuilderBase#teardown(boolean)} (docs/teardown.md), and even then a destroy-time check
 * refuses while the table's state records a replica.
 *
 * <p>Attributes: {@link #tableName()}, {@link #arn()}, {@link #streamArn()}, {@link #region()},
 * {@link #replicas()}. Escape hatch: {@link #resource()} and {@link #autoscalingTargets()}.
 *
 * <p>Why the replicas are separate resources, why a destroy checks for them, and the sources: the
 * {@link dev.tandem.constructs.table package documentation}.
 */
public class GlobalTable extends Construct {
    private static final String DYNAMODB = "dynamodb";

    private final GlobalTableProps props;
    private final String homeRegion;
    private final DynamodbTable table;
    private final List<AppautoscalingTarget> autoscalingTargets = new ArrayList<>();
    private final List<TableReplica> replicas = new ArrayList<>();

    /**
     * Creates the table; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem.
     *
     * @param scope parent construct in the home region's stack (its AWS provider names the region)
     * @param id    construct id
     * @param props the table's description
     */
    public GlobalTable(@NotNull Construct scope, @NotNull String id, GlobalTableProps props) {
        super(Scopes.checked(scope, id, "GlobalTable"), id);
        Problems p = Problems.at(this);
        Optional<String> region = AwsProviders.regionOf(this, p);
        GlobalTableValidation.validate(new GlobalTableValidation.Context(region), props, p);
        p.throwIfAny();
        this.props = props;
        this.homeRegion = region.orElseThrow();
        this.table = new DynamodbTable(this, "table", tableConfig(props));
        getNode().setDefaultChild(this.table);
        addAutoscaling();
    }

    private static DynamodbTableConfig tableConfig(GlobalTableProps props) {
        Billing billing = props.billing();
        DynamodbTableConfig.Builder b = DynamodbTableConfig.builder()
                .name(props.tableName())
                .billingMode(billing.mode().name())
                .hashKey(props.partitionKey().name())
                .attribute(attributes(props))
                .streamEnabled(true)
                .streamViewType(props.streamViewType().name())
                .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder()
                        .enabled(props.pointInTimeRecovery()).build())
                .deletionProtectionEnabled(props.deletionProtectionInEffect())
                .tableClass(props.tableClass().name());
        props.sortKey().ifPresent(k -> b.rangeKey(k.name()));
        if (!props.globalSecondaryIndexes().isEmpty()) {
            b.globalSecondaryIndex(indexes(props));
        }
        switch (props.encryption().kind()) {
            case AWS_OWNED -> { } // DynamoDB's default: no block
            case AWS_MANAGED -> b.serverSideEncryption(DynamodbTableServerSideEncryption.builder().enabled(true).build());
            case CUSTOMER_MANAGED -> b.serverSideEncryption(DynamodbTableServerSideEncryption.builder()
                    .enabled(true).kmsKeyArn(props.encryption().kmsKeyArn().orElseThrow()).build());
        }
        props.timeToLiveAttribute().ifPresent(ttl ->
                b.ttl(DynamodbTableTtl.builder().attributeName(ttl).enabled(true).build()));
        if (!props.tags().isEmpty()) {
            b.tags(TerraformStrings.literal(props.tags()));
        }
        // The replicas are aws_dynamodb_table_replica resources in their regions' stacks, which write the
        // table's `replica` attribute: ignore it as the provider's docs say. Autoscaling moves the
        // capacity; without ignoring it every plan would move it back.
        List<String> ignored = new ArrayList<>(List.of("replica"));
        if (billing.isProvisioned()) {
            b.readCapacity(billing.read().orElseThrow().minUnits());
            b.writeCapacity(billing.write().orElseThrow().minUnits());
            ignored.addAll(List.of("read_capacity", "write_capacity"));
        }
        b.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(ignored).preventDestroy(!props.teardown()).build());
        b.provisioners(List.of(replicasFirst(props.tableName())));
        return b.build();
    }

    /**
     * Refuses to destroy the table while its state records replicas: the provider would delete them with it
     * (see the class comment), though each belongs to its own region's stack. A destroy-time provisioner runs
     * before the provider's delete, and a failing one stops it (Terraform, "Destroy-Time Provisioners"). It
     * reads the state as refreshed by the destroy, so {@code -refresh=false} on stale state can get past it.
     */
    private static LocalExecProvisioner replicasFirst(String tableName) {
        String refuse = "echo \"tandem: table " + tableName + " still has replicas in ${join(\", \", self.replica[*].region_name)};"
                + " they belong to their regions' stacks and the provider would delete them with the table."
                + " Destroy those stacks first (cdktf destroy orders them), then this one.\" >&2; exit 1";
        return LocalExecProvisioner.builder().type("local-exec").when("destroy").interpreter(List.of("/bin/sh", "-c"))
                .command("%{ if length(self.replica) > 0 }" + refuse + "%{ else }true%{ endif }").build();
    }

    private static List<DynamodbTableAttribute> attributes(GlobalTableProps props) {
        return props.keyAttributes().entrySet().stream()
                .map(e -> DynamodbTableAttribute.builder().name(e.getKey()).type(e.getValue().code()).build())
                .toList();
    }

    private static List<DynamodbTableGlobalSecondaryIndex> indexes(GlobalTableProps props) {
        Billing billing = props.billing();
        return props.globalSecondaryIndexes().stream().map(g -> {
            DynamodbTableGlobalSecondaryIndex.Builder b = DynamodbTableGlobalSecondaryIndex.builder()
                    .name(g.indexName())
                    .hashKey(g.partitionKey().name())
                    .projectionType(g.projection().typeName());
            g.sortKey().ifPresent(k -> b.rangeKey(k.name()));
            if (g.projection() instanceof Projection.Include include) {
                b.nonKeyAttributes(include.nonKeyAttributes());
            }
            if (billing.isProvisioned()) {
                b.readCapacity(g.read().or(billing::read).orElseThrow().minUnits());
                b.writeCapacity(g.write().or(billing::write).orElseThrow().minUnits());
            }
            return b.build();
        }).toList();
    }

    private void addAutoscaling() {
        Billing billing = props.billing();
        if (!billing.isProvisioned()) {
            return;
        }
        String tableResource = "table/" + table.getName();
        scale("table-read", tableResource, "dynamodb:table:ReadCapacityUnits", "DynamoDBReadCapacityUtilization",
                billing.read());
        scale("table-write", tableResource, "dynamodb:table:WriteCapacityUnits", "DynamoDBWriteCapacityUtilization",
                billing.write());
        for (GlobalSecondaryIndex g : props.globalSecondaryIndexes()) {
            String indexResource = tableResource + "/index/" + g.indexName();
            scale("index-" + g.indexName() + "-read", indexResource, "dynamodb:index:ReadCapacityUnits",
                    "DynamoDBReadCapacityUtilization", g.read().or(billing::read));
            scale("index-" + g.indexName() + "-write", indexResource, "dynamodb:index:WriteCapacityUnits",
                    "DynamoDBWriteCapacityUtilization", g.write().or(billing::write));
        }
    }

    private void scale(String id, String resourceId, String dimension, String metric, Optional<Capacity> capacity) {
        Capacity c = capacity.filter(Capacity::isAutoscaled).orElse(null);
        if (c == null) {
            return;
        }
        AppautoscalingTarget target = AppautoscalingTarget.Builder.create(this, id + "-target")
                .serviceNamespace(DYNAMODB)
                .resourceId(resourceId)
                .scalableDimension(dimension)
                .minCapacity(c.minUnits())
                .maxCapacity(c.maxUnits().orElseThrow())
                .build();
        AppautoscalingPolicy.Builder.create(this, id + "-policy")
                .name(props.tableName() + "-" + id)
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.getServiceNamespace())
                .resourceId(target.getResourceId())
                .scalableDimension(target.getScalableDimension())
                .targetTrackingScalingPolicyConfiguration(
                        AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                                .predefinedMetricSpecification(
                                        AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification
                                                .builder().predefinedMetricType(metric).build())
                                .targetValue(c.targetUtilization().orElseThrow())
                                .build())
                .build();
        autoscalingTargets.add(target);
    }

    /** @return the props the table was built from */
    public GlobalTableProps props() {
        return props;
    }

    /** @return the table's name (a Terraform reference) */
    public String tableName() {
        return table.getName();
    }

    /** @return the home-region table's ARN */
    public String arn() {
        return table.getArn();
    }

    /** @return the home-region table's stream ARN */
    public String streamArn() {
        return table.getStreamArn();
    }

    /** @return the home region: the region of the table's stack's AWS provider */
    public String region() {
        return homeRegion;
    }

    /** @return the replicas made with {@link TableReplica}, in creation order */
    public List<TableReplica> replicas() {
        return List.copyOf(replicas);
    }

    /** Called by a new replica, after its checks against the replicas before it. */
    void register(TableReplica replica) {
        replicas.add(replica);
    }

    /** @return the underlying {@code aws_dynamodb_table}, the node's default child (escape hatch) */
    public DynamodbTable resource() {
        return table;
    }

    /** @return the autoscaling targets (empty with on-demand billing) */
    public List<AppautoscalingTarget> autoscalingTargets() {
        return List.copyOf(autoscalingTargets);
    }

    /** Fluent creation in the style of the AWS CDK: {@code GlobalTable.Builder.create(scope, id)...build()}. */
    public static final class Builder extends GlobalTableProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope a construct in the home region's stack
         * @param id    construct id
         * @return a builder for a table under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /**
         * @return the table
         * @throws dev.tandem.constructs.core.ValidationException listing every problem
         */
        public GlobalTable build() {
            return new GlobalTable(scope, id, props());
        }
    }
}
