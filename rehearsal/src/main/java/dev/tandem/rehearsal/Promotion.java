package dev.tandem.rehearsal;

import dev.tandem.rehearsal.postgres.RegionDatabase;

/**
 * The declared promotion of the failover region's standby: at the report's decision time (scaled) after the
 * failure, {@code pg_promote} is applied, in a thread of its own while the clients keep going.
 */
final class Promotion {
    private final Thread thread;
    private volatile Long startedAt;
    private volatile Long promotedAt;
    private volatile Exception failure;

    /** @param atNanos when to promote ({@link System#nanoTime()}) */
    Promotion(RegionDatabase standby, long atNanos) {
        thread = new Thread(() -> {
            try {
                long wait = atNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                startedAt = System.nanoTime();
                standby.promote();
                promotedAt = System.nanoTime();
            } catch (Exception e) {
                failure = e;
            }
        }, "promotion");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return when {@code pg_promote} was called, or null when it has not been (yet) */
    Long startedAt() {
        return startedAt;
    }

    /** @return when {@code pg_promote} returned: the standby takes writes; null when it has not (yet) */
    Long promotedAt() {
        return promotedAt;
    }

    /** Waits for the promotion to end; a failed one is the scenario's error. */
    void join() throws Exception {
        thread.join(120_000);
        if (failure != null) {
            throw new IllegalStateException("the promotion failed", failure);
        }
    }
}
