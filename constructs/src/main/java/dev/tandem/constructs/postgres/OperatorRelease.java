package dev.tandem.constructs.postgres;

import dev.tandem.constructs.k8s.ManifestYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pinned releases a region's Kubernetes cluster needs before any {@link PostgresCluster} manifest
 * applies, in install order, each as a kustomization referencing the project's own release manifest
 * (nothing is copied here). Apply them one by one, each with {@code kubectl apply --server-side -k} and a
 * wait for its deployment, because each later one creates objects of the earlier one's CRDs:
 * <ol>
 * <li>cert-manager v1.21.2 — issues the certificates the plugin and the operator talk over. The plugin
 *     v0.14.0 builds against cert-manager v1.21.0 ({@code go.mod}); 1.21 supports Kubernetes 1.33–1.36 per
 *     cert-manager's release table as quoted by third parties (unverified here, as is whether a later patch
 *     exists).
 * <li>CloudNativePG 1.30.0 — the operator and its CRDs, from
 *     {@code releases/cnpg-1.30.0.yaml} on its release branch ({@code docs/src/installation_upgrade.md} at
 *     v1.30.0, which applies it server-side). 1.30.0 is the newest 1.30 release in the sources read here
 *     (release-1.30 branch up to 2026-08-21; issue cloudnative-pg#11502 "Release CloudNativePG 1.30.1" was
 *     still open): raise it when a patch is out. It supports Kubernetes 1.34, 1.35 and 1.36
 *     ({@code docs/src/supported_releases.md}).
 * <li>Barman Cloud plugin v0.14.0 — the WAL archiver and backup plugin, installed in the operator's
 *     namespace {@code cnpg-system}; needs CloudNativePG 1.26 or later and cert-manager
 *     ({@code web/docs/installation.mdx}, {@code intro.md} at v0.14.0).
 * </ol>
 */
final class OperatorRelease {
    static final String CERT_MANAGER_VERSION = "v1.21.2";
    static final String CNPG_VERSION = "1.30.0";
    static final String PLUGIN_VERSION = "v0.14.0";
    /** The oldest Kubernetes minor CloudNativePG 1.30 supports. */
    static final int MIN_KUBERNETES_MINOR = 34;
    /** The newest Kubernetes minor CloudNativePG 1.30 supports. */
    static final int MAX_KUBERNETES_MINOR = 36;

    /** Folder name → release manifest, in install order. */
    static final Map<String, String> RELEASES = orderedReleases();

    private OperatorRelease() {
    }

    private static Map<String, String> orderedReleases() {
        Map<String, String> releases = new LinkedHashMap<>();
        releases.put("1-cert-manager", "https://github.com/cert-manager/cert-manager/releases/download/"
                + CERT_MANAGER_VERSION + "/cert-manager.yaml");
        releases.put("2-cloudnative-pg", "https://raw.githubusercontent.com/cloudnative-pg/cloudnative-pg/release-1.30/"
                + "releases/cnpg-" + CNPG_VERSION + ".yaml");
        releases.put("3-plugin-barman-cloud", "https://github.com/cloudnative-pg/plugin-barman-cloud/releases/download/"
                + PLUGIN_VERSION + "/manifest.yaml");
        return java.util.Collections.unmodifiableMap(releases);
    }

    /** @return the kustomization of one release, with a comment giving the install order */
    static String kustomization(String folder, String url) {
        List<String> order = List.copyOf(RELEASES.keySet());
        String header = "# Step " + (order.indexOf(folder) + 1) + " of " + order.size() + " (" + String.join(", ", order)
                + "): kubectl apply --server-side -k " + folder + "/ and wait for its deployments\n"
                + "# before the next step; then the database manifests.\n";
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        k.put("resources", List.of(url));
        return header + ManifestYaml.write(k);
    }

    /**
     * @param kubernetesVersion a minor such as {@code 1.34}
     * @return whether CloudNativePG 1.30 supports it (1.34–1.36)
     */
    static boolean supports(String kubernetesVersion) {
        if (kubernetesVersion == null || !kubernetesVersion.matches("1\\.\\d+")) {
            return false;
        }
        int minor = Integer.parseInt(kubernetesVersion.substring(2));
        return minor >= MIN_KUBERNETES_MINOR && minor <= MAX_KUBERNETES_MINOR;
    }
}
