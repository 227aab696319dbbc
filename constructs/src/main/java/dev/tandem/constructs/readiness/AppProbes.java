package dev.tandem.constructs.readiness;

import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the app cluster's synthesized manifests say about health and disruption: read from the same
 * typed objects that are written to {@code k8s/*.yaml}, so the checks see what Kubernetes will see.
 */
final class AppProbes {
    private AppProbes() {
    }

    /** @return the app container's probes by kind ({@code startup}, {@code readiness}, {@code liveness}) */
    static Map<String, Probe> probes(K8sAppCluster cluster) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        for (Container c : containers(cluster)) {
            Optional.ofNullable(c.getStartupProbe()).ifPresent(p -> probes.put("startupProbe", p));
            Optional.ofNullable(c.getReadinessProbe()).ifPresent(p -> probes.put("readinessProbe", p));
            Optional.ofNullable(c.getLivenessProbe()).ifPresent(p -> probes.put("livenessProbe", p));
        }
        return probes;
    }

    /** @return the PodDisruptionBudget's {@code minAvailable}, empty when there is no budget */
    static Optional<Integer> pdbMinAvailable(K8sAppCluster cluster) {
        return cluster.manifests().stream().map(Manifest::object)
                .filter(PodDisruptionBudget.class::isInstance).map(PodDisruptionBudget.class::cast)
                .findFirst()
                .map(pdb -> pdb.getSpec().getMinAvailable() == null ? 0 : pdb.getSpec().getMinAvailable().getIntVal());
    }

    private static List<Container> containers(K8sAppCluster cluster) {
        return cluster.manifests().stream().map(Manifest::object)
                .filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .toList();
    }
}
