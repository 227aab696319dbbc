package dev.tandem.constructs.k8s;

import dev.tandem.constructs.network.Ipv4Cidr;
import java.util.List;
import java.util.Locale;

/**
 * The OVH Managed Kubernetes plan of a cluster ({@code ovh_cloud_project_kube.plan}). Which plans a
 * region offers is a dated fact OVH publishes per region: Standard only in EU-WEST-PAR and
 * EU-SOUTH-MIL (3-AZ), EU-WEST-RBX and AP-SOUTH-MUM; Free only in the older one-zone regions (table
 * "Regional availability by MKS plan", github.com/ovh/docs {@code pages/public_cloud/
 * containers_orchestration/managed_kubernetes/datacenters-nodes-storage-flavors/guide.en-gb.md},
 * updated 2026-02-03). The provider validates the value ({@code ValidateEnum("standard","free")}) and the
 * EU-WEST-PAR examples set {@code plan = "standard"} (ovh/terraform-provider-ovh tag v2.19.0,
 * {@code ovh/resource_cloud_project_kube.go}, {@code examples/resources/cloud_project_kube/example_9.tf},
 * {@code example_10.tf}; PR #1090: "required for EU-WEST-PAR").
 *
 * <p>The plans' differences below are from OVH's guide "Choosing the right OVHcloud Managed Kubernetes
 * Plan" (github.com/ovh/ovhcloud-docs {@code docs/en/guides/public-cloud/containers-orchestration/
 * managed-kubernetes/mks-plans.mdx}, updated 2026-02-03).
 *
 * <p>The plan cannot be changed by an apply: the provider's update refuses both directions ("you cannot
 * migrate from standard to …", "migrate from free to standard is not available yet",
 * {@code resourceCloudProjectKubeUpdate}), so changing it means replacing the cluster yourself.
 */
public enum ClusterPlan {
    /**
     * Single-zone managed control plane, 99.5 % SLO, shared etcd (400 MB), up to 100 nodes; pods in
     * 10.2.0.0/16, services in 10.3.0.0/16, the Docker bridge in 172.17.0.0/16.
     */
    FREE(List.of("10.2.0.0/16", "10.3.0.0/16", "172.17.0.0/16")),
    /**
     * Control plane across zones (in 3-AZ regions), 99.9 % SLA in one-zone and 99.99 % in 3-AZ regions,
     * dedicated etcd (8 GB), up to 500 nodes; pods in 10.240.0.0/13, services in 10.3.0.0/16 by default.
     */
    STANDARD(List.of("10.240.0.0/13", "10.3.0.0/16"));

    private final List<Ipv4Cidr> reservedRanges;

    ClusterPlan(List<String> reservedRanges) {
        this.reservedRanges = reservedRanges.stream().map(r -> Ipv4Cidr.parse(r).orElseThrow()).toList();
    }

    /** @return the value the provider's {@code plan} argument takes: {@code free} or {@code standard} */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The ranges the cluster uses inside itself, which the private network it joins must not overlap:
     * OVH's "Known limits" guide (github.com/ovh/ovhcloud-docs {@code docs/en/guides/public-cloud/
     * containers-orchestration/managed-kubernetes/known-limits.mdx}, updated 2026-03-17: Free "Known not
     * compliant IP ranges", Standard "Reserved IP ranges"). Standard's ranges can be changed at creation
     * ({@code ip_allocation_policy}), which Tandem does not set.
     *
     * @return the pod, service (and on Free, Docker bridge) ranges
     */
    public List<Ipv4Cidr> reservedRanges() {
        return reservedRanges;
    }
}
