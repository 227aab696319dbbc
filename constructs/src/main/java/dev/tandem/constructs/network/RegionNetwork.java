package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import dev.tandem.providers.ovh.cloud_project_network_private.CloudProjectNetworkPrivate;
import dev.tandem.providers.ovh.cloud_project_network_private_subnet.CloudProjectNetworkPrivateSubnet;
import java.util.List;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A region's private network on the OVH vRack and its subnet: the network the HAProxy tier and the
 * Kubernetes nodes share. The gateway ({@code .1}) and the top of the range (up to 16 addresses,
 * {@link #isReservedForFixedAddresses(long)}) stay outside DHCP, so fixed addresses such as the
 * app's private load balancer never collide with a node's lease.
 *
 * <p>Each region gets its own VLAN: two stacks declaring the same VLAN in one cloud project would
 * fight over one vRack network.
 */
public class RegionNetwork extends Construct {
    private final String cloudProject;
    private final String region;
    private final List<String> zones;
    private final Ipv4Cidr cidr;
    private final CloudProjectNetworkPrivate network;
    private final CloudProjectNetworkPrivateSubnet subnet;

    /**
     * @param scope        the region's stack
     * @param id           construct id
     * @param cloudProject OVH Public Cloud project id ({@code service_name})
     * @param region       OVH region, e.g. {@code EU-WEST-PAR}
     * @param vlanId       vRack VLAN, 1–4000, distinct per region
     * @param cidr         private IPv4 network, e.g. {@code 10.10.0.0/16}
     */
    public RegionNetwork(@NotNull Construct scope, @NotNull String id, String cloudProject, String region, int vlanId,
            String cidr) {
        this(scope, id, cloudProject, region, List.of(), vlanId, cidr);
    }

    /**
     * @param scope        the region's stack
     * @param id           construct id
     * @param cloudProject OVH Public Cloud project id ({@code service_name})
     * @param region       OVH region, e.g. {@code EU-WEST-PAR}
     * @param zones        the region's availability zones; empty for a one-zone region
     * @param vlanId       vRack VLAN, 1–4000, distinct per region
     * @param cidr         private IPv4 network, e.g. {@code 10.10.0.0/16}
     */
    public RegionNetwork(@NotNull Construct scope, @NotNull String id, String cloudProject, String region,
            List<String> zones, int vlanId, String cidr) {
        super(scope, id);
        Problems p = new Problems(getNode().getPath());
        p.presentElements(zones, "zones", "pass the region's availability zones, or List.of() in a one-zone region");
        p.require(cloudProject != null && cloudProject.matches("^[0-9a-f]{32}$"), "cloudProject", cloudProject,
                "must be an OVH Public Cloud project id (32 hex characters)",
                "copy it from the OVH control panel (Public Cloud → project → id)");
        p.require(region != null && region.matches("^[A-Z0-9-]+$"), "region", region,
                "must be an OVH region code", "use e.g. EU-WEST-PAR or DE1");
        p.require(vlanId >= 1 && vlanId <= 4000, "vlanId", vlanId, "must be 1–4000", "pick a free vRack VLAN");
        Ipv4Cidr parsed = Ipv4Cidr.parse(cidr).orElse(null);
        if (p.require(parsed != null, "cidr", cidr, "must be an IPv4 network in CIDR form",
                "use e.g. 10.10.0.0/16")) {
            p.require(parsed.isPrivate() && parsed.prefix() <= 28, "cidr", cidr,
                    "must be RFC 1918 private space with a prefix of /28 or shorter",
                    "use e.g. 10.10.0.0/16");
        }
        p.throwIfAny();
        this.cloudProject = cloudProject;
        this.region = region;
        this.zones = Values.list(zones);
        this.cidr = parsed;
        this.network = CloudProjectNetworkPrivate.Builder.create(this, "network")
                .serviceName(cloudProject)
                .name(getNode().getPath().replace('/', '-'))
                .vlanId(vlanId)
                .regions(List.of(region))
                .build();
        this.subnet = CloudProjectNetworkPrivateSubnet.Builder.create(this, "subnet")
                .serviceName(cloudProject)
                .networkId(network.getId())
                .region(region)
                .network(parsed.toString())
                .start(Ipv4.format(parsed.network() + 2))
                .end(Ipv4.format(lastDhcpAddress(parsed)))
                .dhcp(true)
                .noGateway(false)
                .build();
    }

    /** @return the OVH Public Cloud project id the network belongs to */
    public String cloudProject() {
        return cloudProject;
    }

    private static long lastDhcpAddress(Ipv4Cidr cidr) {
        long size = cidr.broadcast() - cidr.network() + 1;
        return cidr.broadcast() - Math.min(16, size / 4);
    }

    /** @return true when {@code address} lies in the top of the subnet kept out of DHCP for fixed use */
    public boolean isReservedForFixedAddresses(long address) {
        return address > lastDhcpAddress(cidr) && address < cidr.broadcast();
    }

    /** @return the OVH region */
    public String region() {
        return region;
    }

    /** @return the region's availability zones, in order; empty for a one-zone region */
    public List<String> zones() {
        return zones;
    }

    /** @return the subnet's CIDR */
    public Ipv4Cidr cidr() {
        return cidr;
    }

    /** @return the vRack network id ({@code pn-…}) */
    public String networkId() {
        return network.getId();
    }

    /** @return the OpenStack id of the network in this region, which instances and Kubernetes attach to */
    public String openstackNetworkId() {
        return "${" + network.getFqn() + ".regions_openstack_ids[\"" + region + "\"]}";
    }

    /** @return the subnet id */
    public String subnetId() {
        return subnet.getId();
    }

    /** @return the underlying private network (escape hatch) */
    public CloudProjectNetworkPrivate network() {
        return network;
    }

    /** @return the underlying subnet (escape hatch) */
    public CloudProjectNetworkPrivateSubnet subnet() {
        return subnet;
    }
}
