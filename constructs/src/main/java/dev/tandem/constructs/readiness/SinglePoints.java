package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single points of failure of every tier, cluster, pool and table in the tree (not only those in
 * the chain: a second table is as much at risk). How each is graded is documented on {@link Rule}.
 */
final class SinglePoints {
    private static final String ACCEPT = "; or accept the risk with AcceptedRisk.of(Rule.%s, \"%s\", reason)";

    private SinglePoints() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        List<CheckResult> results = new ArrayList<>();
        for (HaproxyTier tier : chain.tiers()) {
            String path = tier.getNode().getPath();
            int instances = tier.props().instances();
            results.add(result(Rule.SINGLE_HAPROXY_INSTANCE, path, "instances", instances >= 2, instances,
                    "at least 2", "set instances(2) or more"));
            results.add(zones(path, tier.props().network().zones(), tier.props().network().region()));
        }
        for (K8sAppCluster cluster : chain.clusters()) {
            String path = cluster.getNode().getPath();
            int replicas = cluster.props().app().baselineReplicas();
            results.add(result(Rule.APP_REPLICAS, path, "app.replicas", replicas >= 2, replicas,
                    "at least 2", "set AppSpec replicas (or the autoscaler's minimum) to 2 or more"));
            Optional<Integer> pdb = AppProbes.pdbMinAvailable(cluster);
            results.add(result(Rule.DISRUPTION_BUDGET, path, "pdb.minAvailable", pdb.filter(n -> n >= 1).isPresent(),
                    pdb.map(String::valueOf).orElse("no PodDisruptionBudget"), "a budget keeping at least 1 pod",
                    "run 2 or more replicas (the budget keeps one less) or set AppSpec pdbMinAvailable(1)"));
            results.add(zones(path, cluster.props().network().zones(), cluster.props().network().region()));
        }
        List<OriginPool> pools = chain.edge().map(e -> e.props().pools())
                .or(() -> chain.dnsEdge().map(e -> e.props().pools())).orElse(List.of());
        chain.edgePath().ifPresent(edgePath -> {
            for (OriginPool pool : pools) {
                int origins = pool.origins().size();
                results.add(result(Rule.SINGLE_ORIGIN_POOL, edgePath, "pools[" + pool.name() + "].origins",
                        origins >= 2, origins, "at least 2", "give the pool every instance of its HAProxy tier, "
                                + "and the tier 2 instances or more"));
            }
        });
        for (GlobalTable table : chain.tables()) {
            String path = table.getNode().getPath();
            results.add(result(Rule.TABLE_PITR, path, "pointInTimeRecovery", table.props().pointInTimeRecovery(),
                    table.props().pointInTimeRecovery(), "true", "remove pointInTimeRecovery(false) (on by default)"));
            results.add(result(Rule.TABLE_DELETION_PROTECTION, path, "deletionProtection",
                    table.props().deletionProtection(), table.props().deletionProtection(), "true",
                    "remove deletionProtection(false) (on by default)"));
            results.add(result(Rule.TABLE_REPLICAS, path, "replicas", !table.replicas().isEmpty(),
                    table.replicas().size(), "at least 1, in another region",
                    "add TableReplica.Builder.create(<other region's stack>, id).table(table).build()"));
            for (TableReplica replica : table.replicas()) {
                // As described: a teardown switches it off on purpose, and the teardown rule reports that.
                boolean on = replica.props().deletionProtection().orElse(table.props().deletionProtection());
                results.add(result(Rule.REPLICA_DELETION_PROTECTION, replica.getNode().getPath(), "deletionProtection",
                        on, on, "true", "remove deletionProtection(false) from the replica (it follows the table)"));
            }
        }
        return results;
    }

    private static CheckResult zones(String path, List<String> zones, String region) {
        return result(Rule.SINGLE_ZONE, path, "zones", zones.size() >= 2,
                zones.isEmpty() ? "none (" + region + " is a one-zone region)" : String.join(", ", zones),
                "at least 2 availability zones", "use a multi-zone region and list its zones");
    }

    /** A result whose fix also says how to accept the risk, since every rule here allows it. */
    static CheckResult result(Rule rule, String path, String property, boolean ok, Object found, String required,
            String fix) {
        return CheckResult.of(rule, path, property, ok, found, required,
                fix + String.format(ACCEPT, rule.name(), path));
    }
}
