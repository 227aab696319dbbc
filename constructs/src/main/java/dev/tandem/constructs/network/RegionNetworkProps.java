package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Values;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link RegionNetwork} is built from, as the user set it; {@link RegionNetwork} checks it.
 *
 * @param cloudProject OVH Public Cloud project id ({@code service_name})
 * @param region       OVH region code, e.g. {@code EU-WEST-PAR} or {@code DE1}
 * @param zones        the availability zones to use; empty means all of the region's zones
 * @param vlanId       vRack VLAN id; null when not set
 * @param cidr         private IPv4 network in CIDR form, e.g. {@code 10.10.0.0/16}
 * @param gateway      the region's managed gateway, or {@link GatewaySpec#none()}
 */
public record RegionNetworkProps(String cloudProject, String region, Optional<List<String>> zones, Integer vlanId,
        String cidr, GatewaySpec gateway) {

    /** Copies the zone list, keeping nulls for the construct's validation to report. */
    public RegionNetworkProps {
        zones = zones == null ? Optional.empty() : zones.map(Values::list);
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
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String cloudProject;
        private String region;
        private List<String> zones;
        private Integer vlanId;
        private String cidr;
        private GatewaySpec gateway = GatewaySpec.defaults();

        /**
         * The OVH Public Cloud project the network belongs to; every OVH resource of the region that
         * reads the network uses it too. Required.
         *
         * @param value the project id (32 hexadecimal characters, Public Cloud → project → id)
         * @return this builder
         */
        public B cloudProject(String value) {
            this.cloudProject = value;
            return self();
        }

        /**
         * The OVH region, e.g. {@code EU-WEST-PAR} (3 zones), {@code EU-SOUTH-MIL} (3 zones) or a
         * one-zone region such as {@code DE1} or {@code GRA11}. Required.
         *
         * @param value the OVH region code
         * @return this builder
         */
        public B region(String value) {
            this.region = value;
            return self();
        }

        /**
         * The availability zones the region's node pools and instances spread over: at least two of a
         * 3-AZ region's zones; none in a one-zone region.
         *
         * @default every zone of the region (none in a one-zone region)
         * @param value zone names, e.g. {@code eu-west-par-a}
         * @return this builder
         */
        public B zones(List<String> value) {
            this.zones = value;
            return self();
        }

        /**
         * The vRack VLAN of the network, 0–4000; 0 is the vRack's untagged VLAN, the one dedicated
         * servers use by default (OVH guide "Configuring the vRack between the Public Cloud and a
         * Dedicated Server", 2023-02-14: the control panel offers 2–4000, VLAN 0 is set through the
         * API; ovh/terraform-provider-ovh {@code ovh_cloud_project_network_private.vlan_id} defaults to
         * 0 and sends it as given). Each region of a deployment takes its own VLAN. Required.
         *
         * @param value the VLAN id
         * @return this builder
         */
        public B vlanId(int value) {
            this.vlanId = value;
            return self();
        }

        /**
         * The private IPv4 network of the region, entirely in RFC 1918 space, /28 or larger, and
         * overlapping no other region's. Required.
         *
         * @param value the network in CIDR form, e.g. {@code 10.10.0.0/16}
         * @return this builder
         */
        public B cidr(String value) {
            this.cidr = value;
            return self();
        }

        /**
         * The region's managed gateway ({@code ovh_cloud_project_gateway}) on the subnet: the router that
         * gives private-only ports outbound access and carries floating IPs. Every region needs it when
         * the HAProxy tier uses floating IPs, and OVH's 3-AZ regions need it for Managed Kubernetes; pass
         * {@link GatewaySpec#none()} to opt out where nothing needs it.
         *
         * @default {@link GatewaySpec#defaults()}: size S, named after the network
         * @param value the gateway, or {@link GatewaySpec#none()}
         * @return this builder
         */
        public B gateway(GatewaySpec value) {
            this.gateway = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected RegionNetworkProps props() {
            return new RegionNetworkProps(cloudProject, region, Optional.ofNullable(zones), vlanId, cidr, gateway);
        }
    }
}
