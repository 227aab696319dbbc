package dev.tandem.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same steps for each item on its own thread, e.g. one region stack's Terraform runs beside the
 * other's: they wait on child processes far more than they compute. The steps must not call jsii (it
 * takes calls from one thread at a time): synthesize first, on the calling thread.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** One item's steps. */
    @FunctionalInterface
    public interface Step<T, R> {
        /**
         * @param item the item
         * @return its result
         * @throws Exception any failure, rethrown by {@link #map} as it was thrown
         */
        R apply(T item) throws Exception;
    }

    /**
     * @return each item's result, in the items' order, once all have finished
     * @throws Exception the first item's failure (in the items' order), the others' added as suppressed
     */
    public static <T, R> List<R> map(List<T> items, Step<T, R> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, items.size()));
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            Exception failed = null;
            for (Future<R> future : running) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error error && failed == null) {
                        throw error;
                    }
                    Exception thrown = cause instanceof Exception ex ? ex : e;
                    if (failed == null) {
                        failed = thrown;
                    } else {
                        failed.addSuppressed(thrown);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** As {@link #map}, for steps with no result. */
    public static <T> void forEach(List<T> items, Step<T, ?> step) throws Exception {
        map(items, step);
    }
}
