package dev.tandem.constructs.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One Kubernetes object and the file it is written to below the stack's {@code k8s/} folder.
 *
 * @param fileName file name, e.g. {@code deployment.yaml}
 * @param object   the typed object
 */
public record Manifest(String fileName, HasMetadata object) {
}
