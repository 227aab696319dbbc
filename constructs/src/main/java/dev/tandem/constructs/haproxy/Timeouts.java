package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;

/**
 * How long HAProxy waits for each side of a request: its {@code timeout connect}, {@code timeout client}
 * and {@code timeout server}. Build it by name, changing only what differs from the defaults:
 *
 * <pre>{@code
 * Timeouts.builder().server(Duration.ofSeconds(60)).build()
 * }</pre>
 *
 * @param connect to open a connection to a server
 * @param client  for the client to send or acknowledge data
 * @param server  for the server to answer
 */
public record Timeouts(Duration connect, Duration client, Duration server) {

    /** @return 5 s to connect, 30 s of client and server inactivity */
    public static Timeouts defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these timeouts, to change some of them */
    public Builder toBuilder() {
        return new Builder().connect(connect).client(client).server(server);
    }

    /**
     * Checks each timeout; the tier calls it with {@code p.nested("timeouts")}.
     *
     * @param p where problems are recorded
     */
    public void validate(Problems p) {
        HaproxyDurations.check(p, "connect", connect, "use e.g. Duration.ofSeconds(5)");
        HaproxyDurations.check(p, "client", client, "use e.g. Duration.ofSeconds(30)");
        HaproxyDurations.check(p, "server", server, "use e.g. Duration.ofSeconds(30)");
    }

    /** Builds {@link Timeouts}; values are checked when the tier is built. */
    public static final class Builder {
        private Duration connect = Duration.ofSeconds(5);
        private Duration client = Duration.ofSeconds(30);
        private Duration server = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * How long to wait for a server to accept a connection; after it, the attempt counts as a failed
         * one and is retried ({@code retries}). @default 5 s
         *
         * @param value whole milliseconds, 1 ms to about 24.8 days
         * @return this builder
         */
        public Builder connect(Duration value) {
            this.connect = value;
            return this;
        }

        /**
         * How long the client may stay silent (sending the request, reading the answer) before the
         * connection is closed. @default 30 s
         *
         * @param value whole milliseconds, 1 ms to about 24.8 days
         * @return this builder
         */
        public Builder client(Duration value) {
            this.client = value;
            return this;
        }

        /**
         * How long the server may stay silent before the client gets 504. @default 30 s
         *
         * @param value whole milliseconds, 1 ms to about 24.8 days
         * @return this builder
         */
        public Builder server(Duration value) {
            this.server = value;
            return this;
        }

        /** @return the timeouts; checked when the tier is built */
        public Timeouts build() {
            return new Timeouts(connect, client, server);
        }
    }
}
