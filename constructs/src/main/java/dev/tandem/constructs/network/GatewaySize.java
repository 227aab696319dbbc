package dev.tandem.constructs.network;

/**
 * The size of a region's OVH managed gateway ({@code ovh_cloud_project_gateway.model}), which bounds
 * the bandwidth of everything routed through it: the nodes' and instances' outbound traffic (SNAT)
 * and the inbound traffic of floating IPs attached to ports behind it.
 *
 * <p>The sizes are the ones OVH's API and the provider take for this resource: the legacy instance's
 * {@code gateway_create.model} accepts {@code s}, {@code m} and {@code l}
 * (ovh/terraform-provider-ovh {@code ovh/resource_cloud_project_instance.go}, tag v2.19.0; unchanged to
 * v2.22.0), and OVH's API describes the model as "size of your gateway (l, m, s)". Bandwidths from
 * OVH's guide "Creating a private network with Gateway" (github.com/ovh/ovhcloud-docs
 * {@code docs/en/guides/public-cloud/network-services/create-private-network-gateway.mdx}). The size can
 * be changed in place and keeps the gateway's public address ({@code model} is updatable,
 * {@code ovh/resource_cloud_project_gateway.go}; OVH network-services FAQ).
 */
public enum GatewaySize {
    /** Up to 200 Mbit/s. */
    S,
    /** Up to 500 Mbit/s. */
    M,
    /** Up to 2 Gbit/s. */
    L;

    /** @return the value the provider sends as {@code model}: {@code s}, {@code m} or {@code l} */
    public String apiValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
