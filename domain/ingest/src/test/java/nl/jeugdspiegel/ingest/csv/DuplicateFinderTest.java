package nl.jeugdspiegel.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateFinderTest {

    /** Spilled to several bucket files (a 300 MB upload), the losers are every row whose key a later row repeats. */
    @Test
    void findsEveryEarlierRowOfARepeatedKeyAcrossBuckets(@TempDir Path dir) throws Exception {
        Random random = new Random(25);
        int rows = 200_000;
        long[][] keys = new long[rows][];
        Map<String, Integer> lastRow = new HashMap<>();
        for (int row = 0; row < rows; row++) {
            keys[row] = row > 10 && random.nextInt(20) == 0
                    ? keys[random.nextInt(row)]
                    : new long[] {random.nextLong(), random.nextLong()};
        }
        TreeMap<Integer, Long> expected = new TreeMap<>();
        for (int row = 0; row < rows; row++) {
            Integer earlier = lastRow.put(keys[row][0] + "/" + keys[row][1], row);
            if (earlier != null) {
                expected.put(earlier, 2L + earlier);
            }
        }
        DuplicateFinder.Losers losers;
        try (DuplicateFinder finder = new DuplicateFinder(dir, 300L * 1024 * 1024)) {
            for (int row = 0; row < rows; row++) {
                finder.add(keys[row][0], keys[row][1], row, 2L + row);
            }
            losers = finder.finish();
        }
        assertArrayEquals(expected.keySet().stream().mapToInt(Integer::intValue).toArray(), losers.rows());
        assertArrayEquals(expected.values().stream().mapToLong(Long::longValue).toArray(), losers.lines());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the spill files are removed");
        }
    }
}
