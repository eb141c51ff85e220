package nl.jeugdspiegel.s3local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the embedded server injects, per kind of request, for the next calls: an HTTP error status
 * (503 SlowDown for throttling, 500 InternalError) or a delay (for client time-outs). Thread-safe.
 */
public final class Faults {

    /** The request kinds a fault can be aimed at. */
    public enum Operation {
        GET,
        HEAD,
        PUT,
        COPY,
        LIST,
        DELETE,
        MULTIPART
    }

    private record Fault(int status, Duration delay) {}

    private final Map<Operation, Deque<Fault>> pending = new EnumMap<>(Operation.class);
    /** Faults that hit every request of a kind on keys under a prefix, until cleared. */
    private final Map<Operation, Map<String, Integer>> underPrefix = new EnumMap<>(Operation.class);

    private final AtomicInteger injected = new AtomicInteger();

    /** The next {@code times} requests of this kind fail with {@code status} (e.g. 503, 500). */
    public synchronized Faults failNext(Operation operation, int times, int status) {
        for (int i = 0; i < times; i++) {
            queue(operation).add(new Fault(status, Duration.ZERO));
        }
        return this;
    }

    /** The next {@code times} requests of this kind are held back for {@code delay} before being served. */
    public synchronized Faults delayNext(Operation operation, int times, Duration delay) {
        for (int i = 0; i < times; i++) {
            queue(operation).add(new Fault(0, delay));
        }
        return this;
    }

    /** Every request of this kind fails, until {@link #clear()}. */
    public synchronized Faults failAlways(Operation operation, int status) {
        return failNext(operation, 1_000_000, status);
    }

    /** Every request of this kind on a key under {@code keyPrefix} fails, until {@link #clear()}; other keys are served. */
    public synchronized Faults failAlways(Operation operation, int status, String keyPrefix) {
        underPrefix.computeIfAbsent(operation, k -> new LinkedHashMap<>()).put(keyPrefix, status);
        return this;
    }

    public synchronized void clear() {
        pending.clear();
        underPrefix.clear();
    }

    /** How many faults were injected so far. */
    public int injected() {
        return injected.get();
    }

    /** Applies the next fault for {@code operation} on {@code key}, if any: sleeps, or returns the status to fail with. */
    int apply(Operation operation, String key) {
        Fault fault;
        synchronized (this) {
            for (Map.Entry<String, Integer> rule :
                    underPrefix.getOrDefault(operation, Map.of()).entrySet()) {
                if (key != null && key.startsWith(rule.getKey())) {
                    injected.incrementAndGet();
                    return rule.getValue();
                }
            }
            Deque<Fault> queue = pending.get(operation);
            fault = queue == null ? null : queue.poll();
        }
        if (fault == null) {
            return 0;
        }
        injected.incrementAndGet();
        if (!fault.delay().isZero()) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fault.status();
    }

    private Deque<Fault> queue(Operation operation) {
        return pending.computeIfAbsent(operation, k -> new ArrayDeque<>());
    }
}
