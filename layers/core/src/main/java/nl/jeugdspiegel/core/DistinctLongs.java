package nl.jeugdspiegel.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Counts distinct 64-bit values exactly, in memory that does not grow with their number (contract v1.3 §3). Values are
 * split by their top byte into {@value #BUCKETS} buckets as they come: in memory up to {@value #IN_MEMORY} values,
 * beyond that each bucket in a file of its own; {@link #count} sorts and counts each bucket alone (1/256 of the values).
 * The split is made as values come, so the count at the end is 256 small sorts, not one sort of a million values,
 * which ran once, in a JVM that had not compiled it, and took half a second (issue 25). The delivery profile counts
 * distinct youths with it, by the first 64 bits of their pseudonym (an HMAC: two youths share them with a chance of
 * about n²/2⁶⁵, 2·10⁻⁵ for 25 million).
 */
public final class DistinctLongs implements AutoCloseable {

    static final int IN_MEMORY = 1 << 20;
    static final int BUCKETS = 256;

    private final Path dir;
    private final int inMemory;
    private final long[][] buckets = new long[BUCKETS][];
    private final int[] sizes = new int[BUCKETS];
    private int size;
    private DataOutputStream[] spill;

    /** Spills, when it must, to files in {@code dir} (removed by {@link #close}). */
    public DistinctLongs(Path dir) {
        this(dir, IN_MEMORY);
    }

    DistinctLongs(Path dir, int inMemory) {
        this.dir = dir;
        this.inMemory = inMemory;
    }

    public void add(long value) {
        if (spill != null) {
            write(value);
            return;
        }
        if (size == inMemory) {
            startSpilling();
            write(value);
            return;
        }
        int b = (int) (value >>> 56);
        long[] bucket = buckets[b];
        if (bucket == null) {
            bucket = new long[64];
            buckets[b] = bucket;
        } else if (sizes[b] == bucket.length) {
            bucket = Arrays.copyOf(bucket, 2 * bucket.length);
            buckets[b] = bucket;
        }
        bucket[sizes[b]++] = value;
        size++;
    }

    /** How many distinct values were added. */
    public long count() {
        long count = 0;
        if (spill == null) {
            for (int b = 0; b < BUCKETS; b++) {
                count += distinct(buckets[b], sizes[b]);
            }
            return count;
        }
        try {
            for (int b = 0; b < BUCKETS; b++) {
                spill[b].close();
                Path file = bucket(b);
                int n = (int) (Files.size(file) / Long.BYTES);
                long[] bucket = new long[n];
                try (DataInputStream in =
                        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                    for (int i = 0; i < n; i++) {
                        bucket[i] = in.readLong();
                    }
                }
                count += distinct(bucket, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spilled values in " + dir, e);
        }
        return count;
    }

    private static long distinct(long[] values, int size) {
        if (size == 0) {
            return 0;
        }
        Arrays.sort(values, 0, size);
        long count = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                count++;
            }
        }
        return count;
    }

    private void startSpilling() {
        spill = new DataOutputStream[BUCKETS];
        try {
            for (int b = 0; b < BUCKETS; b++) {
                spill[b] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(bucket(b)), 8192));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill distinct values to " + dir, e);
        }
        for (int b = 0; b < BUCKETS; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                write(buckets[b][i]);
            }
            buckets[b] = null;
            sizes[b] = 0;
        }
        size = 0;
    }

    private void write(long value) {
        try {
            spill[(int) (value >>> 56)].writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill distinct values to " + dir, e);
        }
    }

    private Path bucket(int b) {
        return dir.resolve("distinct-" + b + ".bin");
    }

    @Override
    public void close() {
        if (spill == null) {
            return;
        }
        for (int b = 0; b < BUCKETS; b++) {
            try {
                spill[b].close();
                Files.deleteIfExists(bucket(b));
            } catch (IOException e) {
                // the work folder is removed as a whole after the delivery
            }
        }
    }
}
