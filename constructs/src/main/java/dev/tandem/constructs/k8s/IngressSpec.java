package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import java.util.Optional;

/**
 * An Ingress for the app: everything under {@code /} to the app's Service, served by the ingress
 * controller that owns {@link #className()}. It is an opt-in ({@link AppSpec.Builder#ingress(IngressSpec)}):
 * HAProxy reaches the app through its internal load balancer, not through an Ingress, and OVH Managed
 * Kubernetes installs no ingress controller. Install one before applying the manifests; OVH's guide
 * installs Traefik with Helm, whose class is {@code traefik} (github.com/ovh/ovhcloud-docs
 * {@code docs/en/guides/public-cloud/containers-orchestration/managed-kubernetes/install-traefik.mdx},
 * updated 2026-10-02; it notes that ingress-nginx was retired in March 2026 and should not be deployed for
 * new workloads).
 *
 * <pre>{@code
 * IngressSpec.builder().className("traefik").host("orders.example.com").tlsSecretName("orders-tls").build()
 * }</pre>
 *
 * @param className     the IngressClass that serves the Ingress, e.g. {@code traefik}
 * @param host          host name to match; empty matches every host
 * @param tlsSecretName Secret holding the certificate for {@code host}; empty serves plain HTTP
 */
public record IngressSpec(String className, Optional<String> host, Optional<String> tlsSecretName) {

    /** Treats a null Optional as empty; values are checked by the cluster. */
    public IngressSpec {
        host = host == null ? Optional.empty() : host;
        tlsSecretName = tlsSecretName == null ? Optional.empty() : tlsSecretName;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to change some of them */
    public Builder toBuilder() {
        return builder().className(className).host(host.orElse(null)).tlsSecretName(tlsSecretName.orElse(null));
    }

    /**
     * Records a missing class, names Kubernetes would refuse, and TLS without a host.
     *
     * @param p where to record, e.g. {@code problems.nested("app.ingress")}
     */
    public void validate(Problems p) {
        if (p.present(className, "className", "name the IngressClass of the controller you install, e.g. "
                + "traefik (OVH's guide); without a class no controller serves the Ingress")
                && ManifestValues.known(p, className, "className")) {
            p.require(KubernetesNames.isSubdomain(className), "className", className,
                    "must be a DNS-1123 subdomain", "use the IngressClass's name, e.g. traefik");
        }
        host.filter(h -> ManifestValues.known(p, h, "host")).ifPresent(h -> p.require(
                KubernetesNames.isIngressHost(h), "host", h,
                "must be a DNS host name (lower case, no IP address, no port), optionally starting with *.",
                "use e.g. app.example.com"));
        tlsSecretName.filter(s -> ManifestValues.known(p, s, "tlsSecretName")).ifPresent(s -> {
            p.require(KubernetesNames.isSubdomain(s), "tlsSecretName", s, "must be a DNS-1123 subdomain",
                    "use the Secret's name, e.g. app-tls");
            p.require(host.isPresent(), "tlsSecretName", s,
                    "needs a host: the certificate is served for the Ingress host", "set the host too");
        });
    }

    /** Builds an {@link IngressSpec}. */
    public static final class Builder {
        private String className;
        private String host;
        private String tlsSecretName;

        private Builder() {
        }

        /**
         * The IngressClass that serves the Ingress: the class of the controller installed in the
         * cluster. Required, so the Ingress never waits for a default class that does not exist.
         *
         * @param value the IngressClass's name, e.g. {@code traefik}
         * @return this builder
         */
        public Builder className(String value) {
            this.className = value;
            return this;
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
            return new IngressSpec(className, Optional.ofNullable(host), Optional.ofNullable(tlsSecretName));
        }
    }
}
