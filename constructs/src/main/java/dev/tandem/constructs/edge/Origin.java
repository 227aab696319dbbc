package dev.tandem.constructs.edge;

import java.util.Objects;

/**
 * One origin of a Cloudflare pool: for Tandem, the public address of one HAProxy instance.
 *
 * @param name    unique name within the load balancer, e.g. {@code primary-haproxy-1}
 * @param address public IP or host name (may be a Terraform reference from a region stack)
 * @param weight  share of the pool's traffic, 0–1
 * @param enabled whether Cloudflare sends traffic to it
 */
public record Origin(String name, String address, double weight, boolean enabled) {

    /** Rejects nulls; ranges are checked by {@link CloudflareFailoverLb}. */
    public Origin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** @return an enabled origin with weight 1 */
    public static Origin of(String name, String address) {
        return new Origin(name, address, 1, true);
    }
}
