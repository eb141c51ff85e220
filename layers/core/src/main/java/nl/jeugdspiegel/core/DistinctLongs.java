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
 * Counts distinct 64-bit values exactly, in memory that does not grow with their number (contract v1.3 §3): up to
 * {@value #IN_MEMORY} distinct values in an open-addressing hash set, counted as they come (a sort at the end ran
 * once, in a JVM that had not compiled it, and took half a second for a million values: issue 25); beyond that every
 * value goes to one of {@value #BUCKETS} files by its top byte, and each file is counted on its own (sorted in memory:
 * 1/256 of the values). The delivery profile counts distinct
 * youths with it, by the first 64 bits of their pseudonym (an HMAC: two youths share them with a chance of about
 * n²/2⁶⁵, 2·10⁻⁵ for 25 million).
 */
public final class DistinctLongs implements AutoCloseable {

    static final int IN_MEMORY = 1 << 20;
    static final int BUCKETS = 256;

    private final Path dir;
    private final int inMemory;
    /** The hash set: 0 marks an empty slot, so the value 0 itself is {@link #hasZero}. At most half full. */
    private long[] slots = new long[1024];

    private int size;
    private boolean hasZero;
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
        if (value == 0) {
            hasZero = true;
            return;
        }
        int mask = slots.length - 1;
        for (int slot = (int) mix(value) & mask; ; slot = (slot + 1) & mask) {
            long held = slots[slot];
            if (held == value) {
                return;
            }
            if (held == 0) {
                slots[slot] = value;
                size++;
                break;
            }
        }
        if (size >= inMemory) {
            startSpilling();
        } else if (2 * size > slots.length) {
            grow();
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[2 * old.length];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int slot = (int) mix(value) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = value;
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** How many distinct values were added. */
    public long count() {
        if (spill == null) {
            return size + (hasZero ? 1 : 0);
        }
        long count = 0;
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
        for (long value : slots) {
            if (value != 0) {
                write(value);
            }
        }
        if (hasZero) {
            write(0);
        }
        slots = null;
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
