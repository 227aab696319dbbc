package dev.tandem.constructs.health;

/**
 * What the app's health answer covers, and so what a failed check means for failover. It decides
 * which Kubernetes probes follow the contract's path, and the DR readiness pass reads it to tell
 * what happens when the AWS region of the app's data fails.
 */
public enum HealthScope {
    /**
     * The health path answers for the app process alone. Every probe (startup, readiness, liveness)
     * GETs it. An outage of the app's data leaves the region in rotation while its requests fail.
     */
    APP,
    /**
     * The health path answers healthy only while the app also reaches its data (its DynamoDB replica,
     * or its PostgreSQL database accepting writes, within the contract's timeout) and is ready to serve: an outage of that AWS region fails the
     * region's health checks, and the edge moves traffic to the other region. Only the readiness
     * probe GETs the path; startup and liveness open a TCP connection to the contract's port instead,
     * so a data outage drains the pods without restarting them (a restart cannot fix a remote outage,
     * and crash-loop back-off would slow the return once the data is back).
     */
    APP_AND_DATA;

    /** @return true when a failed data dependency fails the health check */
    public boolean includesData() {
        return this == APP_AND_DATA;
    }
}
