package dev.tandem.stacks;

import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.k8s.ManifestWarmUp;
import java.nio.file.Path;
import java.util.List;

/**
 * The program cdktf runs ({@code cdktf.json} → {@code app}): synthesizes the reference deployment
 * into the folder named by the {@code tandem.outdir} system property (default {@code cdktf.out}),
 * all or nothing. The synth command sets {@code CDKTF_OUTDIR} to the staging folder beside it. With the arguments
 * {@code --edge route53} it synthesizes {@link ReferenceDeployment#route53Spec()} instead (default folder
 * {@code cdktf.out.route53}); {@code ./synth --edge route53} passes them. With {@code --data postgres} it synthesizes
 * {@link ReferenceDeployment#postgresSpec()} (default folder {@code cdktf.out.postgres}), with
 * {@code --data postgres-streaming} {@link ReferenceDeployment#postgresStreamingSpec()} (default folder
 * {@code cdktf.out.postgres-streaming}).
 */
public final class Main {
    private Main() {
    }

    /**
     * Synthesizes; on failure prints one line per problem to stderr and exits with status 1.
     *
     * @param args none, {@code --edge cloudflare}, {@code --edge route53}, {@code --data dynamodb}, {@code --data postgres} or
     *             {@code --data postgres-streaming}
     */
    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        boolean route53 = arguments.equals(List.of("--edge", "route53"));
        boolean postgres = arguments.equals(List.of("--data", "postgres"));
        boolean streaming = arguments.equals(List.of("--data", "postgres-streaming"));
        if (!route53 && !postgres && !streaming && !arguments.isEmpty() && !arguments.equals(List.of("--edge", "cloudflare"))
                && !arguments.equals(List.of("--data", "dynamodb"))) {
            System.err.println("tandem synth failed: arguments " + arguments + " are not understood; use none, "
                    + "--edge cloudflare, --edge route53, --data dynamodb, --data postgres or --data postgres-streaming");
            System.exit(1);
        }
        String folder = route53 ? "cdktf.out.route53" : postgres ? "cdktf.out.postgres"
                : streaming ? "cdktf.out.postgres-streaming" : "cdktf.out";
        Path outdir = Path.of(System.getProperty("tandem.outdir", folder));
        try {
            synthesize(route53 ? ReferenceDeployment.route53Spec()
                    : postgres ? ReferenceDeployment.postgresSpec()
                    : streaming ? ReferenceDeployment.postgresStreamingSpec() : ReferenceDeployment.spec(), outdir);
        } catch (RuntimeException e) {
            System.err.println("tandem synth failed: " + SynthErrors.describe(e));
            System.exit(1);
        }
        System.exit(0); // the jsii runtime keeps a non-daemon thread alive
    }

    /**
     * Synthesizes {@code spec} into {@code outdir}, all or nothing, after the DR readiness pass the
     * deployment runs by default: a failed check stops the synth before anything is written; a passed
     * one adds {@code dr-report.md} and {@code dr-report.json}. Tests call this too, so the snapshots
     * show exactly what the README's command writes.
     *
     * @param spec   the deployment
     * @param outdir the output folder
     * @return the stacks, for inspection
     */
    public static DeploymentStacks synthesize(DeploymentSpec spec, Path outdir) {
        // cdktf loads the provider bundles in Node for seconds while this JVM idles: link the
        // Kubernetes model meanwhile (bench/synth-benchmark: about -0.4 s on the reference).
        Thread warmUp = new Thread(ManifestWarmUp::run, "manifest-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return TandemApp.synthesize(outdir, app -> DeploymentStacks.build(app, spec));
    }
}
