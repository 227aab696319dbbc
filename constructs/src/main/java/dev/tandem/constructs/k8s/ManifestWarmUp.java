package dev.tandem.constructs.k8s;

import dev.tandem.constructs.health.HealthContract;

/**
 * Loads and links the Kubernetes model and the YAML writer ahead of time. The first manifests a
 * JVM renders pay for loading a few thousand fabric8 and Jackson classes and building their
 * serializers (about 0.6 s here); cdktf meanwhile spends seconds loading provider bundles in Node
 * with the JVM idle. A synth main can run this on a spare thread at start and hide that cost.
 * A synth-speed helper for a synth main (Tandem's own calls it); it changes nothing a deployment synthesizes.
 */
public final class ManifestWarmUp {
    private ManifestWarmUp() {
    }

    /** Renders a sample app's manifests once and discards them. Safe to call from any thread. */
    public static void run() {
        AppSpec sample = AppSpec.builder().name("warm-up").image("registry.invalid/warm-up:1")
                .health(HealthContract.defaults())
                .ingress(IngressSpec.builder().className("warm-up").host("warm-up.invalid").build())
                .build();
        for (Manifest m : AppManifests.render(sample, true, "10.0.0.1")) {
            ManifestYaml.write(m.object());
        }
    }
}
