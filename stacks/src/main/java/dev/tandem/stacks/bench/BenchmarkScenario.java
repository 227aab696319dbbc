package dev.tandem.stacks.bench;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.SshKey;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.Replica;
import dev.tandem.providers.aws.provider.AwsProvider;
import dev.tandem.providers.ovh.provider.OvhProvider;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.Main;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Path;
import java.util.List;
import software.constructs.Construct;

/**
 * What {@code bench/synth-benchmark} times: the reference deployment, the floor (the same app,
 * stacks and providers with no resource: what cdktf and the bindings cost before any construct of
 * ours), and deployments scaled to N apps (each a table, an HAProxy tier and a cluster with its
 * manifests).
 */
public final class BenchmarkScenario {
    private BenchmarkScenario() {
    }

    /**
     * Synthesizes one scenario into {@code args[1]}.
     *
     * @param args {@code reference | floor | apps:<N>}, then the output folder
     */
    public static void main(String[] args) {
        Path out = Path.of(args[1]);
        DeploymentSpec spec = ReferenceDeployment.spec();
        String scenario = args[0];
        if (scenario.equals("reference")) {
            Main.synthesize(spec, out);
        } else if (scenario.equals("floor")) {
            TandemApp.synthesize(out, app -> {
                providers(new TerraformStack(app, spec.primary().stackName()), spec.primary().awsRegion());
                providers(new TerraformStack(app, spec.secondary().stackName()), spec.secondary().awsRegion());
                return CloudflareProvider.Builder.create(new TerraformStack(app, spec.edge().stackName()), "cloudflare")
                        .build();
            });
        } else if (scenario.startsWith("apps:")) {
            int apps = Integer.parseInt(scenario.substring("apps:".length()));
            TandemApp.synthesize(out, app -> scaled(app, spec, apps));
        } else {
            throw new IllegalArgumentException("unknown scenario " + scenario + "; use reference, floor or apps:<N>");
        }
        System.exit(0); // the jsii runtime keeps a non-daemon thread alive
    }

    private static void providers(TerraformStack stack, String awsRegion) {
        AwsProvider.Builder.create(stack, "aws").region(awsRegion).build();
        OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
    }

    private static TerraformStack scaled(Construct app, DeploymentSpec spec, int apps) {
        TerraformStack stack = new TerraformStack(app, "apps");
        providers(stack, spec.primary().awsRegion());
        for (int i = 1; i <= apps; i++) {
            String name = "app" + i;
            Construct scope = new Construct(stack, name);
            GlobalTable.Builder.create(scope, "table").tableName(name + "-data").region(spec.primary().awsRegion())
                    .partitionKey(Attribute.string("pk"))
                    .replicas(List.of(Replica.in(spec.secondary().awsRegion()))).build();
            RegionNetwork network = new RegionNetwork(scope, "network", spec.ovhCloudProject(),
                    spec.primary().ovhRegion(), i, "10." + (i % 250) + ".0.0/16");
            K8sAppCluster cluster = K8sAppCluster.Builder.create(scope, "cluster").network(network).manifestFolder("k8s/" + name)
                    .zones(spec.primary().ovhZones())
                    .app(AppSpec.builder().name(name).image(spec.appImage()).health(spec.health()).build())
                    .build();
            HaproxyTier.Builder.create(scope, "haproxy-" + name).cloudProject(spec.ovhCloudProject()).network(network)
                    .zones(spec.primary().ovhZones()).flavorId(spec.primary().haproxy().flavorId())
                    .imageId(spec.primary().haproxy().imageId()).sshKey(SshKey.existing(spec.sshKeyName()))
                    .health(spec.health()).backends(cluster).build();
        }
        return stack;
    }
}
