package dev.tandem.cloudformation;

import dev.tandem.constructs.core.OutputFolders;
import java.nio.file.Path;
import java.util.function.BiFunction;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * Synthesizes one AWS CDK stack into {@code <outdir>/cloudformation/<stack>/} as a whole: the
 * cloud assembly ({@code <stack>.template.json}, {@code manifest.json}, …, so
 * {@code cdk deploy --app <that folder>} works too). The AWS CDK writes into a staging folder
 * beside it, swapped in only when complete; a failed synth leaves the previous output as it was.
 * Nothing else under {@code <outdir>} (the Terraform stacks) is touched.
 */
public final class CloudFormationApp {
    /** The folder under the output root that holds one cloud assembly per stack. */
    public static final String FOLDER = "cloudformation";

    private CloudFormationApp() {
    }

    /**
     * @param outdir  the output root, usually {@code cdktf.out}
     * @param stackId the stack's id: its folder and template name
     * @param stack   adds the stack to the app
     * @return the template file written
     */
    public static Path synthesize(Path outdir, String stackId, BiFunction<Construct, String, Stack> stack) {
        Path target = outdir.toAbsolutePath().normalize().resolve(FOLDER).resolve(stackId);
        Path staging = target.resolveSibling(stackId + ".staging");
        OutputFolders.deleteTree(staging);
        try {
            // No analytics metadata: the template is the same wherever and whenever it is made.
            App app = new App(AppProps.builder().outdir(staging.toString()).analyticsReporting(false).build());
            stack.apply(app, stackId);
            app.synth();
            OutputFolders.replace(staging, target);
        } catch (RuntimeException | Error e) {
            OutputFolders.deleteTree(staging);
            throw e;
        }
        return target.resolve(templateName(stackId));
    }

    /** @return the template's file name in the stack's folder */
    public static String templateName(String stackId) {
        return stackId + ".template.json";
    }
}
