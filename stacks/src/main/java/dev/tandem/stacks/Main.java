package dev.tandem.stacks;

import dev.tandem.constructs.core.TandemApp;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The program cdktf runs ({@code cdktf.json} → {@code app}): synthesizes the reference deployment
 * into {@code cdktf.out/} (or {@code $CDKTF_OUTDIR}), all or nothing.
 */
public final class Main {
    private Main() {
    }

    /**
     * Synthesizes; on failure prints one line per problem to stderr and exits with status 1.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Path outdir = Path.of(Optional.ofNullable(System.getenv("CDKTF_OUTDIR")).orElse("cdktf.out"));
        try {
            TandemApp app = TandemApp.create(outdir);
            DeploymentStacks.build(app.app(), ReferenceDeployment.spec());
            app.synth();
        } catch (RuntimeException e) {
            System.err.println("tandem synth failed: " + SynthErrors.describe(e));
            System.exit(1);
        }
        System.exit(0); // the jsii runtime keeps a non-daemon thread alive
    }
}
