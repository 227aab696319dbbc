package dev.tandem.stacks;

import dev.tandem.constructs.core.Problems;

/**
 * What an OVH Public Cloud instance runs on. OVH names flavors and images by per-region UUIDs
 * ({@code openstack flavor list}, {@code openstack image list} in the region, or the OVH API's
 * {@code /cloud/project/{id}/flavor} and {@code /image}). The spec requires both; the HAProxy tier
 * checks their form.
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

    /**
     * Records a missing id.
     *
     * @param p where to record problems (the caller nests it, e.g. under {@code haproxy})
     */
    void validate(Problems p) {
        p.require(flavorId != null && !flavorId.isBlank(), "flavorId", flavorId, "is required",
                "copy the flavor's id from `openstack flavor list` in the region");
        p.require(imageId != null && !imageId.isBlank(), "imageId", imageId, "is required",
                "copy the image's id from `openstack image list` in the region");
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

        /**
         * @return the spec; the HAProxy tier checks the ids' form
         * @throws dev.tandem.constructs.core.ValidationException when an id is missing, under the path
         *         {@code InstanceSpec}
         */
        public InstanceSpec build() {
            InstanceSpec spec = new InstanceSpec(flavorId, imageId);
            Problems p = new Problems("InstanceSpec");
            spec.validate(p);
            p.throwIfAny();
            return spec;
        }
    }
}
