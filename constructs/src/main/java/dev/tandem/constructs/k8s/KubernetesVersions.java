package dev.tandem.constructs.k8s;

import java.util.List;

/**
 * The Kubernetes minors OVH Managed Kubernetes offers for new clusters, as of 2026-04-09: OVH's
 * announcement of 1.35 (github.com/ovh/public-cloud-roadmap issue 1094) lists 1.35, 1.34 and 1.33 as
 * supported, 1.32 and 1.31 as no longer supported and 1.30 as end of life. 1.36 was announced for
 * September 2026 (issue 1168, still open when this list was made on 2026-11-26); add it here once
 * OVH offers it and the manifests are checked against its schema.
 *
 * <p>Every minor here is 1.31 or later, where OVH's Octavia load balancer is the default and the
 * Service needs no {@code loadbalancer.ovhcloud.com/class} annotation (OVH guide "Expose your
 * applications using OVHcloud Public Cloud Load Balancer", updated 2025-10-29); the manifests rely on that,
 * and a test holds the list to it.
 */
final class KubernetesVersions {
    static final List<String> OFFERED = List.of("1.33", "1.34", "1.35");

    private KubernetesVersions() {
    }

    /** @return true when new clusters can be created with {@code version} */
    static boolean isOffered(String version) {
        return OFFERED.contains(version);
    }
}
