package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Values;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link RegionNetwork} is built from, as the user set it; {@link RegionNetwork} checks it.
 *
 * @param cloudProject The OVH Public Cloud project the network belongs to; every OVH resource of the region
 *                     that reads the network uses it too. Required. The project id (32 hexadecimal characters,
 *                     Public Cloud → project → id)
 * @param region       The OVH region, e.g. {@code EU-WEST-PAR} (3 zones), {@code EU-SOUTH-MIL} (3 zones) or a
 *                     one-zone region such as {@code DE1} or {@code GRA11}. Required. The OVH region code
 * @param zones        The availability zones the region's node pools and instances spread over: at least two of
 *                     a 3-AZ region's zones; none in a one-zone region. <p>@default every zone of the region
 *                     (none in a one-zone region). Zone names, e.g. {@code eu-west-par-a}
 * @param vlanId       The vRack VLAN of the network, 0–4000; 0 is the vRack's untagged VLAN, the one dedicated
 *                     servers use by default (OVH guide "Configuring the vRack between the Public Cloud and a
 *                     Dedicated Server", 2023-02-14: the control panel offers 2–4000, VLAN 0 is set through the
 *                     API; ovh/terraform-provider-ovh {@code ovh_cloud_project_network_private.vlan_id}
 *                     defaults to 0 and sends it as given). Each region of a deployment takes its own VLAN.
 *                     Required, unless the network joins a {@code shared} one, whose VLAN it takes. The VLAN id
 * @param cidr         The private IPv4 network of the region, entirely in RFC 1918 space, /28 or larger, and
 *                     overlapping no other region's. Required, unless the network joins a {@code shared} one,
 *                     whose range it takes. The network in CIDR form, e.g. {@code 10.10.0.0/16}
 * @param gateway      The region's managed gateway ({@code ovh_cloud_project_gateway}) on the subnet: the
 *                     router that gives private-only ports outbound access and carries floating IPs. Every
 *                     region needs it when the HAProxy tier uses floating IPs, and OVH's 3-AZ regions need it
 *                     for Managed Kubernetes; pass {@link GatewaySpec#none()} to opt out where nothing needs
 *                     it. A network joining a {@code shared} one uses that network's gateway in the region and
 *                     takes no setting here. <p>@default {@link GatewaySpec#defaults()}: size S, named after the
 *                     network. The gateway, or {@link GatewaySpec#none()}
 * @param shared       The {@link SharedPrivateNetwork} this region joins instead of owning a network: the region's
 *                     subnet, gateway and DHCP pool are that network's (built in its owner stack), its VLAN and
 *                     range are that network's, and its fixed addresses are the free run just below its pool
 *                     ({@link SharedPrivateNetwork#fixedAddresses(String)}). What PostgreSQL streaming between the
 *                     regions needs. Moving a running cluster between an own and a shared network recreates
 *                     it. <p>@default none: the region owns its network. The shared network, spanning
 *                     {@code region}
 */
@Settings
public record RegionNetworkProps(String cloudProject, String region, Optional<List<String>> zones, Integer vlanId,
        String cidr, @Default("GatewaySpec.defaults()") GatewaySpec gateway, Optional<SharedPrivateNetwork> shared) {

    /** Copies the zone list, keeping nulls for the construct's validation to report. */
    public RegionNetworkProps {
        zones = zones == null ? Optional.empty() : zones.map(Values::list);
        shared = shared == null ? Optional.empty() : shared;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RegionNetworkProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the network is built */
        public RegionNetworkProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link RegionNetwork}, shared by {@link Builder} and {@link RegionNetwork.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends RegionNetworkPropsSettings<B> {
    }
}
