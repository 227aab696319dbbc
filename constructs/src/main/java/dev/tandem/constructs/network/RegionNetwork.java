package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.ovh.cloud_project_gateway.CloudProjectGateway;
import dev.tandem.providers.ovh.cloud_project_network_private.CloudProjectNetworkPrivate;
import dev.tandem.providers.ovh.cloud_project_network_private_subnet.CloudProjectNetworkPrivateSubnet;
import java.util.List;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A region's private network on the OVH vRack and its subnet: the network the HAProxy tier and the
 * Kubernetes nodes share. It owns what the region's other OVH constructs read instead of asking
 * again: the cloud project, the OVH region and the region's availability zones.
 *
 * <pre>{@code
 * RegionNetwork network = RegionNetwork.Builder.create(stack, "network")
 *     .cloudProject("0123456789abcdef0123456789abcdef")
 *     .region("EU-WEST-PAR")                       // zones: all three unless listed
 *     .vlanId(10)
 *     .cidr("10.10.0.0/16")
 *     .build();
 * }</pre>
 *
 * <p>The subnet's first address ({@code .1}) and the top of the range (up to 16 addresses,
 * {@link #isReservedForFixedAddresses(long)}) stay outside DHCP, so fixed addresses such as the
 * app's private load balancer never collide with a node's lease.
 *
 * <h2>The gateway</h2>
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
 * <h2>Why API v1 networking beside API v2 instances</h2>
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
 * network by that OpenStack id ({@link #openstackNetworkId()}), with the v1 subnet's id, which is the
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
 *
 * <p>Attributes: {@link #cloudProject()}, {@link #region()}, {@link #zones()}, {@link #multiZone()},
 * {@link #vlanId()}, {@link #cidr()}, {@link #networkId()}, {@link #openstackNetworkId()},
 * {@link #subnetId()}, {@link #gatewayId()}. Escape hatches: {@link #resource()}, {@link #subnet()},
 * {@link #gateway()}.
 */
public class RegionNetwork extends Construct {
    private final RegionNetworkProps props;
    private final List<String> zones;
    private final Ipv4Cidr cidr;
    private final TerraformStack stack;
    private final CloudProjectNetworkPrivate network;
    private final CloudProjectNetworkPrivateSubnet subnet;
    private final Optional<CloudProjectGateway> gateway;

    /**
     * Creates the network; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope the region's stack (or a construct in it)
     * @param id    construct id
     * @param props the network's description
     */
    public RegionNetwork(@NotNull Construct scope, @NotNull String id, RegionNetworkProps props) {
        super(Scopes.checked(scope, id, "RegionNetwork"), id);
        Problems p = new Problems(getNode().getPath());
        RegionNetworkValidation.validate(this, props, p);
        p.throwIfAny();
        Optional<TerraformStack> in = stackOf(this);
        RegionNetworks others = RegionNetworks.of(this);
        this.props = props;
        this.zones = props.zones().orElse(OvhZones.of(props.region()));
        this.cidr = Ipv4Cidr.parse(props.cidr()).orElseThrow();
        this.stack = in.orElseThrow();
        this.network = CloudProjectNetworkPrivate.Builder.create(this, "network")
                .serviceName(props.cloudProject())
                .name(getNode().getPath().replace('/', '-'))
                .vlanId(props.vlanId())
                .regions(List.of(props.region()))
                .build();
        getNode().setDefaultChild(this.network);
        this.subnet = CloudProjectNetworkPrivateSubnet.Builder.create(this, "subnet")
                .serviceName(props.cloudProject())
                .networkId(network.getId())
                .region(props.region())
                .network(cidr.toString())
                .start(Ipv4.format(cidr.network() + 2))
                .end(Ipv4.format(lastDhcpAddress(cidr)))
                .dhcp(true)
                .noGateway(false)
                .build();
        GatewaySpec gw = props.gateway();
        this.gateway = !gw.enabled() ? Optional.empty() : Optional.of(CloudProjectGateway.Builder.create(this, "gateway")
                .serviceName(props.cloudProject())
                .name(TerraformStrings.literal(gw.name().orElse(getNode().getPath().replace('/', '-') + "-gateway")))
                .model(gw.size().apiValue())
                .region(props.region())
                .networkId(openstackNetworkId())
                .subnetId(subnet.getId())
                .build());
        others.add(this);
    }

    /** @return the innermost stack {@code construct} is in, if any (a network outside a stack has nowhere to go) */
    static Optional<TerraformStack> stackOf(IConstruct construct) {
        List<IConstruct> scopes = construct.getNode().getScopes();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            // jsii hands back stacks as TerraformStack objects, so no call into jsii is needed to tell them
            if (scopes.get(i) instanceof TerraformStack stack) {
                return Optional.of(stack);
            }
        }
        return Optional.empty();
    }

    private static long lastDhcpAddress(Ipv4Cidr cidr) {
        long size = cidr.broadcast() - cidr.network() + 1;
        return cidr.broadcast() - Math.min(16, size / 4);
    }

    /** @return true when {@code address} lies in the top of the subnet kept out of DHCP for fixed use */
    public boolean isReservedForFixedAddresses(long address) {
        return address > lastDhcpAddress(cidr) && address < cidr.broadcast();
    }

    /** @return the props the network was built from */
    public RegionNetworkProps props() {
        return props;
    }

    /** @return the OVH Public Cloud project id the network belongs to */
    public String cloudProject() {
        return props.cloudProject();
    }

    /** @return the OVH region */
    public String region() {
        return props.region();
    }

    /** @return the availability zones the region's resources spread over; empty in a one-zone region */
    public List<String> zones() {
        return zones;
    }

    /** @return true when the region has several zones, so node pools and instances spread over them */
    public boolean multiZone() {
        return zones.size() > 1;
    }

    /** @return the vRack VLAN id */
    public int vlanId() {
        return props.vlanId();
    }

    /** @return the subnet's CIDR */
    public Ipv4Cidr cidr() {
        return cidr;
    }

    /** @return the stack the network is in; the constructs that use it must be in the same stack */
    public TerraformStack stack() {
        return stack;
    }

    /** @return the vRack network id ({@code pn-…}) */
    public String networkId() {
        return network.getId();
    }

    /** @return the OpenStack id of the network in this region, which instances and Kubernetes attach to */
    public String openstackNetworkId() {
        return "${" + network.getFqn() + ".regions_openstack_ids[\"" + props.region() + "\"]}";
    }

    /** @return the subnet id */
    public String subnetId() {
        return subnet.getId();
    }

    /**
     * @return the id of the region's managed gateway (a Terraform reference); empty when the network
     *         was built with {@link GatewaySpec#none()}
     */
    public Optional<String> gatewayId() {
        return gateway.map(CloudProjectGateway::getId);
    }

    /**
     * The region's managed gateway, for {@code dependsOn}: a floating IP can only be associated once the
     * subnet has a gateway, and a 3-AZ Kubernetes cluster needs it before it is created.
     *
     * @return the underlying {@code ovh_cloud_project_gateway} (escape hatch); empty when the network was
     *         built with {@link GatewaySpec#none()}
     */
    public Optional<CloudProjectGateway> gateway() {
        return gateway;
    }

    /** @return the underlying private network, the node's default child (escape hatch) */
    public CloudProjectNetworkPrivate resource() {
        return network;
    }

    /** @return the underlying subnet (escape hatch) */
    public CloudProjectNetworkPrivateSubnet subnet() {
        return subnet;
    }

    /** Fluent creation in the style of the AWS CDK: {@code RegionNetwork.Builder.create(scope, id)…build()}. */
    public static final class Builder extends RegionNetworkProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the region's stack (or a construct in it)
         * @param id    construct id
         * @return a builder for a RegionNetwork under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the network, validated (throws ValidationException listing every problem) */
        public RegionNetwork build() {
            return new RegionNetwork(scope, id, props());
        }
    }
}
