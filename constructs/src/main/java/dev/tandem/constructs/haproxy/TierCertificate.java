package dev.tandem.constructs.haproxy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link HaproxyTier} serves on 443: a certificate and its private key, both PEM, and the names it
 * covers. Two kinds: {@link OriginCertificate} (Cloudflare's Origin CA, trusted by Cloudflare only: for the
 * Cloudflare edge) and {@link SuppliedCertificate} (a publicly trusted certificate you bring: for an edge
 * whose clients reach the tier directly, such as Route 53 failover). Either reaches the instances only
 * through the tier's delivery, with its key.
 *
 * <pre>{@code
 * HaproxyTier.Builder.create(stack, "haproxy")
 *     .certificate(SuppliedCertificate.Builder.create(stack, "certificate")
 *         .hostnames(List.of("app.example.com")).build())
 *     …
 * }</pre>
 */
public interface TierCertificate {
    /** @return the certificate (and any intermediates after it), PEM; usually a Terraform reference */
    String certificatePem();

    /** @return the private key, PEM; a sensitive Terraform reference */
    String privateKeyPem();

    /** @return the names the certificate is for, as declared at synth */
    List<String> hostnames();

    /** @return how long a new certificate stays valid, when Tandem knows it at synth */
    Optional<Duration> validity();

    /** @return true when the certificate is trusted by browsers and other public clients (not only by Cloudflare) */
    boolean publiclyTrusted();

    /**
     * @param hostname a host name, e.g. the edge's {@code app.example.com}
     * @return true when one of the certificate's names covers it: the same name, or a {@code *.} wildcard one
     *         level above it
     */
    default boolean covers(String hostname) {
        return hostnames().stream().anyMatch(n -> n.equals(hostname)
                || n.startsWith("*.") && hostname.indexOf('.') > 0
                        && hostname.substring(hostname.indexOf('.') + 1).equals(n.substring(2)));
    }
}
