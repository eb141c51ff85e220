package nl.jeugdspiegel.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import nl.jeugdspiegel.core.lake.Trajectory;

/**
 * Finds rows with the same key (client, soort, hulpvorm or without one the product category, startdatum:
 * {@link Trajectory#hulpvormKey}) in a delivery of any size with
 * flat memory: each accepted row's key is spilled to one of a few bucket files on local disk (by key
 * hash), then each bucket is deduplicated on its own. Within a key the last row wins; the earlier ones
 * are "losers". Only pseudonyms are spilled, never a BSN.
 *
 * <p>A key is 122 bits: the first 96 bits of the client's HMAC (a collision between two youths in one
 * delivery is about as likely as 1 in 10^15 for ten million rows), soort, hulpvorm and startdatum.
 */
final class DuplicateFinder implements Closeable {

    /** Rows whose key a later row repeats: their row indices (ascending) and line numbers. */
    record Losers(int[] rows, long[] lines) {
        static final Losers NONE = new Losers(new int[0], new long[0]);

        boolean isEmpty() {
            return rows.length == 0;
        }
    }

    private static final int RECORD_BYTES = 8 + 8 + 4 + 8;

    private final Path dir;
    private final Spill[] buckets;
    private final int mask;
    private long count;

    /** @param expectedBytes size of the upload, to choose the number of buckets (about 32 MiB of CSV each) */
    DuplicateFinder(Path dir, long expectedBytes) {
        this.dir = dir;
        int wanted = (int) Math.min(256, Math.max(1, expectedBytes / (32L * 1024 * 1024) + 1));
        int size = wanted == 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1; // next power of two
        this.buckets = new Spill[size];
        this.mask = size - 1;
    }

    private static final String[] SOORT_INDEX = {
        Trajectory.JEUGDHULP, Trajectory.JEUGDBESCHERMING, Trajectory.JEUGDRECLASSERING
    };

    /** Spills the key of the accepted row {@code row} (its index among the accepted rows), on {@code line}. */
    void add(Trajectory t, int row, long line) throws IOException {
        add(keyHigh(t.client()), keyLow(t.client(), soortIndex(t.soort()), t.hulpvormKey(), t.startdatum()), row, line);
    }

    private static int soortIndex(String soort) {
        for (int i = 0; i < SOORT_INDEX.length; i++) {
            if (SOORT_INDEX[i].equals(soort)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown soort " + soort);
    }

    /** Packs soort, hulpvorm and startdatum into the low bits of the second key word. */
    static long keyLow(String clientHex, int soortIndex, int hulpvorm, int startEpochDay) {
        long clientBits = Long.parseUnsignedLong(clientHex, 16, 24, 16) & 0xFFFF_FFFFL;
        long day = (startEpochDay + 30_000L) & 0x1_FFFF; // 1900..2100 fits in 17 bits
        return clientBits << 32 | ((long) soortIndex & 3) << 30 | ((long) hulpvorm & 0x7F) << 23 | day;
    }

    static long keyHigh(String clientHex) {
        return Long.parseUnsignedLong(clientHex, 0, 16, 16);
    }

    void add(long high, long low, int row, long line) throws IOException {
        int bucket = (int) mix(high ^ low) & mask;
        Spill out = buckets[bucket];
        if (out == null) {
            out = new Spill(dir.resolve("keys-" + bucket + ".bin"));
            buckets[bucket] = out;
        }
        out.add(high, low, row, line);
        count++;
    }

    /**
     * One bucket file, written through a buffer of whole records ({@code ByteBuffer.putLong} rather than
     * {@code DataOutputStream}'s byte-by-byte writes: this runs for every row).
     */
    private static final class Spill implements Closeable {
        private final FileChannel file;
        private final ByteBuffer buffer = ByteBuffer.allocate(RECORD_BYTES * 2048);

        Spill(Path path) throws IOException {
            this.file = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        }

        void add(long high, long low, int row, long line) throws IOException {
            if (buffer.remaining() < RECORD_BYTES) {
                flush();
            }
            buffer.putLong(high).putLong(low).putInt(row).putLong(line);
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try (FileChannel closing = file) {
                flush();
            }
        }
    }

    Losers finish() throws IOException {
        close();
        if (count == 0) {
            return Losers.NONE;
        }
        IntLongList losers = new IntLongList();
        for (int b = 0; b < buckets.length; b++) {
            Path file = dir.resolve("keys-" + b + ".bin");
            if (Files.exists(file)) {
                findLosers(file, losers);
                Files.delete(file);
            }
        }
        return losers.sortedLosers();
    }

    private static void findLosers(Path file, IntLongList losers) throws IOException {
        int n = (int) (Files.size(file) / RECORD_BYTES);
        long[] high = new long[n];
        long[] low = new long[n];
        int[] row = new int[n];
        long[] line = new long[n];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(RECORD_BYTES * 2048);
            int i = 0;
            while (i < n) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), (long) (n - i) * RECORD_BYTES));
                while (buffer.hasRemaining()) {
                    if (in.read(buffer) < 0) {
                        throw new IOException("spill file " + file + " is truncated");
                    }
                }
                buffer.flip();
                for (; buffer.remaining() >= RECORD_BYTES; i++) {
                    high[i] = buffer.getLong();
                    low[i] = buffer.getLong();
                    row[i] = buffer.getInt();
                    line[i] = buffer.getLong();
                }
            }
        }
        // open addressing: slot holds 1 + index of the latest record with that key
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        int[] slots = new int[capacity];
        int slotMask = capacity - 1;
        for (int i = 0; i < n; i++) {
            int slot = (int) mix(high[i] * 31 + low[i]) & slotMask;
            while (true) {
                int held = slots[slot] - 1;
                if (held < 0) {
                    slots[slot] = i + 1;
                    break;
                }
                if (high[held] == high[i] && low[held] == low[i]) {
                    losers.add(row[held], line[held]); // rows arrive in file order: the later one wins
                    slots[slot] = i + 1;
                    break;
                }
                slot = (slot + 1) & slotMask;
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (int b = 0; b < buckets.length; b++) {
            if (buckets[b] != null) {
                try {
                    buckets[b].close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
                buckets[b] = null;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A growable list of (row, line) pairs. */
    private static final class IntLongList {
        private int[] rows = new int[16];
        private long[] lines = new long[16];
        private int size;

        void add(int row, long line) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            rows[size] = row;
            lines[size] = line;
            size++;
        }

        Losers sortedLosers() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(rows[a], rows[b]));
            int[] sortedRows = new int[size];
            long[] sortedLines = new long[size];
            for (int i = 0; i < size; i++) {
                sortedRows[i] = rows[order[i]];
                sortedLines[i] = lines[order[i]];
            }
            return new Losers(sortedRows, sortedLines);
        }
    }
}
