package dev.tandem.constructs.k8s;

import java.util.Optional;

/**
 * How the app's Ingress routes: everything under {@code /} to the app's Service.
 *
 * @param host          host name to match; empty matches every host
 * @param className     IngressClass to use; empty uses the cluster's default class
 * @param tlsSecretName Secret holding the certificate for {@code host}; empty serves plain HTTP
 */
public record IngressSpec(Optional<String> host, Optional<String> className, Optional<String> tlsSecretName) {

    /** @return an Ingress for every host, default class, no TLS */
    public static IngressSpec catchAll() {
        return new IngressSpec(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return an Ingress matching {@code host} */
    public static IngressSpec forHost(String host) {
        return new IngressSpec(Optional.of(host), Optional.empty(), Optional.empty());
    }

    /** @return a copy using IngressClass {@code name} */
    public IngressSpec withClassName(String name) {
        return new IngressSpec(host, Optional.of(name), tlsSecretName);
    }

    /** @return a copy terminating TLS with the certificate in Secret {@code secretName} */
    public IngressSpec withTls(String secretName) {
        return new IngressSpec(host, className, Optional.of(secretName));
    }
}
