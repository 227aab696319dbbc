package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalSecondaryIndex;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.Replica;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.IngressSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Turns a {@link DeploymentSpec} into its stacks. The same code builds the reference deployment
 * and any user's own: only the description differs.
 */
public final class DeploymentStacks {
    private final RegionStack primary;
    private final RegionStack secondary;
    private final GlobalTable table;
    private final K8sAppCluster primaryApp;
    private final K8sAppCluster secondaryApp;

    private DeploymentStacks(RegionStack primary, RegionStack secondary, GlobalTable table, K8sAppCluster primaryApp,
            K8sAppCluster secondaryApp) {
        this.primary = primary;
        this.secondary = secondary;
        this.table = table;
        this.primaryApp = primaryApp;
        this.secondaryApp = secondaryApp;
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

        GlobalTable table = GlobalTable.Builder.create(primary, "sessions-table")
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
        return new DeploymentStacks(primary, secondary, table, appCluster(primary), appCluster(secondary));
    }

    /** The app on OVH Managed Kubernetes in one region: the same app, sized the same, in both. */
    private static K8sAppCluster appCluster(RegionStack region) {
        DeploymentSpec spec = region.deployment();
        return K8sAppCluster.Builder.create(region, "app")
                .network(region.network())
                .zones(region.region().ovhZones())
                .app(AppSpec.builder()
                        .name(spec.appName())
                        .image(spec.appImage())
                        .health(spec.health())
                        .ingress(IngressSpec.forHost(spec.edge().hostname()))
                        .build())
                .build();
    }

    /** @return the primary region's stack */
    public RegionStack primary() {
        return primary;
    }

    /** @return the secondary region's stack */
    public RegionStack secondary() {
        return secondary;
    }

    /** @return the app cluster of the primary region */
    public K8sAppCluster primaryApp() {
        return primaryApp;
    }

    /** @return the app cluster of the secondary region */
    public K8sAppCluster secondaryApp() {
        return secondaryApp;
    }

    /** @return the sessions table */
    public GlobalTable table() {
        return table;
    }
}
