package dev.tandem.e2e.snapshot;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Replaces machine-specific text with placeholders so golden files are the same on every machine.
 * Today that is one thing: cdktf's default local backend, and the remote-state lookups that read
 * it, store absolute paths under the directory synth ran in.
 */
public final class Normalizer {
    /** Placeholder for the directory synth ran in. */
    public static final String SYNTH_DIR = "<synth-dir>";

    private Normalizer() {
    }

    /** @return a normalizer for output synthesized with {@code synthDir} as working directory */
    public static UnaryOperator<String> forSynthDir(Path synthDir) {
        String abs = synthDir.toAbsolutePath().normalize().toString();
        return text -> text.replace(abs + "/", SYNTH_DIR + "/");
    }
}
