package dev.tandem.rehearsal.postgres;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An app stand-in's PostgreSQL client, wired as the synthesized Deployment wires the app: libpq's host list
 * ({@code PGHOST}, tried in order) and {@code target_session_attrs}. libpq's documentation
 * (postgresql.org/docs/current/libpq-connect.html, "Specifying Multiple Hosts" and {@code target_session_attrs}):
 * with several hosts, each is tried in turn until a connection succeeds; with {@code read-write}, a connection
 * whose {@code SHOW transaction_read_only} answers {@code on} (a standby's) is closed and the next host tried, as
 * this client does over JDBC.
 * Writes use the synthesized attribute ({@code read-write}); reads take the first host that answers ({@code any}),
 * so a region whose database is a standby still serves reads. Each call has a budget, as the app's data calls
 * have one below the health timeout; a host that hangs uses it up (libpq's {@code connect_timeout} is whole
 * seconds, longer than any budget here). Connections are kept for reuse and dropped on any error.
 */
public final class LibpqClient implements AutoCloseable {
    /** What a write came to. */
    public enum Write {
        /** committed: the app acknowledges it */
        ACKED,
        /** no host took it: every host refused writes or did not answer in time */
        REFUSED
    }

    private final List<InetSocketAddress> hosts;
    private final String database;
    private final boolean writesNeedReadWrite;
    private final ConcurrentLinkedQueue<Connection> readers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> writers = new ConcurrentLinkedQueue<>();
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "libpq");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param hosts              PGHOST's hosts in order, each mapped to the loopback server behind it
     * @param targetSessionAttrs PGTARGETSESSIONATTRS
     */
    public LibpqClient(List<InetSocketAddress> hosts, String database, String targetSessionAttrs) {
        this.hosts = List.copyOf(hosts);
        this.database = database;
        this.writesNeedReadWrite = targetSessionAttrs.equals("read-write") || targetSessionAttrs.equals("primary");
    }

    /** @return whether one read of the app's table answered within {@code budget} */
    public boolean read(Duration budget) {
        return call(budget, readers, false, c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM " + RegionDatabase.TABLE + " WHERE id = 0")) {
                return r.next();
            }
        });
    }

    /** Inserts row {@code id}; {@link Write#ACKED} only once the commit returned within {@code budget}. */
    public Write write(long id, Duration budget) {
        return call(budget, writers, writesNeedReadWrite, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + RegionDatabase.TABLE
                    + " (id) VALUES (?) ON CONFLICT DO NOTHING")) {
                p.setLong(1, id);
                p.executeUpdate();
                return true;
            }
        }) ? Write.ACKED : Write.REFUSED;
    }

    @FunctionalInterface
    private interface Work {
        boolean run(Connection c) throws SQLException;
    }

    private boolean call(Duration budget, ConcurrentLinkedQueue<Connection> pool, boolean readWrite, Work work) {
        Future<Boolean> done = calls.submit(() -> {
            Connection c = pool.poll();
            if (c == null) {
                c = open(readWrite);
            }
            if (c == null) {
                return false;
            }
            try {
                boolean ok = work.run(c);
                pool.add(c);
                return ok;
            } catch (SQLException e) {
                // The server failed or went: the connections kept for it are as broken as this one.
                closeQuietly(c);
                drain(pool);
                return false;
            }
        });
        try {
            return done.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            // The call goes on in its thread until the server answers or the socket times out; its connection is
            // not returned to the pool by then only if it failed.
            done.cancel(true);
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return a connection to the first host that accepts one (read-write when asked), or null */
    private Connection open(boolean readWrite) {
        for (InetSocketAddress host : hosts) {
            Connection c = null;
            try {
                c = DriverManager.getConnection("jdbc:postgresql://" + host.getHostString() + ":" + host.getPort()
                        + "/" + database + "?connectTimeout=2&socketTimeout=10&ApplicationName=tandem-app",
                        "postgres", "");
                if (readWrite && readOnly(c)) {
                    closeQuietly(c);
                    continue;
                }
                return c;
            } catch (SQLException unreachable) {
                closeQuietly(c);
            }
        }
        return null;
    }

    /** libpq's read-write test: a session that is read-only by default (a standby's) does not qualify. */
    private static boolean readOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW transaction_read_only")) {
            return r.next() && r.getString(1).equals("on");
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // a broken connection: nothing to close cleanly
            }
        }
    }

    /** Drops every kept connection, as a crashed app's process loses them. */
    public void reset() {
        drain(readers);
        drain(writers);
    }

    private static void drain(ConcurrentLinkedQueue<Connection> pool) {
        for (Connection c = pool.poll(); c != null; c = pool.poll()) {
            closeQuietly(c);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
        reset();
    }
}
