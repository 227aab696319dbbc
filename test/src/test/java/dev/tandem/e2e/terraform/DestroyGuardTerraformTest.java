package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.e2e.SideBySide;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A destroy of a region stack, by the real {@code terraform} and hashicorp/aws offline ({@code unshare -n}), on
 * a state seeded as if the stack had been applied ({@link SeededState}; {@code -refresh=false}, since nothing
 * here can read AWS): the reference's guards make the plan fail before anything is destroyed, the teardown
 * switch lets it through, and even then the home table refuses to go while its state records a replica
 * another stack owns. Measured on the way (Terraform 1.11.4): a destroy plan of an empty state plans nothing
 * ("No changes. No objects need to be destroyed."), and one that refreshes fails within about 20 s reading the
 * IAM user from AWS (network unreachable) and the origin-pulls stack's remote state, hence the seeded state
 * and {@code -refresh=false}; Terraform writes the {@code dependencies} of each instance into state and orders
 * a destroy by them, so a seeded state without them destroyed the identity beside the table.
 */
class DestroyGuardTerraformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSED = "Instance cannot be destroyed";
    private static final Pattern PREVENTED = Pattern.compile("Resource\\s+(\\S+)\\s+has\\s+lifecycle\\.prevent_destroy set");
    private static OfflineTerraform terraform;

    @BeforeAll
    static void findTerraform() {
        terraform = OfflineTerraform.require("destroy-plan checks");
    }

    @Test
    void aDestroyOfEitherRegionStackFailsOnTheGuardsAndDestroysNothing() throws Exception {
        Path out = SynthesizedDeployment.outdir();
        SideBySide.forEach(List.of("primary", "secondary"), stack -> {
            Path dir = seeded("guarded-" + stack, out, stack, List.of(), type -> true);
            List<String> before = stateList(dir);

            // What cdktf destroy runs (terraform destroy, an alias of apply -destroy), whose own plan step is where the guards refuse (a separate
            // plan -destroy walks the same plan, at another 8 s of provider start and schema load).
            OfflineTerraform.Result destroy = run(dir, "apply", "-destroy", "-refresh=false", "-auto-approve",
                    "-input=false", "-no-color");
            assertThat(destroy.exitCode()).as(destroy.output()).isNotZero();
            // The table or replica is destroyed first (the identity outlives it), so its guard is the one hit.
            String copy = stack.equals("primary") ? "aws_dynamodb_table." : "aws_dynamodb_table_replica.";
            assertThat(guarded(destroy.output())).as(destroy.output()).anyMatch(a -> a.startsWith(copy));
            assertThat(destroy.output()).contains(REFUSED).doesNotContain("Destroying...");
            assertThat(stateList(dir)).as("nothing left the state").isEqualTo(before);
            System.out.printf("[destroy-guard] %s: %d resources in state; apply -destroy refused in its plan on %s, "
                    + "state unchanged%n", stack, before.size(), guarded(destroy.output()));
            return null;
        });
    }

    @Test
    void theAppIdentityIsGuardedOnItsOwnWhileItsDataIsGuarded() throws Exception {
        Path dir = seeded("guarded-identity", SynthesizedDeployment.outdir(), "secondary", List.of(),
                type -> type.startsWith("aws_iam_"));

        OfflineTerraform.Result plan = run(dir, "plan", "-destroy", "-refresh=false", "-input=false", "-no-color");

        assertThat(plan.exitCode()).as(plan.output()).isNotZero();
        // The policy and the keys go before the user; the policy's guard stops the plan there. Keys are not guarded
        // (removing one is the last step of a rotation).
        assertThat(guarded(plan.output())).as(plan.output())
                .anyMatch(a -> a.startsWith("aws_iam_user_policy."))
                .noneMatch(a -> a.startsWith("aws_iam_access_key."));
        System.out.printf("[destroy-guard] secondary's identity alone in state: plan -destroy refused on %s%n",
                guarded(plan.output()));
    }

    @Test
    void withTheTeardownSwitchTheDestroyPlanProceeds() throws Exception {
        Path out = SynthesizedDeployment.variant("teardown",
                ReferenceDeployment.spec().toBuilder().teardown(true).build());
        SideBySide.forEach(List.of("primary", "secondary"), stack -> {
            Path dir = seeded("teardown-" + stack, out, stack, List.of(), type -> true);
            int seeded = stateList(dir).size();

            OfflineTerraform.Result plan = run(dir, "plan", "-destroy", "-refresh=false", "-input=false", "-no-color");
            assertThat(plan.exitCode()).as(plan.output()).isZero();
            assertThat(plan.output()).doesNotContain(REFUSED)
                    .contains("Plan: 0 to add, 0 to change, " + seeded + " to destroy.");
            System.out.printf("[destroy-guard] %s with teardown(true): plan -destroy proceeds, %d to destroy%n",
                    stack, seeded);
            return null;
        });
    }

    @Test
    void withTeardownTheHomeTableStillRefusesWhileItsStateRecordsAnotherStacksReplica() throws Exception {
        Path out = SynthesizedDeployment.variant("teardown",
                ReferenceDeployment.spec().toBuilder().teardown(true).build());
        Path dir = seeded("teardown-primary-with-replica", out, "primary", List.of("eu-central-1"), type -> true);
        List<String> before = stateList(dir);

        OfflineTerraform.Result destroy = run(dir, "apply", "-destroy", "-refresh=false", "-auto-approve",
                "-input=false", "-no-color");

        assertThat(destroy.exitCode()).as(destroy.output()).isNotZero();
        assertThat(destroy.output()).as(destroy.output())
                .contains("still has replicas in eu-central-1")
                .contains("Destroy those stacks first")
                .doesNotContain("Destruction complete");
        assertThat(stateList(dir)).as("the table and the app's identity are still in the state").isEqualTo(before);
        System.out.printf("[destroy-guard] primary with teardown(true) and a recorded replica: apply -destroy "
                + "refused by the table's destroy-time check, %d resources still in state%n", before.size());
    }

    private static Path seeded(String name, Path out, String stack, List<String> replicas, Predicate<String> types)
            throws Exception {
        Path dir = SynthesizedDeployment.scratch("tf-destroy-" + name);
        AwsOnlyCopy.write(out.resolve("stacks/" + stack + "/cdk.tf.json"), dir);
        // Should anything reach for AWS after all, fail at once rather than retry for minutes.
        ObjectNode copy = (ObjectNode) JSON.readTree(dir.resolve("cdk.tf.json").toFile());
        copy.path("provider").path("aws").forEach(p -> ((ObjectNode) p).put("max_retries", 1));
        JSON.writeValue(dir.resolve("cdk.tf.json").toFile(), copy);
        OfflineTerraform.Result init = run(dir, "init", "-input=false", "-no-color");
        assertThat(init.exitCode()).as(init.output()).isZero();
        // After init: init takes a terraform.tfstate it finds for a legacy local state to migrate, and the
        // copy's local backend names that same file, so a state written before is left empty.
        SeededState.write(dir, replicas, types);
        return dir;
    }

    private static OfflineTerraform.Result run(Path dir, String... args) throws Exception {
        Path config = dir.resolve("terraform.rc");
        return terraform.run(dir, Files.exists(config) ? config : terraform.writeCliConfig(dir), args);
    }

    /** The addresses a plan refused to destroy, from its "Resource X has lifecycle.prevent_destroy set" errors. */
    private static Set<String> guarded(String output) {
        Set<String> addresses = new TreeSet<>();
        Matcher m = PREVENTED.matcher(output);
        while (m.find()) {
            addresses.add(m.group(1));
        }
        return addresses;
    }

    private static List<String> stateList(Path dir) throws Exception {
        OfflineTerraform.Result list = run(dir, "state", "list");
        assertThat(list.exitCode()).as(list.output()).isZero();
        return new ArrayList<>(List.of(list.output().strip().split("\n")));
    }
}
