package dev.tandem.constructs.haproxy;

import java.time.Duration;

/**
 * How long HAProxy waits for each side of a request.
 *
 * @param connect to open a connection to a server
 * @param client  for the client to send or acknowledge data
 * @param server  for the server to answer
 */
public record Timeouts(Duration connect, Duration client, Duration server) {

    /** @return 5 s to connect, 30 s of client and server inactivity */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
