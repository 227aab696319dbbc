package dev.tandem.e2e.postgres;

import java.time.Duration;

/**
 * The drill's one time factor, as in {@code ./rehearse --scale}: the rendered {@code archive_timeout} is divided by
 * it, so an archive-only drill takes seconds rather than the rendered five minutes. Only the archive-timeout term of
 * the recovery point scales: an archive-only loss window measured at factor N is N times shorter than the rendered
 * setting would give (the segment-close and upload terms do not scale). Streaming and synchronous replication have
 * no time setting to scale.
 *
 * @param factor at least 1; {@link #defaultFor} picks the one that runs the drill at a 1 s archive timeout
 */
public record DrillScale(long factor) {
    public DrillScale {
        if (factor < 1) {
            throw new IllegalArgumentException("scale factor must be at least 1, got " + factor);
        }
    }

    /** @return the factor that brings {@code rendered} down to PostgreSQL's smallest archive timeout, one second */
    public static DrillScale defaultFor(Duration rendered) {
        return new DrillScale(Math.max(1, rendered.toSeconds()));
    }

    /** @return {@code rendered} divided by the factor, in whole seconds (the setting's unit), at least 1 s */
    public Duration archiveTimeout(Duration rendered) {
        long millis = rendered.toMillis();
        long seconds = (millis + factor * 1000 - 1) / (factor * 1000);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
