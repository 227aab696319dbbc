package dev.tandem.constructs.readiness;

import java.time.Duration;

/**
 * One layer's share of a region failover: its worst-case time to notice the failure (or, for DNS,
 * to move clients), from the synthesized settings.
 *
 * @param layer     the layer, e.g. {@code haproxy}
 * @param path      the construct whose settings give the time
 * @param formula   how the time is computed, with the values, e.g. {@code inter 5 s × fall 3 + timeout 2 s}
 * @param worstCase the time
 * @param lowerBy   what to change to make it shorter
 */
public record LayerTime(String layer, String path, String formula, Duration worstCase, String lowerBy) {
}
