package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Availability;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderNames;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.Stats;
import nl.jeugdspiegel.core.Periode;

/**
 * Computes every indicator of docs/indicatoren.md for one periode, at the four levels, from the merged
 * lake. One pass over the merged rows fills per-gemeente counters; a level's figure is computed from
 * the rows of its member municipalities (counters summed, distinct clients counted once, quantiles over
 * the pooled observations), never by averaging lower levels. The provider levels (indicators v1.2) are levels over
 * gemeente–provider cells instead of gemeenten: the same pass counts a jeugdhulp row with an AGB code into its cell too.
 *
 * <p>The unit of analysis for periode P is the merged trajectories of the municipalities that delivered
 * for P; a gemeente without a delivery for P gets {@code niet_beschikbaar} for every indicator. Follow-up
 * checks (a new start after an end) look at the merged jeugdhulp rows of every municipality.
 */
public final class IndicatorEngine {

    // per-gemeente counters: index into long[M]
    /** The categories of the trajectory counts, as in {@link Indicator#CATEGORIES}. */
    private static final int CATEGORY_COUNT = 5;

    private static final int JH_ZONDER = 0;
    private static final int JH_MET = 1;
    private static final int JH_ONBEKEND = 2;
    private static final int ACTIVE = 0; // + category 0..4
    private static final int STARTED = ACTIVE + CATEGORY_COUNT; // + category
    private static final int ENDED = STARTED + CATEGORY_COUNT; // + category
    private static final int VERWIJZER = ENDED + CATEGORY_COUNT; // + index in Indicator.VERWIJZERS (7)
    private static final int PLAN = VERWIJZER + 7;
    private static final int VOORTIJDIG = PLAN + 1;
    private static final int ZHV_FILLED = VOORTIJDIG + 1;
    private static final int ZHV_YES = ZHV_FILLED + 1;
    private static final int TEV_N = ZHV_YES + 1;
    private static final int TEV_SUM = TEV_N + 1;
    private static final int TEV_SUM_SQ = TEV_SUM + 1;
    private static final int CBS_OK = TEV_SUM_SQ + 1;
    private static final int COHORT = CBS_OK + 1;
    private static final int COHORT_OK = COHORT + 1;
    private static final int JH_ROWS = COHORT_OK + 1;
    private static final int JH_ROWS_KOSTEN = JH_ROWS + 1;
    private static final int KOSTEN_CENT = JH_ROWS_KOSTEN + 1;
    private static final int ACTIVE_AGB = KOSTEN_CENT + 1;
    private static final int STRATA = 36; // 4 age bands × 3 geslacht × 3 verblijf (zonder, met, onbekend)
    private static final int STRATUM_ENDED = ACTIVE_AGB + 1; // + stratum
    private static final int STRATUM_PLAN = STRATUM_ENDED + STRATA;
    private static final int METRICS = STRATUM_PLAN + STRATA;

    /** Days after the end within which a new start counts as new care (definitions: e + 181 days). */
    static final int FOLLOW_UP_DAYS = 181;

    private final LakeData data;
    private final Map<Integer, Population> populations = new TreeMap<>();
    /** Jeugdhulp rows grouped by client (CSR): rows jhRows[jhFrom[c] .. jhFrom[c + 1]), by start date. */
    private final int[] jhFrom;

    private final int[] jhRows;

    /** Per merged row its gemeente–provider cell (a jeugdhulp row with an AGB code), else -1. */
    private final int[] cellOf;
    /** Per cell its gemeente and its provider (index into {@link LakeData#agbs}). */
    private final int[] cellGemeente;

    private final int[] cellAgb;

    /** Provider names by AGB code ({@link ProviderNames}); a provider without one is named by its code. */
    private final Map<String, String> providerNames;

    public IndicatorEngine(LakeData data, Collection<Population> populations) {
        this(data, populations, Map.of());
    }

    public IndicatorEngine(LakeData data, Collection<Population> populations, Map<String, String> providerNames) {
        this.data = data;
        this.providerNames = Map.copyOf(providerNames);
        cellOf = new int[data.size];
        Map<Long, Integer> cells = new java.util.HashMap<>();
        int[] gemeenteOf = new int[64];
        int[] agbOf = new int[64];
        for (int r = 0; r < data.size; r++) {
            if (data.soort[r] != Codes.JH || data.agb[r] < 0) {
                cellOf[r] = -1;
                continue;
            }
            long key = (long) data.gemeente[r] << 32 | data.agb[r];
            Integer cell = cells.get(key);
            if (cell == null) {
                cell = cells.size();
                cells.put(key, cell);
                if (cell == gemeenteOf.length) {
                    gemeenteOf = Arrays.copyOf(gemeenteOf, cell * 2);
                    agbOf = Arrays.copyOf(agbOf, cell * 2);
                }
                gemeenteOf[cell] = data.gemeente[r];
                agbOf[cell] = data.agb[r];
            }
            cellOf[r] = cell;
        }
        if (cells.size() >= 1 << LakeData.SLOT_BITS) {
            throw new IllegalStateException("more gemeente–provider cells than an entry holds");
        }
        cellGemeente = Arrays.copyOf(gemeenteOf, cells.size());
        cellAgb = Arrays.copyOf(agbOf, cells.size());
        for (Population p : populations) {
            this.populations.put(p.year(), p);
        }
        int clients = data.clientCount;
        jhFrom = new int[clients + 1];
        for (int r = 0; r < data.size; r++) {
            if (data.soort[r] == Codes.JH) {
                jhFrom[data.client[r] + 1]++;
            }
        }
        for (int c = 0; c < clients; c++) {
            jhFrom[c + 1] += jhFrom[c];
        }
        jhRows = new int[jhFrom[clients]];
        int[] next = Arrays.copyOf(jhFrom, clients);
        for (int r = 0; r < data.size; r++) {
            if (data.soort[r] == Codes.JH) {
                jhRows[next[data.client[r]]++] = r;
            }
        }
        for (int c = 0; c < clients; c++) {
            sortByStart(jhFrom[c], jhFrom[c + 1]);
        }
    }

    /** Insertion sort: a client has a handful of jeugdhulp rows. */
    private void sortByStart(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int row = jhRows[i];
            int start = data.start[row];
            int j = i - 1;
            while (j >= from && data.start[jhRows[j]] > start) {
                jhRows[j + 1] = jhRows[j];
                j--;
            }
            jhRows[j + 1] = row;
        }
    }

    /** The size class code of each gemeente in periode P (gemeenten without one are left out). */
    public Map<String, String> sizeClasses(Periode periode) {
        Levels.Level classes =
                Levels.of(data.gemeenten, sizeSource(periode.year())).get(2);
        Map<String, String> out = new TreeMap<>();
        for (int g = 0; g < data.gemeenten.size(); g++) {
            if (classes.unitOf()[g] >= 0) {
                out.put(data.gemeenten.get(g), classes.codes().get(classes.unitOf()[g]));
            }
        }
        return out;
    }

    /** All rows of the indicator table of periode P: levels in order, units by code, indicators in catalogue order. */
    public List<IndicatorRow> compute(Periode periode) {
        return computeAll(periode).rows();
    }

    /**
     * The rows of periode P and, per unit, its waiting times against the national median (for the signals of the median
     * waiting time, which the rows alone cannot test).
     */
    public record Computed(
            List<IndicatorRow> rows,
            Map<Signals.UnitKey, Signals.SignTest> waitSigns,
            Map<String, Map<String, Long>> overlap) {}

    /** As {@link #compute}, with the sign tests of the waiting times. */
    public Computed computeAll(Periode periode) {
        int pi = data.periodIndex(periode);
        int count = data.gemeenten.size();
        boolean[] delivering = pi >= 0 ? data.delivered[pi] : new boolean[count];
        boolean followUp = data.periodIndex(periode.next()) >= 0;
        Population population = populations.get(periode.year());
        List<Levels.Level> levels = new ArrayList<>(Levels.of(data.gemeenten, sizeSource(periode.year())));

        Tally own = new Tally(count, periode, followUp);
        Tally cells = new Tally(cellGemeente.length, periode, followUp);
        for (int r = 0; r < data.size; r++) {
            if (delivering[data.gemeente[r]]) {
                own.row(r, data.gemeente[r]);
                if (cellOf[r] >= 0) {
                    cells.row(r, cellOf[r]);
                }
            }
        }
        long[][] totals = own.totals;
        if (followUp) {
            cohort(delivering, totals, periode.firstEpochDay(), periode.lastEpochDay());
        }
        if (pi >= 0) {
            for (int g = 0; g < count; g++) {
                totals[g][JH_ROWS] = data.jhRows[pi][g];
                totals[g][JH_ROWS_KOSTEN] = data.jhRowsWithKosten[pi][g];
                totals[g][KOSTEN_CENT] = data.kostenCent[pi][g];
            }
        }
        long[] waiting = pi >= 0 ? Arrays.copyOf(data.waiting[pi], data.waitingSize[pi]) : new long[0];
        Arrays.sort(waiting);
        Overlap overlap = Overlap.of(data, delivering, periode.firstEpochDay(), periode.lastEpochDay());
        GemeenteCounts counts = own.counts(
                delivering,
                new Entries(waiting, waiting.length),
                pi >= 0 ? data.waitingKnown[pi] : null,
                new Entries(overlap.entries(), overlap.size()));
        boolean[] activeCells = new boolean[cellGemeente.length];
        for (int c = 0; c < activeCells.length; c++) {
            activeCells[c] = jh(cells.totals[c], ACTIVE) > 0;
        }
        GemeenteCounts cellCounts =
                cells.counts(activeCells, new Entries(new long[0], 0), null, new Entries(new long[0], 0));

        List<Figures> perLevel = new ArrayList<>();
        for (Levels.Level level : levels) {
            perLevel.add(figures(level, data.gemeenten, counts, population));
        }
        Figures national = perLevel.get(perLevel.size() - 1);
        for (Levels.Level level : providerLevels(activeCells, levels.get(1), cellCounts.activeClients())) {
            levels.add(level);
            perLevel.add(figures(level, data.gemeenten, cellCounts, null));
        }
        double[] nationalPlanRate = new double[STRATA];
        for (int s = 0; s < STRATA; s++) {
            long ended = national.totals[0][STRATUM_ENDED + s];
            nationalPlanRate[s] = ended == 0 ? 0 : (double) national.totals[0][STRATUM_PLAN + s] / ended;
        }
        RowBuilder rows = new RowBuilder(periode, followUp, nationalPlanRate);
        rows.national(national);
        List<IndicatorRow> out = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            Levels.Level level = levels.get(l);
            Figures figures = perLevel.get(l);
            for (int u = 0; u < level.units(); u++) {
                rows.unit(out, level, u, figures);
            }
        }
        return new Computed(out, rows.waitSigns, overlapByCode(overlap));
    }

    /** The overlap pairs by gemeentecode. */
    private Map<String, Map<String, Long>> overlapByCode(Overlap overlap) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        overlap.pairs().forEach((g, others) -> {
            Map<String, Long> byCode = new TreeMap<>();
            others.forEach((h, n) -> byCode.put(data.gemeenten.get(h), n));
            out.put(data.gemeenten.get(g), byCode);
        });
        return out;
    }

    /**
     * The provider levels of a periode over the gemeente–provider cells with active jeugdhulp (indicators v1.3,
     * "providers at their real number"): {@code aanbieder} (code the AGB) for an AGB with at least
     * {@link ProviderUnits#MIN_YOUTHS} distinct youths active in P in all delivering municipalities, and
     * {@code aanbieder_jeugdregio} (code {@code {jeugdregio}-{agb}}) for one with as many in that region. The cells of
     * smaller AGBs are pooled in {@code overig} and {@code {jeugdregio}-overig}. Units by code; {@code naam} is the
     * AGB code, or its name in {@code reference/aanbieders.csv} when that register is there.
     */
    private List<Levels.Level> providerLevels(boolean[] activeCells, Levels.Level regions, Entries activeClients) {
        Map<String, List<Integer>> national = new TreeMap<>();
        Map<String, List<Integer>> regional = new TreeMap<>();
        for (int c = 0; c < activeCells.length; c++) {
            if (!activeCells[c]) {
                continue;
            }
            String agb = data.agbs.get(cellAgb[c]);
            national.computeIfAbsent(agb, k -> new ArrayList<>()).add(c);
            int region = regions.unitOf()[cellGemeente[c]];
            if (region >= 0) {
                regional.computeIfAbsent(regions.codes().get(region) + "-" + agb, k -> new ArrayList<>())
                        .add(c);
            }
        }
        return List.of(
                providerLevel(
                        Niveau.AANBIEDER,
                        pooled(national, activeClients, activeCells.length),
                        activeCells.length,
                        providerNames),
                providerLevel(
                        Niveau.AANBIEDER_JEUGDREGIO,
                        pooled(regional, activeClients, activeCells.length),
                        activeCells.length,
                        providerNames));
    }

    /**
     * The units of a provider level after the v1.3 rule: a unit with fewer than {@link ProviderUnits#MIN_YOUTHS} distinct
     * youths joins the pooled unit of its level ({@link ProviderUnits#pooledCode}), which exists when any unit joins it.
     */
    private static Map<String, List<Integer>> pooled(
            Map<String, List<Integer>> units, Entries activeClients, int cells) {
        List<String> codes = new ArrayList<>(units.keySet());
        int[] unitOf = new int[cells];
        Arrays.fill(unitOf, -1);
        for (int u = 0; u < codes.size(); u++) {
            for (int c : units.get(codes.get(u))) {
                unitOf[c] = u;
            }
        }
        long[] youths = distinct(activeClients, unitOf, codes.size())[0];
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int u = 0; u < codes.size(); u++) {
            String code = codes.get(u);
            String target = ProviderUnits.ownUnit(youths[u]) ? code : ProviderUnits.pooledCode(code);
            out.computeIfAbsent(target, k -> new ArrayList<>()).addAll(units.get(code));
        }
        return out;
    }

    private static Levels.Level providerLevel(
            Niveau niveau, Map<String, List<Integer>> units, int cells, Map<String, String> providerNames) {
        int[] unitOf = new int[cells];
        Arrays.fill(unitOf, -1);
        List<String> codes = new ArrayList<>(units.keySet());
        List<String> names = new ArrayList<>();
        for (int u = 0; u < codes.size(); u++) {
            String code = codes.get(u);
            String agb = ProviderUnits.agb(code);
            names.add(ProviderUnits.pooled(code) ? ProviderUnits.POOLED_NAAM : providerNames.getOrDefault(agb, agb));
            for (int c : units.get(code)) {
                unitOf[c] = u;
            }
        }
        return new Levels.Level(niveau, codes, names, unitOf);
    }

    /**
     * The counters of one pass over the merged rows of a periode, per slot: a gemeente, or a gemeente–provider cell.
     * A row counts only when it is active in P (a start or an end in P makes it active).
     */
    private final class Tally {
        final long[][] totals;
        final List<int[]> durations = new ArrayList<>();
        final List<int[]> waits = new ArrayList<>();
        final int[] durationCount;
        final int[] waitCount;
        final int year;
        final int first;
        final int last;
        final int lastOfNext;
        final boolean followUp;
        long[] activeClients = new long[1024];
        int activeCount;

        Tally(int slots, Periode periode, boolean followUp) {
            totals = new long[slots][METRICS];
            durationCount = new int[slots];
            waitCount = new int[slots];
            for (int s = 0; s < slots; s++) {
                durations.add(EMPTY);
                waits.add(EMPTY);
            }
            year = periode.year();
            first = periode.firstEpochDay();
            last = periode.lastEpochDay();
            lastOfNext = periode.next().lastEpochDay();
            this.followUp = followUp;
        }

        void row(int r, int slot) {
            int start = data.start[r];
            int end = data.end[r];
            boolean hasEnd = end != LakeData.NONE;
            if (start > last || (hasEnd && end < first)) {
                return;
            }
            long[] t = totals[slot];
            boolean jh = data.soort[r] == Codes.JH;
            int verblijf = data.verblijf[r]; // JH_ZONDER, JH_MET or JH_ONBEKEND
            int category = jh ? verblijf : data.soort[r] == Codes.JB ? 3 : 4;
            boolean started = start >= first;
            boolean ended = hasEnd && end <= last;
            t[ACTIVE + category]++;
            if (jh) {
                if (activeCount == activeClients.length) {
                    activeClients = Arrays.copyOf(activeClients, activeCount * 2);
                }
                activeClients[activeCount++] = LakeData.entry(data.client[r], slot, year - data.geboortejaar[r] < 18);
                if (data.agb[r] >= 0) {
                    t[ACTIVE_AGB]++;
                }
            }
            if (started) {
                t[STARTED + category]++;
            }
            if (ended) {
                t[ENDED + category]++;
            }
            if (!jh) {
                return;
            }
            if (started) {
                int v = Indicator.VERWIJZERS.indexOf(twoDigits(data.verwijzer[r]));
                if (v >= 0) {
                    t[VERWIJZER + v]++;
                }
                if (data.aanmeld[r] != LakeData.NONE) {
                    add(waits, waitCount, slot, start - data.aanmeld[r]);
                }
            }
            if (ended) {
                add(durations, durationCount, slot, end - start);
                int reden = data.reden[r];
                if (reden == 1) {
                    t[PLAN]++;
                } else if (reden >= 2 && reden <= 4) {
                    t[VOORTIJDIG]++;
                }
                int zhv = data.zonderHulpVerder[r];
                if (zhv != 0) {
                    t[ZHV_FILLED]++;
                    if (zhv == 3 || zhv == 4) {
                        t[ZHV_YES]++;
                    }
                }
                int score = data.tevredenheid[r];
                if (score != 0) {
                    t[TEV_N]++;
                    t[TEV_SUM] += score;
                    t[TEV_SUM_SQ] += (long) score * score;
                }
                int stratum = stratum(data.leeftijd[r], data.geslacht[r], verblijf);
                t[STRATUM_ENDED + stratum]++;
                if (reden == 1) {
                    t[STRATUM_PLAN + stratum]++;
                }
                if (followUp && !startsWithin(data.client[r], end, lastOfNext)) {
                    t[CBS_OK]++;
                }
            }
        }

        /** The counts by slot; {@code waitingKnown} null when no slot's waiting is known. */
        GemeenteCounts counts(boolean[] counted, Entries waiting, boolean[] waitingKnown, Entries doubled) {
            Arrays.sort(activeClients, 0, activeCount);
            return new GemeenteCounts(
                    counted,
                    totals,
                    List.of(durations, waits),
                    new int[][] {durationCount, waitCount},
                    new Entries(activeClients, activeCount),
                    waiting,
                    waitingKnown == null ? new boolean[totals.length] : waitingKnown,
                    doubled);
        }
    }

    private static final int[] EMPTY = new int[0];

    /** The population that decides size classes: the year's own file, or the nearest year's. */
    private Population sizeSource(int year) {
        Population best = null;
        for (Population p : populations.values()) {
            if (best == null || Math.abs(p.year() - year) < Math.abs(best.year() - year)) {
                best = p;
            }
        }
        return best;
    }

    private static String twoDigits(int code) {
        return code <= 0 ? "" : code < 10 ? "0" + code : Integer.toString(code);
    }

    /** The O/E stratum: age band × geslacht × verblijf (zonder, met, onbekend: its own stratum). */
    static int stratum(int leeftijd, int geslacht, int verblijf) {
        int band = leeftijd <= 3 ? 0 : leeftijd <= 11 ? 1 : leeftijd <= 17 ? 2 : 3;
        int sex = geslacht >= 0 && geslacht <= 2 ? geslacht : 0;
        return (band * 3 + sex) * 3 + verblijf;
    }

    private static void add(List<int[]> values, int[] counts, int g, int value) {
        int[] list = values.get(g);
        if (counts[g] == list.length) {
            list = Arrays.copyOf(list, Math.max(8, list.length * 2));
            values.set(g, list);
        }
        list[counts[g]++] = value;
    }

    /** Does the client have a jeugdhulp start (any municipality) in (after, upTo]? */
    private boolean startsWithin(int client, int after, int upTo) {
        for (int k = jhFrom[client]; k < jhFrom[client + 1]; k++) {
            int start = data.start[jhRows[k]];
            if (start > upTo) {
                return false;
            }
            if (start > after) {
                return true;
            }
        }
        return false;
    }

    /** geen_nieuwe_hulp_6m: the cohort of P, per client, counted for the gemeente of the trajectory ending on e. */
    private void cohort(boolean[] delivering, long[][] totals, int first, int last) {
        for (int c = 0; c < data.clientCount; c++) {
            int from = jhFrom[c];
            int to = jhFrom[c + 1];
            int e = Integer.MIN_VALUE;
            for (int k = from; k < to; k++) {
                int end = data.end[jhRows[k]];
                if (end != LakeData.NONE && end >= first && end <= last && end > e) {
                    e = end;
                }
            }
            if (e == Integer.MIN_VALUE) {
                continue;
            }
            boolean allPlan = true;
            boolean activeNextDay = false;
            int owner = Integer.MAX_VALUE;
            for (int k = from; k < to; k++) {
                int r = jhRows[k];
                int end = data.end[r];
                if (end == e) {
                    allPlan &= data.reden[r] == 1;
                    owner = Math.min(owner, data.gemeente[r]); // gemeente indexes follow the codes
                }
                if (data.start[r] <= e + 1 && (end == LakeData.NONE || end >= e + 1)) {
                    activeNextDay = true;
                }
            }
            if (!allPlan || activeNextDay || !delivering[owner]) {
                continue;
            }
            totals[owner][COHORT]++;
            if (!startsWithin(c, e, e + FOLLOW_UP_DAYS)) {
                totals[owner][COHORT_OK]++;
            }
        }
    }

    /**
     * The figures of every unit of one level.
     *
     * @param clients        distinct clients with active jeugdhulp, and {@code youngClients} of them under 18
     * @param waitingClients distinct clients waiting at L, and {@code waitingLonger} of them more than 9 weeks; known
     *                       ({@code waitingKnown}) when every delivering gemeente of the unit delivered iJw messages
     */
    private record Figures(
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
    private record Entries(long[] entries, int size) {}

    /**
     * What one pass over the merged rows counted per gemeente of a periode.
     *
     * @param values        per gemeente the trajectory durations and the waiting times (days), {@code counts} of each
     * @param activeClients (client, gemeente, young) entries of the clients with active jeugdhulp
     * @param waiting       (client, gemeente, longer than 9 weeks) entries of the clients waiting at L
     * @param waitingKnown  per gemeente: does its delivery tell who waits (iJw messages)?
     */
    private record GemeenteCounts(
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
    private static long[][] distinct(Entries e, int[] unitOf, int units) {
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

    private static Figures figures(
            Levels.Level level, List<String> gemeenten, GemeenteCounts counts, Population population) {
        boolean[] delivering = counts.delivering();
        long[][] totals = counts.totals();
        List<int[]> durations = counts.values().get(0);
        int[] durationCount = counts.counts()[0];
        List<int[]> waits = counts.values().get(1);
        int[] waitCount = counts.counts()[1];
        int units = level.units();
        int[] unitOf = level.unitOf();
        long[][] sums = new long[units][METRICS];
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
            for (int m = 0; m < METRICS; m++) {
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

    /** Turns a unit's figures into the rows of the table, with the national figures for the funnel limits. */
    private static final class RowBuilder {
        private final Periode periode;
        private final boolean followUp;
        private final double[] nationalPlanRate;
        private Figures national;

        RowBuilder(Periode periode, boolean followUp, double[] nationalPlanRate) {
            this.periode = periode;
            this.followUp = followUp;
            this.nationalPlanRate = nationalPlanRate;
        }

        /** Per unit its waiting times against the national median. */
        final Map<Signals.UnitKey, Signals.SignTest> waitSigns = new java.util.HashMap<>();

        private double nationalWaitMedian = Double.NaN;

        void national(Figures figures) {
            this.national = figures;
            int[] waits = figures.waits[0];
            if (waits.length > 0) {
                nationalWaitMedian = Stats.quantileCont(waits.clone(), waits.length, 0.5);
            }
        }

        private void signTest(Niveau niveau, String code, int[] waits) {
            if (Double.isNaN(nationalWaitMedian) || waits.length == 0) {
                return;
            }
            long above = 0;
            long below = 0;
            for (int w : waits) {
                if (w > nationalWaitMedian) {
                    above++;
                } else if (w < nationalWaitMedian) {
                    below++;
                }
            }
            waitSigns.put(new Signals.UnitKey(niveau, code), new Signals.SignTest(above, below));
        }

        void unit(List<IndicatorRow> out, Levels.Level level, int u, Figures f) {
            String code = level.codes().get(u);
            String naam = level.names().get(u);
            Unit unit = new Unit(out, periode, level.niveau(), code, naam);
            if (!f.delivered[u]) {
                for (Indicator indicator : Indicator.ALL) {
                    unit.missing(indicator);
                }
                unit.missing(Indicator.DUBBEL_GELEVERD);
                return;
            }
            long[] t = f.totals[u];
            long[] n = national.totals[0];
            unit.count(Indicator.JEUGDIGEN_JH, f.clients[0][u]);
            if (f.youthKnown[u] && f.youth[u] > 0) {
                double p0 = (double) national.clients[1][0] / national.youth[0];
                boolean nationalKnown = national.youthKnown[0] && national.youth[0] > 0;
                unit.perThousand(
                        Indicator.JEUGDIGEN_JH_PER_1000, f.clients[1][u], f.youth[u], nationalKnown ? p0 : Double.NaN);
            } else {
                unit.missing(Indicator.JEUGDIGEN_JH_PER_1000);
            }
            for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
                unit.count(Indicator.TRAJECTEN_ACTIEF.get(c), t[ACTIVE + c]);
            }
            for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
                unit.count(Indicator.TRAJECTEN_GESTART.get(c), t[STARTED + c]);
            }
            for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
                unit.count(Indicator.TRAJECTEN_BEEINDIGD.get(c), t[ENDED + c]);
            }
            unit.share(
                    Indicator.AANDEEL_MET_VERBLIJF,
                    t[ACTIVE + JH_MET],
                    jh(t, ACTIVE),
                    n[ACTIVE + JH_MET],
                    jh(n, ACTIVE));
            unit.share(Indicator.AANDEEL_MET_AANBIEDER, t[ACTIVE_AGB], jh(t, ACTIVE), n[ACTIVE_AGB], jh(n, ACTIVE));
            unit.quantile(Indicator.DUUR_MEDIAAN_DAGEN, f.durations[u], 0.5);
            unit.quantile(Indicator.WACHTTIJD_MEDIAAN_DAGEN, f.waits[u], 0.5);
            signTest(level.niveau(), code, f.waits[u]);
            unit.quantile(Indicator.WACHTTIJD_P90_DAGEN, f.waits[u], 0.9);
            if (f.waitingKnown[u]) {
                unit.count(Indicator.WACHTEND_EINDE_PERIODE, f.waitingClients[0][u]);
                unit.count(Indicator.WACHTEND_LANGER_DAN_9_WEKEN, f.waitingClients[1][u]);
            } else {
                unit.missing(Indicator.WACHTEND_EINDE_PERIODE);
                unit.missing(Indicator.WACHTEND_LANGER_DAN_9_WEKEN);
            }
            long startedJh = jh(t, STARTED);
            long nationalStartedJh = jh(n, STARTED);
            for (int v = 0; v < Indicator.VERWIJZERS.size(); v++) {
                unit.share(
                        Indicator.VERWIJZER.get(v), t[VERWIJZER + v], startedJh, n[VERWIJZER + v], nationalStartedJh);
            }
            if (Availability.kostenAvailable(t[JH_ROWS], t[JH_ROWS_KOSTEN]) && f.clients[0][u] > 0) {
                unit.amount(Indicator.KOSTEN_PER_JEUGDIGE, t[KOSTEN_CENT] / 100.0, f.clients[0][u]);
            } else {
                unit.missing(Indicator.KOSTEN_PER_JEUGDIGE, t[KOSTEN_CENT] / 100.0, (double) f.clients[0][u]);
            }
            long endedJh = jh(t, ENDED);
            long nationalEndedJh = jh(n, ENDED);
            unit.share(Indicator.BEEINDIGD_VOLGENS_PLAN, t[PLAN], endedJh, n[PLAN], nationalEndedJh);
            unit.share(Indicator.VOORTIJDIG_BEEINDIGD, t[VOORTIJDIG], endedJh, n[VOORTIJDIG], nationalEndedJh);
            unit.share(Indicator.ZONDER_HULP_VERDER, t[ZHV_YES], t[ZHV_FILLED], n[ZHV_YES], n[ZHV_FILLED]);
            unit.share(Indicator.ZONDER_HULP_VERDER_RESPONS, t[ZHV_FILLED], endedJh, n[ZHV_FILLED], nationalEndedJh);
            unit.mean(
                    Indicator.TEVREDENHEID_GEMIDDELD,
                    t[TEV_N],
                    t[TEV_SUM],
                    t[TEV_SUM_SQ],
                    n[TEV_N],
                    n[TEV_SUM],
                    n[TEV_SUM_SQ]);
            unit.share(Indicator.TEVREDENHEID_RESPONS, t[TEV_N], endedJh, n[TEV_N], nationalEndedJh);
            if (followUp) {
                unit.share(Indicator.GEEN_NIEUWE_HULP_6M, t[COHORT_OK], t[COHORT], n[COHORT_OK], n[COHORT]);
                unit.share(Indicator.GEEN_NIEUWE_START_CBS, t[CBS_OK], endedJh, n[CBS_OK], nationalEndedJh);
            } else {
                unit.notYet(Indicator.GEEN_NIEUWE_HULP_6M);
                unit.notYet(Indicator.GEEN_NIEUWE_START_CBS);
            }
            double expected = 0;
            for (int s = 0; s < STRATA; s++) {
                expected += t[STRATUM_ENDED + s] * nationalPlanRate[s];
            }
            unit.ratio(Indicator.OE_VOLGENS_PLAN, t[PLAN], expected);
            unit.count(Indicator.DUBBEL_GELEVERD, f.doubled[u]);
        }
    }

    /** All jeugdhulp of a count (zonder, met and onbekend verblijf): every JH total includes unknown verblijf. */
    private static long jh(long[] totals, int base) {
        return totals[base + JH_ZONDER] + totals[base + JH_MET] + totals[base + JH_ONBEKEND];
    }

    /** Appends the rows of one unit: those of the indicators the catalogue computes at its niveau. */
    private record Unit(List<IndicatorRow> out, Periode periode, Niveau niveau, String code, String naam) {

        private void add(
                Indicator indicator,
                Double teller,
                Double noemer,
                Double waarde,
                Stats.Interval ci,
                IndicatorRow.Status status,
                Stats.Interval funnel95,
                Stats.Interval funnel998) {
            if (!indicator.at(niveau)) {
                return;
            }
            out.add(new IndicatorRow(
                    periode,
                    niveau,
                    code,
                    naam,
                    indicator,
                    teller,
                    noemer,
                    waarde,
                    ci.low(),
                    ci.high(),
                    status,
                    funnel95.low(),
                    funnel95.high(),
                    funnel998.low(),
                    funnel998.high()));
        }

        void missing(Indicator indicator) {
            missing(indicator, null, null);
        }

        void missing(Indicator indicator, Double teller, Double noemer) {
            add(
                    indicator,
                    teller,
                    noemer,
                    null,
                    Stats.Interval.NONE,
                    IndicatorRow.Status.NIET_BESCHIKBAAR,
                    Stats.Interval.NONE,
                    Stats.Interval.NONE);
        }

        void notYet(Indicator indicator) {
            add(
                    indicator,
                    null,
                    null,
                    null,
                    Stats.Interval.NONE,
                    IndicatorRow.Status.NOG_NIET_BESCHIKBAAR,
                    Stats.Interval.NONE,
                    Stats.Interval.NONE);
        }

        void count(Indicator indicator, long value) {
            add(
                    indicator,
                    (double) value,
                    null,
                    (double) value,
                    Stats.Interval.NONE,
                    IndicatorRow.Status.OK,
                    Stats.Interval.NONE,
                    Stats.Interval.NONE);
        }

        void share(Indicator indicator, long x, long n, long nationalX, long nationalN) {
            if (!Availability.hasObservations(n)) {
                missing(indicator, (double) x, (double) n);
                return;
            }
            double p0 = nationalN == 0 ? Double.NaN : (double) nationalX / nationalN;
            add(
                    indicator,
                    (double) x,
                    (double) n,
                    (double) x / n,
                    Stats.wilson(x, n, Stats.Z95),
                    IndicatorRow.Status.OK,
                    Stats.funnelProportion(p0, n, Stats.Z95),
                    Stats.funnelProportion(p0, n, Stats.Z998));
        }

        void perThousand(Indicator indicator, long x, long n, double p0) {
            add(
                    indicator,
                    (double) x,
                    (double) n,
                    1000.0 * x / n,
                    Stats.wilson(x, n, Stats.Z95).times(1000),
                    IndicatorRow.Status.OK,
                    Stats.funnelProportion(p0, n, Stats.Z95).times(1000),
                    Stats.funnelProportion(p0, n, Stats.Z998).times(1000));
        }

        void quantile(Indicator indicator, int[] values, double q) {
            if (!Availability.hasObservations(values.length)) {
                missing(indicator, null, 0.0);
                return;
            }
            add(
                    indicator,
                    null,
                    (double) values.length,
                    Stats.quantileCont(values, values.length, q),
                    Stats.Interval.NONE,
                    IndicatorRow.Status.OK,
                    Stats.Interval.NONE,
                    Stats.Interval.NONE);
        }

        void mean(
                Indicator indicator,
                long n,
                long sum,
                long sumSq,
                long nationalN,
                long nationalSum,
                long nationalSumSq) {
            if (!Availability.hasObservations(n)) {
                missing(indicator, 0.0, 0.0);
                return;
            }
            Stats.Interval f95 = Stats.Interval.NONE;
            Stats.Interval f998 = Stats.Interval.NONE;
            if (nationalN >= 2) {
                double mean0 = (double) nationalSum / nationalN;
                double sd0 = Math.sqrt(Math.max(0, (nationalSumSq - nationalN * mean0 * mean0) / (nationalN - 1)));
                f95 = Stats.funnelMean(mean0, sd0, n, Stats.Z95);
                f998 = Stats.funnelMean(mean0, sd0, n, Stats.Z998);
            }
            add(
                    indicator,
                    (double) sum,
                    (double) n,
                    (double) sum / n,
                    Stats.mean(n, sum, sumSq, Stats.Z95),
                    IndicatorRow.Status.OK,
                    f95,
                    f998);
        }

        void amount(Indicator indicator, double euros, long youths) {
            add(
                    indicator,
                    euros,
                    (double) youths,
                    euros / youths,
                    Stats.Interval.NONE,
                    IndicatorRow.Status.OK,
                    Stats.Interval.NONE,
                    Stats.Interval.NONE);
        }

        void ratio(Indicator indicator, long observed, double expected) {
            if (expected <= 0) {
                missing(indicator, (double) observed, expected);
                return;
            }
            add(
                    indicator,
                    (double) observed,
                    expected,
                    observed / expected,
                    Stats.poissonRatio95(observed, expected),
                    IndicatorRow.Status.OK,
                    Stats.funnelRatio(expected, Stats.Z95),
                    Stats.funnelRatio(expected, Stats.Z998));
        }
    }
}
