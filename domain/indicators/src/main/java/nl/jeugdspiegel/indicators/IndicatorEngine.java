package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderNames;
import nl.jeugdspiegel.contract.ProviderUnits;
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

    /** The instroomcohorts over the same rows. */
    private final InstroomCohorts instroom;

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
        instroom = new InstroomCohorts(data, jhFrom, jhRows, cellOf);
    }

    /** The instroomcohorts over the engine's rows. */
    InstroomCohorts instroom() {
        return instroom;
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
                totals[g][Counters.JH_ROWS] = data.jhRows[pi][g];
                totals[g][Counters.JH_ROWS_KOSTEN] = data.jhRowsWithKosten[pi][g];
                totals[g][Counters.KOSTEN_CENT] = data.kostenCent[pi][g];
            }
        }
        long[] waiting = pi >= 0 ? Arrays.copyOf(data.waiting[pi], data.waitingSize[pi]) : new long[0];
        Arrays.sort(waiting);
        Overlap overlap = Overlap.of(data, delivering, periode.firstEpochDay(), periode.lastEpochDay());
        LevelFigures.GemeenteCounts counts = own.counts(
                delivering,
                new LevelFigures.Entries(waiting, waiting.length),
                pi >= 0 ? data.waitingKnown[pi] : null,
                new LevelFigures.Entries(overlap.entries(), overlap.size()));
        boolean[] activeCells = new boolean[cellGemeente.length];
        for (int c = 0; c < activeCells.length; c++) {
            activeCells[c] = Counters.jh(cells.totals[c], Counters.ACTIVE) > 0;
        }
        LevelFigures.GemeenteCounts cellCounts = cells.counts(
                activeCells, new LevelFigures.Entries(new long[0], 0), null, new LevelFigures.Entries(new long[0], 0));

        List<LevelFigures.Figures> perLevel = new ArrayList<>();
        for (Levels.Level level : levels) {
            perLevel.add(LevelFigures.of(level, data.gemeenten, counts, population));
        }
        int nederland = perLevel.size() - 1; // the last of the municipal levels
        LevelFigures.Figures national = perLevel.get(nederland);
        for (Levels.Level level : providerLevels(activeCells, levels.get(1), cellCounts.activeClients())) {
            levels.add(level);
            perLevel.add(LevelFigures.of(level, data.gemeenten, cellCounts, null));
        }
        double[] nationalPlanRate = new double[Counters.STRATA];
        for (int s = 0; s < Counters.STRATA; s++) {
            long ended = national.totals()[0][Counters.STRATUM_ENDED + s];
            nationalPlanRate[s] = ended == 0 ? 0 : (double) national.totals()[0][Counters.STRATUM_PLAN + s] / ended;
        }
        List<InstroomCohorts.Figures[]> cohorts = InstroomCohorts.perLevel(
                instroom.of(periode.firstEpochDay(), periode.lastEpochDay(), delivering), levels);
        RowBuilder rows = new RowBuilder(periode, followUp, nationalPlanRate);
        rows.national(national, cohorts.get(nederland)[0]);
        List<IndicatorRow> out = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            Levels.Level level = levels.get(l);
            for (int u = 0; u < level.units(); u++) {
                rows.unit(out, level, u, perLevel.get(l), cohorts.get(l)[u]);
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
    private List<Levels.Level> providerLevels(
            boolean[] activeCells, Levels.Level regions, LevelFigures.Entries activeClients) {
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
                Levels.providerLevel(
                        Niveau.AANBIEDER,
                        Levels.pooled(national, activeClients, activeCells.length),
                        activeCells.length,
                        providerNames),
                Levels.providerLevel(
                        Niveau.AANBIEDER_JEUGDREGIO,
                        Levels.pooled(regional, activeClients, activeCells.length),
                        activeCells.length,
                        providerNames));
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
            totals = new long[slots][Counters.METRICS];
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
            int verblijf = data.verblijf[r]; // Counters.JH_ZONDER, Counters.JH_MET or Counters.JH_ONBEKEND
            int category = jh ? verblijf : data.soort[r] == Codes.JB ? 3 : 4;
            boolean started = start >= first;
            boolean ended = hasEnd && end <= last;
            t[Counters.ACTIVE + category]++;
            if (jh) {
                if (activeCount == activeClients.length) {
                    activeClients = Arrays.copyOf(activeClients, activeCount * 2);
                }
                activeClients[activeCount++] = LakeData.entry(data.client[r], slot, year - data.geboortejaar[r] < 18);
                if (data.agb[r] >= 0) {
                    t[Counters.ACTIVE_AGB]++;
                }
            }
            if (started) {
                t[Counters.STARTED + category]++;
            }
            if (ended) {
                t[Counters.ENDED + category]++;
            }
            if (!jh) {
                return;
            }
            if (started) {
                int v = Indicator.VERWIJZERS.indexOf(twoDigits(data.verwijzer[r]));
                if (v >= 0) {
                    t[Counters.VERWIJZER + v]++;
                }
                if (data.aanmeld[r] != LakeData.NONE) {
                    add(waits, waitCount, slot, start - data.aanmeld[r]);
                }
            }
            if (ended) {
                add(durations, durationCount, slot, end - start);
                int reden = data.reden[r];
                if (reden == 1) {
                    t[Counters.PLAN]++;
                } else if (reden >= 2 && reden <= 4) {
                    t[Counters.VOORTIJDIG]++;
                }
                int zhv = data.zonderHulpVerder[r];
                if (zhv != 0) {
                    t[Counters.ZHV_FILLED]++;
                    if (zhv == 3 || zhv == 4) {
                        t[Counters.ZHV_YES]++;
                    }
                }
                int score = data.tevredenheid[r];
                if (score != 0) {
                    t[Counters.TEV_N]++;
                    t[Counters.TEV_SUM] += score;
                    t[Counters.TEV_SUM_SQ] += (long) score * score;
                }
                int stratum = Counters.stratum(data.leeftijd[r], data.geslacht[r], verblijf);
                t[Counters.STRATUM_ENDED + stratum]++;
                if (reden == 1) {
                    t[Counters.STRATUM_PLAN + stratum]++;
                }
                if (followUp && !startsWithin(data.client[r], end, lastOfNext)) {
                    t[Counters.CBS_OK]++;
                }
            }
        }

        /** The counts by slot; {@code waitingKnown} null when no slot's waiting is known. */
        LevelFigures.GemeenteCounts counts(
                boolean[] counted, LevelFigures.Entries waiting, boolean[] waitingKnown, LevelFigures.Entries doubled) {
            Arrays.sort(activeClients, 0, activeCount);
            return new LevelFigures.GemeenteCounts(
                    counted,
                    totals,
                    List.of(durations, waits),
                    new int[][] {durationCount, waitCount},
                    new LevelFigures.Entries(activeClients, activeCount),
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
            totals[owner][Counters.COHORT]++;
            if (!startsWithin(c, e, e + FOLLOW_UP_DAYS)) {
                totals[owner][Counters.COHORT_OK]++;
            }
        }
    }
}
