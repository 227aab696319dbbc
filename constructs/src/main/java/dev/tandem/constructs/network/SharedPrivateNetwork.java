package dev.tandem.constructs.network;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.ovh.cloud_project_gateway.CloudProjectGateway;
import dev.tandem.providers.ovh.cloud_project_network_private.CloudProjectNetworkPrivate;
import dev.tandem.providers.ovh.cloud_project_network_private_subnet_v2.CloudProjectNetworkPrivateSubnetV2;
import dev.tandem.providers.ovh.cloud_project_network_private_subnet_v2.CloudProjectNetworkPrivateSubnetV2AllocationPools;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * One vRack private network spanning several regions: what PostgreSQL streaming replication between the
 * regions needs (each region's cluster reaches the other's read-write service at a fixed private address).
 * Built once, in an owner stack every region stack depends on (applied first, destroyed last).
 *
 * <pre>{@code
 * SharedPrivateNetwork shared = SharedPrivateNetwork.Builder.create(networkStack, "replication")
 *     .cloudProject(project).vlanId(30).cidr("10.30.0.0/16")
 *     .pools(List.of(RegionPool.of("EU-WEST-PAR", "10.30.0.10", "10.30.63.254", "10.30.0.1"),
 *                    RegionPool.of("DE1", "10.30.64.10", "10.30.127.254", "10.30.0.2")))
 *     .build();
 * }</pre>
 *
 * <h2>Shape</h2>
 * OVH connects regions by one broadcast domain: "the same vRack, VLAN and subnet on the private networks in all
 * regions" (OVH "Concepts - Public Cloud Networking"), with a distinct DHCP pool per region, since every
 * region's DHCP serves the one segment (OVH guide "Extend an OVHcloud private network across Public Cloud
 * regions", 2025-12-02). So: one {@code ovh_cloud_project_network_private} listing every region with one
 * VLAN, and per region an {@code ovh_cloud_project_network_private_subnet_v2} with the same {@code cidr}, an
 * explicit {@code gateway_ip} and its own {@code allocation_pools}, attached to the network's OpenStack id in
 * that region, as the provider's acceptance test {@code TestAccCloudProjectNetworkPrivateSubnetV2_basic}
 * wires it ({@code ovh/resource_cloud_project_network_private_subnet_v2_test.go}, v2.22.0). Every argument of the
 * subnet forces replacement. The addresses of the range outside every pool and gateway are free for fixed
 * use ({@link #isFreeForFixedAddress(long)}), e.g. a region's read-write PostgreSQL service.
 *
 * <h2>Moving a cluster onto it</h2>
 * A Managed Kubernetes cluster's network ({@code private_network_id}, {@code nodes_subnet_id},
 * {@code ip_allocation_policy}) cannot change in place: moving a running region's cluster onto this network
 * <b>recreates the cluster</b> (new nodes, new load balancers, every workload rescheduled). Plan it as a region
 * rebuild while the other region serves. Not exercised: no OVH account or provider binary here (unverified).
 *
 * <p>Attributes: {@link #cidr()}, {@link #vlanId()}, {@link #regions()}, {@link #networkId()},
 * {@link #openstackNetworkId(String)}, {@link #subnetId(String)}. Escape hatches: {@link #resource()} (the network, the node's default child),
 * {@link #subnet(String)}, {@link #gateway(String)}.
 */
public class SharedPrivateNetwork extends Construct {
    private final SharedPrivateNetworkProps props;
    private final Ipv4Cidr cidr;
    private final CloudProjectNetworkPrivate network;
    private final Map<String, CloudProjectNetworkPrivateSubnetV2> subnets = new LinkedHashMap<>();
    private final Map<String, CloudProjectGateway> gateways = new LinkedHashMap<>();

    /**
     * Creates the network; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope the owner stack (or a construct in it)
     * @param id    construct id; it names the network (keep it stable once clusters run on it)
     * @param props the network's description
     */
    public SharedPrivateNetwork(@NotNull Construct scope, @NotNull String id, SharedPrivateNetworkProps props) {
        super(Scopes.checked(scope, id, "SharedPrivateNetwork"), id);
        Problems p = Problems.at(this);
        Optional<TerraformStack> stack = RegionNetwork.stackOf(this);
        p.require(stack.isPresent(), "scope", p.path(), "must be inside a TerraformStack", "create it in the owner stack");
        SharedPrivateNetworkValidation.validate(p, props, RegionNetworks.of(this).built());
        p.throwIfAny();
        this.props = props;
        this.cidr = Ipv4Cidr.parse(props.cidr()).orElseThrow();
        String name = getNode().getPath().replace('/', '-');
        this.network = CloudProjectNetworkPrivate.Builder.create(this, "network")
                .serviceName(props.cloudProject())
                .name(name)
                .vlanId(props.vlanId())
                .regions(regions())
                .build();
        getNode().setDefaultChild(network);
        for (RegionPool pool : props.pools()) {
            String r = pool.region();
            CloudProjectNetworkPrivateSubnetV2 subnet = CloudProjectNetworkPrivateSubnetV2.Builder
                    .create(this, "subnet-" + r)
                    .serviceName(props.cloudProject())
                    .networkId(openstackNetworkId(r))
                    .region(r)
                    .name(name + "-" + r)
                    .cidr(cidr.toString())
                    .dhcp(true)
                    .enableGatewayIp(true)
                    .gatewayIp(pool.gateway())
                    .allocationPools(List.of(CloudProjectNetworkPrivateSubnetV2AllocationPools.builder()
                            .start(pool.start()).end(pool.end()).build()))
                    .build();
            subnets.put(r, subnet);
            GatewaySpec gw = props.gateway();
            if (gw.enabled()) {
                gateways.put(r, CloudProjectGateway.Builder.create(this, "gateway-" + r)
                        .serviceName(props.cloudProject())
                        .name(TerraformStrings.literal(gw.name().map(n -> n + "-" + r).orElse(name + "-" + r + "-gateway")))
                        .model(gw.size().apiValue())
                        .region(r)
                        .networkId(openstackNetworkId(r))
                        .subnetId(subnet.getId())
                        .build());
            }
        }
    }

    /** @return the props the network was built from */
    public SharedPrivateNetworkProps props() {
        return props;
    }

    /** @return the range every region's subnet has */
    public Ipv4Cidr cidr() {
        return cidr;
    }

    /** @return the vRack VLAN id */
    public int vlanId() {
        return props.vlanId();
    }

    /** @return the regions the network spans, in the pools' order */
    public List<String> regions() {
        return props.pools().stream().map(RegionPool::region).toList();
    }

    /** @return whether the network spans {@code region} */
    public boolean spans(String region) {
        return regions().contains(region);
    }

    /**
     * @param address an IPv4 address as an unsigned 32-bit value
     * @return true when it lies in the range but in no region's DHCP pool and is no gateway, network or broadcast
     *         address: fit for a fixed service address
     */
    public boolean isFreeForFixedAddress(long address) {
        if (!cidr.contains(address) || address == cidr.network() || address == cidr.broadcast()) {
            return false;
        }
        for (RegionPool pool : props.pools()) {
            long start = Ipv4.parse(pool.start()).orElseThrow();
            long end = Ipv4.parse(pool.end()).orElseThrow();
            if ((address >= start && address <= end) || Ipv4.parse(pool.gateway()).orElseThrow() == address) {
                return false;
            }
        }
        return true;
    }

    /**
     * The addresses {@code region} keeps for fixed use: the run of free addresses (see
     * {@link #isFreeForFixedAddress(long)}) just below its DHCP pool, up to the nearest gateway, pool or range
     * end. A {@link RegionNetwork} joining this network for {@code region} gives its load balancers and the
     * database's read-write service addresses from this run, so two regions' fixed addresses never meet.
     *
     * @param region one of {@link #regions()}
     * @return the run, or empty when the address just below the region's pool is not free
     */
    public Optional<Ipv4Range> fixedAddresses(String region) {
        return props.pools().stream().filter(pool -> pool.region().equals(region)).findFirst()
                .flatMap(pool -> Ipv4.parse(pool.start())).flatMap(start -> {
                    long last = start - 1;
                    long first = last;
                    while (first - 1 >= cidr.network() && isFreeForFixedAddress(first - 1)) {
                        first--;
                    }
                    return isFreeForFixedAddress(last) ? Optional.of(new Ipv4Range(first, last)) : Optional.empty();
                });
    }

    /** @return the vRack network id ({@code pn-…}) */
    public String networkId() {
        return network.getId();
    }

    /** @return the OpenStack id of the network in {@code region}, which subnets, gateways and clusters attach to */
    public String openstackNetworkId(String region) {
        // A token, not a hand-written expression: read from another stack, cdktf turns it into that stack's output.
        return network.getRegionsOpenstackIds().lookup(region);
    }

    /** @return the id of {@code region}'s subnet */
    public String subnetId(String region) {
        return subnet(region).getId();
    }

    /** @return the underlying network, the node's default child (escape hatch) */
    public CloudProjectNetworkPrivate resource() {
        return network;
    }

    /** @return {@code region}'s underlying subnet (escape hatch) */
    public CloudProjectNetworkPrivateSubnetV2 subnet(String region) {
        return Optional.ofNullable(subnets.get(region)).orElseThrow(() -> new IllegalArgumentException(
                getNode().getPath() + " does not span " + region + "; it spans " + regions()));
    }

    /** @return {@code region}'s managed gateway, if the network has gateways (escape hatch) */
    public Optional<CloudProjectGateway> gateway(String region) {
        return Optional.ofNullable(gateways.get(region));
    }

    /** Fluent creation in the style of the AWS CDK: {@code SharedPrivateNetwork.Builder.create(scope, id)…build()}. */
    public static final class Builder extends SharedPrivateNetworkProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the owner stack
         * @param id    construct id
         * @return a builder for a network under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the network, validated (throws ValidationException listing every problem) */
        public SharedPrivateNetwork build() {
            return new SharedPrivateNetwork(scope, id, props());
        }
    }
}
