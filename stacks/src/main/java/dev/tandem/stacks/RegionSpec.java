package dev.tandem.stacks;

import dev.tandem.constructs.core.Values;
import java.util.List;
import java.util.Optional;

/**
 * One region of the deployment: where its OVH resources and its AWS side live. The constructs built
 * from it check each value under their construct path; {@link DeploymentSpec} checks the regions
 * against each other.
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
 * @param vlanId      vRack VLAN of the region's private network (distinct per region)
 * @param privateCidr the private network's IPv4 range, e.g. {@code 10.10.0.0/16} (no overlap between regions)
 * @param haproxy     the HAProxy instances' flavor and image, which OVH identifies per region
 */
public record RegionSpec(String stackName, String ovhRegion, Optional<List<String>> ovhZones, String awsRegion,
        int vlanId, String privateCidr, InstanceSpec haproxy) {

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

    /** Builds a {@link RegionSpec}; every setter documents its default. */
    public static final class Builder {
        private String stackName;
        private String ovhRegion;
        private List<String> ovhZones;
        private String awsRegion;
        private int vlanId;
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
         * @param value the vRack VLAN of the region's private network, distinct per region (required)
         * @return this builder
         */
        public Builder vlanId(int value) {
            this.vlanId = value;
            return this;
        }

        /**
         * @param value the private network's IPv4 range, e.g. {@code 10.10.0.0/16} (required)
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

        /** @return the region; {@link DeploymentSpec} and the constructs check it */
        public RegionSpec build() {
            return new RegionSpec(stackName, ovhRegion, Optional.ofNullable(ovhZones), awsRegion, vlanId, privateCidr,
                    haproxy);
        }
    }
}
