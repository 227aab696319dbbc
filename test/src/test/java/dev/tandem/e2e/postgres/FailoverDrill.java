package dev.tandem.e2e.postgres;

import dev.tandem.rehearsal.postgres.ClusterSettings;
import dev.tandem.rehearsal.postgres.LoopbackServer;
import dev.tandem.rehearsal.postgres.PostgresBinaries;
import dev.tandem.rehearsal.postgres.StandbyMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;

/**
 * The PostgreSQL failover drill for one rendered {@code Cluster}: a primary and a standby on loopback replicating as
 * the manifest says, a writer under load, {@code kill -9} of the primary, promotion of the standby, the acknowledged
 * rows it lacks, the first write after promotion, and the old primary rewound ({@code pg_rewind}) and rejoined as a
 * standby of the new one.
 *
 * <p>How each mode is stood up (CloudNativePG always archives WAL; the archive directory stands for the object store
 * both regions' clusters use):
 * <ul>
 *   <li>{@code ARCHIVE_ONLY}: the standby has only {@code restore_command} — no connection to the primary;</li>
 *   <li>{@code STREAMING}: {@code primary_conninfo} as well, the archive as fallback;</li>
 *   <li>{@code SYNCHRONOUS}: as streaming, and the primary names the standby in {@code synchronous_standby_names}
 *       with the rendered method and number.</li>
 * </ul>
 * Build it once per work directory ({@link #prepare}, one {@code initdb}); each {@link #run} copies that cluster.
 */
final class FailoverDrill {
    /** Generous upper bounds for events on a loaded 2-core machine; none is an expected duration. */
    private static final Duration TOOL_LIMIT = Duration.ofSeconds(60);
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(30);
    /** Writing before the kill once the standby has rows: replication in its steady state. */
    private static final Duration STEADY_LOAD = Duration.ofSeconds(1);
    /** Row ids written after the promotion, apart from the writer's 1, 2, 3… */
    private static final long FIRST_WRITE = -1;
    private static final long AFTER_REJOIN = -2;

    private final PostgresBinaries pg;
    private final Path work;
    private final Path template;

    private FailoverDrill(PostgresBinaries pg, Path work) {
        this.pg = pg;
        this.work = work;
        this.template = work.resolve("template");
    }

    /**
     * Creates the cluster every run copies: {@code initdb} once (the slowest step here), with the drill's include.
     *
     * @param work an empty directory the server user may enter
     */
    static FailoverDrill prepare(PostgresBinaries pg, Path work) throws IOException, InterruptedException {
        pg.own(work);
        LoopbackServer.initdb(pg, work.resolve("template"), TOOL_LIMIT);
        return new FailoverDrill(pg, work);
    }

    /**
     * Runs the drill for one rendered cluster.
     *
     * @param rendered the rendered {@code Cluster}, with the DR report's recovery point where there is one
     * @param scale    the factor the archive timeout is divided by
     */
    DrillResult run(RenderedCluster rendered, DrillScale scale) throws Exception {
        ClusterSettings settings = rendered.settings();
        Path dir = pg.own(Files.createDirectory(work.resolve(settings.mode().name().toLowerCase() + "-" + System.nanoTime())));
        Path archive = pg.own(Files.createDirectory(dir.resolve("archive")));
        Duration timeout = scale.archiveTimeout(settings.archiveTimeout());
        StandbyMode mode = settings.mode();
        pg.runCommand(TOOL_LIMIT, "cp", "-a", template.toString(), dir.resolve("primary").toString());
        try (LoopbackServer primary = new LoopbackServer(pg, "primary", dir.resolve("primary"), dir.resolve("primary.log"));
                LoopbackServer standby = new LoopbackServer(pg, "standby", dir.resolve("standby"), dir.resolve("standby.log"))) {
            Map<String, String> primarySettings = common(archive, timeout);
            settings.synchronousStandbyNames("standby").ifPresent(n -> primarySettings.put("synchronous_standby_names", n));
            primary.configure(primarySettings);
            primary.start();
            createTable(primary);
            // The standby's bootstrap: a base backup of the running primary (CloudNativePG's pg_basebackup method).
            pg.run(TOOL_LIMIT, "pg_basebackup", "-d", primary.conninfo("bootstrap"), "-D", standby.data().toString(),
                    "-X", "stream", "-c", "fast", "--no-sync");
            standby.configure(standbySettings(mode, archive, timeout, primary));
            standby.markStandby();
            standby.start();
            if (mode != StandbyMode.ARCHIVE_ONLY) {
                awaitReplicating(primary, mode);
            }

            // Load, then the primary's region is lost.
            AckedWriter writer = AckedWriter.start(primary.connect());
            awaitLoad(writer, primary, standby, mode,
                    mode == StandbyMode.ARCHIVE_ONLY ? timeout.multipliedBy(3).dividedBy(4) : STEADY_LOAD);
            primary.kill();
            writer.awaitEnd(EVENT_LIMIT.toMillis());
            int acked = writer.lastAcked();

            long promoteStart = System.nanoTime();
            standby.promote(EVENT_LIMIT);
            long promoted = System.nanoTime();
            insert(standby, FIRST_WRITE);
            long firstWrite = System.nanoTime();

            BitSet kept = rowsOn(standby, acked);
            int firstLost = kept.nextClearBit(1);
            int lost = acked - kept.get(1, acked + 1).cardinality();
            Duration window = firstLost > acked ? Duration.ZERO
                    : Duration.ofNanos(writer.ackedAt(acked) - writer.ackedAt(firstLost - 1));

            // The old primary comes back as a standby of the new one.
            long rewindStart = System.nanoTime();
            primary.rewindFrom(standby, TOOL_LIMIT);
            long rewound = System.nanoTime();
            primary.configure(standbySettings(mode, archive, timeout, standby));
            primary.markStandby();
            primary.startWithoutWaiting();
            insert(standby, AFTER_REJOIN);
            awaitRow(primary, AFTER_REJOIN);
            long rejoined = System.nanoTime();
            assertRejoinedAsStandbyWithout(primary, firstLost, acked);

            return new DrillResult(mode, settings.archiveTimeout(), scale, RecoveryPointBound.of(mode, timeout, rendered.reported()), acked,
                    acked / ((writer.ackedAt(acked) - writer.ackedAt(0)) / 1e9), lost, window,
                    Duration.ofNanos(promoted - promoteStart), Duration.ofNanos(firstWrite - promoted),
                    Duration.ofNanos(rewound - rewindStart), Duration.ofNanos(rejoined - rewound));
        }
    }

    private static void createTable(LoopbackServer primary) throws SQLException {
        try (Connection c = primary.connect(); Statement s = c.createStatement()) {
            // Synchronous: no standby exists yet to confirm this commit.
            s.execute("SET synchronous_commit = local");
            s.execute("CREATE TABLE drill (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())");
        }
    }

    /** Settings every server of the drill has: one archive for both, standing for the object store. */
    private static Map<String, String> common(Path archive, Duration timeout) {
        Map<String, String> s = LoopbackServer.archiving(archive, archive, timeout);
        s.put("max_connections", "20");
        return s;
    }

    private static Map<String, String> standbySettings(StandbyMode mode, Path archive, Duration timeout, LoopbackServer source) {
        Map<String, String> s = common(archive, timeout);
        if (mode != StandbyMode.ARCHIVE_ONLY) {
            s.put("primary_conninfo", source.conninfo("standby"));
        }
        return s;
    }

    /** Waits until the primary reports the standby streaming (and, synchronous, counted for commits). */
    private static void awaitReplicating(LoopbackServer primary, StandbyMode mode) throws Exception {
        String sql = "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'standby' AND state = 'streaming'"
                + (mode == StandbyMode.SYNCHRONOUS ? " AND sync_state IN ('sync', 'quorum')" : "");
        try (Connection c = primary.connect(); Statement s = c.createStatement()) {
            await("the standby streaming from the primary", () -> {
                try (ResultSet r = s.executeQuery(sql)) {
                    return r.next() && r.getInt(1) == 1;
                }
            }, primary);
        }
    }

    /**
     * Waits until the standby holds some of the writer's rows, then until the primary has just archived a segment
     * (archive-only; {@code pg_stat_archiver}), then lets the writer go on for {@code more}: with streaming, a
     * steady state; archive-only, the kill lands late in the archive cycle (the next segment is due one archive
     * timeout after the last), so the loss is measured near its worst case.
     */
    private static void awaitLoad(AckedWriter writer, LoopbackServer primary, LoopbackServer standby, StandbyMode mode,
            Duration more) throws Exception {
        try (Connection c = standby.connect(); Statement s = c.createStatement()) {
            await("the standby replaying the writer's rows", () -> {
                assertWriting(writer);
                try (ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) FROM drill")) {
                    return r.next() && r.getLong(1) > 0;
                }
            }, standby);
        }
        if (mode == StandbyMode.ARCHIVE_ONLY) {
            try (Connection c = primary.connect(); Statement s = c.createStatement()) {
                String last = lastArchived(s);
                await("the primary archiving its next segment", () -> {
                    assertWriting(writer);
                    return !lastArchived(s).equals(last);
                }, primary);
            }
        }
        long from = System.nanoTime();
        await("the writer writing on for " + more.toMillis() + " ms", () -> {
            assertWriting(writer);
            return writer.ackedAt(writer.lastAcked()) - from >= more.toNanos();
        }, null);
    }

    private static String lastArchived(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void assertWriting(AckedWriter writer) {
        if (writer.failure().isPresent()) {
            throw new AssertionError("the writer failed before the kill", writer.failure().get());
        }
    }

    private static void insert(LoopbackServer server, long id) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO drill (id) VALUES (" + id + ")");
        }
    }

    /** Waits until {@code server} holds row {@code id}, connecting as soon as it accepts connections. */
    private static void awaitRow(LoopbackServer server, long id) throws Exception {
        await("row " + id + " on the rejoined " + server.name(), () -> {
            try (Connection c = server.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM drill WHERE id = " + id)) {
                return r.next() && r.getInt(1) == 1;
            } catch (SQLException notYet) {
                return false; // starting up, or not consistent yet: "the database system is starting up"
            }
        }, server);
    }

    /** @return the acknowledged ids (1…{@code acked}) the server holds */
    private static BitSet rowsOn(LoopbackServer server, int acked) throws SQLException {
        BitSet kept = new BitSet(acked + 1);
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM drill WHERE id BETWEEN 1 AND " + acked)) {
            while (r.next()) {
                kept.set((int) r.getLong(1));
            }
        }
        return kept;
    }

    /** The rewound old primary is a standby now, and the rows only it had (the lost ones) are gone from it. */
    private static void assertRejoinedAsStandbyWithout(LoopbackServer old, int firstLost, int acked) throws SQLException {
        try (Connection c = old.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_is_in_recovery(), (SELECT count(*) FROM drill WHERE id BETWEEN "
                        + firstLost + " AND " + acked + ")")) {
            r.next();
            if (!r.getBoolean(1)) {
                throw new AssertionError("the rejoined old primary is not in recovery");
            }
            if (r.getLong(2) != 0) {
                throw new AssertionError("the rejoined old primary still holds " + r.getLong(2)
                        + " rows the new primary lost: pg_rewind did not take them back");
            }
        }
    }

    /** A condition polled every 20 ms. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition, LoopbackServer logOf) throws Exception {
        long deadline = System.nanoTime() + EVENT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within " + EVENT_LIMIT + ": " + what
                + (logOf == null ? "" : "\n" + logOf.name() + " log:\n" + logOf.logText()));
    }
}
