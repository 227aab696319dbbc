package dev.tandem.rehearsal.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One PostgreSQL server on loopback: a data directory, an address and port (fixed, or chosen free at each start), and
 * its settings in {@code loopback.conf} (included from {@code postgresql.conf} by {@link #initdb}, so base backups and
 * {@code pg_rewind} carry the include line and each server rewrites its own file). TCP only, no Unix socket, trust
 * authentication: the servers live for one run in a temporary directory, with nothing secret in them. The rehearsal
 * runs one per region; the failover drill a primary and a standby.
 */
public final class LoopbackServer implements AutoCloseable {
    public static final String CONFIG = "loopback.conf";
    /** Generous upper bounds: a loaded 2-core machine, never an expected duration. */
    public static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final PostgresBinaries pg;
    private final String name;
    private final Path data;
    private final Path log;
    private final InetAddress address;
    private final int fixedPort;
    private Map<String, String> settings = Map.of();
    private int port;
    private long postmaster;

    /** A server on 127.0.0.1 at a port chosen free at each start. */
    public LoopbackServer(PostgresBinaries pg, String name, Path data, Path log) {
        this(pg, name, data, log, InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * @param address the loopback address it listens on
     * @param port    its port, or 0 to choose a free one at each start
     */
    public LoopbackServer(PostgresBinaries pg, String name, Path data, Path log, InetAddress address, int port) {
        this.pg = pg;
        this.name = name;
        this.data = data;
        this.log = log;
        this.address = address;
        this.fixedPort = port;
    }

    /**
     * Creates a cluster in {@code data} ({@code initdb}, trust authentication, superuser {@code postgres}, no fsync:
     * a throwaway cluster) that includes {@link #CONFIG}. WAL segments keep PostgreSQL's (and CloudNativePG's) 16 MB,
     * so under load the archive timeout, not a filled segment, decides when a segment is archived.
     */
    public static void initdb(PostgresBinaries pg, Path data, Duration limit) throws IOException, InterruptedException {
        pg.run(limit, "initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync", "--no-instructions");
        Path conf = data.resolve("postgresql.conf");
        Files.writeString(conf, Files.readString(conf) + "\ninclude_if_exists = '" + CONFIG + "'\n");
    }

    /**
     * @param archive     the folder it archives WAL into, standing for its object store
     * @param restoreFrom the folder it restores WAL from (a standby's source's archive; a primary's own, which
     *                    {@code pg_rewind --restore-target-wal} reads when it rejoins)
     * @param timeout     its archive timeout (PostgreSQL's unit is the second)
     * @return the settings every archiving server here has: the WAL archive (CloudNativePG always archives) and
     *         pg_rewind's need
     */
    public static Map<String, String> archiving(Path archive, Path restoreFrom, Duration timeout) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("wal_log_hints", "on");
        s.put("archive_mode", "on");
        // Copy then rename, so a standby never restores a half-written segment.
        s.put("archive_command", "cp %p " + archive + "/%f.part && mv " + archive + "/%f.part " + archive + "/%f");
        s.put("archive_timeout", timeout.toSeconds() + "s");
        s.put("restore_command", "cp " + restoreFrom + "/%f %p");
        // A standby polls the archive; PostgreSQL's default waits 5 s between polls, which no scale would shorten.
        s.put("wal_retrieve_retry_interval", "100ms");
        s.put("shared_buffers", "32MB");
        // Processes are killed here, not the machine: what a killed server wrote is in the page cache either way,
        // so a commit's fsync changes no figure except the write rate on a shared disk.
        s.put("fsync", "off");
        return s;
    }

    /** {@code pg_promote(wait => true)}: returns once this standby is out of recovery and takes writes. */
    public void promote(Duration limit) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_promote(true, " + limit.toSeconds() + ")")) {
            r.next();
            if (!r.getBoolean(1)) {
                throw new IllegalStateException("pg_promote did not finish within " + limit + "\n" + logText());
            }
        }
    }

    /**
     * Takes back from this killed old primary whatever {@code current} (the promoted standby) does not have: the
     * writes it lost among them.
     */
    public void rewindFrom(LoopbackServer current, Duration limit)
            throws SQLException, IOException, InterruptedException {
        try (Connection c = current.connect(); Statement s = c.createStatement()) {
            // pg_rewind reads the source's timeline from its control file, which the promotion updates only at its
            // next checkpoint (pg_rewind documentation).
            s.execute("CHECKPOINT");
        }
        // The crashed target's own crash recovery recycles the WAL back to the divergence point; pg_rewind fetches
        // it from the archive with the target's restore_command.
        pg.run(limit, "pg_rewind", "--target-pgdata=" + data, "--source-server=" + current.conninfo("rewind"),
                "--restore-target-wal", "--no-sync");
    }

    /** Replaces this server's settings (written at the next {@link #start()}, with its port). */
    public void configure(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** Marks the data directory as a standby's ({@code standby.signal}); it stays one until promoted. */
    public void markStandby() throws IOException {
        pg.own(Files.writeString(data.resolve("standby.signal"), ""));
    }

    /**
     * Starts the server on a free loopback port and waits until it accepts connections ({@code pg_ctl -w}). A port
     * taken by someone else between the choice and the bind is chosen again.
     */
    public void start() throws IOException, InterruptedException {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                launch("-w");
                return;
            } catch (IllegalStateException e) {
                last = e;
                if (!logText().contains("could not bind")) {
                    break;
                }
            }
        }
        throw new IllegalStateException(name + " did not start:\n" + last.getMessage() + "\n" + name + " log:\n" + logText());
    }

    /**
     * Starts the server without waiting for it to accept connections: a standby that can only become consistent
     * with WAL its primary has yet to write and archive ({@code pg_ctl -w} would wait for it forever).
     */
    public void startWithoutWaiting() throws IOException, InterruptedException {
        launch("-W");
    }

    private void launch(String waitFlag) throws IOException, InterruptedException {
        port = fixedPort > 0 ? fixedPort : freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("listen_addresses", address.getHostAddress());
        all.put("port", Integer.toString(port));
        all.put("unix_socket_directories", "");
        all.putAll(settings);
        String text = all.entrySet().stream()
                .map(e -> e.getKey() + " = '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining("\n", "# written by LoopbackServer\n", "\n"));
        pg.own(Files.writeString(data.resolve(CONFIG), text));
        Files.deleteIfExists(data.resolve("postmaster.pid")); // a killed server's, or pg_ctl -W would read it
        pg.run(START_LIMIT.plusSeconds(5), "pg_ctl", "start", waitFlag, "-t", Long.toString(START_LIMIT.toSeconds()),
                "-D", data.toString(), "-l", log.toString());
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        Path pidFile = data.resolve("postmaster.pid");
        while (!Files.exists(pidFile) || Files.readAllLines(pidFile).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " wrote no postmaster.pid within " + START_LIMIT + "\n" + logText());
            }
            Thread.sleep(10);
        }
        postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /**
     * Kills the whole server at once, as a lost host would stop it: SIGKILL to the postmaster and every backend, WAL
     * sender and archiver ({@link Processes#signalTree}), then waits until the postmaster is dead and removes its lock file, as a rebuilt host would
     * find it: stale.
     */
    public void kill() throws IOException, InterruptedException {
        // Every process, not only the postmaster: a child still writing would race whoever removes the folder next.
        for (long pid : Processes.signalTree(postmaster, "KILL")) {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (Processes.running(pid)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " (pid " + pid + ") still runs " + START_LIMIT + " after SIGKILL");
                }
                Thread.sleep(5);
            }
        }
        // The dead postmaster may stay a zombie for seconds (this machine's init reaps slowly), and PostgreSQL
        // refuses a data directory whose lock file names a process that still exists.
        Files.deleteIfExists(data.resolve("postmaster.pid"));
        postmaster = 0; // never signal that process id again: it may be reused
    }

    /**
     * Stops every process of the server where it stands ({@code SIGSTOP} to the postmaster and its children):
     * connections are still accepted by the kernel and then hang, as behind a network partition.
     */
    public void pause() throws IOException, InterruptedException {
        Processes.signalTree(postmaster, "STOP");
    }

    /** Ends {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        Processes.signalTree(postmaster, "CONT");
    }

    /** @return whether the server's postmaster runs */
    public boolean running() throws IOException {
        return postmaster > 0 && Processes.running(postmaster);
    }

    /** Stops the server if it is running (the drill's cleanup; an already dead server is fine). */
    @Override
    public void close() {
        try {
            if (running()) {
                resume(); // a paused server would not die before SIGCONT
                kill();
            }
        } catch (IOException | RuntimeException e) {
                // cleanup of a server that may have died by itself: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return a new connection as the superuser, autocommit on */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** @return the JDBC address of this server */
    public String jdbcUrl() {
        // connectTimeout / socketTimeout: a dead server must not hang the caller (seconds, pgjdbc's unit)
        return "jdbc:postgresql://" + address.getHostAddress() + ":" + port
                + "/postgres?connectTimeout=10&socketTimeout=60";
    }

    /** @return a libpq connection string for replication and {@code pg_rewind} */
    public String conninfo(String applicationName) {
        return "host=" + address.getHostAddress() + " port=" + port + " user=postgres dbname=postgres application_name=" + applicationName;
    }

    public Path data() {
        return data;
    }

    public String name() {
        return name;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
