package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.Origin;
import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.edge.Route53Failover;
import dev.tandem.constructs.haproxy.HaproxyNode;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.table.GlobalTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.constructs.IConstruct;

/**
 * The Tandem constructs found in an app's tree, and how they link into the failover chain: edge →
 * pools in failover order → HAProxy tier per pool → app cluster per tier.
 *
 * <p><b>Why a pass over the tree and not cdktf Aspects.</b> An aspect visits one node at a time and
 * sees it as an {@code IConstruct}, while every check here compares several constructs (the edge's
 * monitor with each tier's binds, the primary with the secondary), reads their typed props, and must
 * run once, after the user has added everything, and before synthesis so a failure leaves no
 * output. {@code node.findAll()} with {@code instanceof} gives exactly that, in a stable order (the
 * tree's), with no global registry: the tree is the state.
 *
 * <p>Links are followed through the values that carry traffic, not through names: a pool belongs to
 * the tier whose instances' public addresses are its origins' addresses, and a tier to the cluster
 * that is its {@code BackendTarget}.
 *
 * @param edge     the one edge load balancer, if exactly one edge was found and it is Cloudflare's
 * @param regions  the regions in failover order (active first); empty when the chain is broken
 * @param tiers    every HAProxy tier in the tree
 * @param clusters every app cluster in the tree
 * @param tables   every global table in the tree
 * @param problems why the chain could not be followed, as failed {@link Rule#FAILOVER_CHAIN} checks
 * @param dnsEdge  the one edge, if exactly one edge was found and it is Route 53 failover
 */
public record FailoverChain(Optional<CloudflareFailoverLb> edge, List<RegionChain> regions, List<HaproxyTier> tiers,
        List<K8sAppCluster> clusters, List<GlobalTable> tables, List<CheckResult> problems,
        Optional<Route53Failover> dnsEdge) {

    /** Copies the lists. */
    public FailoverChain {
        regions = List.copyOf(regions);
        tiers = List.copyOf(tiers);
        clusters = List.copyOf(clusters);
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }

    /**
     * Finds the constructs below {@code root} and links them.
     *
     * @param root the app (or any construct holding the whole deployment)
     * @return the chain; {@link #problems()} says what could not be linked
     */
    public static FailoverChain discover(IConstruct root) {
        List<IConstruct> all = root.getNode().findAll();
        List<CloudflareFailoverLb> edges = ofType(all, CloudflareFailoverLb.class);
        List<Route53Failover> dnsEdges = ofType(all, Route53Failover.class);
        List<HaproxyTier> tiers = ofType(all, HaproxyTier.class);
        List<K8sAppCluster> clusters = ofType(all, K8sAppCluster.class);
        List<GlobalTable> tables = ofType(all, GlobalTable.class);
        List<CheckResult> problems = new ArrayList<>();
        if (edges.size() + dnsEdges.size() != 1) {
            List<String> found = new ArrayList<>();
            edges.forEach(e -> found.add(e.getNode().getPath()));
            dnsEdges.forEach(e -> found.add(e.getNode().getPath()));
            problems.add(CheckResult.of(Rule.FAILOVER_CHAIN, "deployment", "CloudflareFailoverLb", false,
                    found.size() + " found" + found.stream().map(p -> " " + p).collect(Collectors.joining(",")),
                    "exactly one edge (a CloudflareFailoverLb or a Route53Failover): the pass measures one failover "
                            + "chain per deployment",
                    "build one CloudflareFailoverLb (or Route53Failover) whose pools are the regions' HAProxy tiers"));
            return new FailoverChain(edges.stream().findFirst(), List.of(), tiers, clusters, tables, problems,
                    dnsEdges.stream().findFirst());
        }
        Optional<CloudflareFailoverLb> edge = edges.stream().findFirst();
        Optional<Route53Failover> dnsEdge = dnsEdges.stream().findFirst();
        String edgePath = edge.map(e -> e.getNode().getPath()).orElseGet(() -> dnsEdge.orElseThrow().getNode().getPath());
        List<OriginPool> pools = edge.map(e -> e.props().pools()).orElseGet(() -> dnsEdge.orElseThrow().props().pools());
        List<RegionChain> regions = new ArrayList<>();
        for (OriginPool pool : pools) {
            link(edgePath, pool, tiers, clusters, problems).ifPresent(regions::add);
        }
        return new FailoverChain(edge, problems.isEmpty() ? regions : List.of(), tiers, clusters,
                tables, problems, dnsEdge);
    }

    private static Optional<RegionChain> link(String edgePath, OriginPool pool, List<HaproxyTier> tiers,
            List<K8sAppCluster> clusters, List<CheckResult> problems) {
        Set<String> addresses = pool.origins().stream().map(Origin::address).collect(Collectors.toSet());
        List<HaproxyTier> matching = tiers.stream()
                .filter(t -> t.nodes().stream().map(HaproxyNode::publicIpv4).anyMatch(addresses::contains))
                .toList();
        if (matching.size() != 1) {
            problems.add(CheckResult.of(Rule.FAILOVER_CHAIN, edgePath, "pools[" + pool.name() + "].origins", false,
                    matching.isEmpty() ? "no HAProxy tier's instances"
                            : "instances of " + matching.stream().map(t -> t.getNode().getPath()).toList(),
                    "the public addresses of exactly one HaproxyTier's instances",
                    "build the pool's origins from tier.nodes(): Origin.builder().name(node.name()).address(node.publicIpv4())"));
            return Optional.empty();
        }
        HaproxyTier tier = matching.get(0);
        Optional<K8sAppCluster> app = clusters.stream().filter(c -> c == tier.props().backends()).findFirst();
        if (app.isEmpty()) {
            problems.add(CheckResult.of(Rule.FAILOVER_CHAIN, tier.getNode().getPath(), "backends", false,
                    "servers that are not a K8sAppCluster", "the region's K8sAppCluster, so its probes and "
                            + "replicas can be checked", "pass the cluster itself: .backends(cluster)"));
            return Optional.empty();
        }
        return Optional.of(new RegionChain(pool, tier, app.get()));
    }

    private static <T> List<T> ofType(List<IConstruct> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the path of the one edge, Cloudflare's or Route 53's, when there is exactly one */
    public Optional<String> edgePath() {
        return edge.map(e -> e.getNode().getPath()).or(() -> dnsEdge.map(e -> e.getNode().getPath()));
    }

    /** @return the active region (first pool), when the chain could be followed */
    public Optional<RegionChain> active() {
        return regions.stream().findFirst();
    }
}
