package nl.jeugdspiegel.core.concurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one action per item on a fixed number of threads and waits for all; the first failure is thrown. */
public final class Parallel {

    /** An action that may fail with an I/O error. */
    public interface Action<T> {
        void run(T item) throws IOException;
    }

    private Parallel() {}

    public static <T> void forEach(List<T> items, int threads, Action<T> action) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (T item : items) {
                work.add(pool.submit(() -> {
                    action.run(item);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
