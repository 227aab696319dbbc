package dev.tandem.rehearsal.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One region's PostgreSQL in the rehearsal, stood up from its rendered {@code Cluster}: the primary region's server
 * is {@code initdb}'d; the other region's is a standby made from a base backup of it (CloudNativePG's replica cluster
 * bootstrap), restoring WAL from the primary's archive and, in the streaming modes, streaming from the primary's
 * address as well. Each server archives into a folder of its own, standing for its region's object store. The
 * archive timeout is the rendered one divided by the rehearsal's scale (whole seconds, at least 1 s: PostgreSQL's
 * unit). The app's rows live in {@link #TABLE}.
 */
public final class RegionDatabase implements AutoCloseable {
    /** The table the app stand-ins read and write: one row per acknowledged write, keyed by the writer's id. */
    public static final String TABLE = "tandem_rehearsal";
    /** Generous bounds for tools and events on a loaded 2-core machine; never expected durations. */
    private static final Duration TOOL_LIMIT = Duration.ofSeconds(60);

    private final PostgresBinaries pg;
    private final String cluster;
    private final String database;
    private final ClusterSettings settings;
    private final Duration archiveTimeout;
    private final Path archive;
    private final LoopbackServer server;

    private RegionDatabase(PostgresBinaries pg, String cluster, String database, ClusterSettings settings,
            Duration archiveTimeout, Path dir, InetAddress address, int port) throws IOException {
        this.pg = pg;
        this.cluster = cluster;
        this.database = database;
        this.settings = settings;
        this.archiveTimeout = archiveTimeout;
        pg.own(Files.createDirectories(dir));
        this.archive = pg.own(Files.createDirectory(dir.resolve("archive")));
        this.server = new LoopbackServer(pg, cluster, dir.resolve("data"), dir.resolve("postgresql.log"), address,
                port);
    }

    /**
     * Starts the primary region's server with {@code database} and the app's table in it.
     *
     * @param dir            a fresh folder the server user may enter
     * @param archiveTimeout the rendered archive timeout, scaled
     */
    public static RegionDatabase primary(PostgresBinaries pg, String cluster, String database,
            ClusterSettings settings, Duration archiveTimeout, Path dir, InetAddress address, int port)
            throws IOException, InterruptedException, SQLException {
        RegionDatabase db = new RegionDatabase(pg, cluster, database, settings, archiveTimeout, dir, address, port);
        LoopbackServer.initdb(pg, db.server.data(), TOOL_LIMIT);
        db.server.configure(db.common(db.archive));
        db.server.start();
        try (Connection c = db.server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + database + "\"");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT"
                    + " clock_timestamp())");
        }
        return db;
    }

    /**
     * Starts the other region's server as a standby of {@code source}: a base backup, {@code standby.signal},
     * WAL restored from the source's archive and, unless archive-only, streamed from the source's address.
     */
    public static RegionDatabase standby(PostgresBinaries pg, String cluster, String database,
            ClusterSettings settings, Duration archiveTimeout, Path dir, InetAddress address, int port,
            RegionDatabase source) throws IOException, InterruptedException, SQLException {
        RegionDatabase db = new RegionDatabase(pg, cluster, database, settings, archiveTimeout, dir, address, port);
        pg.run(TOOL_LIMIT, "pg_basebackup", "-d", source.server.conninfo("bootstrap"), "-D",
                db.server.data().toString(), "-X", "stream", "-c", "fast", "--no-sync");
        db.followAndStart(source, true);
        Optional<String> synchronous = settings.synchronousStandbyNames(cluster);
        if (synchronous.isPresent()) {
            // Only now: a primary waiting for a standby that does not exist yet would hold every commit.
            try (Connection c = source.server.connect(); Statement st = c.createStatement()) {
                st.execute("ALTER SYSTEM SET synchronous_standby_names = '" + synchronous.get() + "'");
                st.execute("SELECT pg_reload_conf()");
            }
        }
        return db;
    }

    private void followAndStart(RegionDatabase source, boolean wait) throws IOException, InterruptedException {
        Map<String, String> s = common(source.archive);
        if (settings.mode() != StandbyMode.ARCHIVE_ONLY) {
            s.put("primary_conninfo", source.server.conninfo(cluster));
        }
        server.configure(s);
        server.markStandby();
        if (wait) {
            server.start();
        } else {
            server.startWithoutWaiting();
        }
    }

    /** Settings every server has; {@code restoreFrom} is the archive it recovers from. */
    private Map<String, String> common(Path restoreFrom) {
        Map<String, String> s = LoopbackServer.archiving(archive, restoreFrom, archiveTimeout);
        s.put("max_connections", "200"); // every pod keeps connections, and hung ones wait out their timeout
        return s;
    }

    /** Makes the server stop answering ({@code SIGSTOP} of the postmaster and its children): connections hang. */
    public void pause() throws IOException, InterruptedException {
        server.pause();
    }

    /** Ends {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        server.resume();
    }

    /** Kills the server at once ({@code SIGKILL} of the postmaster and its children), as the region's loss would. */
    public void kill() throws IOException, InterruptedException {
        server.kill();
    }

    /** {@code pg_promote(wait => true)}: returns once the standby is out of recovery and takes writes. */
    public void promote() throws SQLException {
        server.promote(TOOL_LIMIT);
    }

    /**
     * Brings this (killed) old primary back as a standby of the promoted {@code current}: {@code pg_rewind} takes
     * back what only it had ({@code --restore-target-wal}: its own crash recovery recycled the WAL back to the
     * divergence point; it fetches it from its archive), then it follows {@code current} as a standby does.
     */
    public void rejoin(RegionDatabase current) throws IOException, InterruptedException, SQLException {
        server.rewindFrom(current.server, TOOL_LIMIT);
        followAndStart(current, false);
    }

    /** @return which of {@code ids} this server holds */
    public List<Long> holding(Collection<Long> ids) throws SQLException {
        List<Long> held = new ArrayList<>();
        if (ids.isEmpty()) {
            return held;
        }
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM " + TABLE + " WHERE id IN ("
                        + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")) {
            while (r.next()) {
                held.add(r.getLong(1));
            }
        }
        return held;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl().replace("/postgres?", "/" + database + "?"),
                "postgres", "");
    }

    /** @return the server's log, for a failure's report */
    public String logText() {
        return server.logText();
    }

    /** @return whether the server still runs (false after {@link #kill()} until {@link #rejoin}) */
    public boolean running() throws IOException {
        return server.running();
    }

    @Override
    public void close() {
        server.close();
    }
}
