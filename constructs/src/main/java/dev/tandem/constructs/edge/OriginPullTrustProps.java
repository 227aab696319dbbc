package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Values;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes an {@link OriginPullTrust}: build it with {@code OriginPullTrustProps.builder()…build()}
 * or set the same values on {@link OriginPullTrust.Builder}; the setters of {@link BuilderBase} document each
 * value and its default. Values are checked when the construct is built.
 *
 * @param zoneId           The zone whose proxied traffic presents the client certificate: the edge's zone
 *                         (dashboard: the zone's Overview → API → Zone ID). Required. 32 lower-case hex
 *                         characters, or a Terraform reference such as a variable
 * @param commonName       The CA's subject common name; each generation's CA is named
 *                         {@code <value> <generation>}. @default {@code Tandem origin-pull CA}. A short name,
 *                         e.g. the app's
 * @param caGenerations    The CA generations the origins trust, oldest first: each is a CA of its own and the
 *                         tiers accept a client certificate from any of them. Rotating the CA is three reviewed
 *                         changes (add the new generation; make it {@link #activeGeneration active};
 *                         drop the old one), each applied to this stack and then to the region stacks (README,
 *                         "Changing the HAProxy configuration and rotating the certificate"). @default
 *                         {@code List.of("1")}. Distinct names of lower-case letters, digits and hyphens, e.g.
 *                         {@code List.of("2026", "2027")}
 * @param activeGeneration The generation whose CA signs the uploaded client certificate. @default the first of
 *                         {@link #caGenerations}, so adding a generation changes nothing Cloudflare
 *                         presents. One of the generations
 * @param caValidity       How long each CA certificate is valid; a CA is replaced by a new generation, not
 *                         renewed. @default 3650 days. Whole hours, longer than the client certificate's
 *                         validity
 * @param clientValidity   How long the client certificate Cloudflare presents is valid. @default 365 days.
 *                         Whole hours, longer than the early renewal
 * @param earlyRenewal     How long before its expiry an apply re-issues the client certificate (hashicorp/tls
 *                         {@code early_renewal_hours}): the new one, from the same CA, is uploaded before the
 *                         old one is deleted, and origins need no change. An apply must run inside this
 *                         window. @default 30 days. Whole hours, shorter than the client validity
 * @param keyAlgorithm     The key type of the CAs and the client certificate. @default
 *                         {@link OriginPullKeyAlgorithm#ECDSA_P256}. The algorithm
 */
@Settings
public record OriginPullTrustProps(
        String zoneId,
        @Default("\"Tandem origin-pull CA\"") String commonName,
        @Default("List.of(\"1\")") List<String> caGenerations,
        Optional<String> activeGeneration,
        @Default("Duration.ofDays(3650)") Duration caValidity,
        @Default("Duration.ofDays(365)") Duration clientValidity,
        @Default("Duration.ofDays(30)") Duration earlyRenewal,
        @Default("OriginPullKeyAlgorithm.ECDSA_P256") OriginPullKeyAlgorithm keyAlgorithm) {

    /** Copies the generations (nulls stay, for validation to report); reads a null optional as absent. */
    public OriginPullTrustProps {
        caGenerations = Values.list(caGenerations);
        activeGeneration = activeGeneration == null ? Optional.empty() : activeGeneration;
    }

    /** @return the generation that signs the client certificate: the one set, else the first */
    public String active() {
        return activeGeneration.orElseGet(() -> caGenerations.isEmpty() ? null : caGenerations.get(0));
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OriginPullTrustProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the construct is built */
        public OriginPullTrustProps build() {
            return props();
        }
    }

    /**
     * The settings of an {@link OriginPullTrust}, shared by {@link Builder} and {@link OriginPullTrust.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends OriginPullTrustPropsSettings<B> {
        BuilderBase() {
        }
    }
}
