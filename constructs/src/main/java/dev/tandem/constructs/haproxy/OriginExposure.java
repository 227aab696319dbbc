package dev.tandem.constructs.haproxy;

/**
 * Who may reach a {@link HaproxyTier}'s HTTPS port: that follows from the edge in front of it.
 */
public enum OriginExposure {
    /**
     * Only the deployment's Cloudflare zone: 443 admits Cloudflare's IPv4 ranges only (security group and HAProxy),
     * every request but the health path needs the client certificate of the tier's {@code originPulls} CA, and the
     * tier serves an {@link OriginCertificate}. For {@code CloudflareFailoverLb}.
     */
    CLOUDFLARE_ONLY,
    /**
     * Every client on the internet, directly: 443 is open to {@code 0.0.0.0/0}, no client certificate is asked
     * for, and the tier must serve a publicly trusted certificate ({@link SuppliedCertificate}). SNI/Host other
     * than the tier's host name still get 421, and SSH and the stats page stay the operators' only. For DNS
     * failover edges such as {@code Route53Failover}, whose health checkers and clients come from anywhere.
     */
    PUBLIC
}
