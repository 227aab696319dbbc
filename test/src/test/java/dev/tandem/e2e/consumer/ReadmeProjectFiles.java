package dev.tandem.e2e.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of README → "Your own project": every fenced block there whose info string names a file
 * ({@code ```xml file=pom.xml}) is that file of a user's project, verbatim.
 */
final class ReadmeProjectFiles {
    static final String SECTION = "## Your own project";
    private static final Pattern FILE_BLOCK = Pattern.compile("^```\\w+ file=(\\S+)$");

    private ReadmeProjectFiles() {
    }

    /** @return relative path → content, in README's order */
    static Map<String, String> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        boolean inSection = false;
        String file = null;
        StringBuilder content = new StringBuilder();
        for (String line : lines) {
            if (file != null) {
                if (line.equals("```")) {
                    files.put(file, content.toString());
                    file = null;
                    content.setLength(0);
                } else {
                    content.append(line).append('\n');
                }
            } else if (line.startsWith("## ")) {
                inSection = line.equals(SECTION);
            } else if (inSection) {
                Matcher m = FILE_BLOCK.matcher(line);
                if (m.matches()) {
                    file = m.group(1);
                }
            }
        }
        return files;
    }

    /** Writes the files under {@code root}. */
    static void write(Map<String, String> files, Path root) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = root.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
    }
}
