package dev.tandem.constructs.haproxy;

/**
 * The {@code defaults} section every frontend and backend inherits: HTTP mode, logging,
 * {@code option forwardfor} (the app sees the client address), {@code option redispatch} with
 * {@code retries} (a request whose server refuses the connection is retried on another one), the
 * timeouts and the check timing.
 *
 * @param timeouts connect, client and server timeouts
 * @param check    check timing and check timeout
 * @param retries  connection attempts after the first failed one
 */
public record DefaultsSection(Timeouts timeouts, CheckTiming check, int retries) {
}
