package dev.tandem.stacks;

/**
 * The OVH API endpoints the ovh/ovh provider documents for its {@code endpoint} argument
 * ({@code docs/index.md} of terraform-provider-ovh): the OVHcloud, Kimsufi and So you Start APIs in
 * Europe and Canada, and OVHcloud US.
 */
public enum OvhEndpoint {
    /** OVHcloud Europe, {@code eu.api.ovh.com}. */
    OVH_EU("ovh-eu"),
    /** OVHcloud Canada, {@code ca.api.ovh.com}. */
    OVH_CA("ovh-ca"),
    /** OVHcloud US, {@code api.us.ovhcloud.com}. */
    OVH_US("ovh-us"),
    /** Kimsufi Europe. */
    KIMSUFI_EU("kimsufi-eu"),
    /** Kimsufi Canada. */
    KIMSUFI_CA("kimsufi-ca"),
    /** So you Start Europe. */
    SOYOUSTART_EU("soyoustart-eu"),
    /** So you Start Canada. */
    SOYOUSTART_CA("soyoustart-ca");

    private final String providerValue;

    OvhEndpoint(String providerValue) {
        this.providerValue = providerValue;
    }

    /** @return the value the provider's {@code endpoint} argument takes, e.g. {@code ovh-eu} */
    public String providerValue() {
        return providerValue;
    }
}
