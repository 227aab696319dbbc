package dev.tandem.e2e.postgres;

import dev.tandem.rehearsal.postgres.StandbyMode;
import java.time.Duration;

/**
 * What one failover drill measured.
 *
 * @param mode            the replication mode, read from the rendered {@code Cluster}
 * @param renderedTimeout the rendered {@code archive_timeout}
 * @param scale           the factor the drill ran the archive timeout at
 * @param bound           the recovery point the report promises for the mode, at drill scale
 * @param acked           rows the primary acknowledged before it was killed
 * @param writesPerSecond the writer's rate on the primary
 * @param lostRows        acknowledged rows missing on the promoted standby
 * @param lossWindow      from the acknowledgement of the newest row the standby kept to that of the newest
 *                        acknowledged row: the writing time lost (zero when no row was lost)
 * @param promote         {@code pg_promote(wait => true)} until the standby was out of recovery
 * @param firstWrite      from the end of the promotion to the first acknowledged write on the new primary
 * @param rewind          a {@code CHECKPOINT} on the new primary, then {@code pg_rewind} of the old one against it
 * @param rejoin          from the old primary's start as a standby until it had replayed a row written after it
 */
public record DrillResult(StandbyMode mode, Duration renderedTimeout, DrillScale scale, RecoveryPointBound bound, int acked,
        double writesPerSecond, int lostRows, Duration lossWindow, Duration promote, Duration firstWrite,
        Duration rewind, Duration rejoin) {

    /** @return whether the loss is within the mode's recovery point (synchronous: no row at all) */
    public boolean withinBound() {
        return bound.mode() == StandbyMode.SYNCHRONOUS ? lostRows == 0 : lossWindow.compareTo(bound.bound()) <= 0;
    }

    /** @return one line of figures, as the drill prints it */
    public String line() {
        return String.format("%-12s archive_timeout %s/%d=%ds  acked %6d at %5.0f tx/s  lost %5d rows = %6.3f s"
                        + " (bound %s = %.1f s: %s)  promote %4d ms  first write %4d ms  rewind %4d ms  rejoin %4d ms",
                mode, renderedTimeout.toSeconds() + "s", scale.factor(), scale.archiveTimeout(renderedTimeout).toSeconds(),
                acked, writesPerSecond, lostRows, lossWindow.toNanos() / 1e9, bound.formula(),
                bound.bound().toMillis() / 1000.0, withinBound() ? "within" : "EXCEEDED", promote.toMillis(),
                firstWrite.toMillis(), rewind.toMillis(), rejoin.toMillis());
    }
}
