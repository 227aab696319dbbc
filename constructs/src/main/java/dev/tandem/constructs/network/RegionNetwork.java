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
 * A region's private network on the OVH vRack, its subnet and its managed gateway: the network the HAProxy
 * tier and the Kubernetes nodes share.
 *
 * <pre>{@code
 * RegionNetwork network = RegionNetwork.Builder.create(stack, "network")
 *     .cloudProject("0123456789abcdef0123456789abcdef")
 *     .region("EU-WEST-PAR")                       // zones: all three unless listed
 *     .vlanId(10)
 *     .cidr("10.10.0.0/16")
 *     .build();                                    // gateway: size S unless .gateway(GatewaySpec.none())
 * }</pre>
 *
 * <p>It owns what the region's other OVH constructs read instead of asking again: the cloud project, the OVH
 * region and the region's availability zones. Each region of a deployment needs its own VLAN, address range and
 * OVH region (checked against every {@code RegionNetwork} built before it in the app), and the construct path
 * must stay stable once a cluster runs on it (OVH's cloud controller finds the network by name).
 *
 * <p>The subnet's first address ({@code .1}) and the top of the range (up to 16 addresses,
 * {@link #fixedAddresses()}) stay outside DHCP, so fixed addresses such as the
 * app's private load balancer never collide with a node's lease.
 *
 * <p>A region can instead <b>join</b> a {@link SharedPrivateNetwork} spanning the regions
 * ({@code .shared(network)}, no VLAN or range of its own): it then creates nothing, and the region's cluster and
 * tier attach to the shared network's subnet in the region, read from the shared network's owner stack. That is
 * what PostgreSQL streaming between the regions needs; see {@link SharedPrivateNetwork}.
 *
 * <p>Attributes: {@link #cloudProject()}, {@link #region()}, {@link #zones()}, {@link #multiZone()},
 * {@link #vlanId()}, {@link #cidr()}, {@link #fixedAddresses()}, {@link #networkId()},
 * {@link #openstackNetworkId()}, {@link #subnetId()}, {@link #gatewayId()}, {@link #sharedNetwork()}. Escape
 * hatches: {@link #resource()}, {@link #subnet()}, {@link #gateway()} (a joined network has no resources of its
 * own, so no default child: these are the shared network's).
 *
 * <p>Why the gateway is wired as it is, why API v1 networking beside API v2 instances, and the sources: the
 * {@link dev.tandem.constructs.network package documentation}.
 */
public class RegionNetwork extends Construct {
    private final RegionNetworkProps props;
    private final List<String> zones;
    private final Ipv4Cidr cidr;
    private final TerraformStack stack;
    private final Optional<SharedPrivateNetwork> shared;
    private final Ipv4Range fixedAddresses;
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
        Problems p = Problems.at(this);
        RegionNetworkValidation.validate(this, props, p);
        p.throwIfAny();
        Optional<TerraformStack> in = stackOf(this);
        RegionNetworks others = RegionNetworks.of(this);
        this.props = props;
        this.zones = props.zones().orElse(OvhZones.of(props.region()));
        this.stack = in.orElseThrow();
        this.shared = props.shared();
        if (shared.isPresent()) {
            // Joined: the shared network's owner stack holds the network, the region's subnet and its gateway;
            // this stack reads their ids (cdktf turns each into an output there and a remote-state read here).
            SharedPrivateNetwork joined = shared.get();
            this.cidr = joined.cidr();
            this.fixedAddresses = joined.fixedAddresses(props.region()).orElseThrow();
            this.network = joined.resource();
            this.subnet = null;
            this.gateway = Optional.empty();
            others.add(this);
            return;
        }
        this.cidr = Ipv4Cidr.parse(props.cidr()).orElseThrow();
        this.fixedAddresses = new Ipv4Range(lastDhcpAddress(cidr) + 1, cidr.broadcast() - 1);
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

    /** @return true when {@code address} is one of the region's {@link #fixedAddresses()} */
    public boolean isReservedForFixedAddresses(long address) {
        return fixedAddresses.contains(address);
    }

    /**
     * @return the addresses the region keeps out of DHCP for fixed use: the top of its own subnet (up to 16
     *         addresses below the broadcast address), or, joining a shared network, the free run just below the
     *         region's pool ({@link SharedPrivateNetwork#fixedAddresses(String)})
     */
    public Ipv4Range fixedAddresses() {
        return fixedAddresses;
    }

    /** @return the shared network the region joined, if it joined one instead of owning its network */
    public Optional<SharedPrivateNetwork> sharedNetwork() {
        return shared;
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
        return shared.map(SharedPrivateNetwork::vlanId).orElseGet(props::vlanId);
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
        return shared.map(s -> s.openstackNetworkId(props.region()))
                .orElseGet(() -> network.getRegionsOpenstackIds().lookup(props.region()));
    }

    /** @return the subnet id (the shared network's subnet in this region, when joined) */
    public String subnetId() {
        return shared.map(s -> s.subnetId(props.region())).orElseGet(() -> subnet.getId());
    }

    /**
     * @return the id of the region's managed gateway (a Terraform reference); empty when the network
     *         was built with {@link GatewaySpec#none()}, or joined a shared network without gateways
     */
    public Optional<String> gatewayId() {
        return shared.isPresent() ? shared.get().gateway(props.region()).map(CloudProjectGateway::getId)
                : gateway.map(CloudProjectGateway::getId);
    }

    /**
     * @return the construct whose {@code gateway} setting gives the region its gateway: this network, or the shared
     *         network it joined (for messages that say where to fix a missing gateway)
     */
    public Construct gatewayOwner() {
        return shared.<Construct>map(s -> s).orElse(this);
    }

    /** @return whether the region's subnet has a managed gateway (its own, or the shared network's in the region) */
    public boolean hasGateway() {
        return gatewayId().isPresent();
    }

    /**
     * The region's managed gateway, for {@code dependsOn}: a floating IP can only be associated once the
     * subnet has a gateway, and a 3-AZ Kubernetes cluster needs it before it is created.
     *
     * @return the underlying {@code ovh_cloud_project_gateway} (escape hatch); empty when the network was
     *         built with {@link GatewaySpec#none()}, and when it joined a shared network: that gateway is in the
     *         owner stack, which is applied before this one ({@link #hasGateway()} tells whether there is one)
     */
    public Optional<CloudProjectGateway> gateway() {
        return gateway;
    }

    /**
     * @return the underlying private network, the node's default child (escape hatch); when joined, the shared
     *         network's, which lives in its owner stack
     */
    public CloudProjectNetworkPrivate resource() {
        return network;
    }

    /**
     * @return the underlying subnet (escape hatch)
     * @throws IllegalStateException when the network joined a shared one, whose subnets are
     *         {@link SharedPrivateNetwork#subnet(String)} in the owner stack
     */
    public CloudProjectNetworkPrivateSubnet subnet() {
        if (subnet == null) {
            throw new IllegalStateException(getNode().getPath() + " joined " + shared.orElseThrow().getNode().getPath()
                    + ": its subnet is that network's subnet(\"" + props.region() + "\")");
        }
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
