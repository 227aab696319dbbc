package dev.tandem.stacks;

/**
 * The OVH API endpoints a Public Cloud deployment can use: the OVHcloud APIs the ovh/ovh provider
 * documents for its {@code endpoint} argument ({@code docs/index.md} of terraform-provider-ovh). The
 * provider also documents the Kimsufi and So you Start endpoints, left out here because those
 * brands sell dedicated servers and have no Public Cloud projects.
 */
public enum OvhEndpoint {
    /** OVHcloud Europe, {@code eu.api.ovh.com}. */
    OVH_EU("ovh-eu"),
    /** OVHcloud Canada, {@code ca.api.ovh.com}. */
    OVH_CA("ovh-ca"),
    /** OVHcloud US, {@code api.us.ovhcloud.com}. */
    OVH_US("ovh-us");

    private final String providerValue;

    OvhEndpoint(String providerValue) {
        this.providerValue = providerValue;
    }

    /** @return the value the provider's {@code endpoint} argument takes, e.g. {@code ovh-eu} */
    public String providerValue() {
        return providerValue;
    }
}
