package dev.tandem.constructs.k8s;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which {@link ClusterPlan} each OVH region offers, from OVH's table "Regional availability by MKS
 * plan" (github.com/ovh/docs {@code pages/public_cloud/containers_orchestration/managed_kubernetes/
 * datacenters-nodes-storage-flavors/guide.en-gb.md}, updated 2026-02-03; read 2026-11-26). Every
 * region there offers exactly one plan. Free in 3-AZ regions is announced ("ETA end of this year",
 * github.com/ovh/public-cloud-roadmap issue 1089, 2026-02-03): when OVH lists it, the region's entry
 * here changes. A region not listed is not refused; its cluster must name its plan.
 */
final class MksPlanRegions {
    private static final Map<String, ClusterPlan> ONLY = new TreeMap<>(Map.ofEntries(
            Map.entry("GRA5", ClusterPlan.FREE), Map.entry("GRA7", ClusterPlan.FREE),
            Map.entry("GRA9", ClusterPlan.FREE), Map.entry("GRA11", ClusterPlan.FREE),
            Map.entry("SBG5", ClusterPlan.FREE), Map.entry("DE1", ClusterPlan.FREE),
            Map.entry("UK1", ClusterPlan.FREE), Map.entry("WAW1", ClusterPlan.FREE),
            Map.entry("SGP1", ClusterPlan.FREE), Map.entry("SYD1", ClusterPlan.FREE),
            Map.entry("BHS5", ClusterPlan.FREE), Map.entry("US-WEST-OR-1", ClusterPlan.FREE),
            Map.entry("US-EAST-VA-1", ClusterPlan.FREE),
            Map.entry("EU-WEST-RBX", ClusterPlan.STANDARD), Map.entry("AP-SOUTH-MUM", ClusterPlan.STANDARD),
            Map.entry("EU-WEST-PAR", ClusterPlan.STANDARD), Map.entry("EU-SOUTH-MIL", ClusterPlan.STANDARD)));

    private MksPlanRegions() {
    }

    /** @return the one plan OVH offers in {@code region}; empty for a region the table does not list */
    static Optional<ClusterPlan> onlyPlanIn(String region) {
        return Optional.ofNullable(ONLY.get(region));
    }
}
