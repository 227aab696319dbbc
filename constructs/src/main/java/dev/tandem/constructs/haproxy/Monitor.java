package dev.tandem.constructs.haproxy;

/**
 * The tier's own health for the layer above: requests for {@code uri} are answered by HAProxy itself,
 * 200 while {@code backend} has a usable server and 503 when none is left, so a load balancer in
 * front drops a region whose app is down even though HAProxy is up.
 *
 * @param uri     the health path, e.g. {@code /healthz}
 * @param backend the backend whose usable servers are counted ({@code nbsrv})
 */
public record Monitor(String uri, String backend) {
}
