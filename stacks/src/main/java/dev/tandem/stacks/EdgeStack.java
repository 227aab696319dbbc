package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.edge.Origin;
import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import java.util.List;
import software.constructs.Construct;

/**
 * The edge: a Cloudflare load balancer whose pools are the region stacks' HAProxy instances (their
 * floating IPs), in failover order, probing their HTTPS health answer. The zone presents the client certificate
 * of the deployment's origin-pull CA ({@link OriginPullsStack}), the only one the tiers accept. The origin
 * addresses are references into the region stacks, so cdktf records
 * edge → region dependencies in the manifest and reads the addresses from their state.
 */
public class EdgeStack extends TerraformStack {
    private final CloudflareProvider cloudflare;
    private final CloudflareFailoverLb loadBalancer;

    /** Made by {@link DeploymentStacks#build}: the region stacks in failover order, active first. */
    EdgeStack(Construct scope, DeploymentSpec deployment, List<RegionStack> regions, OriginPullTrust originPulls) {
        super(Scopes.checked(scope, deployment.edge().stackName(), "EdgeStack"), deployment.edge().stackName());
        deployment.backend().applyTo(this);
        EdgeSpec edge = deployment.edge();
        this.cloudflare = CloudflareProvider.Builder.create(this, "cloudflare").build();
        int port = regions.get(0).haproxy().httpsPort();
        CloudflareFailoverLb.Builder lb = CloudflareFailoverLb.Builder.create(this, "failover")
                .accountId(edge.accountId())
                .zoneId(edge.zoneId())
                .zoneName(edge.zoneName())
                .hostname(edge.hostname())
                .plan(edge.plan())
                .health(deployment.health())
                // The tiers serve HTTPS only and require the client certificate the origin-pulls stack uploads,
                // except on the health path: whether the monitor presents it is unverified.
                .monitor(MonitorSettings.builder().https(true).port(port).build())
                .originPulls(originPulls)
                .pools(regions.stream().map(r -> pool(deployment, r)).toList());
        deployment.edgeCustomizer().accept(lb);
        this.loadBalancer = lb.build();
    }

    private static OriginPool pool(DeploymentSpec deployment, RegionStack region) {
        String name = deployment.appName() + "-" + region.region().stackName();
        return OriginPool.builder().name(name)
                .origins(region.haproxy().nodes().stream()
                        .map(node -> Origin.builder().name(node.name()).address(node.publicIpv4()).build())
                        .toList())
                .build();
    }

    /** @return the Cloudflare provider (reads {@code CLOUDFLARE_API_TOKEN}) */
    public CloudflareProvider cloudflare() {
        return cloudflare;
    }

    /** @return the failover load balancer */
    public CloudflareFailoverLb loadBalancer() {
        return loadBalancer;
    }
}
