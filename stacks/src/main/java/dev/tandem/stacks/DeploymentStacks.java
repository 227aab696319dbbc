package dev.tandem.stacks;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.readiness.DrReadiness;
import dev.tandem.constructs.readiness.DrReadinessCheck;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * Turns a {@link DeploymentSpec} into its stacks: the {@link OriginPullsStack} with the zone's origin-pull
 * client CA (applied first), the {@link NetworkStack} when the regions share one network, one {@link RegionStack}
 * per region, every table in
 * the first region with a {@link TableReplica} in each other region's stack, each region's app wired
 * to its own copy through its own AWS identity, the {@link EdgeStack}, and the DR readiness pass (or
 * its visible opt-out). The same code builds the reference deployment
 * and any team's own: only the description differs.
 *
 * <pre>{@code
 * TandemApp.synthesize(Path.of("cdktf.out"), app -> {
 *     DeploymentStacks stacks = DeploymentStacks.build(app, spec);
 *     new MyQueue(stacks.primary(), "events");      // a team's own construct beside Tandem's
 *     return stacks;
 * });
 * }</pre>
 */
public final class DeploymentStacks {
    private final Optional<OriginPullsStack> originPulls;
    private final Optional<NetworkStack> network;
    private final List<RegionStack> regions;
    private final EdgeStack edge;
    private final List<GlobalTable> tables;
    private final DrReadinessCheck drReadiness;

    private DeploymentStacks(Optional<OriginPullsStack> originPulls, Optional<NetworkStack> network,
            List<RegionStack> regions, EdgeStack edge, List<GlobalTable> tables, DrReadinessCheck drReadiness) {
        this.originPulls = originPulls;
        this.network = network;
        this.regions = List.copyOf(regions);
        this.edge = edge;
        this.tables = List.copyOf(tables);
        this.drReadiness = drReadiness;
    }

    /**
     * Builds the stacks of {@code spec} in {@code app}.
     *
     * @param app  the cdktf app (see {@link dev.tandem.constructs.core.TandemApp#synthesize})
     * @param spec the deployment
     * @return the stacks, for extension
     * @throws dev.tandem.constructs.core.ValidationException listing every problem of the constructs
     */
    public static DeploymentStacks build(Construct app, DeploymentSpec spec) {
        Problems p = new Problems("DeploymentStacks");
        p.present(app, "app", "pass the App TandemApp.synthesize hands to its definition");
        p.present(spec, "spec", "build the description with DeploymentSpec.builder()…build()");
        p.throwIfAny();
        // With the Route 53 edge no client certificate is presented, so there is no origin-pulls stack.
        Optional<OriginPullsStack> originPulls = spec.edge().route53().isPresent() ? Optional.empty()
                : Optional.of(new OriginPullsStack(app, spec));
        Optional<OriginPullTrust> trust = originPulls.map(OriginPullsStack::trust);
        // The shared network's owner stack: every region stack reads it, so it is applied first.
        Optional<NetworkStack> network = spec.sharedNetwork().map(shared -> new NetworkStack(app, spec, shared));
        List<RegionStack> regions = new ArrayList<>();
        for (RegionSpec region : spec.regions()) {
            regions.add(new RegionStack(app, spec, region, regions.stream().findFirst(), trust,
                    network.map(NetworkStack::network)));
        }
        List<GlobalTable> tables = regions.get(0).globalTables();
        EdgeStack edge = new EdgeStack(app, spec, regions, trust);
        DrReadinessCheck dr = spec.drReadinessSkipReason().map(reason -> DrReadiness.skip(app, reason))
                .orElseGet(() -> DrReadiness.enable(app, spec.health(), spec.drTargets(), spec.acceptedRisks()));
        return new DeploymentStacks(originPulls, network, regions, edge, tables, dr);
    }

    /**
     * @return the stack holding the zone's origin-pull client CA and its upload: applied first
     * @throws IllegalStateException with the Route 53 edge, which has no such stack
     */
    public OriginPullsStack originPulls() {
        return originPulls.orElseThrow(() -> new IllegalStateException("the edge is Route 53: no origin-pulls stack"));
    }

    /** @return the owner stack of the network every region joins, when the deployment has a shared network */
    public Optional<NetworkStack> network() {
        return network;
    }

    /** @return the region stacks in failover order; the first is active */
    public List<RegionStack> regions() {
        return regions;
    }

    /** @return the active region's stack: the first */
    public RegionStack primary() {
        return regions.get(0);
    }

    /**
     * @param stackName a region's stack name, e.g. {@code secondary}
     * @return that region's stack, if there is one
     */
    public Optional<RegionStack> region(String stackName) {
        return regions.stream().filter(r -> r.region().stackName().equals(stackName)).findFirst();
    }

    /** @return the edge stack */
    public EdgeStack edge() {
        return edge;
    }

    /** @return the global tables, in the description's order */
    public List<GlobalTable> tables() {
        return tables;
    }

    /**
     * @return the DR readiness pass this deployment runs at synth (or its opt-out): accept risks that
     *         name constructs here, e.g. {@code stacks.drReadiness().accept(AcceptedRisk.of(rule, construct, why))}
     */
    public DrReadinessCheck drReadiness() {
        return drReadiness;
    }
}
