package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;

/**
 * The times HAProxy accepts: whole milliseconds (a bare number in haproxy.cfg is milliseconds) up to
 * 2<sup>31</sup>−1 ms; HAProxy 2.6 refuses a longer one with "timer overflow … maximum value is
 * 2147483647 ms (~24.8 days)".
 */
final class HaproxyDurations {
    static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

    private HaproxyDurations() {
    }

    /**
     * Records a problem unless {@code value} is present, positive, whole milliseconds and at most {@link #MAX}.
     *
     * @return true when the value is usable, so checks that compare it can follow
     */
    static boolean check(Problems p, String property, Duration value, String fix) {
        if (!p.present(value, property, fix)) {
            return false;
        }
        return p.require(value.compareTo(Duration.ZERO) > 0 && value.compareTo(MAX) <= 0
                        && value.getNano() % 1_000_000 == 0, property, value,
                "must be a whole number of milliseconds from 1 ms to 2147483647 ms (about 24.8 days), as HAProxy's"
                        + " timers take", fix);
    }
}
