package dev.tandem.constructs.k8s;

import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.util.Optional;

/**
 * Everything a {@link K8sAppCluster} is built from, as the user set it; {@link K8sAppCluster} checks it.
 * The cloud project, the region and its zones come from the {@link #network()}.
 *
 * @param network           The region's private network, in the cluster's stack. The cluster takes its cloud
 *                          project, region and zones from it: one node pool per zone in a multi-zone region,
 *                          else one anti-affinity pool. Required. The region's network
 * @param clusterName       The cluster's name in OVH. <p>@default the construct path with {@code -} separators,
 *                          e.g. {@code primary-app}. The name
 * @param kubernetesVersion The Kubernetes minor the cluster runs and the manifests target; one OVH offers
 *                          (1.33, 1.34, 1.35 as of 2026-04-09), without a patch number. <p>@default
 *                          {@value K8sAppClusterProps#DEFAULT_KUBERNETES_VERSION}. E.g. {@code 1.34}
 * @param plan              The Managed Kubernetes plan. OVH offers one plan per region (as of 2026-02-03):
 *                          Standard in EU-WEST-PAR and EU-SOUTH-MIL (3-AZ), EU-WEST-RBX and AP-SOUTH-MUM; Free
 *                          in the older one-zone regions (GRA, SBG, DE1, UK1, WAW1, BHS5, SGP1, SYD1, US-…); a
 *                          plan the region does not offer is refused. Standard is required for a multi-zone
 *                          cluster. An apply cannot change the plan of an existing cluster (the provider
 *                          refuses it), so it is fixed at creation. <p>@default the plan the network's region
 *                          offers; a region OVH's table does not list must name one. {@link ClusterPlan#FREE}
 *                          or {@link ClusterPlan#STANDARD}
 * @param updatePolicy      When OVH applies Kubernetes patch updates. <p>@default
 *                          {@link UpdatePolicy#MINIMAL_DOWNTIME} (patches without node replacement). The policy
 * @param kubeProxyMode     How kube-proxy routes Services on the nodes; fixed when the cluster is created.
 *                          <p>@default {@link KubeProxyMode#IPTABLES}. The mode
 * @param nodePool          The worker nodes of each pool. <p>@default {@link NodePoolSpec#defaults()}: b3-8, 3
 *                          nodes (3–5), autoscaled. The node pool settings
 * @param app               The application the cluster runs, written as manifests. Required. The app
 * @param manifestFolder    The folder below the stack's output the manifests are written to; several clusters
 *                          in one stack need one folder each. <p>@default k8s. A relative path of plain names,
 *                          e.g. {@code k8s/orders}
 */
@Settings
public record K8sAppClusterProps(
        RegionNetwork network,
        Optional<String> clusterName,
        @Default("DEFAULT_KUBERNETES_VERSION") String kubernetesVersion,
        Optional<ClusterPlan> plan,
        @Default("UpdatePolicy.MINIMAL_DOWNTIME") UpdatePolicy updatePolicy,
        @Default("KubeProxyMode.IPTABLES") KubeProxyMode kubeProxyMode,
        @Default("NodePoolSpec.defaults()") NodePoolSpec nodePool,
        AppSpec app,
        @Default("\"k8s\"") String manifestFolder) {

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
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends K8sAppClusterPropsSettings<B> {
    }
}
