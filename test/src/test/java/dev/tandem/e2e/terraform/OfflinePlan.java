package dev.tandem.e2e.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.e2e.SideBySide;
import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS part of one synthesized stack ({@link AwsOnlyCopy}) through the real {@code terraform init},
 * {@code validate} and a plan, offline. The plan runs as {@code terraform test} with {@code command = plan}
 * and {@code -verbose}, which prints the same plan JSON as {@code terraform show -json}: plain
 * {@code terraform plan} reads every data source first, and two of ours cannot be read here —
 * {@code aws_caller_identity} is an STS call, {@code terraform_remote_state} reads another stack's
 * state (a region stack reads the origin-pulls stack's; the replica no longer reads the primary's). {@code
 * override_data} gives exactly those fixed values (the account {@value #ACCOUNT}, and the other stack's outputs); every other value, the IAM policy document
 * included, is computed by Terraform and hashicorp/aws as in a real plan.
 *
 * @param dir      the working copy
 * @param kept     the resources kept, as {@code type.name}
 * @param validate what {@code terraform validate} printed (empty for a plan of a variant: see
 *                 {@link #of(OfflineTerraform, String, Path)})
 * @param plan     the planned changes, in the format of {@code terraform show -json}
 */
record OfflinePlan(Path dir, List<String> kept, String validate, JsonNode plan) {
    /** The account id the plan's {@code aws_caller_identity} reads. */
    static final String ACCOUNT = "111122223333";
    /** The hosted zone id the plan's {@code aws_route53_zone} lookup reads. */
    static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plans made in this JVM, by stack: the Terraform and policy tests share them (a plan takes half a minute). */
    private static final Map<String, OfflinePlan> MADE = new HashMap<>();
    private static final List<String> REGIONS = List.of("primary", "secondary");
    private static final Pattern REMOTE_OUTPUT =
            Pattern.compile("data\\.terraform_remote_state\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");

    /**
     * Copies {@code stack}, writes the test file, runs init, validate and the plan (once per JVM); fails
     * on any error.
     *
     * @param terraform the offline tool
     * @param stack     the stack's name, e.g. {@code secondary}
     * @return the plan
     */
    static synchronized OfflinePlan of(OfflineTerraform terraform, String stack) throws IOException, InterruptedException {
        if (!MADE.containsKey(stack)) {
            // the two regions' plans wait mostly on Terraform and the provider: make both side by side
            List<String> todo = REGIONS.contains(stack)
                    ? REGIONS.stream().filter(region -> !MADE.containsKey(region)).toList() : List.of(stack);
            MADE.putAll(makeConcurrently(terraform, todo));
        }
        return MADE.get(stack);
    }

    private static Map<String, OfflinePlan> makeConcurrently(OfflineTerraform terraform, List<String> stacks)
            throws IOException, InterruptedException {
        SynthesizedDeployment.outdir(); // the synth, on this thread
        try {
            List<OfflinePlan> plans = SideBySide.map(stacks, stack -> make(terraform, stack));
            Map<String, OfflinePlan> made = new HashMap<>();
            for (int i = 0; i < stacks.size(); i++) {
                made.put(stacks.get(i), plans.get(i));
            }
            return made;
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A reference stack's plan, made once per test run: the run's test JVMs (surefire forks) share it
     * through a folder named after the run ({@code tandem.testRun}); the first to ask makes it while
     * holding a lock on it, the others wait and read what it saved. Without a run name, once per JVM.
     */
    private static OfflinePlan make(OfflineTerraform terraform, String stack) throws IOException, InterruptedException {
        Path stackFile = SynthesizedDeployment.outdir().resolve("stacks/" + stack + "/cdk.tf.json");
        String run = System.getProperty("tandem.testRun", "");
        if (run.isEmpty()) {
            return of(terraform, stack, stackFile);
        }
        Path shared = Path.of(System.getProperty("tandem.sharedPlans", "target/offline-plans")).toAbsolutePath()
                .resolve(run);
        Path dir = shared.resolve(stack);
        Files.createDirectories(shared);
        try (FileChannel lock = FileChannel.open(shared.resolve(stack + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            Path saved = dir.resolve("offline-plan.json");
            if (Files.exists(saved)) {
                JsonNode s = JSON.readTree(saved.toFile());
                List<String> kept = new ArrayList<>();
                s.path("kept").forEach(k -> kept.add(k.asText()));
                return new OfflinePlan(dir, kept, s.path("validate").asText(), s.path("plan"));
            }
            Files.createDirectories(dir);
            OfflinePlan made = plan(terraform, stackFile, dir, true);
            ObjectNode s = JSON.createObjectNode();
            s.set("kept", JSON.valueToTree(made.kept()));
            s.put("validate", made.validate()).set("plan", made.plan());
            JSON.writeValue(saved.toFile(), s);
            return made;
        }
    }

    /**
     * Plans the AWS part of any synthesized stack file, e.g. one of a variant of the reference (not kept). No
     * separate {@code terraform validate} (its {@link #validate} is empty): the plan validates the configuration
     * first and fails on what validate would report, and a validate costs another provider start and schema load.
     *
     * @param name      names the working copy
     * @param stackFile the stack's {@code cdk.tf.json}
     */
    static OfflinePlan of(OfflineTerraform terraform, String name, Path stackFile) throws IOException, InterruptedException {
        return plan(terraform, stackFile, SynthesizedDeployment.scratch("tf-" + name), false);
    }

    private static OfflinePlan plan(OfflineTerraform terraform, Path stackFile, Path dir, boolean validate)
            throws IOException, InterruptedException {
        List<String> kept = AwsOnlyCopy.write(stackFile, dir);
        JsonNode copy = JSON.readTree(dir.resolve("cdk.tf.json").toFile());
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/offline.tftest.hcl"), testFile(copy), StandardCharsets.UTF_8);
        Path config = terraform.writeCliConfig(dir);
        ok(terraform, dir, config, "init", "-input=false", "-no-color");
        String validated = validate ? ok(terraform, dir, config, "validate", "-no-color") : "";
        String test = ok(terraform, dir, config, "test", "-json", "-verbose");
        for (String line : test.split("\n")) {
            if (line.startsWith("{") && line.contains("\"test_plan\"")) {
                return new OfflinePlan(dir, kept, validated, JSON.readTree(line).path("test_plan"));
            }
        }
        throw new AssertionError("terraform test printed no plan:\n" + test);
    }

    private static String ok(OfflineTerraform terraform, Path dir, Path config, String... args)
            throws IOException, InterruptedException {
        OfflineTerraform.Result r = terraform.run(dir, config, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " in " + dir + ":\n" + r.output());
        }
        return r.output();
    }

    /** @return the planned resource changes of {@code type} */
    List<JsonNode> changes(String type) {
        List<JsonNode> out = new ArrayList<>();
        plan.path("resource_changes").forEach(c -> {
            if (c.path("type").asText().equals(type)) {
                out.add(c);
            }
        });
        return out;
    }

    /** One plan run, with the values no offline plan can read overridden. */
    static String testFile(JsonNode copy) {
        StringBuilder hcl = new StringBuilder();
        copy.path("data").path("aws_caller_identity").fieldNames().forEachRemaining(name -> hcl.append("""
                override_data {
                  target = data.aws_caller_identity.%s
                  values = { account_id = "%s" }
                }
                """.formatted(name, ACCOUNT)));
        // The Route 53 edge's zone lookup is a Route 53 API call: a fixed zone id stands in.
        copy.path("data").path("aws_route53_zone").fieldNames().forEachRemaining(name -> hcl.append("""
                override_data {
                  target = data.aws_route53_zone.%s
                  values = { zone_id = "%s" }
                }
                """.formatted(name, ZONE_ID)));
        String text = copy.toString();
        int[] addresses = {0};
        copy.path("data").path("terraform_remote_state").fieldNames().forEachRemaining(name -> {
            Set<String> outputs = new TreeSet<>();
            Matcher m = REMOTE_OUTPUT.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    outputs.add(m.group(2));
                }
            }
            List<String> values = new ArrayList<>();
            outputs.forEach(o -> values.add("    \"" + o + "\" = \"" + (o.contains("floating_ip")
                    ? "192.0.2." + (10 + addresses[0]++) : standIn(o)) + "\""));
            hcl.append("override_data {\n  target = data.terraform_remote_state.").append(name)
                    .append("\n  values = {\n    outputs = {\n").append(String.join("\n", values))
                    .append("\n    }\n  }\n}\n");
        });
        hcl.append("run \"plan\" {\n  command = plan\n}\n");
        return hcl.toString();
    }

    /** A value of the right shape for another stack's output: the global table's ARN, or a plain string. */
    private static String standIn(String output) {
        return output.contains("aws_dynamodb_table") ? "arn:aws:dynamodb:eu-west-3:" + ACCOUNT + ":table/tandem-sessions"
                : "offline";
    }
}
