package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Values;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link SharedPrivateNetwork} is built from, as the user set it; {@link SharedPrivateNetwork}
 * checks it.
 *
 * @param cloudProject OVH Public Cloud project id ({@code service_name})
 * @param vlanId       the vRack VLAN every region's part of the network uses
 * @param cidr         the one IPv4 range all regions share, e.g. {@code 10.30.0.0/16}
 * @param pools        per region, its DHCP pool and gateway address; at least two regions
 * @param podsCidr     the pods' range of the clusters on the network, if declared: must not overlap {@code cidr}
 * @param servicesCidr the Kubernetes services' range of those clusters, if declared: must not overlap {@code cidr}
 * @param gateway      each region's managed gateway, or {@link GatewaySpec#none()}
 */
public record SharedPrivateNetworkProps(String cloudProject, Integer vlanId, String cidr, List<RegionPool> pools,
        Optional<String> podsCidr, Optional<String> servicesCidr, GatewaySpec gateway) {

    /** Copies the list, keeping nulls for validation to report. */
    public SharedPrivateNetworkProps {
        pools = Values.list(pools);
        podsCidr = podsCidr == null ? Optional.empty() : podsCidr;
        servicesCidr = servicesCidr == null ? Optional.empty() : servicesCidr;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SharedPrivateNetworkProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the network is built */
        public SharedPrivateNetworkProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link SharedPrivateNetwork}, shared by {@link Builder} and {@link SharedPrivateNetwork.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String cloudProject;
        private Integer vlanId;
        private String cidr;
        private List<RegionPool> pools;
        private String podsCidr;
        private String servicesCidr;
        private GatewaySpec gateway = GatewaySpec.defaults();

        /**
         * @param value the OVH Public Cloud project id. Required.
         * @return this builder
         */
        public B cloudProject(String value) {
            this.cloudProject = value;
            return self();
        }

        /**
         * @param value the vRack VLAN (0–4000) all regions share; no region's own network may use it. Required.
         * @return this builder
         */
        public B vlanId(int value) {
            this.vlanId = value;
            return self();
        }

        /**
         * @param value the range every region's subnet has (OVH: "the same vRack, VLAN and subnet" in every
         *              region), RFC 1918, overlapping no region's own network. Required.
         * @return this builder
         */
        public B cidr(String value) {
            this.cidr = value;
            return self();
        }

        /**
         * @param value each region's DHCP pool and gateway, disjoint, inside {@code cidr}. Required, two or more.
         * @return this builder
         */
        public B pools(List<RegionPool> value) {
            this.pools = value;
            return self();
        }

        /**
         * The pods' range ({@code ip_allocation_policy.pods_ipv4_cidr}) of the clusters on this network. OVH
         * documents no default (the provider's docs only give examples), so declare it to have it checked.
         *
         * @param value the clusters' pods range; @default not declared, not checked
         * @return this builder
         */
        public B podsCidr(String value) {
            this.podsCidr = value;
            return self();
        }

        /**
         * @param value the clusters' services range ({@code ip_allocation_policy.services_ipv4_cidr}); @default not
         *              declared, not checked
         * @return this builder
         */
        public B servicesCidr(String value) {
            this.servicesCidr = value;
            return self();
        }

        /**
         * @param value each region's managed gateway; @default {@link GatewaySpec#defaults()}
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
        protected SharedPrivateNetworkProps props() {
            return new SharedPrivateNetworkProps(cloudProject, vlanId, cidr, pools, Optional.ofNullable(podsCidr),
                    Optional.ofNullable(servicesCidr), gateway);
        }
    }
}
