package dev.tandem.constructs.k8s;

import dev.tandem.constructs.network.RegionNetwork;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link K8sAppCluster} is built from.
 *
 * @param network           the region's private network: nodes and load balancers join its subnet
 * @param clusterName       cluster name; empty means the construct path with {@code -} separators
 * @param kubernetesVersion Kubernetes minor version, e.g. {@code 1.33}; also the version the manifests target
 * @param updatePolicy      when OVH applies patch updates
 * @param kubeProxyMode     kube-proxy mode
 * @param zones             the region's availability zones; empty for a single-zone region
 * @param nodePool          worker node sizing (per pool)
 * @param app               the application and its manifests
 * @param manifestFolder    folder of the manifests below the stack's output, {@code k8s} by default;
 *                          several clusters in one stack need one folder each
 */
public record K8sAppClusterProps(RegionNetwork network, Optional<String> clusterName, String kubernetesVersion,
        UpdatePolicy updatePolicy, KubeProxyMode kubeProxyMode, List<String> zones, NodePoolSpec nodePool,
        AppSpec app, String manifestFolder) {

    /** The default {@link #kubernetesVersion()}: a minor OVH MKS supports, and the newest the test schemas cover. */
    public static final String DEFAULT_KUBERNETES_VERSION = "1.33";

    /** Copies the zone list and rejects missing parts. */
    public K8sAppClusterProps {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(app, "app");
        zones = List.copyOf(zones);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when the region has several zones, so the cluster gets one node pool per zone */
    public boolean multiZone() {
        return zones.size() > 1;
    }

    /** Builds {@link K8sAppClusterProps}. */
    public static final class Builder {
        private RegionNetwork network;
        private String clusterName;
        private String kubernetesVersion = DEFAULT_KUBERNETES_VERSION;
        private UpdatePolicy updatePolicy = UpdatePolicy.MINIMAL_DOWNTIME;
        private KubeProxyMode kubeProxyMode = KubeProxyMode.IPTABLES;
        private List<String> zones = List.of();
        private NodePoolSpec nodePool = NodePoolSpec.defaults();
        private AppSpec app;
        private String manifestFolder = "k8s";

        private Builder() {
        }

        /** @param value the region's private network (required) */
        public Builder network(RegionNetwork value) {
            this.network = value;
            return this;
        }

        /** @param value cluster name; @default the construct path */
        public Builder clusterName(String value) {
            this.clusterName = value;
            return this;
        }

        /** @param value Kubernetes minor version; @default {@value K8sAppClusterProps#DEFAULT_KUBERNETES_VERSION} */
        public Builder kubernetesVersion(String value) {
            this.kubernetesVersion = value;
            return this;
        }

        /** @param value update policy; @default MINIMAL_DOWNTIME (patches without node replacement) */
        public Builder updatePolicy(UpdatePolicy value) {
            this.updatePolicy = value;
            return this;
        }

        /** @param value kube-proxy mode; @default IPTABLES */
        public Builder kubeProxyMode(KubeProxyMode value) {
            this.kubeProxyMode = value;
            return this;
        }

        /** @param value the region's availability zones; @default none (single-zone region) */
        public Builder zones(List<String> value) {
            this.zones = value;
            return this;
        }

        /** @param value node sizing; @default {@link NodePoolSpec#defaults()} */
        public Builder nodePool(NodePoolSpec value) {
            this.nodePool = value;
            return this;
        }

        /** @param value the application (required) */
        public Builder app(AppSpec value) {
            this.app = value;
            return this;
        }

        /** @param value manifest folder below the stack's output; @default k8s */
        public Builder manifestFolder(String value) {
            this.manifestFolder = value;
            return this;
        }

        /** @return the props */
        public K8sAppClusterProps build() {
            return new K8sAppClusterProps(network, Optional.ofNullable(clusterName), kubernetesVersion, updatePolicy,
                    kubeProxyMode, zones, nodePool, app, manifestFolder);
        }
    }
}
