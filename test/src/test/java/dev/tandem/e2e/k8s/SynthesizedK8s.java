package dev.tandem.e2e.k8s;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.k8s.Autoscaling;
import dev.tandem.constructs.k8s.IngressSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.nio.file.Path;
import java.util.Map;
import software.constructs.Construct;

/**
 * Synthesizes two region stacks with a K8sAppCluster each through {@link TandemApp}, as a deployment
 * does: {@code full} (three zones, autoscaling, Ingress with host, class and TLS) and {@code minimal}
 * (one zone, defaults).
 *
 * @param outdir   the synthesized {@code cdktf.out}
 * @param clusters the clusters by stack name
 */
record SynthesizedK8s(Path outdir, Map<String, K8sAppCluster> clusters) {

    static SynthesizedK8s into(Path outdir) {
        return new SynthesizedK8s(outdir, TandemApp.synthesize(outdir, app -> Map.of(
                "full", K8sFixtures.cluster(stack(app, "full")).app(K8sFixtures.app()
                        .autoscaling(Autoscaling.builder().minReplicas(3).maxReplicas(12).build())
                        .ingress(IngressSpec.builder().host("orders.example.com").className("traefik")
                                .tlsSecretName("orders-tls").build())
                        .build()).build(),
                "minimal", K8sFixtures.oneZoneCluster(stack(app, "minimal")).build())));
    }

    private static TerraformStack stack(Construct app, String name) {
        TerraformStack stack = new TerraformStack(app, name);
        OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
        return stack;
    }

    /** @return the {@code k8s/} folder of {@code stack} */
    Path k8sDir(String stack) {
        return outdir.resolve("stacks").resolve(stack).resolve("k8s");
    }
}
