package dev.tandem.constructs.core;

/**
 * One server a load balancer sends traffic to.
 *
 * @param name    unique name within its backend, e.g. {@code app-1}
 * @param address IP address or host name (may be a Terraform reference)
 * @param port    TCP port, 1–65535
 * @param weight  relative share of traffic, 0–256 (HAProxy's range; 0 drains the server)
 */
public record BackendServer(String name, String address, int port, int weight) {

    /** Default weight, as HAProxy's. */
    public static final int DEFAULT_WEIGHT = 1;

    /** @return a server with the default weight */
    public static BackendServer of(String name, String address, int port) {
        return new BackendServer(name, address, port, DEFAULT_WEIGHT);
    }
}
