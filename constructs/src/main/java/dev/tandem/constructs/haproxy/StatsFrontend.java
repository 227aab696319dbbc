package dev.tandem.constructs.haproxy;

/**
 * The statistics page as a {@code frontend} of its own. Its password is never in the file: the file
 * names an environment variable that HAProxy expands at start.
 *
 * @param bind             where it listens (the instance's private address)
 * @param allowedSource    the only network allowed to ask (CIDR), whatever address the bind ends up on
 * @param user             login name
 * @param passwordVariable environment variable that holds the password
 */
public record StatsFrontend(Bind bind, String allowedSource, String user, String passwordVariable) {
}
