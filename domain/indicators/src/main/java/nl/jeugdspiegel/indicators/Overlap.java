package nl.jeugdspiegel.indicators;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Woonplaatsbeginsel overlap ({@code dubbel_geleverd}): the youths whose jeugdhulp, in the deliveries for a periode,
 * runs on one and the same day of that periode in two (or more) municipalities. Matched by pseudonym only. A move within
 * the half-year (one trajectory ends, the other starts later) is not an overlap: both municipalities then pay for
 * different days.
 *
 * @param entries sorted (client, gemeente) {@link LakeData#entry entries} of the doubly delivered youths, one per
 *                gemeente that delivered them
 * @param size    how many entries
 * @param pairs   per gemeente (index), per other gemeente (index), the youths they both delivered on a same day
 */
record Overlap(long[] entries, int size, Map<Integer, Map<Integer, Long>> pairs) {

    static final Overlap NONE = new Overlap(new long[0], 0, Map.of());

    /** Over the merged jeugdhulp rows of the delivering gemeenten that are active in [first, last]. */
    static Overlap of(LakeData data, boolean[] delivering, int first, int last) {
        long[] rows = new long[1024];
        int n = 0;
        for (int r = 0; r < data.size; r++) {
            if (!delivering[data.gemeente[r]] || data.soort[r] != Codes.JH) {
                continue;
            }
            int end = data.end[r];
            if (data.start[r] > last || (end != LakeData.NONE && end < first)) {
                continue;
            }
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, n * 2);
            }
            rows[n++] = (long) data.client[r] << 32 | r;
        }
        Arrays.sort(rows, 0, n);
        long[] entries = new long[16];
        int size = 0;
        Map<Integer, Map<Integer, Long>> pairs = new TreeMap<>();
        long[] clientPairs = new long[8];
        for (int i = 0; i < n; ) {
            int client = (int) (rows[i] >>> 32);
            int j = i;
            while (j < n && (int) (rows[j] >>> 32) == client) {
                j++;
            }
            int found = 0;
            for (int a = i; a < j; a++) {
                for (int b = a + 1; b < j; b++) {
                    int ra = (int) rows[a];
                    int rb = (int) rows[b];
                    int ga = data.gemeente[ra];
                    int gb = data.gemeente[rb];
                    if (ga == gb || !sameDay(data, ra, rb, first, last)) {
                        continue;
                    }
                    long pair = (long) Math.min(ga, gb) << 32 | Math.max(ga, gb);
                    if (!contains(clientPairs, found, pair)) {
                        if (found == clientPairs.length) {
                            clientPairs = Arrays.copyOf(clientPairs, found * 2);
                        }
                        clientPairs[found++] = pair;
                    }
                }
            }
            int entriesBefore = size;
            for (int k = 0; k < found; k++) {
                int ga = (int) (clientPairs[k] >>> 32);
                int gb = (int) clientPairs[k];
                pairs.computeIfAbsent(ga, x -> new TreeMap<>()).merge(gb, 1L, Long::sum);
                pairs.computeIfAbsent(gb, x -> new TreeMap<>()).merge(ga, 1L, Long::sum);
                for (int g : new int[] {ga, gb}) {
                    long entry = LakeData.entry(client, g, false);
                    if (!contains(entries, entriesBefore, size, entry)) {
                        if (size == entries.length) {
                            entries = Arrays.copyOf(entries, size * 2);
                        }
                        entries[size++] = entry;
                    }
                }
            }
            i = j;
        }
        Arrays.sort(entries, 0, size);
        return new Overlap(entries, size, pairs);
    }

    private static boolean sameDay(LakeData data, int a, int b, int first, int last) {
        int from = Math.max(first, Math.max(data.start[a], data.start[b]));
        int to = Math.min(last, Math.min(endOr(data.end[a], last), endOr(data.end[b], last)));
        return from <= to;
    }

    private static int endOr(int end, int last) {
        return end == LakeData.NONE ? last : end;
    }

    private static boolean contains(long[] values, int size, long value) {
        return contains(values, 0, size, value);
    }

    private static boolean contains(long[] values, int from, int to, long value) {
        for (int i = from; i < to; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
