package dev.tandem.e2e.postgres;

import dev.tandem.e2e.postgres.ClusterSettings.Mode;
import java.time.Duration;

/**
 * The recovery point the DR report promises for a replication mode, at the drill's time scale: how much acknowledged
 * writing a promoted standby may miss.
 * <ul>
 *   <li>{@code ARCHIVE_ONLY}: {@code archive_timeout + upload}. The standby only sees WAL segments once they are
 *       archived; a segment is closed at the latest {@code archive_timeout} after the previous switch, then
 *       uploaded. The drill adds one second: PostgreSQL checks the timeout on a whole-second clock, so a 1 s
 *       timeout closes segments up to 2 s apart. The upload is a copy into a local directory here (one 1 MB
 *       segment), given {@link #LOCAL_UPLOAD} on a loaded machine; an object store's upload is the report's term.</li>
 *   <li>{@code STREAMING}: typically sub-second; the drill holds it to {@link #STREAMING} (the archive timeout
 *       bounds it only when streaming is down, which this drill does not do).</li>
 *   <li>{@code SYNCHRONOUS}: zero — a commit is acknowledged only once the standby has flushed it.</li>
 * </ul>
 *
 * @param mode    the replication mode
 * @param bound   the longest window of acknowledged writes the standby may miss, at drill scale
 * @param formula how the bound is made up, for the printed figures
 */
record RecoveryPointBound(Mode mode, Duration bound, String formula) {
    static final Duration LOCAL_UPLOAD = Duration.ofMillis(500);
    static final Duration WHOLE_SECOND_CLOCK = Duration.ofSeconds(1);
    static final Duration STREAMING = Duration.ofSeconds(1);

    /** @param drillArchiveTimeout the archive timeout the drill's servers run with (the rendered one, scaled) */
    static RecoveryPointBound of(Mode mode, Duration drillArchiveTimeout) {
        return switch (mode) {
            case ARCHIVE_ONLY -> new RecoveryPointBound(mode,
                    drillArchiveTimeout.plus(WHOLE_SECOND_CLOCK).plus(LOCAL_UPLOAD),
                    "archive_timeout " + seconds(drillArchiveTimeout) + " + clock 1 s + upload "
                            + seconds(LOCAL_UPLOAD));
            case STREAMING -> new RecoveryPointBound(mode, STREAMING, "streaming, sub-second");
            case SYNCHRONOUS -> new RecoveryPointBound(mode, Duration.ZERO, "synchronous: 0 rows");
        };
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
