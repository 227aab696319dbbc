package dev.tandem.constructs.haproxy;

/**
 * The HAProxy statistics page, served on each instance's private address only. Its password comes
 * from a sensitive Terraform variable the tier declares ({@link HaproxyTier#statsPasswordVariable()}),
 * so it never appears in cdktf.out or snapshots.
 *
 * @param port TCP port on the private address
 * @param user login name
 */
public record StatsPage(int port, String user) {

    /** @return port 8404 (HAProxy's documented stats port), user {@code admin} */
    public static StatsPage defaults() {
        return new StatsPage(8404, "admin");
    }
}
