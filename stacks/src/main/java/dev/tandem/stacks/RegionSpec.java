package dev.tandem.stacks;

import java.util.List;

/**
 * One region of the deployment: where its OVH resources and its AWS side live.
 *
 * @param stackName    the cdktf stack name, e.g. {@code primary}
 * @param ovhRegion    OVH Public Cloud region, e.g. {@code GRA11}
 * @param ovhZones     the region's availability zones, empty where it has one zone
 * @param awsRegion    AWS region of the DynamoDB table or replica, e.g. {@code eu-west-3}
 * @param vlanId       vRack VLAN of the region's private network (distinct per region)
 * @param privateCidr  the private network's IPv4 range, e.g. {@code 10.10.0.0/16}
 * @param haproxy      the HAProxy instances' flavor and image, which OVH identifies per region
 */
public record RegionSpec(String stackName, String ovhRegion, List<String> ovhZones, String awsRegion, int vlanId,
        String privateCidr, InstanceSpec haproxy) {

    /** Copies the zone list. */
    public RegionSpec {
        ovhZones = List.copyOf(ovhZones);
    }

    /** @return a copy whose AWS side is in {@code newAwsRegion} */
    public RegionSpec withAwsRegion(String newAwsRegion) {
        return new RegionSpec(stackName, ovhRegion, ovhZones, newAwsRegion, vlanId, privateCidr, haproxy);
    }
}
