package dev.tandem.rehearsal;

import dev.tandem.rehearsal.edge.EdgeEmulator;
import dev.tandem.rehearsal.loopback.HttpProbe;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients of the edge's host name: each sends one request per fresh connection, then pauses briefly, until
 * stopped; every answer is kept with the time it completed and the region named in the app's answer.
 */
final class LoadClients implements AutoCloseable {
    private static final Pattern REGION = Pattern.compile("region=(\\S+)");
    private static final String SOURCE = "127.0.0.3";

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    /**
     * One answer.
     *
     * @param atNanos when it completed ({@link System#nanoTime()})
     * @param region  the region that served it, or empty when no app answered
     */
    record Sample(long atNanos, int status, String region, String body) {
        boolean servedBy(String expected) {
            return status == 200 && region.equals(expected);
        }
    }

    LoadClients(String hostname, int clients, long pauseMillis) {
        threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            threads.execute(() -> {
                while (running.get()) {
                    HttpProbe.Response r = HttpProbe.get(SOURCE, EdgeEmulator.LISTEN.getAddress(),
                            EdgeEmulator.LISTEN.getPort(), "/", hostname, Map.of(), 30_000);
                    Matcher m = REGION.matcher(r.body());
                    samples.add(new Sample(System.nanoTime(), r.status(), m.find() ? m.group(1) : "", r.body()));
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
    }

    /** @return every answer so far, in completion order */
    List<Sample> samples() {
        return samples.stream().sorted(Comparator.comparingLong(Sample::atNanos)).toList();
    }

    /** Stops sending and waits for requests in flight. */
    List<Sample> stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(60, TimeUnit.SECONDS);
        return samples();
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
