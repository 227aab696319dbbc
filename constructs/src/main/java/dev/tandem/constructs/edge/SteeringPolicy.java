package dev.tandem.constructs.edge;

/**
 * How the load balancer chooses among pools. {@link #OFF} is active-passive failover in the order
 * of the pools; the others are active-active and some need more from the pools.
 */
public enum SteeringPolicy {
    /** Failover in pool order: the first healthy pool takes all traffic (the default). */
    OFF("off"),
    /** By the visitor's region or country; needs pools with {@link OriginPool#regions()} or {@link OriginPool#countries()}. */
    GEO("geo"),
    /** To the pool with the lowest measured latency (the monitor's round-trip times). */
    DYNAMIC_LATENCY("dynamic_latency"),
    /** Weighted random over healthy pools. */
    RANDOM("random"),
    /** To the closest pool; needs every pool's {@link OriginPool#location()}. */
    PROXIMITY("proximity");

    private final String terraformValue;

    SteeringPolicy(String terraformValue) {
        this.terraformValue = terraformValue;
    }

    /** @return the provider's value */
    public String terraformValue() {
        return terraformValue;
    }
}
