/**
 * The app's cluster: {@link K8sAppCluster} (OVH Managed Kubernetes, its node pools) and the app it runs,
 * described by an {@link AppSpec} and written as Kubernetes manifests beside the stack.
 *
 * <h2>K8sAppCluster: sources and decisions</h2>
 *
 * <h3>What OVH needs at apply time</h3>
 * Sources: ovh/terraform-provider-ovh at tag v2.19.0 (no changelog entry up to v2.22.0 touches these
 * parts), paths below relative to it, and OVH's guides.
 * <ul>
 * <li><b>Plan.</b> {@code plan} is sent explicitly ({@link ClusterPlan}): the provider sends none when
 * it is unset and the API then takes {@code free}, which EU-WEST-PAR and EU-SOUTH-MIL refuse
 * ({@code examples/resources/cloud_project_kube/example_9.tf}, {@code example_10.tf}).
 * <li><b>Gateway.</b> The cluster {@code depends_on} the network's gateway, as
 * {@code example_10.tf} ("Gateway is mandatory for multizones cluster") and the Standard-plan
 * acceptance configs of {@code ovh/resource_cloud_project_kube_test.go} do; a cluster on a multi-zone
 * network whose gateway was opted out is refused.
 * <li><b>{@code private_network_configuration}.</b> Sent on {@link ClusterPlan#FREE} only, as
 * {@code default_vrack_gateway = ""}, {@code private_network_routing_as_default = false} (the provider
 * doc's Free example "on a private network / subnet in GRA11 with a managed gateway",
 * {@code docs/resources/cloud_project_kube.md}). It is omitted on Standard: no Standard example or
 * acceptance config sets it, the API rejects a {@code DefaultVrackGateway} there ("DefaultVrackGateway is
 * not supported yet on this region", github.com/ovh/public-cloud-roadmap issue 1214), and OVH states
 * the parameter is not used on Standard (issue 1243, 2026-09-15).
 * <li><b>Autoscaled pools.</b> With {@link NodePoolSpec#autoscale()} the pools carry
 * {@code lifecycle.ignore_changes = ["desired_nodes"]}: Read copies the API's {@code desiredNodes} into
 * state ({@code CloudProjectKubeNodePoolResponse.ToMap}, {@code ovh/types_cloud_project_kube_nodepool.go})
 * and every update sends the configured {@code desired_nodes} back
 * ({@code CloudProjectKubeNodePoolUpdateOpts.FromResource} through
 * {@code helpers.GetNilIntPointerFromDataAndNilIfNotPresent}, i.e. {@code GetOkExists}), so without it
 * every apply would undo what the autoscaler chose.
 * <li><b>Create timeout.</b> One hour instead of the provider's 15 minutes (the constant {@code CREATE_TIMEOUT}
 * says why: a timed-out create leaves a cluster the state does not know).
 * <li><b>Address ranges.</b> The network's range must not overlap the plan's pod and service ranges
 * ({@link ClusterPlan#reservedRanges()}).
 * </ul>
 *
 * <h3>How HAProxy reaches the app</h3>
 * The Service is of type {@code LoadBalancer}, made internal (no public address) and given a fixed
 * private address from the region's subnet. {@link K8sAppCluster#backendServers()} hands HAProxy that one address
 * and the app's port as typed values, known at synth time. NodePort was rejected: node addresses come
 * from DHCP and change whenever the autoscaler or an upgrade replaces a node, OVH's node pool resource
 * does not export them, so HAProxy's server list would be stale or unknowable. The load balancer
 * is OVH's Octavia service, created by the cluster's cloud controller from the Service, outside
 * Terraform: its address must be free in the subnet when the manifests are applied, and until then
 * HAProxy's checks of it fail (the region stays out of rotation, which is the safe way round). How the
 * address is fixed, and why {@code spec.loadBalancerIP} rather than OVH's
 * {@code loadbalancer.openstack.org/port-id}, is explained where the Service is written
 * ({@link AppManifests}).
 */
package dev.tandem.constructs.k8s;
