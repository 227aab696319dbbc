package dev.tandem.stacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The reference deployment synthesized once per test JVM by {@link Main#synthesize}, shared by the tests
 * that only read it; a test that writes over it works on a copy ({@link #copyTo}). A synth takes seconds.
 */
final class ReferenceOutput {
    private static Path outdir;

    private ReferenceOutput() {
    }

    /** @return the synthesized {@code cdktf.out} equivalent (read only; removed when the JVM exits) */
    static synchronized Path outdir() {
        if (outdir == null) {
            try {
                Path root = Files.createTempDirectory("tandem-stacks-reference-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                Path out = root.resolve("cdktf.out");
                Main.synthesize(ReferenceDeployment.spec(), out);
                outdir = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outdir;
    }

    /**
     * @param target a folder that does not exist yet
     * @return {@code target}, holding what a synth of the reference into it would hold
     */
    static Path copyTo(Path target) {
        Path from = outdir();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
