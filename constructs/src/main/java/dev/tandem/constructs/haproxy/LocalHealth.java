package dev.tandem.constructs.haproxy;

/**
 * The tier's health answer on the instance's loopback address, in plain HTTP: what the delivery's apply
 * script asks after a reload. The public frontend answers the same, but only to clients holding
 * Cloudflare's origin-pull certificate.
 *
 * @param bind    a loopback address
 * @param monitor the same answer as the public frontend's
 */
public record LocalHealth(Bind bind, Monitor monitor) {
}
