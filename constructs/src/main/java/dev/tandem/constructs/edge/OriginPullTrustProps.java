package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Values;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes an {@link OriginPullTrust}: build it with {@code OriginPullTrustProps.builder()…build()}
 * or set the same values on {@link OriginPullTrust.Builder}; the setters of {@link BuilderBase} document each
 * value and its default. Values are checked when the construct is built.
 *
 * @param zoneId           the Cloudflare zone whose proxied traffic presents the client certificate
 * @param commonName       subject common name of the CA, followed by the generation
 * @param caGenerations    names of the CA generations the origins trust, oldest first
 * @param activeGeneration the generation that signs the uploaded client certificate, when not the first
 * @param caValidity       how long each CA certificate is valid
 * @param clientValidity   how long the client certificate is valid
 * @param earlyRenewal     how long before its expiry the client certificate is re-issued
 * @param keyAlgorithm     key type of the CAs and the client certificate
 */
public record OriginPullTrustProps(String zoneId, String commonName, List<String> caGenerations,
        Optional<String> activeGeneration, Duration caValidity, Duration clientValidity, Duration earlyRenewal,
        OriginPullKeyAlgorithm keyAlgorithm) {

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
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String zoneId;
        private String commonName = "Tandem origin-pull CA";
        private List<String> caGenerations = List.of("1");
        private String activeGeneration;
        private Duration caValidity = Duration.ofDays(3650);
        private Duration clientValidity = Duration.ofDays(365);
        private Duration earlyRenewal = Duration.ofDays(30);
        private OriginPullKeyAlgorithm keyAlgorithm = OriginPullKeyAlgorithm.ECDSA_P256;

        BuilderBase() {
        }

        /**
         * The zone whose proxied traffic presents the client certificate: the edge's zone (dashboard: the zone's
         * Overview → API → Zone ID). Required.
         *
         * @param value 32 lower-case hex characters, or a Terraform reference such as a variable
         * @return this builder
         */
        public B zoneId(String value) {
            this.zoneId = value;
            return self();
        }

        /**
         * The CA's subject common name; each generation's CA is named {@code <value> <generation>}.
         * @default {@code Tandem origin-pull CA}
         *
         * @param value a short name, e.g. the app's
         * @return this builder
         */
        public B commonName(String value) {
            this.commonName = value;
            return self();
        }

        /**
         * The CA generations the origins trust, oldest first: each is a CA of its own and the tiers accept a
         * client certificate from any of them. Rotating the CA is three reviewed changes (add the new generation;
         * make it {@link #activeGeneration(String) active}; drop the old one), each applied to this stack and then
         * to the region stacks (README, "Changing the HAProxy configuration and rotating the certificate").
         * @default {@code List.of("1")}
         *
         * @param value distinct names of lower-case letters, digits and hyphens, e.g. {@code List.of("2026", "2027")}
         * @return this builder
         */
        public B caGenerations(List<String> value) {
            this.caGenerations = Values.list(value);
            return self();
        }

        /**
         * The generation whose CA signs the uploaded client certificate. @default the first of
         * {@link #caGenerations(List)}, so adding a generation changes nothing Cloudflare presents
         *
         * @param value one of the generations
         * @return this builder
         */
        public B activeGeneration(String value) {
            this.activeGeneration = value;
            return self();
        }

        /**
         * How long each CA certificate is valid; a CA is replaced by a new generation, not renewed.
         * @default 3650 days
         *
         * @param value whole hours, longer than the client certificate's validity
         * @return this builder
         */
        public B caValidity(Duration value) {
            this.caValidity = value;
            return self();
        }

        /**
         * How long the client certificate Cloudflare presents is valid. @default 365 days
         *
         * @param value whole hours, longer than the early renewal
         * @return this builder
         */
        public B clientValidity(Duration value) {
            this.clientValidity = value;
            return self();
        }

        /**
         * How long before its expiry an apply re-issues the client certificate (hashicorp/tls
         * {@code early_renewal_hours}): the new one, from the same CA, is uploaded before the old one is deleted,
         * and origins need no change. An apply must run inside this window. @default 30 days
         *
         * @param value whole hours, shorter than the client validity
         * @return this builder
         */
        public B earlyRenewal(Duration value) {
            this.earlyRenewal = value;
            return self();
        }

        /**
         * The key type of the CAs and the client certificate. @default {@link OriginPullKeyAlgorithm#ECDSA_P256}
         *
         * @param value the algorithm
         * @return this builder
         */
        public B keyAlgorithm(OriginPullKeyAlgorithm value) {
            this.keyAlgorithm = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected OriginPullTrustProps props() {
            return new OriginPullTrustProps(zoneId, commonName, caGenerations, Optional.ofNullable(activeGeneration),
                    caValidity, clientValidity, earlyRenewal, keyAlgorithm);
        }
    }
}
