package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Problems;
import java.util.Optional;

/**
 * The region's OVH managed gateway: the router on the network's subnet that gives private-only ports
 * outbound access (SNAT) and carries floating IPs. A {@link RegionNetwork} creates one by default,
 * because the HAProxy tier's floating IPs need it in every region, and OVH's 3-AZ regions require it
 * for Managed Kubernetes ("Gateway is mandatory for multizones cluster",
 * ovh/terraform-provider-ovh {@code docs/resources/cloud_project_kube.md} and
 * {@code examples/resources/cloud_project_kube/example_10.tf}, tag v2.19.0).
 *
 * <pre>{@code
 * GatewaySpec.defaults()                                     // size S, named after the network
 * GatewaySpec.builder().size(GatewaySize.M).name("par-gw").build()
 * GatewaySpec.none()                                         // explicit opt-out: no router on the subnet
 * }</pre>
 *
 * @param enabled whether the network gets a gateway; false only through {@link #none()}
 * @param size    the gateway's size; unused when not enabled
 * @param name    the gateway's name in OVH; empty means the network's construct path with {@code -}
 *                separators and a {@code -gateway} suffix
 */
public record GatewaySpec(boolean enabled, GatewaySize size, Optional<String> name) {

    /** Treats a null Optional as empty; values are checked by {@link RegionNetwork}. */
    public GatewaySpec {
        name = name == null ? Optional.empty() : name;
    }

    /** @return a size-S gateway named after the network */
    public static GatewaySpec defaults() {
        return builder().build();
    }

    /**
     * No gateway: for a network whose ports all have public interfaces of their own and which carries
     * no floating IP and no 3-AZ Kubernetes cluster. The subnet still announces its first address as
     * the router (a {@link RegionNetwork} keeps that address free), so a gateway can be added later
     * without replacing the subnet.
     *
     * @return the opt-out
     */
    public static GatewaySpec none() {
        return new GatewaySpec(false, null, Optional.empty());
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to change some of them (it builds an enabled gateway) */
    public Builder toBuilder() {
        return builder().size(size).name(name.orElse(null));
    }

    /**
     * Records a missing size or a blank name of an enabled gateway.
     *
     * @param p where to record, e.g. {@code problems.nested("gateway")}
     */
    public void validate(Problems p) {
        if (!enabled) {
            return;
        }
        p.present(size, "size", "omit it for GatewaySize.S");
        name.ifPresent(n -> p.require(!n.isBlank(), "name", n, "must not be blank",
                "omit it to name the gateway after the network"));
    }

    /** Builds an enabled {@link GatewaySpec}; {@link GatewaySpec#none()} is the opt-out. */
    public static final class Builder {
        private GatewaySize size = GatewaySize.S;
        private String name;

        private Builder() {
        }

        /**
         * The gateway's size, which bounds the bandwidth routed through it.
         *
         * @default {@link GatewaySize#S} (up to 200 Mbit/s), the size of every example and acceptance test
         *          of the provider
         * @param value the size
         * @return this builder
         */
        public Builder size(GatewaySize value) {
            this.size = value;
            return this;
        }

        /**
         * The gateway's name in OVH; it can be changed in place.
         *
         * @default the network's construct path with {@code -} separators and a {@code -gateway} suffix,
         *          e.g. {@code primary-network-gateway}
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @return the spec; checked when the network is built */
        public GatewaySpec build() {
            return new GatewaySpec(true, size, Optional.ofNullable(name));
        }
    }
}
