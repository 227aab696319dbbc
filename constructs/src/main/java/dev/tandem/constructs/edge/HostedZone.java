package dev.tandem.constructs.edge;

/**
 * The public Route 53 hosted zone a {@link Route53Failover} writes its records into: one that already exists,
 * looked up by name ({@code data "aws_route53_zone"}, {@code private_zone = false}), or one the edge stack creates
 * ({@code aws_route53_zone}). A created zone answers only once the parent zone (or the registrar) delegates to its
 * {@code name_servers}, which Tandem does not change.
 *
 * <pre>{@code
 * HostedZone.lookup("example.com")   // DNS stays where it is: the usual case
 * HostedZone.create("example.com")   // a new zone; delegate to its name servers yourself
 * }</pre>
 *
 * @param name   the zone's apex, e.g. {@code example.com}
 * @param create whether the edge stack creates the zone (else it is looked up)
 */
public record HostedZone(String name, boolean create) {

    /**
     * @param name the existing public zone's apex, e.g. {@code example.com}
     * @return a zone the edge stack looks up by name (one Route 53 hosted zone of that name in the account)
     */
    public static HostedZone lookup(String name) {
        return new HostedZone(name, false);
    }

    /**
     * @param name the new zone's apex, e.g. {@code example.com}
     * @return a zone the edge stack creates (and, with it, owns: destroying the stack deletes it)
     */
    public static HostedZone create(String name) {
        return new HostedZone(name, true);
    }
}
