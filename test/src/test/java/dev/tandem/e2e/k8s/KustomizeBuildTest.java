package dev.tandem.e2e.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import dev.tandem.e2e.SynthesizedDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl kustomize} (offline: it needs no cluster) builds every synthesized {@code k8s/} folder. */
class KustomizeBuildTest {
    @TempDir
    Path tmp;

    private static String kustomize(String stack, Path k8sDir) throws IOException, InterruptedException {
        Path kubectl = RequiredTool.find("kubectl", "apt-get install -y kubernetes-client (Debian)");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", k8sDir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        assertThat(p.exitValue()).as(stack + ": kubectl kustomize said\n" + output).isZero();
        assertThat(output).contains("kind: Namespace", "kind: Deployment", "kind: Service", "kind: PodDisruptionBudget");
        return output;
    }

    @Test
    void kubectlKustomizeBuildsEachSynthesizedK8sFolder() throws IOException, InterruptedException {
        SynthesizedK8s synth = SynthesizedK8s.into(tmp.resolve("cdktf.out"));
        for (String stack : synth.clusters().keySet()) {
            String output = kustomize(stack, synth.k8sDir(stack));
            assertThat(output.contains("kind: HorizontalPodAutoscaler")).isEqualTo(stack.equals("full"));
            assertThat(output.contains("kind: Ingress")).as("the Ingress is an opt-in").isEqualTo(stack.equals("full"));
        }
    }

    @Test
    void kubectlKustomizeBuildsTheReferenceDeploymentsFolders() throws IOException, InterruptedException {
        for (String stack : java.util.List.of("primary", "secondary")) {
            kustomize(stack, SynthesizedDeployment.outdir().resolve("stacks/" + stack + "/k8s"));
        }
    }
}
