package dev.tandem.e2e.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a folder by relative path, with its bytes. The bytes are kept as ISO-8859-1 text,
 * which maps each byte to one character: equal trees are byte-identical, and a failure shows text.
 *
 * @param files relative path → content
 */
record FileTree(Map<String, String> files) {
    static FileTree of(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileTree(files);
    }
}
