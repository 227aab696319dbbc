package dev.tandem.e2e.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One PostgreSQL server of the drill: a data directory, a loopback port chosen free at each start, and its settings
 * in {@code drill.conf} (included from {@code postgresql.conf}, so base backups and {@code pg_rewind} carry the
 * include line and each server rewrites its own file). TCP on 127.0.0.1 only, no Unix socket, trust
 * authentication: the servers live for one drill in a temporary directory, with nothing secret in them.
 */
final class LoopbackServer implements AutoCloseable {
    static final String CONFIG = "drill.conf";
    /** Generous upper bounds: a loaded 2-core machine, never an expected duration. */
    static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final PostgresBinaries pg;
    private final String name;
    private final Path data;
    private final Path log;
    private Map<String, String> settings = Map.of();
    private int port;
    private long postmaster;

    LoopbackServer(PostgresBinaries pg, String name, Path data, Path log) {
        this.pg = pg;
        this.name = name;
        this.data = data;
        this.log = log;
    }

    /** Replaces this server's settings (written at the next {@link #start()}, with its port). */
    void configure(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** Marks the data directory as a standby's ({@code standby.signal}); it stays one until promoted. */
    void markStandby() throws IOException {
        pg.own(Files.writeString(data.resolve("standby.signal"), ""));
    }

    /**
     * Starts the server on a free loopback port and waits until it accepts connections ({@code pg_ctl -w}). A port
     * taken by someone else between the choice and the bind is chosen again.
     */
    void start() throws IOException, InterruptedException {
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
    void startWithoutWaiting() throws IOException, InterruptedException {
        launch("-W");
    }

    private void launch(String waitFlag) throws IOException, InterruptedException {
        port = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("listen_addresses", "127.0.0.1");
        all.put("port", Integer.toString(port));
        all.put("unix_socket_directories", "");
        all.putAll(settings);
        String text = all.entrySet().stream()
                .map(e -> e.getKey() + " = '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining("\n", "# written by the failover drill\n", "\n"));
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
     * Kills the whole server at once, as a lost host would stop it: SIGKILL to its process group ({@code pg_ctl}
     * starts the postmaster in a session of its own, so the group is the postmaster and every backend, WAL sender
     * and archiver), then waits until the postmaster is dead and removes its lock file, as a rebuilt host would
     * find it: stale.
     */
    void kill() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + postmaster).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -KILL -" + postmaster + " failed: " + out);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (running(postmaster)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " (pid " + postmaster + ") still runs " + START_LIMIT + " after SIGKILL");
            }
            Thread.sleep(5);
        }
        // The dead postmaster may stay a zombie for seconds (this machine's init reaps slowly), and PostgreSQL
        // refuses a data directory whose lock file names a process that still exists.
        Files.deleteIfExists(data.resolve("postmaster.pid"));
        postmaster = 0; // never signal that process id again: it may be reused
    }

    /** @return whether {@code pid} runs: a zombie (state Z or X in {@code /proc/<pid>/stat}) is dead already */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (NoSuchFileException gone) {
            return false;
        }
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    /** Stops the server if it is running (the drill's cleanup; an already dead server is fine). */
    @Override
    public void close() {
        try {
            if (postmaster > 0 && running(postmaster)) {
                kill();
            }
        } catch (IOException | RuntimeException e) {
                // cleanup of a server that may have died by itself: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return a new connection as the superuser, autocommit on */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** @return the JDBC address of this server */
    String jdbcUrl() {
        // connectTimeout / socketTimeout: a dead server must not hang the drill (seconds, pgjdbc's unit)
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=10&socketTimeout=60";
    }

    /** @return a libpq connection string for replication and {@code pg_rewind} */
    String conninfo(String applicationName) {
        return "host=127.0.0.1 port=" + port + " user=postgres dbname=postgres application_name=" + applicationName;
    }

    Path data() {
        return data;
    }

    String name() {
        return name;
    }

    String logText() {
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
