/**
 * Each region's private network: {@link RegionNetwork} (the vRack network, its subnet and managed gateway)
 * and its address types ({@link Ipv4Cidr}, {@link GatewaySpec}).
 *
 * <h2>RegionNetwork: sources and decisions</h2>
 *
 * <h3>The gateway</h3>
 * By default the network owns the region's managed gateway ({@code ovh_cloud_project_gateway}, size
 * {@link GatewaySize#S}): the router that gives private-only ports outbound access (SNAT) and carries
 * floating IPs, which the HAProxy tier's stable public addresses need in every region; OVH's 3-AZ
 * regions also require it for Managed Kubernetes ("Gateway is mandatory for multizones cluster").
 * {@link GatewaySpec#none()} opts out. It is wired as the provider's documentation and acceptance tests
 * do (ovh/terraform-provider-ovh tag v2.19.0, unchanged to v2.22.0: {@code docs/resources/cloud_project_gateway.md},
 * {@code ovh/resource_cloud_project_gateway_test.go}, and the Standard-plan configs of
 * {@code ovh/resource_cloud_project_kube_test.go}): on the subnet, with the network's OpenStack id in the
 * region, and the subnet created with DHCP on and {@code no_gateway = false}, so DHCP announces the
 * subnet's first address as the default router (DHCP option 3, OVH guide "Configuring the vRack on the
 * Public Cloud", github.com/ovh/ovhcloud-docs {@code docs/en/guides/public-cloud/network-services/vrack.mdx})
 * and the gateway's interface takes that address, which the allocation pool (from {@code .2}) leaves free.
 * The subnet is the same with and without a gateway, so adding one later does not replace it
 * ({@code no_gateway} forces replacement, {@code ovh/resource_cloud_project_network_private_subnet.go}).
 *
 * <h3>Why API v1 networking beside API v2 instances</h3>
 * The network, subnet and gateway are the API v1 resources ({@code ovh_cloud_project_network_private},
 * {@code _subnet}, {@code ovh_cloud_project_gateway}), while the HAProxy instances and floating IPs are
 * API v2 ({@code ovh_cloud_instance}, {@code ovh_cloud_floating_ip}). The provider also has v2 network
 * resources ({@code ovh_cloud_network_private_vrack}, {@code _subnet}, {@code ovh_cloud_gateway}, since
 * 2.1x, #1354), which its instance tests use throughout ({@code TestAccCloudInstance_floatingIP}). We keep
 * v1 because the cluster and the tier must share one network and Managed Kubernetes is documented and
 * tested only on v1: {@code ovh_cloud_project_kube.private_network_id} is the network's OpenStack id in the
 * region ({@code regions_attributes[*].openstackid}), and every Standard-plan example and acceptance config
 * builds it with the v1 resources ({@code examples/resources/cloud_project_kube/example_10.tf},
 * {@code ovh/resource_cloud_project_kube_test.go}); none uses a v2 network. The instances name the same
 * network by that OpenStack id ({@link RegionNetwork#openstackNetworkId()}), with the v1 subnet's id, which is the
 * OpenStack subnet id. That the v2 instance API accepts a network made through v1 by its OpenStack id is
 * <b>unverified</b> (the provider documents {@code networks[].network_id} only as "Private network ID");
 * if it refuses, the instance create fails at apply with the API's message, before anything serves.
 *
 * <p>Each region of a deployment gets its own VLAN, its own address range and its own OVH region:
 * the network is checked against every {@code RegionNetwork} built before it in the app. OVH allows one
 * private network per VLAN id in a project ("it is not possible to set the same VLAN ID on two
 * different private networks", OVH guide "Configuring the vRack between the Public Cloud and a
 * Dedicated Server", 2023-02-14); ranges that overlap cannot be routed between regions ("addressing
 * schemas between regions in the same vRack/VLAN cannot overlap", OVH "Concepts - Public Cloud
 * Networking", 2022-11-02); and two region stacks in one OVH region fail together. Several networks
 * in one stack may share its OVH region (one per team or app).
 *
 * <p>The network is named after its construct path: keep the path stable once a cluster runs on it, as
 * OVH's Kubernetes cloud controller finds the network and subnet by name ("do not change the private
 * network name or the subnet name", OVH Managed Kubernetes "Known limits", github.com/ovh/ovhcloud-docs
 * {@code docs/en/guides/public-cloud/containers-orchestration/managed-kubernetes/known-limits.mdx}).
 */
package dev.tandem.constructs.network;
