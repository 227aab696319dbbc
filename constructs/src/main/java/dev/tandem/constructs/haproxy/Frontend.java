package dev.tandem.constructs.haproxy;

import java.util.List;
import java.util.Optional;

/**
 * A public {@code frontend} section.
 *
 * @param name           section name
 * @param binds          where it listens
 * @param monitor        the tier's health answer, if any
 * @param defaultBackend where requests go
 */
public record Frontend(String name, List<Bind> binds, Optional<Monitor> monitor, String defaultBackend) {

    /** Copies the binds. */
    public Frontend {
        binds = List.copyOf(binds);
    }
}
