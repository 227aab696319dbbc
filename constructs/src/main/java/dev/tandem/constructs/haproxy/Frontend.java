package dev.tandem.constructs.haproxy;

import java.util.List;
import java.util.Optional;

/**
 * A public {@code frontend} section.
 *
 * @param name           section name
 * @param binds          where it listens
 * @param allowedSources file listing the only source networks whose connections are accepted (one CIDR
 *                       per line); every other connection is closed before TLS starts
 * @param hostname       the only host name served: a request whose TLS SNI or {@code Host} header (port
 *                       ignored, case-insensitive) differs is refused with 421 Misdirected Request
 *                       (RFC 9110, section 15.5.20); the monitor URI is answered before this check
 * @param monitor        the tier's health answer, if any
 * @param defaultBackend where requests go
 */
public record Frontend(String name, List<Bind> binds, Optional<String> allowedSources, Optional<String> hostname,
        Optional<Monitor> monitor, String defaultBackend) {

    /** Copies the binds; reads null optionals as absent. */
    public Frontend {
        binds = List.copyOf(binds);
        allowedSources = allowedSources == null ? Optional.empty() : allowedSources;
        hostname = hostname == null ? Optional.empty() : hostname;
        monitor = monitor == null ? Optional.empty() : monitor;
    }
}
