package dev.tandem.constructs.edge;

/** How a pool spreads traffic over its own origins (Cloudflare's {@code origin_steering.policy}). */
public enum OriginSteering {
    /** Weighted random (Cloudflare's default). */
    RANDOM("random"),
    /** By client IP hash, so a client keeps its origin. */
    HASH("hash"),
    /** Fewest pending requests, weighted. */
    LEAST_OUTSTANDING_REQUESTS("least_outstanding_requests"),
    /** Fewest open connections, weighted. */
    LEAST_CONNECTIONS("least_connections");

    private final String terraformValue;

    OriginSteering(String terraformValue) {
        this.terraformValue = terraformValue;
    }

    /** @return the provider's value */
    public String terraformValue() {
        return terraformValue;
    }
}
