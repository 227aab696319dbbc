package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * One listening address of a frontend.
 *
 * @param address IP address, or empty for every address of the instance
 * @param port    TCP port
 * @param tls     TLS termination on this address, when it is HTTPS
 */
public record Bind(String address, int port, Optional<TlsTermination> tls) {

    /** Reads a null optional as plain TCP. */
    public Bind {
        tls = tls == null ? Optional.empty() : tls;
    }

    /** @return a plain bind on every address */
    public static Bind all(int port) {
        return new Bind("", port, Optional.empty());
    }

    /** @return a plain bind on the loopback address only, unreachable from the network */
    public static Bind loopback(int port) {
        return new Bind("127.0.0.1", port, Optional.empty());
    }

    /** @return a TLS bind on every address */
    public static Bind tls(int port, TlsTermination tls) {
        return new Bind("", port, Optional.of(tls));
    }
}
