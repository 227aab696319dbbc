package dev.tandem.e2e.postgres;

import dev.tandem.e2e.postgres.RenderedCluster.ReportedRecoveryPoint;
import dev.tandem.rehearsal.postgres.StandbyMode;
import java.time.Duration;
import java.util.Optional;

/**
 * The recovery point the DR report gives a replication mode, at the drill's time scale: how much acknowledged
 * writing a promoted standby may miss.
 * <ul>
 *   <li>{@code ARCHIVE_ONLY}: the report's {@code archive_timeout + upload}. The standby only sees WAL segments once
 *       they are archived; a segment is closed at the latest {@code archive_timeout} after the previous switch, then
 *       uploaded. The drill runs the archive timeout scaled ({@link DrillScale}) and adds one second: PostgreSQL
 *       checks the timeout on a whole-second clock, so a 1 s timeout may close segments up to 2 s apart. Its upload
 *       is a copy into a local directory (one 16 MB segment), given {@link #LOCAL_UPLOAD} on a loaded machine; the
 *       report's upload allowance (an object store across regions) is not exercised here.</li>
 *   <li>{@code STREAMING}: the report's typical lag, sub-second, so {@link #STREAMING} (the archive-only bound
 *       applies only while streaming is down, which this drill does not do).</li>
 *   <li>{@code SYNCHRONOUS}: zero — a commit is acknowledged only once the standby has flushed it.</li>
 * </ul>
 *
 * @param mode    the replication mode
 * @param bound   the longest window of acknowledged writes the standby may miss, at drill scale
 * @param formula how the bound is made up, for the printed figures
 */
record RecoveryPointBound(StandbyMode mode, Duration bound, String formula) {
    static final Duration LOCAL_UPLOAD = Duration.ofMillis(500);
    static final Duration WHOLE_SECOND_CLOCK = Duration.ofSeconds(1);
    static final Duration STREAMING = Duration.ofSeconds(1);

    /**
     * @param drillArchiveTimeout the archive timeout the drill's servers run with (the rendered one, scaled)
     * @param reported            the DR report's figures for the database, when the drill runs a whole deployment
     */
    static RecoveryPointBound of(StandbyMode mode, Duration drillArchiveTimeout, Optional<ReportedRecoveryPoint> reported) {
        String report = reported.map(r -> "report " + r.archiveTimeout().toSeconds() + " s + upload "
                + r.uploadAllowance().toSeconds() + " s = " + r.bound().toSeconds() + " s; drill ").orElse("");
        return switch (mode) {
            case ARCHIVE_ONLY -> new RecoveryPointBound(mode,
                    drillArchiveTimeout.plus(WHOLE_SECOND_CLOCK).plus(LOCAL_UPLOAD),
                    report + "archive_timeout " + seconds(drillArchiveTimeout) + " + clock 1 s + local copy "
                            + seconds(LOCAL_UPLOAD));
            case STREAMING -> new RecoveryPointBound(mode, STREAMING, "streaming lag, sub-second");
            case SYNCHRONOUS -> new RecoveryPointBound(mode, Duration.ZERO, "synchronous: no row");
        };
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
