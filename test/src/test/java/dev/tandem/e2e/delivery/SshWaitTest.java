package dev.tandem.e2e.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A delivery fails fast, with the reason, when the instance's port 22 does not answer: the reference deployment's
 * own {@code local-exec} step, run on loopback as Terraform runs it ({@code /bin/sh -c}, its environment), against
 * a closed port (the security group dropping a workstation outside the operator network) and a stand-in that
 * answers with an SSH banner.
 */
class SshWaitTest {
    private static JsonNode probe() throws IOException {
        JsonNode deliveries = new ObjectMapper().readTree(Files.readString(SynthesizedDeployment.outdir()
                .resolve("stacks/primary/cdk.tf.json"))).path("resource").path("terraform_data");
        for (JsonNode delivery : (Iterable<JsonNode>) deliveries::elements) {
            JsonNode first = delivery.path("provisioner").path(0).path("local-exec");
            if (!first.isMissingNode()) {
                return first;
            }
        }
        throw new AssertionError("no delivery starts with a local-exec step");
    }

    private static Process run(JsonNode probe, int port, int waitSeconds) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(java.nio.file.Path.of("/usr/bin/ssh-keyscan"))
                || System.getenv("CI") != null, "ssh-keyscan (OpenSSH client) is not installed");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", probe.path("command").asText()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        probe.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("TANDEM_SSH_HOST", "127.0.0.1");
        env.put("TANDEM_SSH_PORT", String.valueOf(port));
        env.put("TANDEM_SSH_WAIT", String.valueOf(waitSeconds));
        return pb.start();
    }

    @Test
    @Timeout(60)
    void anUnansweredPort22FailsWithinItsBoundNamingTheOperatorNetwork() throws Exception {
        JsonNode probe = probe();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(probe.path("environment").path("TANDEM_SSH_WAIT").asInt()).as("the bound a delivery waits, s")
                .isLessThanOrEqualTo(300);

        long start = System.nanoTime();
        Process p = run(probe, closed, 3);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertThat(p.exitValue()).as("%s", output).isEqualTo(1);
        assertThat(output).contains("did not answer SSH", "operator network "
                + probe.path("environment").path("TANDEM_OPERATOR_CIDR").asText(), "operatorCidr");
        System.out.printf("SSH wait on a silent port: failed after %d s (bound 3 s here, %s s in the deployment)%n",
                seconds, probe.path("environment").path("TANDEM_SSH_WAIT").asText());
    }

    @Test
    @Timeout(60)
    void anSshBannerEndsTheWaitAtOnce() throws Exception {
        JsonNode probe = probe();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread banner = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket c = server.accept(); OutputStream out = c.getOutputStream()) {
                        out.write("SSH-2.0-TandemStandIn\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        c.getInputStream().read();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            banner.setDaemon(true);
            banner.start();

            Process p = run(probe, server.getLocalPort(), 30);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as("%s", output).isZero();
        }
    }
}
