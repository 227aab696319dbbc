package dev.tandem.e2e.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks through every file of a folder for what must never be written there: AWS access key ids
 * (the {@code AKIA}/{@code ASIA} prefixes of long-term and session keys, IAM User Guide, "Unique
 * identifiers"), private keys in PEM form, and AWS credentials given as literal values.
 */
final class SecretScan {
    private static final Map<String, Pattern> MARKERS = Map.of(
            "AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "PEM private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----(\\\\n|\\n)[A-Za-z0-9+/]{16}"),
            "AWS secret given as a literal", Pattern.compile(
                    "(?i)\"?(aws_secret_access_key|secret_key|secret_access_key)\"?\\s*[:=]\\s*\"?(?!\\$\\{)[A-Za-z0-9/+=]{20,}"));

    private SecretScan() {
    }

    /** @return every finding below {@code root}, as {@code <relative path>: <marker>} */
    static List<String> findings(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                MARKERS.forEach((what, pattern) -> {
                    Matcher m = pattern.matcher(text);
                    if (m.find()) {
                        out.add(root.relativize(f) + ": " + what);
                    }
                });
            }
        }
        return out;
    }
}
