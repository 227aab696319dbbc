package dev.tandem.rehearsal;

import dev.tandem.rehearsal.Deployment.PostgresObjectives;
import dev.tandem.rehearsal.WriteClient.Write;
import dev.tandem.rehearsal.postgres.RegionDatabase;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a scenario measured of a PostgreSQL deployment's writes, and its verdict.
 *
 * <p>After {@code region-dies}: <em>lost writes</em> are the writes the clients saw acknowledged that the promoted
 * standby does not hold; the <em>loss window</em> is the writing time they span (from the last acknowledged write
 * the standby kept to the last one acknowledged), held to the report's RPO bound for the mode, scaled, plus one
 * second: PostgreSQL checks {@code archive_timeout} on a whole-second clock, which no scale shortens. <em>Writes
 * resume</em> is the time from the failure to the first write acknowledged by the failover region, held to the
 * report's figure (declared decision time + apply); a write acknowledged there before the promotion fails the
 * scenario (two primaries).
 *
 * @param writes          write requests sent during the scenario
 * @param acked           of them acknowledged
 * @param lostWrites      acknowledged writes the promoted standby lacks (region-dies only)
 * @param lossWindow      the writing time they span, multiplied back by the scale
 * @param rpoBound        the report's bound for the mode, in seconds
 * @param promotedAt      when the declared promotion was applied ({@code pg_promote} called), from the failure,
 *                        multiplied back
 * @param writesResume    when the first write was acknowledged again, from the failure, multiplied back (null: never)
 * @param writesResumeComputed the report's figure
 * @param reason          why the writes fail the scenario, or null
 */
record PostgresFigures(int writes, int acked, Integer lostWrites, Double lossWindow, Integer rpoBound,
        Double promotedAt, Double writesResume, Integer writesResumeComputed, String reason) {
    private static final double CLOCK_ALLOWANCE_S = 1.0;

    /** No failure staged that touches the active region's database: every write must be acknowledged. */
    static PostgresFigures steady(List<Write> writes) {
        int acked = (int) writes.stream().filter(Write::acked).count();
        String reason = writes.stream().filter(w -> !w.acked()).findFirst().map(w -> (writes.size() - acked) + " of "
                + writes.size() + " writes were refused with no failure staged (first: " + w.status() + " "
                + w.answer() + ")").orElse(null);
        return new PostgresFigures(writes.size(), acked, null, null, null, null, null, null, reason);
    }

    /** Just counts: the scenario's verdict does not depend on writes. */
    static PostgresFigures counted(List<Write> writes) {
        return new PostgresFigures(writes.size(), (int) writes.stream().filter(Write::acked).count(), null, null, null,
                null, null, null, null);
    }

    /**
     * @param t0         the failure ({@link System#nanoTime()})
     * @param writes     every write of the scenario, from before the failure on
     * @param promoting  when {@code pg_promote} was called on {@code promoted}, or null when it was not; the
     *                   server takes writes shortly before the call returns
     * @param promoted   the failover region's database, promoted
     */
    static PostgresFigures regionDies(List<Write> writes, long t0, Long promoting, String active, String failover,
            RegionDatabase promoted, Scale scale, PostgresObjectives report) throws SQLException {
        List<Write> acked = writes.stream().filter(Write::acked).toList();
        List<Write> activeAcks = acked.stream().filter(w -> w.region().equals(active)).toList();
        Set<Long> held = new HashSet<>(promoted.holding(activeAcks.stream().map(Write::id).toList()));
        int firstLost = -1;
        for (int i = 0; i < activeAcks.size(); i++) {
            if (!held.contains(activeAcks.get(i).id())) {
                firstLost = i;
                break;
            }
        }
        int lost = (int) activeAcks.stream().filter(w -> !held.contains(w.id())).count();
        double windowScaled = firstLost < 0 ? 0 : (activeAcks.get(activeAcks.size() - 1).atNanos()
                - activeAcks.get(Math.max(0, firstLost - 1)).atNanos()) / 1e9;
        Write resumed = acked.stream().filter(w -> w.region().equals(failover) && w.atNanos() > t0).findFirst()
                .orElse(null);
        Double resume = resumed == null ? null : round(scale.back((resumed.atNanos() - t0) / 1e9));
        String reason = null;
        double boundScaled = report.rpoBoundSeconds() / (double) scale.factor() + CLOCK_ALLOWANCE_S;
        if (resumed != null && (promoting == null || resumed.atNanos() < promoting)) {
            reason = "the failover region acknowledged a write before the promotion was applied: two primaries";
        } else if (windowScaled > boundScaled) {
            reason = String.format(Locale.ROOT, "%d acknowledged writes lost over %.1f s of writing (%.1f s scaled),"
                    + " beyond the report's %d s RPO bound (%.1f s scaled, with the 1 s clock allowance)", lost,
                    scale.back(windowScaled), windowScaled, report.rpoBoundSeconds(), boundScaled);
        } else if (resume == null) {
            reason = "no write was acknowledged again after the promotion";
        } else if (resume > report.writesResumeSeconds()) {
            reason = String.format(Locale.ROOT, "writes resumed after %.1f s, beyond the report's %d s", resume,
                    report.writesResumeSeconds());
        }
        return new PostgresFigures(writes.size(), acked.size(), lost, round(scale.back(windowScaled)),
                report.rpoBoundSeconds(), promoting == null ? null : round(scale.back((promoting - t0) / 1e9)),
                resume, report.writesResumeSeconds(), reason);
    }

    boolean pass() {
        return reason == null;
    }

    private static Double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
