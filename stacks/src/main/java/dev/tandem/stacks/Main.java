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
            synthesize(ReferenceDeployment.spec(), outdir);
        } catch (RuntimeException e) {
            System.err.println("tandem synth failed: " + SynthErrors.describe(e));
            System.exit(1);
        }
        System.exit(0); // the jsii runtime keeps a non-daemon thread alive
    }

    /**
     * Synthesizes {@code spec} into {@code outdir}, all or nothing. Tests call this too, so the
     * snapshots show exactly what the README's command writes.
     *
     * @param spec   the deployment
     * @param outdir the output folder
     * @return the stacks, for inspection
     */
    public static DeploymentStacks synthesize(DeploymentSpec spec, Path outdir) {
        return TandemApp.synthesize(outdir, app -> DeploymentStacks.build(app, spec));
    }
}
