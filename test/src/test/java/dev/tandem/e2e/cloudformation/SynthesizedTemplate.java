package dev.tandem.e2e.cloudformation;

import dev.tandem.cloudformation.ReferenceTemplate;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Path;

/**
 * The reference table's CloudFormation template, written once per test JVM by the README's
 * CloudFormation command's own code into the synthesized deployment's {@code cdktf.out}, beside
 * the Terraform stacks, as on a user's machine.
 */
final class SynthesizedTemplate {
    private static Path template;

    private SynthesizedTemplate() {
    }

    static synchronized Path file() {
        if (template == null) {
            template = ReferenceTemplate.synthesize(ReferenceDeployment.spec(), SynthesizedDeployment.outdir());
        }
        return template;
    }

    /** @return the template's path relative to the output root, as under {@code snapshots/} */
    static String relativePath() {
        return SynthesizedDeployment.outdir().relativize(file()).toString().replace('\\', '/');
    }
}
