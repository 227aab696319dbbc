package dev.tandem.e2e.k8s;

import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes OpenAPI schema of one Kubernetes minor, as an independent validator: the official
 * Kubernetes Java client ({@code io.kubernetes:client-java-api}, pinned in the parent pom), which the
 * Kubernetes project generates from the API server's OpenAPI spec of one release. Each model's
 * {@code validateJsonElement} walks a document recursively and rejects fields the schema does not
 * define (as {@code kubectl --validate=strict} does), missing required fields and values of the wrong
 * JSON kind. It shares no code with fabric8's model, which writes the manifests.
 *
 * <p>It does not check number ranges, enum values or formats; the constructs' own validation covers
 * those that matter here.
 */
final class KubernetesSchemas {
    /** The Kubernetes minor that the pinned client-java-api (24.0.0) was generated from. */
    static final String PINNED_MINOR = "1.33";

    /** Validates one document of a known kind. */
    @FunctionalInterface
    interface Validator {
        /** @throws IOException or IllegalArgumentException naming the offending field */
        void validate(JsonElement document) throws IOException;
    }

    private static final Map<String, Validator> BY_KIND = Map.of(
            "v1/Namespace", V1Namespace::validateJsonElement,
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement);

    private KubernetesSchemas() {
    }

    /**
     * @param kubernetesVersion the minor a cluster targets, e.g. {@code 1.33}
     * @return the validators by {@code apiVersion/kind}, or empty when no schema of that minor is pinned
     */
    static Optional<Map<String, Validator>> forVersion(String kubernetesVersion) {
        return PINNED_MINOR.equals(kubernetesVersion) ? Optional.of(BY_KIND) : Optional.empty();
    }
}
