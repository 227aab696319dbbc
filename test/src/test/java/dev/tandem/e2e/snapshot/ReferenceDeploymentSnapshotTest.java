package dev.tandem.e2e.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.e2e.SynthesizedDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The whole reference deployment, as the README's synth writes it, against {@code snapshots/}. */
class ReferenceDeploymentSnapshotTest {
    private final GoldenFiles golden = GoldenFiles.fromEnvironment();

    @Test
    void everySynthesizedStackFileMatchesItsGoldenFile() {
        Path out = SynthesizedDeployment.outdir();
        golden.verify(out, "stacks", Normalizer.forSynthDir(Path.of("")));
    }

    @Test
    void theManifestMatchesItsGoldenFile() {
        Path out = SynthesizedDeployment.outdir();
        golden.verify(out, "manifest.json", Normalizer.forSynthDir(Path.of("")));
    }

    @Test
    void theDrReportMatchesItsGoldenFiles() {
        Path out = SynthesizedDeployment.outdir();
        // A pull request that slows failover or changes a verdict shows here as a diff.
        golden.verify(out, "dr-report.md", Normalizer.forSynthDir(Path.of("")));
        golden.verify(out, "dr-report.json", Normalizer.forSynthDir(Path.of("")));
    }

    @Test
    void noMachineSpecificPathIsLeftAfterNormalization() throws Exception {
        Path out = SynthesizedDeployment.outdir();
        String primary = Normalizer.forSynthDir(Path.of(""))
                .apply(Files.readString(out.resolve("stacks/primary/cdk.tf.json")));
        assertThat(primary).contains(Normalizer.SYNTH_DIR + "/terraform.primary.tfstate")
                .doesNotContain(Path.of("").toAbsolutePath().toString() + "/");
    }
}
