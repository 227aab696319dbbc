package dev.tandem.constructs.edge;

import dev.tandem.providers.tls.private_key.PrivateKey;

/**
 * The key type of the origin-pull CA and client certificate ({@code tls_private_key}, hashicorp/tls 4.2.1
 * {@code internal/provider/resource_private_key.go}; its own default curve is P-224, so the curve is always set).
 * Whether Cloudflare accepts every one of them for a zone-level upload is unverified: its API reference
 * names no key type.
 */
public enum OriginPullKeyAlgorithm {
    /** ECDSA on P-256: small, fast handshakes (the default). */
    ECDSA_P256("ECDSA", "P256", 0),
    /** ECDSA on P-384. */
    ECDSA_P384("ECDSA", "P384", 0),
    /** RSA with 2048-bit keys: the choice if an upload of an ECDSA certificate is ever refused. */
    RSA_2048("RSA", null, 2048);

    private final String algorithm;
    private final String curve;
    private final int rsaBits;

    OriginPullKeyAlgorithm(String algorithm, String curve, int rsaBits) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.rsaBits = rsaBits;
    }

    /** Sets this algorithm on a {@code tls_private_key} builder. */
    PrivateKey.Builder applyTo(PrivateKey.Builder key) {
        key.algorithm(algorithm);
        return curve != null ? key.ecdsaCurve(curve) : key.rsaBits(rsaBits);
    }
}
