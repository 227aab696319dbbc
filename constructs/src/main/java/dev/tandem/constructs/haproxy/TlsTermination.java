package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * TLS on a bind: the certificate HAProxy serves and, for mutual TLS, the CA whose client certificates are
 * accepted and when one is insisted on. Paths are relative to the release directory HAProxy runs from.
 *
 * @param certificate        PEM file holding the certificate, then its private key
 * @param clientCa           PEM file of the CA (or CAs) whose client certificates are accepted, when set
 * @param clientCertificates when a client must present one; ignored without {@code clientCa}
 */
public record TlsTermination(String certificate, Optional<String> clientCa, ClientCertificates clientCertificates) {

    /** Reads a null optional as no client certificate asked for. */
    public TlsTermination {
        clientCa = clientCa == null ? Optional.empty() : clientCa;
        clientCertificates = clientCertificates == null ? ClientCertificates.REQUIRED_IN_HANDSHAKE : clientCertificates;
    }

    /** @return TLS without client certificates (the renderer's tests; tiers build their own terminations) */
    static TlsTermination serverOnly(String certificate) {
        return new TlsTermination(certificate, Optional.empty(), ClientCertificates.REQUIRED_IN_HANDSHAKE);
    }

    /** @return whether requests on this bind must carry a verified client certificate, checked per request */
    boolean checksClientPerRequest() {
        return clientCa.isPresent() && clientCertificates == ClientCertificates.REQUIRED_EXCEPT_MONITOR;
    }
}
