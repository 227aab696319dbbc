package dev.tandem.stacks;

/**
 * What an OVH Public Cloud instance runs on. OVH names flavors and images by per-region UUIDs
 * ({@code openstack flavor list}, {@code openstack image list} in the region, or the OVH API's
 * {@code /cloud/project/{id}/flavor} and {@code /image}).
 *
 * @param flavorId the flavor (size), e.g. a b3-8's id in the region
 * @param imageId  the image, e.g. Debian 12's id in the region
 */
public record InstanceSpec(String flavorId, String imageId) {
}
