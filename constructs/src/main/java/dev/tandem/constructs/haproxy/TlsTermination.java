package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * TLS on a bind: the certificate HAProxy serves and, for mutual TLS, the CA every client must present
 * a certificate from ({@code verify required}: a client without one, or with one from another CA, fails
 * the handshake). Paths are relative to the release directory HAProxy runs from.
 *
 * @param certificate      PEM file holding the certificate, then its private key
 * @param requiredClientCa PEM file of the CA whose client certificates are required, when set
 */
public record TlsTermination(String certificate, Optional<String> requiredClientCa) {

    /** Reads a null optional as no client certificate required. */
    public TlsTermination {
        requiredClientCa = requiredClientCa == null ? Optional.empty() : requiredClientCa;
    }
}
