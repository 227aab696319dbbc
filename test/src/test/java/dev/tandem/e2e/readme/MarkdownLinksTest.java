package dev.tandem.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/ leads somewhere: the file exists, and a {@code #fragment}
 * names a heading of that page as GitHub spells its anchor. Pages move; a link left behind fails here,
 * naming the page, the line and the link.
 */
class MarkdownLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : ReadmeExamples.pages(ReadmeCodeTest.ROOT)) {
            List<String> lines = ReadmeExamples.lines(page);
            boolean fence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fence = !fence;
                    continue;
                }
                if (fence) {
                    continue;
                }
                Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;                  // https:, mailto:: not this test's business
                    }
                    checked++;
                    String problem = problem(page, target);
                    if (problem != null) {
                        broken.add(ReadmeCodeTest.ROOT.relativize(page) + " line " + (i + 1) + ": (" + target + ") "
                                + problem);
                    }
                }
            }
        }
        assertThat(checked).as("relative links found").isGreaterThan(20);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void anchorsAreSpelledAsGitHubSpellsThem() {
        assertThat(anchors(List.of("## Choosing the edge: Cloudflare or Route 53", "### The app's AWS key",
                "## What `/healthz` should check", "## Notes", "## Notes")))
                .containsExactlyInAnyOrder("choosing-the-edge-cloudflare-or-route-53", "the-apps-aws-key",
                        "what-healthz-should-check", "notes", "notes-1");
    }

    private static String problem(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "names no file";
        }
        if (hash < 0) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "has an anchor on a file that is not a Markdown page";
        }
        String anchor = target.substring(hash + 1);
        return anchors(ReadmeExamples.lines(resolved)).contains(anchor) ? null : "names no heading of " + resolved.getFileName();
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, a repeat numbered. */
    private static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                fence = !fence;
            } else if (!fence && line.matches("^#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return anchors;
    }
}
