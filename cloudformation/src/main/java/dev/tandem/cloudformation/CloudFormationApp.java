package dev.tandem.cloudformation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.stream.Stream;
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
        deleteTree(staging);
        try {
            // No analytics metadata: the template is the same wherever and whenever it is made.
            App app = new App(AppProps.builder().outdir(staging.toString()).analyticsReporting(false).build());
            stack.apply(app, stackId);
            app.synth();
            swapIntoPlace(staging, target);
        } catch (RuntimeException | Error e) {
            deleteTree(staging);
            throw e;
        }
        return target.resolve(templateName(stackId));
    }

    /** @return the template's file name in the stack's folder */
    public static String templateName(String stackId) {
        return stackId + ".template.json";
    }

    private static void swapIntoPlace(Path staging, Path target) {
        try {
            if (Files.exists(target)) {
                Path old = target.resolveSibling(target.getFileName() + ".old");
                deleteTree(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
