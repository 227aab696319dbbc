package dev.tandem.constructs.table;

import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.Problems;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import dev.tandem.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import dev.tandem.providers.aws.appautoscaling_target.AppautoscalingTarget;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTable;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableAttribute;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableConfig;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableGlobalSecondaryIndex;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableReplica;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import dev.tandem.providers.aws.dynamodb_table.DynamodbTableTtl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A DynamoDB global table (version 2019.11.21): one {@code aws_dynamodb_table} in the home region
 * with a {@code replica} block per other region, plus write autoscaling when billing is provisioned.
 *
 * <p>Safe by default: on-demand billing, point-in-time recovery and deletion protection on, streams
 * with {@code NEW_AND_OLD_IMAGES} (replication needs them), encryption at rest with an AWS-owned key,
 * tags propagated to replicas.
 *
 * <pre>{@code
 * GlobalTable orders = GlobalTable.Builder.create(stack, "orders")
 *     .tableName("orders")
 *     .region("eu-west-3")
 *     .partitionKey(Attribute.string("pk"))
 *     .replicas(List.of(Replica.in("eu-central-1")))
 *     .build();
 * }</pre>
 *
 * <p>Attributes: {@link #tableName()}, {@link #tableArn()}, {@link #streamArn()},
 * {@link #replicaArn(String)}, {@link #replicaStreamArn(String)}. Escape hatch: {@link #table()}
 * and {@link #autoscalingTargets()}.
 */
public class GlobalTable extends Construct {
    private static final String DYNAMODB = "dynamodb";

    private final GlobalTableProps props;
    private final DynamodbTable table;
    private final List<AppautoscalingTarget> autoscalingTargets = new ArrayList<>();
    private final Map<String, TerraformLocal> replicaLookups = new HashMap<>();

    /**
     * Creates the table; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem.
     *
     * @param scope parent construct, usually the primary region's stack
     * @param id    construct id
     * @param props the table's description
     */
    public GlobalTable(@NotNull Construct scope, @NotNull String id, GlobalTableProps props) {
        super(scope, id);
        GlobalTableValidation.validateForTerraform(getNode().getPath(), props);
        this.props = props;
        this.table = new DynamodbTable(this, "table", tableConfig(props));
        addAutoscaling();
    }

    private static DynamodbTableConfig tableConfig(GlobalTableProps props) {
        Billing billing = props.billing();
        DynamodbTableConfig.Builder b = DynamodbTableConfig.builder()
                .name(props.tableName())
                .billingMode(billing.mode())
                .hashKey(props.partitionKey().name())
                .attribute(attributes(props))
                .streamEnabled(true)
                .streamViewType(props.streamViewType().name())
                .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder()
                        .enabled(props.pointInTimeRecovery()).build())
                .deletionProtectionEnabled(props.deletionProtection())
                .tableClass(props.tableClass().name())
                .replica(replicas(props));
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
            b.tags(props.tags());
        }
        if (billing.isProvisioned()) {
            b.readCapacity(billing.read().orElseThrow().minUnits());
            b.writeCapacity(billing.write().orElseThrow().minUnits());
            // Autoscaling moves the capacity; without this every plan would try to move it back.
            b.lifecycle(TerraformResourceLifecycle.builder()
                    .ignoreChanges(List.of("read_capacity", "write_capacity")).build());
        }
        return b.build();
    }

    private static List<DynamodbTableAttribute> attributes(GlobalTableProps props) {
        return props.keyAttributes().entrySet().stream()
                .map(e -> DynamodbTableAttribute.builder().name(e.getKey()).type(e.getValue()).build())
                .toList();
    }

    private static List<DynamodbTableGlobalSecondaryIndex> indexes(GlobalTableProps props) {
        Billing billing = props.billing();
        return props.globalSecondaryIndexes().stream().map(g -> {
            DynamodbTableGlobalSecondaryIndex.Builder b = DynamodbTableGlobalSecondaryIndex.builder()
                    .name(g.indexName())
                    .hashKey(g.partitionKey())
                    .projectionType(g.projectionType());
            g.sortKey().ifPresent(b::rangeKey);
            if (!g.nonKeyAttributes().isEmpty()) {
                b.nonKeyAttributes(g.nonKeyAttributes());
            }
            if (billing.isProvisioned()) {
                b.readCapacity(g.read().or(billing::read).orElseThrow().minUnits());
                b.writeCapacity(g.write().or(billing::write).orElseThrow().minUnits());
            }
            return b.build();
        }).toList();
    }

    private static List<DynamodbTableReplica> replicas(GlobalTableProps props) {
        return props.replicas().stream().map(r -> {
            DynamodbTableReplica.Builder b = DynamodbTableReplica.builder()
                    .regionName(r.region())
                    .pointInTimeRecovery(r.pointInTimeRecovery().orElse(props.pointInTimeRecovery()))
                    .propagateTags(r.propagateTags().orElse(true));
            r.kmsKeyArn().ifPresent(b::kmsKeyArn);
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
    public String tableArn() {
        return table.getArn();
    }

    /** @return the home-region table's stream ARN */
    public String streamArn() {
        return table.getStreamArn();
    }

    /**
     * The ARN of the replica in {@code region}. Usable from another stack: cdktf turns the reference
     * into an output here and a remote-state lookup there.
     *
     * @param region one of the replica regions
     * @return a Terraform reference to the replica's ARN
     */
    public String replicaArn(String region) {
        return replicaAttribute(region, "arn");
    }

    /**
     * @param region one of the replica regions
     * @return a Terraform reference to the replica's stream ARN
     */
    public String replicaStreamArn(String region) {
        return replicaAttribute(region, "stream_arn");
    }

    private String replicaAttribute(String region, String attribute) {
        Problems p = new Problems(getNode().getPath());
        p.require(props.replicas().stream().anyMatch(r -> r.region().equals(region)), "replica", region,
                "is not a replica region of this table (" + props.replicas().stream().map(Replica::region).toList()
                        + ")", "ask for one of the replica regions");
        p.throwIfAny();
        // `replica` is a set in Terraform: select by region, never by position.
        return replicaLookups.computeIfAbsent(region + "/" + attribute, key -> new TerraformLocal(this,
                "replica-" + attribute.replace('_', '-') + "-" + region,
                "${one([for r in " + table.getFqn() + ".replica : r." + attribute + " if r.region_name == \""
                        + region + "\"])}")).getAsString();
    }

    /** @return the underlying {@code aws_dynamodb_table} (escape hatch) */
    public DynamodbTable table() {
        return table;
    }

    /** @return the autoscaling targets (empty with on-demand billing) */
    public List<AppautoscalingTarget> autoscalingTargets() {
        return List.copyOf(autoscalingTargets);
    }

    /** Fluent creation in the style of the AWS CDK: {@code GlobalTable.Builder.create(scope, id)...build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private final GlobalTableProps.Builder props = GlobalTableProps.builder();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** @return a builder for a table under {@code scope} */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @see GlobalTableProps.Builder#tableName(String) */
        public Builder tableName(String value) {
            props.tableName(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#region(String) */
        public Builder region(String value) {
            props.region(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#partitionKey(Attribute) */
        public Builder partitionKey(Attribute value) {
            props.partitionKey(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#sortKey(Attribute) */
        public Builder sortKey(Attribute value) {
            props.sortKey(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#attributes(List) */
        public Builder attributes(List<Attribute> value) {
            props.attributes(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#globalSecondaryIndexes(List) */
        public Builder globalSecondaryIndexes(List<GlobalSecondaryIndex> value) {
            props.globalSecondaryIndexes(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#billing(Billing) */
        public Builder billing(Billing value) {
            props.billing(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#replicas(List) */
        public Builder replicas(List<Replica> value) {
            props.replicas(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#streamViewType(StreamViewType) */
        public Builder streamViewType(StreamViewType value) {
            props.streamViewType(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#pointInTimeRecovery(boolean) */
        public Builder pointInTimeRecovery(boolean value) {
            props.pointInTimeRecovery(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#deletionProtection(boolean) */
        public Builder deletionProtection(boolean value) {
            props.deletionProtection(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#encryption(TableEncryption) */
        public Builder encryption(TableEncryption value) {
            props.encryption(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#timeToLiveAttribute(String) */
        public Builder timeToLiveAttribute(String value) {
            props.timeToLiveAttribute(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#tableClass(TableClass) */
        public Builder tableClass(TableClass value) {
            props.tableClass(value);
            return this;
        }

        /** @see GlobalTableProps.Builder#tags(Map) */
        public Builder tags(Map<String, String> value) {
            props.tags(value);
            return this;
        }

        /** @return the table, validated */
        public GlobalTable build() {
            return new GlobalTable(scope, id, props.build());
        }
    }
}
