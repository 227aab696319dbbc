package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.e2e.delivery.TierChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HAProxy tier's deliveries with the real Terraform, offline: they validate as synthesized (SSH
 * connection, file and remote-exec provisioners, triggers), and after a change of the tier's configuration
 * Terraform's plan replaces the deliveries, each once, and nothing else.
 */
class DeliveryTerraformTest {
    private static OfflineTerraform terraform;

    @BeforeAll
    static void findTerraform() {
        terraform = OfflineTerraform.require("Terraform checks");
    }

    private static Path stackFile(Path outdir) {
        return outdir.resolve("stacks/primary/cdk.tf.json");
    }

    private OfflineTerraform.Result ok(Path dir, Path cli, String... args) throws Exception {
        OfflineTerraform.Result r = terraform.run(dir, cli, args);
        assertThat(r.exitCode()).as("terraform %s:%n%s", String.join(" ", args), r.output()).isZero();
        return r;
    }

    @Test
    void thePrimaryStacksDeliveriesValidate() throws Exception {
        Path dir = SynthesizedDeployment.scratch("tf-deliveries");
        assertThat(DeliveryOnlyCopy.write(stackFile(SynthesizedDeployment.outdir()), dir, true)).isEqualTo(2);
        Path cli = terraform.writeCliConfig(dir);

        ok(dir, cli, "init", "-input=false", "-no-color");
        assertThat(ok(dir, cli, "validate", "-no-color").output()).contains("The configuration is valid");
    }

    @Test
    void aConfigChangeMakesTerraformReplaceEachDeliveryAndNothingElse() throws Exception {
        Path dir = SynthesizedDeployment.scratch("tf-config-change");
        DeliveryOnlyCopy.write(stackFile(SynthesizedDeployment.outdir()), dir, false);
        Path cli = terraform.writeCliConfig(dir);
        ok(dir, cli, "init", "-input=false", "-no-color");
        ok(dir, cli, "apply", "-auto-approve", "-input=false", "-no-color");

        Path changed = SynthesizedDeployment.variant("config-change", TierChanges.configOnly());
        DeliveryOnlyCopy.write(stackFile(changed), dir, false);
        ok(dir, cli, "plan", "-input=false", "-no-color", "-out=tfplan");
        JsonNode plan = new ObjectMapper().readTree(ok(dir, cli, "show", "-json", "tfplan").output());

        List<String> planned = new ArrayList<>();
        plan.path("resource_changes").forEach(c -> planned.add(c.path("address").asText() + " "
                + c.path("change").path("actions")));
        assertThat(planned).as("the plan after a config change").hasSize(2)
                .allMatch(p -> p.startsWith("terraform_data.haproxy_delivery-") && p.endsWith("[\"delete\",\"create\"]"));
        assertThat(Files.readString(changed.resolve("stacks/primary/haproxy/haproxy.cfg"))).contains("timeout server 90s");
    }
}
