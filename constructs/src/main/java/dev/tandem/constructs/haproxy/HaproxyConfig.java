package dev.tandem.constructs.haproxy;

import java.util.List;
import java.util.Optional;

/**
 * A whole haproxy.cfg as values; {@link HaproxyConfigRenderer} turns it into text.
 *
 * @param header      comment lines written first (without the leading {@code #})
 * @param global      the {@code global} section
 * @param defaults    the {@code defaults} section
 * @param frontends   public frontends
 * @param localHealth the health answer on loopback
 * @param stats       the statistics page, if enabled
 * @param backends    backends
 */
public record HaproxyConfig(List<String> header, GlobalSection global, DefaultsSection defaults,
        List<Frontend> frontends, LocalHealth localHealth, Optional<StatsFrontend> stats, List<Backend> backends) {

    /** Copies the lists. */
    public HaproxyConfig {
        header = List.copyOf(header);
        frontends = List.copyOf(frontends);
        backends = List.copyOf(backends);
    }
}
