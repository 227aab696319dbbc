package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.readiness.AcceptedRisk;
import dev.tandem.constructs.readiness.Rule;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.readiness.DrTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiException;

class MainTest {
    /** A warning other than the reference's local state holding secrets (rule state-secrets). */
    private static final Pattern OTHER_WARNING =
            Pattern.compile("\\| WARN \\| (?!state-secrets \\|)");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static DeploymentSpec withSecondaryAwsRegion(String awsRegion) {
        DeploymentSpec ref = ReferenceDeployment.spec();
        return ref.toBuilder().regions(List.of(ref.primary(),
                ref.regions().get(1).toBuilder().awsRegion(awsRegion).build())).build();
    }

    @Test
    void theReferenceDeploymentSynthesizesBothRegionStacks() {
        Path out = ReferenceOutput.outdir();

        assertThat(out.resolve("stacks/primary/cdk.tf.json")).exists();
        assertThat(out.resolve("stacks/secondary/cdk.tf.json")).exists();
        assertThat(out.resolve("manifest.json")).content().contains("\"primary\"", "\"secondary\"");
    }

    @Test
    void anInvalidDeploymentFailsWithoutTouchingThePreviousOutput() throws Exception {
        Path out = ReferenceOutput.copyTo(tmp.resolve("cdktf.out"));
        String before = Files.readString(out.resolve("stacks/primary/cdk.tf.json"));

        // the replica would land in the table's own region
        assertThatThrownBy(() -> Main.synthesize(withSecondaryAwsRegion("eu-west-3"), out))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DeploymentSpec: regions[1].awsRegion = eu-west-3 — is also the AWS region of "
                        + "regions[0], the tables' home");
        assertThat(Files.readString(out.resolve("stacks/primary/cdk.tf.json"))).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("cdktf.out");
        }
    }

    @Test
    void theReferenceDeploymentIsDrReadyAndWritesItsReport() throws Exception {
        Path out = ReferenceOutput.outdir();

        assertThat(Files.readString(out.resolve("dr-report.md")))
                .contains("| RTO (worst case) | 79 s | 120 s | yes |")
                .contains("| ACCEPTED | single-zone | secondary/app |", "| ACCEPTED | single-zone | secondary/haproxy |",
                        "| ACCEPTED | symmetry-nodes | secondary/app |")
                .contains("| WARN | state-secrets | primary | backend | local file terraform.primary.tfstate")
                .doesNotContain("| FAIL |")
                .as("the local state's warnings are the only ones").doesNotContainPattern(OTHER_WARNING);
        assertThat(out.resolve("dr-report.json")).exists();
    }

    @Test
    void aDeploymentThatMissesItsObjectivesStopsTheSynthListingEveryProblem() throws Exception {
        Path out = ReferenceOutput.copyTo(tmp.resolve("cdktf.out"));
        String before = Files.readString(out.resolve("dr-report.md"));
        DeploymentSpec tooAmbitious = ReferenceDeployment.spec()
                .toBuilder().drTargets(DrTargets.builder().rto(Duration.ofSeconds(45)).rpo(Duration.ZERO).build()).build();

        assertThatThrownBy(() -> Main.synthesize(tooAmbitious, out))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("2 problems:")
                .hasMessageContaining("edge/failover: rto = 79 s")
                .hasMessageContaining("primary/tables/tandem-sessions: rpo = ")
                .hasMessageContaining("multi-Region strong consistency");
        assertThat(Files.readString(out.resolve("dr-report.md"))).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("cdktf.out");
        }
    }

    @Test
    void aSharedS3BackendReachesEveryStackAndTheEdgeReadsTheRegionsFromIt() throws Exception {
        Path out = tmp.resolve("cdktf.out");
        Main.synthesize(ReferenceDeployment.spec().toBuilder().backend(StateBackend.awsS3().bucket("acme-tandem-state")
                .region("eu-west-3").lockTable("tandem-locks").build()).build(), out);

        for (String stack : java.util.List.of("primary", "secondary", "edge")) {
            JsonNode s3 = JSON.readTree(out.resolve("stacks/" + stack + "/cdk.tf.json").toFile())
                    .path("terraform").path("backend").path("s3");
            assertThat(s3.path("key").asText()).as(stack).isEqualTo("tandem/" + stack + ".tfstate");
            assertThat(s3.path("dynamodb_table").asText()).as(stack).isEqualTo("tandem-locks");
        }
        JsonNode primaryState = JSON.readTree(out.resolve("stacks/edge/cdk.tf.json").toFile())
                .path("data").path("terraform_remote_state").path("cross-stack-reference-input-primary");
        assertThat(primaryState.path("backend").asText()).isEqualTo("s3");
        assertThat(primaryState.path("config").path("key").asText()).isEqualTo("tandem/primary.tfstate");
        assertThat(primaryState.path("config").path("bucket").asText()).isEqualTo("acme-tandem-state");
    }

    @Test
    void aDeploymentThatOptsOutOfTheReadinessPassSaysSoInItsReport() throws Exception {
        Path out = tmp.resolve("cdktf.out");
        Main.synthesize(ReferenceDeployment.spec().toBuilder().skipDrReadiness("a throwaway preview environment")
                .build(), out);

        assertThat(Files.readString(out.resolve("dr-report.md")))
                .contains("**Skipped.**", "Reason given: a throwaway preview environment");
        assertThat(JSON.readTree(out.resolve("dr-report.json").toFile()).path("skipped").asBoolean()).isTrue();
    }

    @Test
    void theReadinessPassSeesConstructsAddedAfterTheDeploymentAndRisksNamedByObject() throws Exception {
        Path out = tmp.resolve("cdktf.out");
        // A routable operator network, so no accepted risk is needed for it either.
        DeploymentSpec noRisks = ReferenceDeployment.spec().toBuilder().operatorCidr("93.184.216.34/32")
                .acceptedRisks(List.of()).build();
        Main.synthesize(noRisks, out);
        assertThat(Files.readString(out.resolve("dr-report.md"))).contains("| WARN | single-zone | secondary/haproxy |");

        TandemApp.synthesize(out, app -> {
            DeploymentStacks stacks = DeploymentStacks.build(app, noRisks);
            RegionStack frankfurt = stacks.region("secondary").orElseThrow();
            stacks.drReadiness()
                    .accept(AcceptedRisk.of(Rule.SINGLE_ZONE, frankfurt.haproxy(), "one-zone standby"))
                    .accept(AcceptedRisk.of(Rule.SINGLE_ZONE, frankfurt.app(), "one-zone standby"))
                    .accept(AcceptedRisk.of(Rule.SYMMETRY_NODES, frankfurt.app(), "fixed replicas"));
            return stacks;
        });
        assertThat(Files.readString(out.resolve("dr-report.md")))
                .contains("| ACCEPTED | single-zone | secondary/haproxy |")
                .doesNotContainPattern(OTHER_WARNING);
    }

    @Test
    void anErrorRaisedInsideJsiiIsShortenedToItsMessage() {
        App app = Testing.app();
        new TerraformStack(app, "twice");
        JsiiException e = catchThrowableOfType(() -> new TerraformStack(app, "twice"), JsiiException.class);

        assertThat(e.getMessage()).contains("\n    at ");
        assertThat(SynthErrors.describe(e)).contains("There is already a Construct with name 'twice'")
                .doesNotContain("\n");
        assertThat(SynthErrors.describe(new IllegalStateException("plain"))).isEqualTo("plain");
    }
}
