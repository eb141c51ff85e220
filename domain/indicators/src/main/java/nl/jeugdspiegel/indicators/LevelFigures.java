package nl.jeugdspiegel.indicators;

import java.util.Arrays;
import java.util.List;

/** The figures of the units of one level, from the counters of its member gemeenten (or cells). */
final class LevelFigures {

    private LevelFigures() {}

    /**
     * The figures of every unit of one level.
     *
     * @param clients        distinct clients with active jeugdhulp, and {@code youngClients} of them under 18
     * @param waitingClients distinct clients waiting at L, and {@code waitingLonger} of them more than 9 weeks; known
     *                       ({@code waitingKnown}) when every delivering gemeente of the unit delivered iJw messages
     */
    record Figures(
            long[][] totals,
            boolean[] delivered,
            long[][] clients,
            int[][] durations,
            int[][] waits,
            long[] youth,
            boolean[] youthKnown,
            long[][] waitingClients,
            boolean[] waitingKnown,
            long[] doubled) {}

    /** Sorted (client, gemeente, flag) entries, {@code size} of them: see {@link #distinct}. */
    record Entries(long[] entries, int size) {}

    /**
     * What one pass over the merged rows counted per gemeente of a periode.
     *
     * @param values        per gemeente the trajectory durations and the waiting times (days), {@code counts} of each
     * @param activeClients (client, gemeente, young) entries of the clients with active jeugdhulp
     * @param waiting       (client, gemeente, longer than 9 weeks) entries of the clients waiting at L
     * @param waitingKnown  per gemeente: does its delivery tell who waits (iJw messages)?
     */
    record GemeenteCounts(
            boolean[] delivering,
            long[][] totals,
            List<List<int[]>> values,
            int[][] counts,
            Entries activeClients,
            Entries waiting,
            boolean[] waitingKnown,
            Entries doubled) {}

    /**
     * Distinct clients per unit in sorted (client &lt;&lt; 10 | gemeente &lt;&lt; 1 | flag) entries: {@code [0]} all,
     * {@code [1]} those with the flag in at least one entry.
     */
    static long[][] distinct(Entries e, int[] unitOf, int units) {
        long[] all = new long[units];
        long[] flagged = new long[units];
        long[] seen = new long[units];
        long[] seenFlagged = new long[units];
        Arrays.fill(seen, -1);
        Arrays.fill(seenFlagged, -1);
        for (int i = 0; i < e.size(); i++) {
            long entry = e.entries()[i];
            long client = LakeData.entryClient(entry);
            int u = unitOf[LakeData.entrySlot(entry)];
            if (u < 0) {
                continue;
            }
            if (seen[u] != client) {
                seen[u] = client;
                all[u]++;
            }
            if ((entry & 1) == 1 && seenFlagged[u] != client) {
                seenFlagged[u] = client;
                flagged[u]++;
            }
        }
        return new long[][] {all, flagged};
    }

    static Figures of(Levels.Level level, List<String> gemeenten, GemeenteCounts counts, Population population) {
        boolean[] delivering = counts.delivering();
        long[][] totals = counts.totals();
        List<int[]> durations = counts.values().get(0);
        int[] durationCount = counts.counts()[0];
        List<int[]> waits = counts.values().get(1);
        int[] waitCount = counts.counts()[1];
        int units = level.units();
        int[] unitOf = level.unitOf();
        long[][] sums = new long[units][Counters.METRICS];
        boolean[] delivered = new boolean[units];
        long[] youth = new long[units];
        boolean[] youthKnown = new boolean[units];
        Arrays.fill(youthKnown, population != null);
        int[] durationSize = new int[units];
        int[] waitSize = new int[units];
        for (int g = 0; g < unitOf.length; g++) {
            int u = unitOf[g];
            if (u < 0 || !delivering[g]) {
                continue;
            }
            delivered[u] = true;
            for (int m = 0; m < Counters.METRICS; m++) {
                sums[u][m] += totals[g][m];
            }
            durationSize[u] += durationCount[g];
            waitSize[u] += waitCount[g];
            Population.Inhabitants inhabitants = population == null ? null : population.of(gemeenten.get(g));
            if (inhabitants == null) {
                youthKnown[u] = false;
            } else {
                youth[u] += inhabitants.jeugd();
            }
        }
        int[][] unitDurations = pool(unitOf, delivering, durations, durationCount, durationSize);
        int[][] unitWaits = pool(unitOf, delivering, waits, waitCount, waitSize);

        boolean[] waitingKnown = new boolean[units];
        Arrays.fill(waitingKnown, true);
        for (int g = 0; g < unitOf.length; g++) {
            if (unitOf[g] >= 0 && delivering[g] && !counts.waitingKnown()[g]) {
                waitingKnown[unitOf[g]] = false;
            }
        }
        return new Figures(
                sums,
                delivered,
                distinct(counts.activeClients(), unitOf, units),
                unitDurations,
                unitWaits,
                youth,
                youthKnown,
                distinct(counts.waiting(), unitOf, units),
                waitingKnown,
                distinct(counts.doubled(), unitOf, units)[0]);
    }

    private static int[][] pool(int[] unitOf, boolean[] delivering, List<int[]> values, int[] counts, int[] sizes) {
        int[][] pooled = new int[sizes.length][];
        int[] fill = new int[sizes.length];
        for (int u = 0; u < sizes.length; u++) {
            pooled[u] = new int[sizes[u]];
        }
        for (int g = 0; g < unitOf.length; g++) {
            int u = unitOf[g];
            if (u < 0 || !delivering[g]) {
                continue;
            }
            System.arraycopy(values.get(g), 0, pooled[u], fill[u], counts[g]);
            fill[u] += counts[g];
        }
        return pooled;
    }
}
