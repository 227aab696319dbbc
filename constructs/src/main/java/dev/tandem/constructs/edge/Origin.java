package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.TerraformReferences;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Cidr;

/**
 * One origin of a Cloudflare pool: for Tandem, the public address of one HAProxy instance.
 *
 * <pre>{@code
 * Origin.builder().name("primary-haproxy-1").address(node.publicIpv4()).build()
 * }</pre>
 *
 * @param name    unique name within the load balancer
 * @param address public IPv4 address or host name, or a Terraform reference to one
 * @param weight  share of the pool's traffic, 0–1
 * @param enabled whether Cloudflare sends traffic to it and checks it
 */
public record Origin(String name, String address, double weight, boolean enabled) {

    /** @return a builder for an origin */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Origin}. */
    public static final class Builder {
        private String name;
        private String address;
        private double weight = 1;
        private boolean enabled = true;

        private Builder() {
        }

        /**
         * The origin's name, unique across all pools of the load balancer; required.
         *
         * @param value e.g. {@code primary-haproxy-1}
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Where Cloudflare connects: a public IPv4 address or a host name that resolves to the origin
         * (not a name Cloudflare proxies), or a Terraform reference to one, such as a region stack's
         * {@code HaproxyNode.publicIpv4()}; required.
         *
         * @param value e.g. {@code 198.51.100.7} or {@code haproxy-1.paris.example.com}
         * @return this builder
         */
        public Builder address(String value) {
            this.address = value;
            return this;
        }

        /**
         * The origin's share of its pool's traffic relative to the other origins; 0 keeps it checked but
         * sends it nothing. @default 1
         *
         * @param value 0–1
         * @return this builder
         */
        public Builder weight(double value) {
            this.weight = value;
            return this;
        }

        /**
         * Whether Cloudflare sends the origin traffic and checks its health. @default true
         *
         * @param value false to take the origin out of its pool
         * @return this builder
         */
        public Builder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        /** @return the origin; checked when the load balancer is built */
        public Origin build() {
            return new Origin(name, address, weight, enabled);
        }
    }

    /**
     * Checks the name, the address and the weight.
     *
     * @param p where problems go, nested under the origin, e.g. {@code pools[primary].origins[primary-haproxy-1]}
     */
    public void validate(Problems p) {
        if (p.present(name, "name", "name the origin, e.g. Origin.builder().name(\"primary-haproxy-1\")")) {
            p.require(!name.isBlank(), "name", name, "must not be blank", "name the origin, e.g. primary-haproxy-1");
        }
        if (p.present(address, "address", "give the origin's public address, e.g. .address(node.publicIpv4())")
                && !TerraformReferences.isReference(address)) {
            checkAddress(p);
        }
        p.require(Double.isFinite(weight) && weight >= 0 && weight <= 1, "weight", weight,
                "must be between 0 and 1 (the provider's range)", "use 1 for an even share, 0 to send nothing");
    }

    private void checkAddress(Problems p) {
        if (Ipv4.parse(address).isPresent()) {
            // Tandem sets no virtual_network_id on an origin, so Cloudflare's edge must reach the address over the internet.
            p.require(!Ipv4Cidr.parse(address + "/32").orElseThrow().isPrivate(), "address", address,
                    "must be a public address: Cloudflare's edge cannot reach a private (RFC 1918) one",
                    "use the instance's public IPv4 address, e.g. HaproxyNode.publicIpv4()");
            return;
        }
        p.require(DnsNames.isQualifiedHostname(address), "address", address,
                "must be a public IPv4 address or a lower-case host name with a domain",
                "use e.g. 198.51.100.7 or haproxy-1.paris.example.com");
    }
}
