package dev.tandem.e2e.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tandem.e2e.SynthesizedDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instances' {@code user_data} as Terraform renders it: the reference deployment's own expression, with its
 * {@code tls_private_key} references standing for a key of known text (no tls provider binary here), evaluated
 * by the real {@code terraform console} with no network. The result is cloud-config whose {@code ssh_keys} hold
 * the keys exactly, and whose other files (the apply script with its {@code ${…}}) are the shipped text.
 */
class HostKeyUserDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEM = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE<&>\"'\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    private static final String PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIStandIn tandem\n";

    @TempDir
    Path tmp;

    @Test
    void terraformRendersCloudConfigHoldingTheInstancesHostKeyExactly() throws Exception {
        for (String tool : List.of("terraform", "unshare")) {
            if (!onPath(tool)) {
                if (System.getenv("CI") != null) {
                    fail(tool + " is not on PATH; CI must run this test");
                }
                Assumptions.abort(tool + " is not on PATH");
            }
        }
        JsonNode stack = JSON.readTree(SynthesizedDeployment.outdir().resolve("stacks/primary/cdk.tf.json").toFile());
        JsonNode instance = stack.path("resource").path("ovh_cloud_instance").elements().next();
        String expression = instance.path("user_data").asText();
        assertThat(expression).startsWith("${base64encode(").endsWith(")}");
        String inner = expression.substring(2, expression.length() - 1)
                .replaceAll("tls_private_key\\.[A-Za-z0-9_-]+\\.private_key_openssh", "local.tandem_test_pem")
                .replaceAll("tls_private_key\\.[A-Za-z0-9_-]+\\.public_key_openssh", "local.tandem_test_pub");
        Map<String, Object> locals = JSON.convertValue(stack.path("locals"), Map.class);
        locals.put("tandem_test_pem", PEM);
        locals.put("tandem_test_pub", PUB);
        JSON.writeValue(tmp.resolve("main.tf.json").toFile(), Map.of("locals", locals));

        Process console = new ProcessBuilder("unshare", "-n", "terraform", "console").directory(tmp.toFile())
                .redirectErrorStream(true).start();
        console.getOutputStream().write(("jsonencode(base64decode(" + inner + "))\n").getBytes(StandardCharsets.UTF_8));
        console.getOutputStream().close();
        String output = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String answer = output.lines().filter(l -> l.startsWith("\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no answer from terraform console:\n" + output));
        String cloudConfig = JSON.readValue(JSON.readValue(answer, String.class), String.class);

        assertThat(cloudConfig).startsWith("#cloud-config\n");
        JsonNode parsed = new ObjectMapper(new YAMLFactory()).readTree(cloudConfig);
        assertThat(parsed.path("ssh_keys").path("ed25519_private").asText()).isEqualTo(PEM);
        assertThat(parsed.path("ssh_keys").path("ed25519_public").asText()).isEqualTo(PUB.strip());
        assertThat(parsed.path("ssh_deletekeys").asBoolean()).isTrue();
        assertThat(parsed.path("ssh_genkeytypes")).isEmpty();
        JsonNode apply = null;
        for (JsonNode file : parsed.path("write_files")) {
            if (file.path("path").asText().equals("/usr/local/sbin/tandem-haproxy-apply")) {
                apply = file;
            }
        }
        assertThat(apply).isNotNull();
        assertThat(apply.path("content").asText()).as("the shipped script, ${…} and all")
                .isEqualTo(Files.readString(Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath()
                        .normalize().resolve("constructs/src/main/resources/dev/tandem/constructs/haproxy/"
                                + "tandem-haproxy-apply")));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
