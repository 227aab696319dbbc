package dev.tandem.e2e.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference with the Route 53 edge ({@code ./synth --edge route53}) against {@code snapshots/route53/}. */
class Route53VariantSnapshotTest {
    private final GoldenFiles golden = GoldenFiles.fromEnvironment().under("route53");

    private static Path out() {
        return SynthesizedDeployment.variant("route53", ReferenceDeployment.route53Spec());
    }

    @Test
    void everyStackFileTheManifestAndTheDrReportMatchTheirGoldenFiles() {
        golden.verifyDeployment(out());
    }

    @Test
    void theVariantHasNoCloudflareAndNoOriginPullsStack() throws Exception {
        Path out = out();
        assertThat(out.resolve("stacks/origin-pulls")).doesNotExist();
        for (String stack : new String[] {"primary", "secondary", "edge"}) {
            assertThat(Files.readString(out.resolve("stacks/" + stack + "/cdk.tf.json")))
                    .doesNotContain("\"cloudflare\"").doesNotContain("cloudflare_");
        }
    }

    @Test
    void theDrReportNamesTheDnsLayersInItsRto() throws Exception {
        String report = Files.readString(out().resolve("dr-report.md"));
        assertThat(report).contains("Route 53 failover records app.example.com").contains("| route53 |")
                .contains("| dns |").contains("dns-ttl").contains("dns-failover-records").contains("dns-secondary-health");
    }
}
