package dev.tandem.constructs.core;

/**
 * One server a load balancer sends traffic to. Create it by name and address with
 * {@link #of(String, String, int)}, then {@link #withWeight(int)} where the share is not even:
 *
 * <pre>{@code
 * BackendServer.of("app-2", "10.10.1.6", 8080).withWeight(3)
 * }</pre>
 *
 * <p>Nothing is checked here: the load balancer that receives the server validates it (the
 * HAProxy tier reports each problem under {@code servers[<name>]}).
 *
 * @param name    unique name within its backend, e.g. {@code app-1}
 * @param address IPv4 address or host name (may be a Terraform reference, filled at apply)
 * @param port    TCP port, 1–65535
 * @param weight  relative share of traffic, 0–256 (HAProxy's range; 0 drains the server)
 */
public record BackendServer(String name, String address, int port, int weight) {

    /** Default weight, as HAProxy's. */
    public static final int DEFAULT_WEIGHT = 1;

    /**
     * @param name    unique name within its backend, e.g. {@code app-1}
     * @param address IPv4 address or host name (may be a Terraform reference)
     * @param port    TCP port the server listens on
     * @return a server with weight {@value #DEFAULT_WEIGHT}
     */
    public static BackendServer of(String name, String address, int port) {
        return new BackendServer(name, address, port, DEFAULT_WEIGHT);
    }

    /**
     * @param value relative share of traffic, 0–256; 0 drains the server (it is still checked)
     * @return a copy with that weight
     */
    public BackendServer withWeight(int value) {
        return new BackendServer(name, address, port, value);
    }
}
