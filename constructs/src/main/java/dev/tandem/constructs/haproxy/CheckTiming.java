package dev.tandem.constructs.haproxy;

import java.time.Duration;

/**
 * When a server changes state: HAProxy's {@code default-server inter/fall/rise}. A server is marked
 * down after {@code fall} failed checks in a row, so it takes about {@code inter × fall} to notice a
 * failure and {@code inter × rise} to trust a recovered server again.
 *
 * @param inter   time between two checks of one server
 * @param fall    consecutive failed checks that mark a server down
 * @param rise    consecutive passed checks that mark it up again
 * @param timeout how long one check may take
 */
public record CheckTiming(Duration inter, int fall, int rise, Duration timeout) {
}
