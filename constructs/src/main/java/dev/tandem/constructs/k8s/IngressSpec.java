package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import java.util.Optional;

/**
 * How the app's Ingress routes: everything under {@code /} to the app's Service.
 *
 * <pre>{@code
 * IngressSpec.builder().host("orders.example.com").className("nginx").tlsSecretName("orders-tls").build()
 * }</pre>
 *
 * @param host          host name to match; empty matches every host
 * @param className     IngressClass to use; empty uses the cluster's default class
 * @param tlsSecretName Secret holding the certificate for {@code host}; empty serves plain HTTP
 */
public record IngressSpec(Optional<String> host, Optional<String> className, Optional<String> tlsSecretName) {

    /** Treats a null Optional as empty. */
    public IngressSpec {
        host = host == null ? Optional.empty() : host;
        className = className == null ? Optional.empty() : className;
        tlsSecretName = tlsSecretName == null ? Optional.empty() : tlsSecretName;
    }

    /** @return an Ingress for every host, default class, no TLS */
    public static IngressSpec catchAll() {
        return builder().build();
    }

    /** @return a builder; with nothing set it builds {@link #catchAll()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to change some of them */
    public Builder toBuilder() {
        return builder().host(host.orElse(null)).className(className.orElse(null))
                .tlsSecretName(tlsSecretName.orElse(null));
    }

    /**
     * Records names Kubernetes would refuse, and TLS without a host.
     *
     * @param p where to record, e.g. {@code problems.nested("app.ingress")}
     */
    public void validate(Problems p) {
        host.filter(h -> ManifestValues.known(p, h, "host")).ifPresent(h -> p.require(
                KubernetesNames.isIngressHost(h), "host", h,
                "must be a DNS host name (lower case, no IP address, no port), optionally starting with *.",
                "use e.g. app.example.com"));
        className.filter(c -> ManifestValues.known(p, c, "className")).ifPresent(c -> p.require(
                KubernetesNames.isSubdomain(c), "className", c, "must be a DNS-1123 subdomain",
                "use the IngressClass's name, e.g. nginx"));
        tlsSecretName.filter(s -> ManifestValues.known(p, s, "tlsSecretName")).ifPresent(s -> {
            p.require(KubernetesNames.isSubdomain(s), "tlsSecretName", s, "must be a DNS-1123 subdomain",
                    "use the Secret's name, e.g. app-tls");
            p.require(host.isPresent(), "tlsSecretName", s,
                    "needs a host: the certificate is served for the Ingress host", "set the host too");
        });
    }

    /** Builds an {@link IngressSpec}. */
    public static final class Builder {
        private String host;
        private String className;
        private String tlsSecretName;

        private Builder() {
        }

        /**
         * The host name the Ingress matches, optionally a wildcard such as {@code *.example.com}.
         *
         * @default every host
         * @param value a DNS host name
         * @return this builder
         */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /**
         * The IngressClass that serves the Ingress.
         *
         * @default the cluster's default class
         * @param value the IngressClass's name, e.g. {@code nginx}
         * @return this builder
         */
        public Builder className(String value) {
            this.className = value;
            return this;
        }

        /**
         * The Secret holding the certificate for the host; needs {@link #host(String)}.
         *
         * @default none: plain HTTP
         * @param value the Secret's name
         * @return this builder
         */
        public Builder tlsSecretName(String value) {
            this.tlsSecretName = value;
            return this;
        }

        /** @return the spec; checked when the cluster is built */
        public IngressSpec build() {
            return new IngressSpec(Optional.ofNullable(host), Optional.ofNullable(className),
                    Optional.ofNullable(tlsSecretName));
        }
    }
}
