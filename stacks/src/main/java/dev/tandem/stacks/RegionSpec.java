package dev.tandem.stacks;

import dev.tandem.constructs.core.AwsRegions;
import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.network.Ipv4Cidr;
import java.util.List;
import java.util.Optional;

/**
 * One region of the deployment: where its OVH resources and its AWS side live. Building one checks
 * what the region alone can tell (required values, the stack name, the AWS region, the range's form);
 * {@link DeploymentSpec} checks the regions against each other, and the constructs built from it check
 * the rest under their construct path (zones against the OVH region, the VLAN's range, a private range).
 *
 * <pre>{@code
 * RegionSpec paris = RegionSpec.builder()
 *     .stackName("primary")
 *     .ovhRegion("EU-WEST-PAR").ovhZones(List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c"))
 *     .awsRegion("eu-west-3")
 *     .vlanId(10).privateCidr("10.10.0.0/16")
 *     .haproxy(InstanceSpec.builder().flavorId("…").imageId("…").build())
 *     .build();
 * }</pre>
 *
 * @param stackName   the cdktf stack name, e.g. {@code primary}
 * @param ovhRegion   OVH Public Cloud region, e.g. {@code EU-WEST-PAR}
 * @param ovhZones    the availability zones to use; empty means all the region's (none in a one-zone region)
 * @param awsRegion   AWS region of the DynamoDB table or replica this region's app uses, e.g. {@code eu-west-3}
 * @param vlanId      vRack VLAN of the region's private network (distinct per region); null when the deployment's
 *                    regions join a {@link SharedNetworkSpec}, whose VLAN they share
 * @param privateCidr the private network's IPv4 range, e.g. {@code 10.10.0.0/16} (no overlap between regions); null
 *                    when the regions join a {@link SharedNetworkSpec}
 * @param haproxy     the HAProxy instances' flavor and image, which OVH identifies per region
 */
public record RegionSpec(String stackName, String ovhRegion, Optional<List<String>> ovhZones, String awsRegion,
        Integer vlanId, String privateCidr, InstanceSpec haproxy) {

    /** Copies the zone list (nulls are kept for validation to report). */
    public RegionSpec {
        ovhZones = ovhZones == null ? Optional.empty() : ovhZones.map(Values::list);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this region's values, to change some of them */
    public Builder toBuilder() {
        return new Builder().stackName(stackName).ovhRegion(ovhRegion).ovhZones(ovhZones.orElse(null))
                .awsRegion(awsRegion).vlanId(vlanId).privateCidr(privateCidr).haproxy(haproxy);
    }

    /**
     * Records what is wrong with this region on its own.
     *
     * @param p where to record problems (the caller nests it, e.g. under {@code regions[1]})
     */
    void validate(Problems p) {
        p.require(DnsNames.isLabel(stackName), "stackName", stackName,
                "must be a DNS label (it names the stack, its folder and its state)", "use e.g. primary");
        p.require(ovhRegion != null && !ovhRegion.isBlank(), "ovhRegion", ovhRegion, "is required",
                "name the OVH region, e.g. EU-WEST-PAR");
        ovhZones.ifPresent(z -> p.presentElements(z, "ovhZones",
                "list the zones, or leave them unset for all the region's zones"));
        p.require(AwsRegions.isValid(awsRegion), "awsRegion", awsRegion,
                "must be an AWS region hashicorp/aws 5.100.0 knows", "use a region code such as eu-central-1");
        if (privateCidr != null) {
            p.require(Ipv4Cidr.parse(privateCidr).isPresent(), "privateCidr", privateCidr,
                    "must be an IPv4 network in CIDR form (no host bits set)", "use e.g. 10.10.0.0/16");
        }
        if (p.present(haproxy, "haproxy", "give the HAProxy instances' InstanceSpec for the region")) {
            haproxy.validate(p.nested("haproxy"));
        }
    }

    /** Builds a {@link RegionSpec}; every setter documents its default. */
    public static final class Builder {
        private String stackName;
        private String ovhRegion;
        private List<String> ovhZones;
        private String awsRegion;
        private Integer vlanId;
        private String privateCidr;
        private InstanceSpec haproxy;

        private Builder() {
        }

        /**
         * @param value the cdktf stack name, a DNS label such as {@code primary} (required)
         * @return this builder
         */
        public Builder stackName(String value) {
            this.stackName = value;
            return this;
        }

        /**
         * @param value the OVH Public Cloud region, e.g. {@code EU-WEST-PAR} or {@code DE1} (required)
         * @return this builder
         */
        public Builder ovhRegion(String value) {
            this.ovhRegion = value;
            return this;
        }

        /**
         * @param value the availability zones to spread over, at least two of a 3-AZ region's, e.g.
         *              {@code eu-west-par-a}…{@code -c}; @default all of the region's zones (none in a
         *              one-zone region)
         * @return this builder
         */
        public Builder ovhZones(List<String> value) {
            this.ovhZones = value;
            return this;
        }

        /**
         * @param value the AWS region of the table replica this region's app uses (required)
         * @return this builder
         */
        public Builder awsRegion(String value) {
            this.awsRegion = value;
            return this;
        }

        /**
         * @param value the vRack VLAN of the region's private network, distinct per region (required, unless the
         *              deployment's regions join a {@link SharedNetworkSpec}: then leave it unset)
         * @return this builder
         */
        public Builder vlanId(Integer value) {
            this.vlanId = value;
            return this;
        }

        /**
         * @param value the private network's IPv4 range, e.g. {@code 10.10.0.0/16} (required, unless the
         *              deployment's regions join a {@link SharedNetworkSpec}: then leave it unset)
         * @return this builder
         */
        public Builder privateCidr(String value) {
            this.privateCidr = value;
            return this;
        }

        /**
         * @param value the HAProxy instances' flavor and image in this region (required)
         * @return this builder
         */
        public Builder haproxy(InstanceSpec value) {
            this.haproxy = value;
            return this;
        }

        /**
         * @return the region; {@link DeploymentSpec} checks it against the others, and the constructs
         *         check the rest
         * @throws dev.tandem.constructs.core.ValidationException listing every problem of the region on
         *         its own, under the path {@code RegionSpec}
         */
        public RegionSpec build() {
            // VLAN 0 is a real VLAN (the vRack's untagged one), so an unset VLAN cannot default to it.
            // VLAN and range are checked by the deployment: required unless its regions join a shared network.
            RegionSpec spec = new RegionSpec(stackName, ovhRegion, Optional.ofNullable(ovhZones), awsRegion,
                    vlanId, privateCidr, haproxy);
            Problems p = new Problems("RegionSpec");
            spec.validate(p);
            p.throwIfAny();
            return spec;
        }
    }
}
