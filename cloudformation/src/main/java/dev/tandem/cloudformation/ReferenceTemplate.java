package dev.tandem.cloudformation;

import dev.tandem.constructs.table.TableReplicaProps;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.ReferenceDeployment;
import dev.tandem.stacks.SynthErrors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's CloudFormation command ({@code mvn -q -Pcloudformation package}): writes the
 * reference deployment's first table, from the same description the Terraform primary stack
 * uses, as {@code <tandem.outdir>/cloudformation/primary/primary.template.json} (default
 * {@code cdktf.out}).
 */
public final class ReferenceTemplate {
    private ReferenceTemplate() {
    }

    /**
     * Synthesizes; on failure prints the problem to stderr and exits with status 1.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Path outdir = Path.of(System.getProperty("tandem.outdir", "cdktf.out"));
        try {
            synthesize(ReferenceDeployment.spec(), outdir);
        } catch (RuntimeException e) {
            System.err.println("tandem cloudformation synth failed: " + SynthErrors.describe(e));
            System.exit(1);
        }
        System.exit(0); // the jsii runtime keeps a non-daemon thread alive
    }

    /**
     * Writes the sessions table of {@code spec} into {@code outdir/cloudformation/<primary stack>/}.
     * Tests call this too, so the golden file shows what the command writes.
     *
     * @param spec   the deployment
     * @param outdir the output root
     * @return the template file
     */
    public static Path synthesize(DeploymentSpec spec, Path outdir) {
        Map<String, TableReplicaProps> replicas = new LinkedHashMap<>();
        spec.regions().subList(1, spec.regions().size())
                .forEach(r -> replicas.put(r.awsRegion(), TableReplicaProps.builder().build()));
        return CloudFormationApp.synthesize(outdir, spec.primary().stackName(),
                (app, id) -> GlobalTableStack.Builder.create(app, id)
                        .table(spec.tables().get(0))
                        .homeRegion(spec.primary().awsRegion())
                        .replicas(replicas)
                        .build());
    }
}
