package dev.tandem.cloudformation;

import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.Projection;
import dev.tandem.constructs.table.TableReplicaProps;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.AutoscaledCapacityOptions;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.Capacity;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableClass;
import software.amazon.awscdk.services.dynamodb.TableEncryptionV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.dynamodb.ThroughputProps;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * Maps {@link GlobalTableProps} onto the AWS CDK's {@link TableV2}, field by field of the
 * description: nothing here restates a table, only how each of our values is spelled in the CDK.
 * An override a {@link TableReplicaProps} leaves empty is left to TableV2, which then uses the
 * table's value, as our description means.
 */
final class TableV2Rendering {

    private TableV2Rendering() {
    }

    static TableV2 render(Construct scope, String id, GlobalTableProps props, Map<String, TableReplicaProps> replicas) {
        TableV2.Builder b = TableV2.Builder.create(scope, id)
                .tableName(props.tableName())
                .partitionKey(attribute(props, props.partitionKey().name()))
                .billing(billing(props.billing()))
                .dynamoStream(StreamViewType.valueOf(props.streamViewType().name()))
                .pointInTimeRecovery(props.pointInTimeRecovery())
                .deletionProtection(props.deletionProtection())
                .tableClass(TableClass.valueOf(props.tableClass().name()))
                .encryption(encryption(scope, id, props, replicas))
                .replicas(replicas.entrySet().stream().map(r -> replica(props, r.getKey(), r.getValue())).toList());
        props.sortKey().ifPresent(k -> b.sortKey(attribute(props, k.name())));
        if (!props.globalSecondaryIndexes().isEmpty()) {
            b.globalSecondaryIndexes(props.globalSecondaryIndexes().stream().map(g -> index(props, g)).toList());
        }
        props.timeToLiveAttribute().ifPresent(b::timeToLiveAttribute);
        if (!props.tags().isEmpty()) {
            b.tags(tags(props));
        }
        return b.build();
    }

    private static Attribute attribute(GlobalTableProps props, String name) {
        return Attribute.builder().name(name).type(AttributeType.valueOf(props.keyAttributes().get(name).name())).build();
    }

    private static Billing billing(dev.tandem.constructs.table.Billing billing) {
        if (!billing.isProvisioned()) {
            return Billing.onDemand();
        }
        return Billing.provisioned(ThroughputProps.builder()
                .readCapacity(capacity(billing.read().orElseThrow()))
                .writeCapacity(capacity(billing.write().orElseThrow()))
                .build());
    }

    private static Capacity capacity(dev.tandem.constructs.table.Capacity c) {
        if (!c.isAutoscaled()) {
            return Capacity.fixed(c.minUnits());
        }
        // The minimum is also the initial capacity, as in the Terraform rendering.
        return Capacity.autoscaled(AutoscaledCapacityOptions.builder()
                .minCapacity(c.minUnits())
                .seedCapacity(c.minUnits())
                .maxCapacity(c.maxUnits().orElseThrow())
                .targetUtilizationPercent(c.targetUtilization().orElseThrow())
                .build());
    }

    private static GlobalSecondaryIndexPropsV2 index(GlobalTableProps props, GlobalSecondaryIndex g) {
        GlobalSecondaryIndexPropsV2.Builder b = GlobalSecondaryIndexPropsV2.builder()
                .indexName(g.indexName())
                .partitionKey(attribute(props, g.partitionKey().name()))
                .projectionType(ProjectionType.valueOf(g.projection().typeName()));
        g.sortKey().ifPresent(k -> b.sortKey(attribute(props, k.name())));
        if (g.projection() instanceof Projection.Include include) {
            b.nonKeyAttributes(include.nonKeyAttributes());
        }
        g.read().ifPresent(c -> b.readCapacity(capacity(c)));
        g.write().ifPresent(c -> b.writeCapacity(capacity(c)));
        return b.build();
    }

    private static TableEncryptionV2 encryption(Construct scope, String id, GlobalTableProps props,
            Map<String, TableReplicaProps> replicas) {
        return switch (props.encryption().kind()) {
            case AWS_OWNED -> TableEncryptionV2.dynamoOwnedKey();
            case AWS_MANAGED -> TableEncryptionV2.awsManagedKey();
            case CUSTOMER_MANAGED -> TableEncryptionV2.customerManagedKey(
                    Key.fromKeyArn(scope, id + "-key", props.encryption().kmsKeyArn().orElseThrow()),
                    replicas.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            r -> r.getValue().kmsKeyArn().orElseThrow())));
        };
    }

    private static ReplicaTableProps replica(GlobalTableProps props, String region, TableReplicaProps r) {
        ReplicaTableProps.Builder b = ReplicaTableProps.builder().region(region);
        r.pointInTimeRecovery().ifPresent(b::pointInTimeRecovery);
        r.deletionProtection().ifPresent(b::deletionProtection);
        r.tableClass().ifPresent(c -> b.tableClass(TableClass.valueOf(c.name())));
        // CloudFormation tags each replica on its own: propagating means giving it the table's tags.
        if (r.propagateTags() && !props.tags().isEmpty()) {
            b.tags(tags(props));
        }
        return b.build();
    }

    private static List<CfnTag> tags(GlobalTableProps props) {
        return props.tags().entrySet().stream()
                .map(e -> CfnTag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
