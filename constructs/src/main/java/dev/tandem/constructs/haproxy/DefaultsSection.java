package dev.tandem.constructs.haproxy;

/**
 * The {@code defaults} section every frontend and backend inherits: HTTP mode, logging,
 * {@code option forwardfor} (the app sees the client address), {@code option redispatch} with
 * {@code retries} (a request whose server refuses the connection is retried on another one),
 * {@code retry-on conn-failure empty-response} (a GET, HEAD or OPTIONS request sent to a server that
 * dies before answering is replayed elsewhere; each backend disables this for other methods, which
 * may have changed state before the crash), the timeouts and the check timing.
 *
 * @param timeouts connect, client and server timeouts
 * @param check    check timing and check timeout
 * @param retries  connection attempts after the first failed one
 */
public record DefaultsSection(Timeouts timeouts, CheckTiming check, int retries) {
}
