package dev.tandem.constructs.k8s;

import dev.tandem.constructs.network.RegionNetwork;
import java.util.Optional;

/**
 * Everything a {@link K8sAppCluster} is built from, as the user set it; {@link K8sAppCluster} checks it.
 * The cloud project, the region and its zones come from the {@link #network()}.
 *
 * @param network           the region's private network: nodes and load balancers join its subnet
 * @param clusterName       cluster name; empty means the construct path with {@code -} separators
 * @param kubernetesVersion Kubernetes minor version, e.g. {@code 1.33}; also the version the manifests target
 * @param plan              the Managed Kubernetes plan; empty means the one plan the network's region offers
 * @param updatePolicy      when OVH applies patch updates
 * @param kubeProxyMode     kube-proxy mode
 * @param nodePool          worker node sizing (per pool)
 * @param app               the application and its manifests
 * @param manifestFolder    folder of the manifests below the stack's output; several clusters in one
 *                          stack need one folder each
 */
public record K8sAppClusterProps(RegionNetwork network, Optional<String> clusterName, String kubernetesVersion,
        Optional<ClusterPlan> plan, UpdatePolicy updatePolicy, KubeProxyMode kubeProxyMode, NodePoolSpec nodePool,
        AppSpec app, String manifestFolder) {

    /** The default {@link #kubernetesVersion()}: a minor OVH MKS offers, and the one the test schemas cover. */
    public static final String DEFAULT_KUBERNETES_VERSION = "1.33";

    /** Treats a null Optional as empty; values are checked by {@link K8sAppCluster}. */
    public K8sAppClusterProps {
        clusterName = clusterName == null ? Optional.empty() : clusterName;
        plan = plan == null ? Optional.empty() : plan;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link K8sAppClusterProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the cluster is built */
        public K8sAppClusterProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link K8sAppCluster}, shared by {@link Builder} and {@link K8sAppCluster.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private RegionNetwork network;
        private String clusterName;
        private String kubernetesVersion = DEFAULT_KUBERNETES_VERSION;
        private ClusterPlan plan;
        private UpdatePolicy updatePolicy = UpdatePolicy.MINIMAL_DOWNTIME;
        private KubeProxyMode kubeProxyMode = KubeProxyMode.IPTABLES;
        private NodePoolSpec nodePool = NodePoolSpec.defaults();
        private AppSpec app;
        private String manifestFolder = "k8s";

        /**
         * The region's private network, in the cluster's stack. The cluster takes its cloud project,
         * region and zones from it: one node pool per zone in a multi-zone region, else one
         * anti-affinity pool. Required.
         *
         * @param value the region's network
         * @return this builder
         */
        public B network(RegionNetwork value) {
            this.network = value;
            return self();
        }

        /**
         * The cluster's name in OVH.
         *
         * @default the construct path with {@code -} separators, e.g. {@code primary-app}
         * @param value the name
         * @return this builder
         */
        public B clusterName(String value) {
            this.clusterName = value;
            return self();
        }

        /**
         * The Kubernetes minor the cluster runs and the manifests target; one OVH offers (1.33, 1.34,
         * 1.35 as of 2026-04-09), without a patch number.
         *
         * @default {@value K8sAppClusterProps#DEFAULT_KUBERNETES_VERSION}
         * @param value e.g. {@code 1.34}
         * @return this builder
         */
        public B kubernetesVersion(String value) {
            this.kubernetesVersion = value;
            return self();
        }

        /**
         * The Managed Kubernetes plan. OVH offers one plan per region (as of 2026-02-03): Standard in
         * EU-WEST-PAR and EU-SOUTH-MIL (3-AZ), EU-WEST-RBX and AP-SOUTH-MUM; Free in the older one-zone
         * regions (GRA, SBG, DE1, UK1, WAW1, BHS5, SGP1, SYD1, US-…); a plan the region does not offer is
         * refused. Standard is required for a multi-zone cluster. An apply cannot change the plan of an
         * existing cluster (the provider refuses it), so it is fixed at creation.
         *
         * @default the plan the network's region offers; a region OVH's table does not list must name one
         * @param value {@link ClusterPlan#FREE} or {@link ClusterPlan#STANDARD}
         * @return this builder
         */
        public B plan(ClusterPlan value) {
            this.plan = value;
            return self();
        }

        /**
         * When OVH applies Kubernetes patch updates.
         *
         * @default {@link UpdatePolicy#MINIMAL_DOWNTIME} (patches without node replacement)
         * @param value the policy
         * @return this builder
         */
        public B updatePolicy(UpdatePolicy value) {
            this.updatePolicy = value;
            return self();
        }

        /**
         * How kube-proxy routes Services on the nodes; fixed when the cluster is created.
         *
         * @default {@link KubeProxyMode#IPTABLES}
         * @param value the mode
         * @return this builder
         */
        public B kubeProxyMode(KubeProxyMode value) {
            this.kubeProxyMode = value;
            return self();
        }

        /**
         * The worker nodes of each pool.
         *
         * @default {@link NodePoolSpec#defaults()}: b3-8, 3 nodes (3–5), autoscaled
         * @param value the node pool settings
         * @return this builder
         */
        public B nodePool(NodePoolSpec value) {
            this.nodePool = value;
            return self();
        }

        /**
         * The application the cluster runs, written as manifests. Required.
         *
         * @param value the app
         * @return this builder
         */
        public B app(AppSpec value) {
            this.app = value;
            return self();
        }

        /**
         * The folder below the stack's output the manifests are written to; several clusters in one
         * stack need one folder each.
         *
         * @default k8s
         * @param value a relative path of plain names, e.g. {@code k8s/orders}
         * @return this builder
         */
        public B manifestFolder(String value) {
            this.manifestFolder = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected K8sAppClusterProps props() {
            return new K8sAppClusterProps(network, Optional.ofNullable(clusterName), kubernetesVersion,
                    Optional.ofNullable(plan), updatePolicy, kubeProxyMode, nodePool, app, manifestFolder);
        }
    }
}
