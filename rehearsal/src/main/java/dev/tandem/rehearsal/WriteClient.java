package dev.tandem.rehearsal;

import dev.tandem.rehearsal.edge.EdgeEmulator;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.region.AppPod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One writing client of the edge's host name (PostgreSQL deployments): sends {@code /write/N} with N = 1, 2, 3…
 * (unique over the whole rehearsal), one at a time on fresh connections, and keeps every answer. A 200 is an
 * acknowledged write: the app committed row N. One writer keeps commit order equal to id order.
 */
final class WriteClient implements AutoCloseable {
    private static final Pattern REGION = Pattern.compile("region=(\\S+)");
    private static final String SOURCE = "127.0.0.4";
    private static final long PAUSE_MS = 20;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    /**
     * One write's answer.
     *
     * @param atNanos when it completed ({@link System#nanoTime()})
     * @param region  the region whose app answered, or empty
     * @param answer  the answer's first line
     */
    record Write(long id, long atNanos, int status, String region, String answer) {
        boolean acked() {
            return status == 200;
        }
    }

    /** @param ids the rehearsal's id counter, shared by every scenario's writer */
    WriteClient(String hostname, AtomicLong ids) {
        thread = new Thread(() -> {
            while (running.get()) {
                long id = ids.incrementAndGet();
                HttpProbe.Response r = HttpProbe.get(SOURCE, EdgeEmulator.LISTEN.getAddress(),
                        EdgeEmulator.LISTEN.getPort(), AppPod.WRITE_PATH + id, hostname, Map.of(), 30_000);
                Matcher m = REGION.matcher(r.body());
                writes.add(new Write(id, System.nanoTime(), r.status(), m.find() ? m.group(1) : "",
                        r.body().lines().findFirst().orElse("").strip()));
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rehearsal-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return every answer so far, in order */
    List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Stops writing and waits for the write in flight. */
    List<Write> stop() throws InterruptedException {
        running.set(false);
        thread.join(60_000);
        return writes();
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
