package dev.tandem.e2e.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the test's Terraform expressions left live in synthesized Terraform: {@code ${file(…)}} and
 * {@code %{if …}} whose opening is not escaped. Terraform reads {@code $${} as a literal {@code ${}
 * and {@code %%{} as {@code %{} (Terraform language docs, "Strings and Templates", escape sequences),
 * and it takes the escape from the last two signs of a run: {@code $$${x}} reads as {@code $${x}}
 * (checked with terraform 1.11 plan). So an opening is live exactly when one sign precedes the brace.
 */
final class LiveExpressions {
    /** Reads a local file on the operator's machine at plan time: the issue's reproduction. */
    static final String FILE = "${file(\"/etc/hostname\")}";
    /** The operator's working directory: no quote, bracket or space for a value's grammar to stop. */
    static final String PATH = "${path.cwd}";
    /** A template directive. */
    static final String DIRECTIVE = "%{if true}tandem%{endif}";
    /** A directive with no space in it. */
    static final String END = "%{endif}";
    /** What the cases feed into each value. */
    static final List<String> ALL = List.of(FILE, PATH, DIRECTIVE, END);

    private LiveExpressions() {
    }

    /** @return one line per live expression in any {@code *.tf.json} under {@code out}: file and excerpt */
    static List<String> in(Path out) {
        List<String> live = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf.json")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                live.addAll(find(out, f, text, '$', "{file("));
                live.addAll(find(out, f, text, '$', "{path.cwd}"));
                live.addAll(find(out, f, text, '%', "{if true}"));
                live.addAll(find(out, f, text, '%', "{endif}"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return live;
    }

    private static List<String> find(Path out, Path file, String text, char sigil, String opening) {
        List<String> live = new ArrayList<>();
        for (int at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + 1)) {
            int run = 0;
            while (at - run - 1 >= 0 && text.charAt(at - run - 1) == sigil) {
                run++;
            }
            if (run == 1) {
                int from = Math.max(0, at - 60);
                live.add(out.relativize(file) + ": …" + text.substring(from, Math.min(text.length(), at + 40)) + "…");
            }
        }
        return live;
    }
}
