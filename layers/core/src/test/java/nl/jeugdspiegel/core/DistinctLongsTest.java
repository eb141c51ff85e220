package nl.jeugdspiegel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistinctLongsTest {

    @TempDir
    Path dir;

    /** The same count in memory and spilled, with repeats in and across the spill's buckets. */
    @Test
    void countsExactlyInMemoryAndSpilled() throws Exception {
        Random random = new Random(7);
        long[] values = new long[50_000];
        Set<Long> truth = new HashSet<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 5 == 0 ? values[random.nextInt(Math.max(1, i))] : random.nextLong();
            truth.add(values[i]);
        }
        for (int inMemory : new int[] {DistinctLongs.IN_MEMORY, 1000}) {
            try (DistinctLongs counter = new DistinctLongs(dir, inMemory)) {
                for (long v : values) {
                    counter.add(v);
                }
                assertEquals(truth.size(), counter.count(), "in memory up to " + inMemory);
            }
        }
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the spill files are removed");
        }
    }

    /** Zero, negatives and runs of neighbours: values that all fall in one or two of the 256 buckets. */
    @Test
    void countsZeroNegativesAndNeighbours() {
        Set<Long> truth = new HashSet<>();
        for (int inMemory : new int[] {DistinctLongs.IN_MEMORY, 100}) {
            try (DistinctLongs counter = new DistinctLongs(dir, inMemory)) {
                for (long v = -3000; v < 20_000; v++) {
                    long value = v % 7 == 0 ? 0 : v << 32;
                    counter.add(value);
                    counter.add(value);
                    truth.add(value);
                }
                assertEquals(truth.size(), counter.count(), "in memory up to " + inMemory);
            }
        }
    }

    @Test
    void nothingAddedIsZero() {
        try (DistinctLongs counter = new DistinctLongs(dir)) {
            assertEquals(0, counter.count());
        }
    }
}
