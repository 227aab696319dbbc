package dev.tandem.constructs.readiness;

import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.NodePoolSpec;
import dev.tandem.constructs.table.Billing;
import dev.tandem.constructs.table.Capacity;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether each standby region can carry the active region's load: node pools, HAProxy instances and,
 * for provisioned tables, read capacity. A gap is a warning that states it; the failover still
 * happens, with less capacity.
 */
final class Symmetry {
    private Symmetry() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        List<CheckResult> results = new ArrayList<>();
        chain.active().ifPresent(active -> {
            for (RegionChain standby : chain.regions().subList(1, chain.regions().size())) {
                results.add(nodes(active.app(), standby.app()));
                int need = active.haproxy().props().instances();
                int have = standby.haproxy().props().instances();
                results.add(SinglePoints.result(Rule.SYMMETRY_HAPROXY, standby.haproxyPath(), "instances",
                        have >= need, have, "at least " + need + " like " + active.haproxyPath()
                                + (have >= need ? "" : " (gap: " + (need - have) + ")"),
                        "set instances(" + need + ")"));
            }
        });
        for (GlobalTable table : chain.tables()) {
            results.add(tableReads(table));
        }
        return results;
    }

    private static CheckResult nodes(K8sAppCluster active, K8sAppCluster standby) {
        NodePoolSpec a = active.props().nodePool();
        NodePoolSpec s = standby.props().nodePool();
        int need = active.nodePools().size() * a.maxNodes();
        int have = standby.nodePools().size() * s.maxNodes();
        boolean ok = have >= need && a.flavor().equals(s.flavor());
        String gap = have >= need ? "" : ", gap: " + (need - have) + " nodes";
        return SinglePoints.result(Rule.SYMMETRY_NODES, standby.getNode().getPath(), "nodePool.maxNodes", ok,
                describe(standby, s, have),
                "at least " + describe(active, a, need) + " like " + active.getNode().getPath() + gap,
                standby.nodePools().size() == 1 && s.maxNodes() >= NodePoolSpec.ANTI_AFFINITY_MAX_NODES
                        ? "a one-zone region's single pool is capped at " + NodePoolSpec.ANTI_AFFINITY_MAX_NODES
                                + " nodes (OVH anti-affinity): use a multi-zone region or a larger flavor"
                        : "raise the standby's nodePool maxNodes, or use the same flavor");
    }

    private static String describe(K8sAppCluster cluster, NodePoolSpec spec, int total) {
        return total + " × " + spec.flavor() + " (" + cluster.nodePools().size() + " pool"
                + (cluster.nodePools().size() == 1 ? "" : "s") + " × max " + spec.maxNodes() + ")";
    }

    private static CheckResult tableReads(GlobalTable table) {
        String path = table.getNode().getPath();
        Billing billing = table.props().billing();
        String replicas = table.replicas().stream().map(TableReplica::region).collect(Collectors.joining(", "));
        if (!billing.isProvisioned()) {
            return SinglePoints.result(Rule.SYMMETRY_TABLE_CAPACITY, path, "billing", true, "on demand",
                    "capacity that follows the load in every region", "");
        }
        Capacity read = billing.read().orElseThrow();
        boolean ok = !read.isAutoscaled();
        String found = read.isAutoscaled()
                ? "reads autoscale " + read.minUnits() + "–" + read.maxUnits().orElseThrow() + " units in "
                        + table.region() + " only; " + replicas + " has no read autoscaling declared"
                : "fixed " + read.minUnits() + " read units in every region";
        return SinglePoints.result(Rule.SYMMETRY_TABLE_CAPACITY, path, "billing.read", ok, found,
                "every replica can serve the home region's peak reads"
                        + (ok ? "" : " (gap: up to " + (read.maxUnits().orElseThrow() - read.minUnits()) + " units)"),
                "use Billing.onDemand(), or fixed read capacity at the peak, or declare read autoscaling for the "
                        + "replica in its region");
    }
}
