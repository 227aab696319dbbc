package dev.tandem.e2e;

import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.DeploymentStacks;
import dev.tandem.stacks.Main;
import dev.tandem.stacks.ReferenceDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference deployment synthesized once per test JVM with the same code as the README's synth
 * command, into a temporary folder removed when the JVM exits.
 */
public final class SynthesizedDeployment {
    private static Path outdir;
    private static DeploymentStacks stacks;
    private static final Map<String, Path> VARIANTS = new HashMap<>();

    private SynthesizedDeployment() {
    }

    /** @return the synthesized {@code cdktf.out} equivalent */
    public static synchronized Path outdir() {
        if (outdir == null) {
            try {
                Path root = Files.createTempDirectory("tandem-synth-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
                Path out = root.resolve("cdktf.out");
                stacks = Main.synthesize(ReferenceDeployment.spec(), out);
                outdir = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outdir;
    }

    /** @return the stacks the synthesized output came from */
    public static synchronized DeploymentStacks stacks() {
        outdir();
        return stacks;
    }

    /**
     * Synthesizes {@code spec} once per JVM beside the reference, as the README's synth command would.
     *
     * @param name names the variant (and its folder); the same name returns the same output
     * @return the variant's {@code cdktf.out} equivalent
     */
    public static synchronized Path variant(String name, DeploymentSpec spec) {
        return VARIANTS.computeIfAbsent(name, n -> {
            Path out = scratch(n).resolve("cdktf.out");
            Main.synthesize(spec, out);
            return out;
        });
    }

    /** @return the root a test's working copies should be created in (removed at JVM exit) */
    public static Path scratch(String name) {
        try {
            Path dir = Files.createTempDirectory(outdir().getParent(), name + "-");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
