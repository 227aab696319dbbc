package dev.tandem.e2e.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The rehearsal catches real mistakes: each test copies the synthesized reference, breaks one layer in the copy's
 * Terraform JSON (what a wrong construct or a hand edit would synthesize), runs the rehearsal's steady state on it
 * and expects a failed scenario naming that layer. The reference itself passes every scenario in .ci/run. The four
 * rehearsals run side by side, each in its own network namespace and work folder: most of a rehearsal is waiting
 * out its scenario's window.
 */
@Execution(ExecutionMode.CONCURRENT)
class BrokenDeploymentRehearsalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(300)
    void anEdgePresentingNoClientCertificateToATierThatRequiresOneFailsAtTheOriginPulls() throws Exception {
        Path out = broken("no-origin-pulls", "origin-pulls", stack -> resources(stack,
                "cloudflare_authenticated_origin_pulls_settings").forEach(s -> ((ObjectNode) s).put("enabled", false)));

        assertBrokenAt(out, "edge-origin-pulls", "403");
    }

    @Test
    @Timeout(300)
    void aMonitorOnTheWrongPathFailsAtTheEdgeMonitor() throws Exception {
        Path out = broken("monitor-path", "edge", stack -> resources(stack, "cloudflare_load_balancer_monitor")
                .forEach(m -> ((ObjectNode) m).put("path", "/health")));

        assertBrokenAt(out, "edge-monitor", "/health");
    }

    @Test
    @Timeout(300)
    void aPoolOrderThatSendsTrafficToTheStandbyFailsAtThePoolOrder() throws Exception {
        Path out = broken("pool-order", "edge", stack -> resources(stack, "cloudflare_load_balancer").forEach(lb -> {
            ArrayNode pools = (ArrayNode) lb.path("default_pools");
            JsonNode first = pools.remove(0);
            pools.add(first);
        }));

        assertBrokenAt(out, "edge-pool-order", "tandem-secondary");
    }

    @Test
    @Timeout(300)
    void haproxyCheckingAPortTheAppDoesNotListenOnFailsAtHaproxysCheck() throws Exception {
        Path out = broken("haproxy-port", "primary", stack -> {
            ObjectNode locals = (ObjectNode) stack.path("locals");
            Iterator<String> names = locals.fieldNames();
            names.forEachRemaining(name -> {
                String value = locals.path(name).asText();
                if (value.contains("\nbackend ")) {
                    locals.put(name, value.replace(":8080 check", ":8081 check"));
                }
            });
        });

        assertBrokenAt(out, "haproxy-check", ":8081");
    }

    private static void assertBrokenAt(Path out, String layer, String cause) throws Exception {
        RehearsalRun run = RehearsalRun.of(out, "steady-state");

        JsonNode steady = run.scenario("steady-state");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(steady.path("verdict").asText()).as(run.output()).isEqualTo("fail");
        assertThat(steady.path("broken_layer").asText()).as(run.output()).isEqualTo(layer);
        assertThat(steady.path("reason").asText()).contains(cause);
        System.out.printf("Rehearsal of a broken deployment fails at %s: %s%n", layer, steady.path("reason").asText());
    }

    /** @return a copy of the synthesized reference with {@code stack}'s JSON changed by {@code change} */
    private static Path broken(String name, String stack, Consumer<JsonNode> change) throws IOException {
        Path out = SynthesizedDeployment.scratch(name).resolve("cdktf.out");
        Path source = SynthesizedDeployment.outdir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.filter(p -> !p.toString().contains(".terraform")).toList()) {
                Path to = out.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path json = out.resolve("stacks").resolve(stack).resolve("cdk.tf.json");
        JsonNode tree = JSON.readTree(json.toFile());
        change.accept(tree);
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), tree);
        return out;
    }

    private static Stream<JsonNode> resources(JsonNode stack, String type) {
        Iterator<JsonNode> it = stack.path("resource").path(type).elements();
        Stream.Builder<JsonNode> all = Stream.builder();
        it.forEachRemaining(all::add);
        return all.build();
    }
}
