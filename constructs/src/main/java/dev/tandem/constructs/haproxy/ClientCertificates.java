package dev.tandem.constructs.haproxy;

/**
 * When a TLS bind with a client CA ({@link TlsTermination#clientCa()}) insists on a client certificate from
 * it. Either way a certificate from another CA fails the handshake: HAProxy verifies every certificate a
 * client presents against {@code ca-file} and aborts on failure "regardless of the 'verify' option"
 * (HAProxy 2.6 configuration manual, bind option {@code verify}).
 */
public enum ClientCertificates {
    /** {@code verify required}: a client without a certificate fails the handshake. */
    REQUIRED_IN_HANDSHAKE,
    /**
     * {@code verify optional} on the bind, and the frontend refuses with 403 every request that came without a
     * verified certificate; only the frontend's {@code monitor-uri} is answered without one, because HAProxy
     * answers monitor requests "even before any http-request" rule (same manual, {@code monitor-uri}).
     */
    REQUIRED_EXCEPT_MONITOR
}
