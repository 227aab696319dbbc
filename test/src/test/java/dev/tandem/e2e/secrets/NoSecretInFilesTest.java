package dev.tandem.e2e.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.constructs.access.DataWiring;
import dev.tandem.e2e.PodEnvironment;
import dev.tandem.e2e.SynthesizedDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets (access keys, kubeconfigs, private keys) live only in Terraform state and sensitive outputs,
 * and in the Kubernetes Secret the operator creates from them: never in a file the synth writes
 * ({@code cdktf.out/}) or the repository keeps ({@code snapshots/}).
 */
class NoSecretInFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path snapshots() {
        return Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize().resolve("snapshots");
    }

    @Test
    void neitherTheSynthesizedTreeNorTheSnapshotsHoldASecret() throws Exception {
        assertThat(SecretScan.findings(SynthesizedDeployment.outdir())).isEmpty();
        assertThat(SecretScan.findings(snapshots())).isEmpty();
    }

    @Test
    void everyOutputCarryingASecretIsSensitiveAndNoProviderHoldsCredentials() throws Exception {
        List<String> secretOutputs = new ArrayList<>();
        for (String stack : List.of("primary", "secondary")) {
            JsonNode synth = JSON.readTree(SynthesizedDeployment.outdir().resolve("stacks/" + stack + "/cdk.tf.json").toFile());
            synth.path("output").fields().forEachRemaining(o -> {
                String value = o.getValue().path("value").asText();
                if (value.endsWith(".secret}") || value.endsWith(".kubeconfig}")) {
                    secretOutputs.add(stack + "/" + o.getKey());
                    assertThat(o.getValue().path("sensitive").asBoolean()).as(stack + " output " + o.getKey()).isTrue();
                }
            });
            synth.path("provider").path("aws").forEach(p -> assertThat(p.has("access_key") || p.has("secret_key"))
                    .as(stack + " AWS provider " + p).isFalse());
        }
        assertThat(secretOutputs).contains("primary/app_data_key_a_secret", "secondary/app_data_key_a_secret");
    }

    @Test
    void thePodsReadTheirCredentialsFromTheSecretNeverFromALiteral() {
        for (String stack : List.of("primary", "secondary")) {
            PodEnvironment env = PodEnvironment.of(SynthesizedDeployment.outdir(), stack);

            assertThat(env.secretRefs()).as(stack).containsOnlyKeys(DataWiring.CREDENTIAL_VARIABLES)
                    .containsValue("tandem-aws/AWS_SECRET_ACCESS_KEY");
            assertThat(env.values()).as(stack).doesNotContainKeys(DataWiring.CREDENTIAL_VARIABLES.toArray(String[]::new));
        }
    }

    @Test
    void theScanFindsAKeyOrAPrivateKeyWrittenByMistake(@TempDir Path tree) throws Exception {
        Files.createDirectories(tree.resolve("stacks/primary/k8s"));
        // AWS's documentation example key, not a real one.
        Files.writeString(tree.resolve("stacks/primary/k8s/secret.yaml"), """
                stringData:
                  AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
                  AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                """, StandardCharsets.UTF_8);
        Files.writeString(tree.resolve("stacks/primary/tls.pem"),
                "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZbDYkQ\n…\n", StandardCharsets.UTF_8);
        // a variable's validation naming the armour is no key
        Files.writeString(tree.resolve("stacks/primary/variables.json"),
                "{\"error_message\": \"must be PEM text with a -----BEGIN PRIVATE KEY----- line\"}", StandardCharsets.UTF_8);
        Files.writeString(tree.resolve("stacks/primary/cdk.tf.json"),
                "{\"provider\":{\"aws\":[{\"secret_key\":\"${var.aws_secret}\"}]}}", StandardCharsets.UTF_8);

        assertThat(SecretScan.findings(tree)).containsExactlyInAnyOrder(
                "stacks/primary/k8s/secret.yaml: AWS access key id",
                "stacks/primary/k8s/secret.yaml: AWS secret given as a literal",
                "stacks/primary/tls.pem: PEM private key");
    }
}
