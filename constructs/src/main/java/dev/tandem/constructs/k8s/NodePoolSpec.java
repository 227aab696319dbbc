package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The worker nodes of the cluster. In a region with several availability zones the cluster gets one
 * pool per zone (OVH binds a pool to one zone), each sized by these counts; in a single-zone region
 * it gets one pool with anti-affinity, which OVH caps at {@value #ANTI_AFFINITY_MAX_NODES} nodes.
 *
 * <pre>{@code
 * NodePoolSpec.builder().flavor("b3-16").desiredNodes(3).minNodes(2).maxNodes(5).build()
 * }</pre>
 *
 * @param flavor       OVH instance flavor, e.g. {@code b3-8}
 * @param desiredNodes nodes to start with, per pool
 * @param minNodes     lower bound for the autoscaler, per pool
 * @param maxNodes     upper bound for the autoscaler, per pool
 * @param autoscale    let the cluster autoscaler move the count between min and max
 * @param labels       Kubernetes labels every node carries, sorted by key
 * @param taints       taints every node carries
 */
public record NodePoolSpec(String flavor, int desiredNodes, int minNodes, int maxNodes, boolean autoscale,
        Map<String, String> labels, List<Taint> taints) {

    /** OVH's limit on the size of a node pool with anti-affinity ("Known limits" of OVH Managed Kubernetes). */
    public static final int ANTI_AFFINITY_MAX_NODES = 5;
    /**
     * OVH flavor names: a family of letters and digits, a dash, the memory in GB, and an optional
     * suffix, e.g. {@code b3-8}, {@code c3-16}, {@code r3-64}, {@code l40s-90}, {@code b2-7-flex}.
     */
    private static final Pattern FLAVOR = Pattern.compile("^[a-z][a-z0-9]*-[0-9]+(-[a-z0-9]+)*$");

    /** Copies the collections, keeping nulls for the cluster's validation to report. */
    public NodePoolSpec {
        labels = Values.sortedMap(labels);
        taints = Values.list(taints);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults: b3-8, 3 nodes (3–5), autoscaled, no labels, no taints */
    public static NodePoolSpec defaults() {
        return builder().build();
    }

    /** @return a builder holding these values, to change some of them */
    public Builder toBuilder() {
        return builder().flavor(flavor).desiredNodes(desiredNodes).minNodes(minNodes).maxNodes(maxNodes)
                .autoscale(autoscale).labels(labels).taints(taints);
    }

    /**
     * Records what OVH or Kubernetes would refuse: an unknown flavor shape, counts out of order,
     * missing or invalid labels and taints. The anti-affinity cap depends on the region, so the
     * cluster checks it.
     *
     * @param p where to record, e.g. {@code problems.nested("nodePool")}
     * @return true when the counts are in order, so checks that use them can follow
     */
    public boolean validate(Problems p) {
        if (p.present(flavor, "flavor", "name an OVH instance flavor, e.g. b3-8") && !ManifestValues.isToken(flavor)) {
            p.require(FLAVOR.matcher(flavor).matches(), "flavor", flavor,
                    "must be an OVH instance flavor name (family, '-', memory in GB, e.g. b3-8, c3-16, r3-64)",
                    "use e.g. b3-8");
        }
        boolean counted = p.require(maxNodes >= 1, "maxNodes", maxNodes, "must be at least 1",
                "allow at least one node per pool");
        counted &= p.require(minNodes >= 0 && minNodes <= maxNodes, "minNodes", minNodes,
                "must be 0–maxNodes (" + maxNodes + ")", "lower minNodes or raise maxNodes");
        counted &= p.require(desiredNodes >= minNodes && desiredNodes <= maxNodes, "desiredNodes", desiredNodes,
                "must lie between minNodes (" + minNodes + ") and maxNodes (" + maxNodes + ")",
                "set minNodes ≤ desiredNodes ≤ maxNodes");
        if (p.present(labels, "labels", "use Map.of() for no labels")) {
            labels.forEach((k, v) -> {
                String at = "labels[" + k + "]";
                if (p.require(k != null, "labels", "a null key", "must not contain a null key", "remove it")
                        && p.present(v, at, "give the label a value, or \"\" for none")) {
                    p.require(KubernetesNames.isLabelKey(k) && KubernetesNames.isLabelValue(v), at, v,
                            "must be a Kubernetes label key and value (key: optional DNS prefix and '/', then at "
                                    + "most 63 letters, digits, '-', '_', '.'; value: the same, or empty)",
                            "use e.g. tandem.dev/role=app");
                }
            });
        }
        if (p.presentElements(taints, "taints", "use List.of() for no taints")) {
            for (int i = 0; i < taints.size(); i++) {
                taints.get(i).validate(p.nested("taints[" + i + "]"));
            }
        }
        return counted;
    }

    /** Builds a {@link NodePoolSpec}. */
    public static final class Builder {
        private String flavor = "b3-8";
        private int desiredNodes = 3;
        private int minNodes = 3;
        private int maxNodes = ANTI_AFFINITY_MAX_NODES;
        private boolean autoscale = true;
        private Map<String, String> labels = Map.of();
        private List<Taint> taints = List.of();

        private Builder() {
        }

        /**
         * The OVH instance flavor of the nodes.
         *
         * @default b3-8 (2 vCores, 8 GB)
         * @param value a flavor name, e.g. {@code b3-16}
         * @return this builder
         */
        public Builder flavor(String value) {
            this.flavor = value;
            return this;
        }

        /**
         * Nodes each pool starts with, between {@link #minNodes(int)} and {@link #maxNodes(int)}. With
         * autoscaling the autoscaler moves the count later.
         *
         * @default 3
         * @param value nodes per pool
         * @return this builder
         */
        public Builder desiredNodes(int value) {
            this.desiredNodes = value;
            return this;
        }

        /**
         * The fewest nodes the autoscaler keeps in each pool.
         *
         * @default 3
         * @param value nodes per pool, 0 or more
         * @return this builder
         */
        public Builder minNodes(int value) {
            this.minNodes = value;
            return this;
        }

        /**
         * The most nodes the autoscaler starts in each pool; at most
         * {@value NodePoolSpec#ANTI_AFFINITY_MAX_NODES} in a one-zone region, whose single pool uses
         * anti-affinity.
         *
         * @default {@value NodePoolSpec#ANTI_AFFINITY_MAX_NODES}
         * @param value nodes per pool, 1 or more
         * @return this builder
         */
        public Builder maxNodes(int value) {
            this.maxNodes = value;
            return this;
        }

        /**
         * Whether the cluster autoscaler moves each pool's size between min and max.
         *
         * @default true
         * @param value true to autoscale
         * @return this builder
         */
        public Builder autoscale(boolean value) {
            this.autoscale = value;
            return this;
        }

        /**
         * Kubernetes labels every node carries.
         *
         * @default none
         * @param value label keys and values
         * @return this builder
         */
        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        /**
         * Taints every node carries.
         *
         * @default none
         * @param value the taints
         * @return this builder
         */
        public Builder taints(List<Taint> value) {
            this.taints = value;
            return this;
        }

        /** @return the spec; checked when the cluster is built */
        public NodePoolSpec build() {
            return new NodePoolSpec(flavor, desiredNodes, minNodes, maxNodes, autoscale, labels, taints);
        }
    }
}
