package dev.tandem.constructs.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The all-or-nothing moves behind every Tandem output: a complete staging folder replaces the old one. */
public final class OutputFolders {
    private OutputFolders() {
    }

    /**
     * Replaces {@code target} with {@code staging} by two renames in the same parent folder, so a
     * reader sees the old folder or the new one, never a mixture.
     *
     * @param staging the complete new folder, a sibling of {@code target}
     * @param target  the folder to replace (it may not exist yet)
     */
    public static void replace(Path staging, Path target) {
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

    /** Deletes {@code root} and everything below it, if it exists. */
    public static void deleteTree(Path root) {
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
