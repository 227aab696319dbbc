package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The IAM policy evaluator of the policy test: {@code @cloud-copilot/iam-simulate} (npm, see
 * {@code src/iam-simulate/README.md}) run by {@code node evaluate.cjs} from the folder test/pom.xml
 * installs it into. Skips where it is not installed (a workstation that built without tests), fails in CI.
 */
final class IamSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECONDS = 120;

    private final Path installation;

    private IamSimulator(Path installation) {
        this.installation = installation;
    }

    /** An action and the ARN patterns of the resource types it accepts (none: it only takes {@code *}). */
    record Action(String name, List<ResourceType> resources) {
    }

    /** A resource type, e.g. {@code index}, and its ARN pattern with {@code ${Region}}-style variables. */
    record ResourceType(String type, String arnPattern) {
    }

    /** One request to evaluate, and what the evaluator answered. */
    record Request(String action, String resource, String account) {
    }

    /** @return the evaluator; skips the calling test where it is missing, fails it in CI */
    static IamSimulator require() {
        Path dir = Path.of(System.getProperty("tandem.iamSimulate", "target/iam-simulate"));
        boolean installed = Files.isRegularFile(dir.resolve("node_modules/@cloud-copilot/iam-simulate/package.json"));
        String ci = System.getenv("CI");
        if (!installed && ci != null && !ci.isBlank() && !ci.equals("false")) {
            fail("CI must run the policy evaluation, but iam-simulate is not installed in " + dir
                    + " (test/pom.xml installs it)");
        }
        Assumptions.assumeTrue(installed, "policy evaluation skipped: iam-simulate is not installed; run the tests "
                + "through Maven");
        return new IamSimulator(dir);
    }

    /** @return every action of {@code service}, with the resource types it accepts */
    List<Action> catalog(String service) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("mode", "catalog").put("service", service);
        List<Action> out = new ArrayList<>();
        for (JsonNode a : run(request)) {
            List<ResourceType> types = new ArrayList<>();
            a.path("resources").forEach(r -> types.add(new ResourceType(r.path("type").asText(), r.path("arn").asText())));
            out.add(new Action(a.path("action").asText(), types));
        }
        return out;
    }

    /**
     * @param principal the identity's ARN
     * @param policy    its identity policy, as IAM receives it
     * @param requests  what to evaluate
     * @return each request's result, in order: {@code Allowed}, {@code ImplicitlyDenied}, {@code ExplicitlyDenied},
     *         or {@code error: …} when the evaluator refuses the request
     */
    List<String> simulate(String principal, JsonNode policy, List<Request> requests)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("mode", "simulate").put("principal", principal);
        request.set("policy", policy);
        ArrayNode list = request.putArray("requests");
        requests.forEach(r -> list.addObject().put("action", r.action()).put("resource", r.resource())
                .put("account", r.account()));
        List<String> results = new ArrayList<>();
        run(request).forEach(r -> results.add(r.path("result").asText()));
        return results;
    }

    private JsonNode run(JsonNode request) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "evaluate.cjs").directory(installation.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            JSON.writeValue(in, request);
        }
        if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("iam-simulate did not answer within " + SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("iam-simulate failed with exit status " + p.exitValue());
        }
        return JSON.readTree(Optional.ofNullable(out.join()).orElse(new byte[0]));
    }
}
