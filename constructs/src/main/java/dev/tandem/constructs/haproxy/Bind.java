package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * One listening address of a frontend.
 *
 * @param address     IP address, empty for every address, or {@code $NAME} for an environment variable
 *                    HAProxy expands at start (the line is then quoted, as HAProxy requires)
 * @param port        TCP port
 * @param certificate PEM file (certificate and key) when the bind terminates TLS
 */
public record Bind(String address, int port, Optional<String> certificate) {

    /** @return a plain HTTP bind on every address */
    public static Bind all(int port) {
        return new Bind("", port, Optional.empty());
    }

    /** @return a TLS bind on every address, with the certificate at {@code certificatePath} */
    public static Bind tls(int port, String certificatePath) {
        return new Bind("", port, Optional.of(certificatePath));
    }

    /** @return a plain bind on the address held by the environment variable {@code variable} */
    public static Bind fromEnvironment(String variable, int port) {
        return new Bind("$" + variable, port, Optional.empty());
    }
}
