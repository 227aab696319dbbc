package dev.tandem.e2e.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The drill's application: one connection inserting rows 1, 2, 3… into {@code drill}, each in its own transaction,
 * as fast as the primary acknowledges them, and remembering when each commit was acknowledged. It stops when the
 * primary dies (the first failed commit) or when asked. One connection keeps commit order equal to id order, so the
 * rows a standby holds are a prefix of the acknowledged ones and the loss window is the tail that is missing.
 */
final class AckedWriter implements AutoCloseable {
    /** About five minutes of writes at loopback speed; the drill writes for seconds. */
    private static final int CAPACITY = 1 << 20;

    private final long[] ackedAt = new long[CAPACITY + 1];
    private final Thread thread;
    private volatile int lastAcked;
    private volatile boolean stopping;
    private volatile SQLException failure;

    private AckedWriter(Connection connection) {
        ackedAt[0] = System.nanoTime();
        thread = new Thread(() -> write(connection), "drill-writer");
        thread.setDaemon(true);
    }

    /** Starts writing on {@code connection} (which the writer closes when it ends). */
    static AckedWriter start(Connection connection) {
        AckedWriter writer = new AckedWriter(connection);
        writer.thread.start();
        return writer;
    }

    private void write(Connection connection) {
        try (connection; PreparedStatement insert = connection.prepareStatement("INSERT INTO drill (id) VALUES (?)")) {
            for (int id = 1; id <= CAPACITY && !stopping; id++) {
                insert.setLong(1, id);
                insert.executeUpdate();
                ackedAt[id] = System.nanoTime();
                lastAcked = id; // volatile write after the array write: readers of lastAcked see ackedAt[..id]
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** @return the newest acknowledged row so far */
    int lastAcked() {
        return lastAcked;
    }

    /** @return when row {@code id} was acknowledged ({@link System#nanoTime()}); row 0 is the writer's start */
    long ackedAt(int id) {
        return ackedAt[id];
    }

    /** Waits until the writer has ended (its primary died or it was stopped); fails after {@code millis}. */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        if (thread.isAlive()) {
            throw new AssertionError("the writer did not notice its primary's death within " + millis + " ms");
        }
    }

    /** @return the error that ended the writer, if one did */
    Optional<SQLException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops the writer after its current commit. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(10_000);
    }
}
