package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.edge.Origin;
import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.constructs.edge.HostedZone;
import dev.tandem.constructs.edge.Route53Failover;
import dev.tandem.providers.aws.provider.AwsProvider;
import dev.tandem.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The edge: Route 53 failover records when the {@link EdgeSpec} names {@link Route53EdgeSpec} (AWS provider,
 * {@link Route53Failover} over the same pools), else a Cloudflare load balancer whose pools are the region stacks' HAProxy instances (their
 * floating IPs), in failover order, probing their HTTPS health answer. The zone presents the client certificate
 * of the deployment's origin-pull CA ({@link OriginPullsStack}), the only one the tiers accept. The origin
 * addresses are references into the region stacks, so cdktf records
 * edge → region dependencies in the manifest and reads the addresses from their state.
 */
public class EdgeStack extends TerraformStack {
    private final CloudflareProvider cloudflare;
    private final CloudflareFailoverLb loadBalancer;
    private final Optional<Route53Failover> route53;

    /** Made by {@link DeploymentStacks#build}: the region stacks in failover order, active first. */
    EdgeStack(Construct scope, DeploymentSpec deployment, List<RegionStack> regions,
            Optional<OriginPullTrust> originPulls) {
        super(Scopes.checked(scope, deployment.edge().stackName(), "EdgeStack"), deployment.edge().stackName());
        deployment.backend().applyTo(this);
        EdgeSpec edge = deployment.edge();
        if (edge.route53().isPresent()) {
            this.cloudflare = null;
            this.loadBalancer = null;
            this.route53 = Optional.of(route53(deployment, edge.route53().get(), regions));
            return;
        }
        this.route53 = Optional.empty();
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
                .originPulls(originPulls.orElseThrow())
                .pools(regions.stream().map(r -> pool(deployment, r)).toList());
        deployment.edgeCustomizer().accept(lb);
        this.loadBalancer = lb.build();
    }

    /**
     * Route 53 failover records over the same pools. Route 53 is a global service: the provider's region only
     * picks the API endpoint's signing region, so the active region's AWS region serves (no other AWS region is
     * involved).
     */
    private Route53Failover route53(DeploymentSpec deployment, Route53EdgeSpec settings, List<RegionStack> regions) {
        AwsProvider.Builder.create(this, "aws")
                .region(regions.get(0).region().awsRegion())
                .defaultTags(List.of(AwsProviderDefaultTags.builder()
                        .tags(Map.of("tandem:app", deployment.appName(), "tandem:stack", deployment.edge().stackName()))
                        .build()))
                .build();
        EdgeSpec edge = deployment.edge();
        return Route53Failover.Builder.create(this, "failover")
                .zone(settings.createZone() ? HostedZone.create(edge.zoneName()) : HostedZone.lookup(edge.zoneName()))
                .hostname(edge.hostname())
                .health(deployment.health())
                .port(regions.get(0).haproxy().httpsPort())
                .ttl(settings.ttl())
                .requestInterval(settings.requestInterval())
                .failureThreshold(settings.failureThreshold())
                .pools(regions.stream().map(r -> pool(deployment, r)).toList())
                .build();
    }

    private static OriginPool pool(DeploymentSpec deployment, RegionStack region) {
        String name = deployment.appName() + "-" + region.region().stackName();
        return OriginPool.builder().name(name)
                .origins(region.haproxy().nodes().stream()
                        .map(node -> Origin.builder().name(node.name()).address(node.publicIpv4()).build())
                        .toList())
                .build();
    }

    /**
     * @return the Cloudflare provider (reads {@code CLOUDFLARE_API_TOKEN})
     * @throws IllegalStateException with the Route 53 edge ({@link #route53()})
     */
    public CloudflareProvider cloudflare() {
        if (cloudflare == null) {
            throw new IllegalStateException("the edge is Route 53: use route53()");
        }
        return cloudflare;
    }

    /**
     * @return the failover load balancer
     * @throws IllegalStateException with the Route 53 edge ({@link #route53()})
     */
    public CloudflareFailoverLb loadBalancer() {
        if (loadBalancer == null) {
            throw new IllegalStateException("the edge is Route 53: use route53()");
        }
        return loadBalancer;
    }

    /** @return the Route 53 failover records and health checks, when the deployment's edge is Route 53 */
    public Optional<Route53Failover> route53() {
        return route53;
    }
}
