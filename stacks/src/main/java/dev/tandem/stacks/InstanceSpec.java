package dev.tandem.stacks;

/**
 * What an OVH Public Cloud instance runs on. OVH names flavors and images by per-region UUIDs
 * ({@code openstack flavor list}, {@code openstack image list} in the region, or the OVH API's
 * {@code /cloud/project/{id}/flavor} and {@code /image}); the HAProxy tier checks them.
 *
 * <pre>{@code
 * InstanceSpec.builder().flavorId("<b3-8's id in the region>").imageId("<Debian 12's id>").build();
 * }</pre>
 *
 * @param flavorId the flavor (size), e.g. a b3-8's id in the region
 * @param imageId  the image, e.g. Debian 12's id in the region
 */
public record InstanceSpec(String flavorId, String imageId) {

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InstanceSpec}: named steps, so the two UUIDs cannot be swapped unnoticed. */
    public static final class Builder {
        private String flavorId;
        private String imageId;

        private Builder() {
        }

        /**
         * @param value the flavor's id in the region (required)
         * @return this builder
         */
        public Builder flavorId(String value) {
            this.flavorId = value;
            return this;
        }

        /**
         * @param value the image's id in the region, a Debian 12 or Ubuntu 22.04+ image (required)
         * @return this builder
         */
        public Builder imageId(String value) {
            this.imageId = value;
            return this;
        }

        /** @return the spec; the HAProxy tier checks the ids */
        public InstanceSpec build() {
            return new InstanceSpec(flavorId, imageId);
        }
    }
}
