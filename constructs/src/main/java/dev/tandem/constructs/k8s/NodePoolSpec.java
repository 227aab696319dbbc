package dev.tandem.constructs.k8s;

import java.util.List;
import java.util.Map;

/**
 * The worker nodes of the cluster. In a region with several availability zones the cluster gets one
 * pool per zone (OVH binds a pool to one zone), each sized by these counts; in a single-zone region
 * it gets one pool with anti-affinity, which OVH caps at {@value #ANTI_AFFINITY_MAX_NODES} nodes.
 *
 * @param flavor       OVH instance flavor, e.g. {@code b3-8}
 * @param desiredNodes nodes to start with, per pool
 * @param minNodes     lower bound for the autoscaler, per pool
 * @param maxNodes     upper bound for the autoscaler, per pool
 * @param autoscale    let the cluster autoscaler move the count between min and max
 * @param labels       Kubernetes labels every node carries
 * @param taints       taints every node carries
 */
public record NodePoolSpec(String flavor, int desiredNodes, int minNodes, int maxNodes, boolean autoscale,
        Map<String, String> labels, List<Taint> taints) {

    /** OVH's limit on the size of a node pool with anti-affinity. */
    public static final int ANTI_AFFINITY_MAX_NODES = 5;

    /** Copies the collections. */
    public NodePoolSpec {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults: b3-8, 3 nodes (3–5), autoscaled, no labels, no taints */
    public static NodePoolSpec defaults() {
        return builder().build();
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

        /** @param value instance flavor; @default b3-8 */
        public Builder flavor(String value) {
            this.flavor = value;
            return this;
        }

        /**
         * @param desired nodes to start with, per pool; @default 3
         * @param min     autoscaler lower bound, per pool; @default 3
         * @param max     autoscaler upper bound, per pool; @default 5
         */
        public Builder nodes(int desired, int min, int max) {
            this.desiredNodes = desired;
            this.minNodes = min;
            this.maxNodes = max;
            return this;
        }

        /** @param value enable the cluster autoscaler; @default true */
        public Builder autoscale(boolean value) {
            this.autoscale = value;
            return this;
        }

        /** @param value node labels; @default none */
        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        /** @param value node taints; @default none */
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
