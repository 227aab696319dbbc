package dev.tandem.e2e.haproxy;

import dev.tandem.rehearsal.loopback.HttpProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Clients sending requests back to back, bounded in count, until stopped. */
final class ClientLoop implements AutoCloseable {
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger budget;
    private final ConcurrentLinkedQueue<HttpProbe.Response> responses = new ConcurrentLinkedQueue<>();

    /**
     * @param request     one request, e.g. {@code () -> probe.get(port, "/", host)}
     * @param clients     concurrent clients
     * @param maxRequests requests at most, in all
     */
    ClientLoop(Supplier<HttpProbe.Response> request, int clients, int maxRequests) {
        this.budget = new AtomicInteger(maxRequests);
        this.threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            threads.execute(() -> {
                while (running.get() && budget.getAndDecrement() > 0) {
                    responses.add(request.get());
                }
            });
        }
    }

    /**
     * Waits for the event "{@code more} responses arrived since the call" rather than for a fixed time, so the
     * load is really there before and after what a drill does, however slow the machine.
     */
    void awaitMore(int more, Duration limit) throws InterruptedException {
        int target = responses.size() + more;
        long deadline = System.nanoTime() + limit.toNanos();
        while (responses.size() < target) {
            if (System.nanoTime() > deadline || budget.get() <= 0) {
                throw new AssertionError(responses.size() + " responses, " + target + " awaited within " + limit);
            }
            Thread.sleep(5);
        }
    }

    /** @return every response, once the requests in flight have finished */
    List<HttpProbe.Response> stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("client requests did not finish in 30 s");
        }
        return List.copyOf(responses);
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
