package dev.tandem.e2e.cloudformation;

import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.e2e.snapshot.GoldenFiles;
import dev.tandem.e2e.snapshot.Normalizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference table's CloudFormation template against {@code snapshots/cloudformation/…}. */
class CloudFormationSnapshotTest {
    private final GoldenFiles golden = GoldenFiles.fromEnvironment();

    @Test
    void theReferenceTablesTemplateMatchesItsGoldenFile() {
        SynthesizedTemplate.file();
        golden.verify(SynthesizedDeployment.outdir(), SynthesizedTemplate.relativePath(),
                Normalizer.forSynthDir(Path.of("")));
    }
}
