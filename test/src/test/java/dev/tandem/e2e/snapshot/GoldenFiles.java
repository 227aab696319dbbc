package dev.tandem.e2e.snapshot;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Golden files: raw output files compared byte for byte (after normalization) with approved copies
 * under {@code snapshots/}, which mirrors {@code cdktf.out/}.
 *
 * <p>A mismatch fails with a unified diff per file and the one command that accepts the new
 * output. Accepting is explicit: {@code -Dsnapshots.update=true} or {@code UPDATE_SNAPSHOTS=1}.
 * A missing golden file fails when {@code CI} is set, and is written (and reported) otherwise.
 */
public final class GoldenFiles {
    /** The command that accepts new output; printed with every mismatch. */
    public static final String ACCEPT_COMMAND = "mvn -B -q test -pl test -am -Dsnapshots.update=true";

    private final Path approvedRoot;
    private final boolean update;
    private final boolean ci;

    /**
     * @param approvedRoot the {@code snapshots/} folder
     * @param update       accept new output
     * @param ci           running in CI (missing golden files fail)
     */
    public GoldenFiles(Path approvedRoot, boolean update, boolean ci) {
        this.approvedRoot = approvedRoot;
        this.update = update;
        this.ci = ci;
    }

    /** @return golden files configured from the build: {@code tandem.root}, {@code snapshots.update}, {@code CI} */
    public static GoldenFiles fromEnvironment() {
        Path root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
        boolean update = Boolean.getBoolean("snapshots.update")
                || List.of("1", "true").contains(String.valueOf(System.getenv("UPDATE_SNAPSHOTS")));
        String ciVar = System.getenv("CI");
        return new GoldenFiles(root.resolve("snapshots"), update, ciVar != null && !ciVar.isBlank()
                && !ciVar.equals("false"));
    }

    /**
     * @param folder a folder below the approved root, e.g. {@code route53} for a variant's golden files
     * @return golden files rooted there, with the same update and CI settings
     */
    public GoldenFiles under(String folder) {
        return new GoldenFiles(approvedRoot.resolve(folder), update, ci);
    }

    /**
     * Verifies a whole synthesized deployment: every stack's files, the manifest and both DR reports.
     *
     * @param actualRoot the output root (a {@code cdktf.out})
     */
    public void verifyDeployment(Path actualRoot) {
        for (String subtree : List.of("stacks", "manifest.json", "dr-report.md", "dr-report.json")) {
            verify(actualRoot, subtree, Normalizer.forSynthDir(Path.of("")));
        }
    }

    /**
     * Verifies every file below {@code actualRoot/subtree} against {@code snapshots/subtree}, and
     * that no golden file in that subtree has lost its output.
     *
     * @param actualRoot the output root (a {@code cdktf.out})
     * @param subtree    relative folder or file to compare, e.g. {@code stacks}
     * @param normalize  turns machine-specific text into stable placeholders
     * @return notes about files written (empty when all matched)
     * @throws AssertionError listing every mismatch with its diff
     */
    public List<String> verify(Path actualRoot, String subtree, UnaryOperator<String> normalize) {
        TreeSet<String> actual = relativeFiles(actualRoot, subtree);
        TreeSet<String> approved = relativeFiles(approvedRoot, subtree);
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String rel : actual) {
            String produced = normalize.apply(read(actualRoot.resolve(rel)));
            Path golden = approvedRoot.resolve(rel);
            if (!Files.exists(golden)) {
                if (update || !ci) {
                    write(golden, produced);
                    notes.add("wrote new golden file snapshots/" + rel);
                } else {
                    failures.add("snapshots/" + rel + " is missing (new output). Review it and accept with: "
                            + ACCEPT_COMMAND);
                }
                continue;
            }
            String expected = read(golden);
            if (!expected.equals(produced)) {
                if (update) {
                    write(golden, produced);
                    notes.add("updated snapshots/" + rel);
                } else {
                    failures.add(unifiedDiff("snapshots/" + rel, "cdktf.out/" + rel, expected, produced));
                }
            }
        }
        for (String rel : approved) {
            if (!actual.contains(rel)) {
                if (update) {
                    delete(approvedRoot.resolve(rel));
                    notes.add("deleted snapshots/" + rel);
                } else {
                    failures.add("snapshots/" + rel + " has no output any more; remove it with: " + ACCEPT_COMMAND);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " golden file(s) differ from the output.\n\n"
                    + String.join("\n\n", failures) + "\n\nIf the change is intended, accept it with:\n  "
                    + ACCEPT_COMMAND + "\n");
        }
        notes.forEach(n -> System.out.println("[snapshots] " + n));
        return notes;
    }

    /**
     * @param expectedName what {@code expected} is, for the {@code ---} line
     * @param actualName   what {@code actual} is, for the {@code +++} line
     * @return the unified diff (3 lines of context) that turns {@code expected} into {@code actual}
     */
    public static String unifiedDiff(String expectedName, String actualName, String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(expectedName, actualName, a,
                DiffUtils.diff(a, b), 3));
    }

    private static TreeSet<String> relativeFiles(Path root, String subtree) {
        Path start = root.resolve(subtree);
        TreeSet<String> files = new TreeSet<>();
        if (!Files.exists(start)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
