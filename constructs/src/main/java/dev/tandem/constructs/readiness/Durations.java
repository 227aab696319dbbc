package dev.tandem.constructs.readiness;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as the report writes them: seconds, so figures compare at a glance ({@code 79 s}, {@code 0.5 s}). */
final class Durations {
    private Durations() {
    }

    static String text(Duration d) {
        return seconds(d).toPlainString() + " s";
    }

    /** @return the duration in seconds as a number, for the JSON report */
    static BigDecimal seconds(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros();
        // stripTrailingZeros turns 120 into 1.2E+2, which JSON readers accept but people misread.
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
