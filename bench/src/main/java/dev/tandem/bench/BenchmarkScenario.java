package dev.tandem.bench;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.providers.aws.provider.AwsProvider;
import dev.tandem.constructs.aws.AwsResource;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.OriginCertificate;
import dev.tandem.constructs.haproxy.SshKey;
import dev.tandem.constructs.k8s.AppSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.providers.cloudflare.load_balancer_monitor.LoadBalancerMonitor;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.ovh.provider.OvhProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.DeploymentStacks;
import dev.tandem.stacks.Main;
import dev.tandem.stacks.OvhEndpoint;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * What {@code bench/synth-benchmark} times: the reference deployment, the floor (the same app,
 * stacks and providers with no resource: what cdktf and the bindings cost before any construct of
 * ours), the edge-only floor (an edge stack with the Cloudflare provider and one monitor on the binding
 * generated from {@code src/cloudflare/schema.json}: what loading that binding costs), and deployments
 * scaled to N apps (each a table, an HAProxy tier and a cluster with its manifests).
 */
public final class BenchmarkScenario {
    private BenchmarkScenario() {
    }

    /**
     * Synthesizes one scenario into {@code args[1]}.
     *
     * @param args {@code reference | reference+aws | floor | edge | apps:<N>}, then the output folder
     */
    public static void main(String[] args) {
        run(args[0], Path.of(args[1]));
        System.exit(0); // the jsii runtime keeps a non-daemon thread alive
    }

    /**
     * Synthesizes {@code scenario} into {@code out} (the benchmark's test runs every scenario once).
     *
     * @param scenario {@code reference | reference+aws | floor | edge | apps:<N>}
     * @param out      the output folder
     */
    public static void run(String scenario, Path out) {
        DeploymentSpec spec = ReferenceDeployment.spec();
        if (scenario.equals("reference")) {
            Main.synthesize(spec, out);
        } else if (scenario.equals("reference+aws")) {
            TandemApp.synthesize(out, app -> {
                DeploymentStacks stacks = DeploymentStacks.build(app, spec);
                // a user's own AWS type through AwsResource: what loading its argument index costs
                AwsResource.Builder.create(stacks.primary(), "sessions-arn").type("aws_ssm_parameter")
                        .arguments(Map.of("name", "/tandem/sessions/arn", "type", "String",
                                "value", stacks.primary().globalTables().get(0).arn()))
                        .build();
                return stacks;
            });
        } else if (scenario.equals("floor")) {
            TandemApp.synthesize(out, app -> {
                spec.regions().forEach(r -> providers(new TerraformStack(app, r.stackName()), r.awsRegion()));
                return CloudflareProvider.Builder.create(new TerraformStack(app, spec.edge().stackName()), "cloudflare")
                        .build();
            });
        } else if (scenario.equals("edge")) {
            TandemApp.synthesize(out, app -> edge(new TerraformStack(app, spec.edge().stackName()), spec));
        } else if (scenario.startsWith("apps:")) {
            int apps = Integer.parseInt(scenario.substring("apps:".length()));
            TandemApp.synthesize(out, app -> scaled(app, spec, apps));
        } else {
            throw new IllegalArgumentException("unknown scenario " + scenario
                    + "; use reference, reference+aws, floor, edge or apps:<N>");
        }
    }

    /** The providers a region stack of the reference deployment configures. */
    private static void providers(TerraformStack stack, String awsRegion) {
        AwsProvider.Builder.create(stack, "aws").region(awsRegion).build();
        OvhProvider.Builder.create(stack, "ovh").endpoint(OvhEndpoint.OVH_EU.providerValue()).build();
        CloudflareProvider.Builder.create(stack, "cloudflare").build();
        TlsProvider.Builder.create(stack, "tls").build();
    }

    private static TerraformStack edge(TerraformStack stack, DeploymentSpec spec) {
        CloudflareProvider.Builder.create(stack, "cloudflare").build();
        LoadBalancerMonitor.Builder.create(stack, "monitor").accountId(spec.edge().accountId())
                .path(spec.health().path()).build();
        return stack;
    }

    private static TerraformStack scaled(Construct app, DeploymentSpec spec, int apps) {
        TerraformStack stack = new TerraformStack(app, "apps");
        providers(stack, spec.primary().awsRegion());
        TerraformStack replicas = new TerraformStack(app, "replicas");
        providers(replicas, spec.regions().get(1).awsRegion());
        // one client CA for the whole zone, as in the reference deployment's origin-pulls stack
        OriginPullTrust originPulls = OriginPullTrust.Builder.create(stack, "origin-pulls")
                .zoneId(spec.edge().zoneId()).commonName("bench origin-pull CA").build();
        for (int i = 1; i <= apps; i++) {
            String name = "app" + i;
            Construct scope = new Construct(stack, name);
            GlobalTable table = GlobalTable.Builder.create(scope, "table").tableName(name + "-data")
                    .partitionKey(Attribute.string("pk")).build();
            TableReplica.Builder.create(replicas, name + "-replica").table(table).build();
            // one /20 per app in 10.16.0.0/12, clear of the Standard plan's reserved 10.3/16 and 10.240/13
            RegionNetwork network = RegionNetwork.Builder.create(scope, "network").cloudProject(spec.ovhCloudProject())
                    .region(spec.primary().ovhRegion()).vlanId(i)
                    .cidr("10." + (16 + i / 16) + "." + (i % 16 * 16) + ".0/20").build();
            K8sAppCluster cluster = K8sAppCluster.Builder.create(scope, "cluster").network(network).manifestFolder("k8s/" + name)
                    .app(AppSpec.builder().name(name).image(spec.appImage()).health(spec.health()).build())
                    .build();
            OriginCertificate certificate = OriginCertificate.Builder.create(scope, "certificate")
                    .hostnames(List.of(name + "." + spec.edge().zoneName())).build();
            HaproxyTier.Builder.create(scope, "haproxy-" + name).network(network)
                    .flavorId(spec.primary().haproxy().flavorId())
                    .imageId(spec.primary().haproxy().imageId()).sshKey(SshKey.existing(spec.sshKeyName()))
                    .health(spec.health()).backends(cluster).certificate(certificate).originPulls(originPulls)
                    .operatorCidr(spec.operatorCidr()).build();
        }
        return stack;
    }
}
