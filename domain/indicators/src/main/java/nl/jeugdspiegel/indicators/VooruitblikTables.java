package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.contract.VooruitblikTable.Grootheid;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The vooruitblik (indicators v1.3): from the indicator tables of every half-year, the forecast of the next
 * {@link #HORIZON} half-years per gemeente, jeugdregio and Nederland, and the rolling-origin backtest: every origin
 * with at least {@link #MIN_ORIGIN} earlier half-years, 1 to 4 half-years ahead, against what the tables say for those
 * half-years, next to the naive forecast "the same as the origin".
 *
 * <p>The municipalities' active trajectories of each soort category come from their flows ({@link Vooruitblik}); the
 * started jeugdhulp is the sum of the simulated starts of the three jeugdhulp categories; the cost is the active
 * jeugdhulp times its days times the municipality's own cost per trajectory-day (on the country's trend); a jeugdregio's and
 * Nederland's paths of these are the sums of their municipalities'. The youths with jeugdhulp are counted at each level
 * on its own: the level's own youths per active jeugdhulp trajectory times its active jeugdhulp.
 */
public final class VooruitblikTables {

    static final int HORIZON = 4;
    static final int MIN_ORIGIN = 4;
    static final int DRAWS = 1_000;
    /** The draws of a backtest origin: enough for the bands' coverage, at a third of the cost. */
    static final int BACKTEST_DRAWS = 300;
    /** The half-years of kosten a municipality's history needs before its cost is forecast. */
    static final int KOSTEN_HISTORY = 4;

    private static final int JH_CATEGORIES = 3;

    /** The forecasts and the backtest. */
    public record Result(List<VooruitblikTable.Forecast> forecasts, List<VooruitblikTable.Backtest> backtest) {}

    /** A unit's forecast of one quantity, with what the tables say for it at half-year index t (null: unknown). */
    private record Forecasted(
            Niveau niveau,
            String code,
            Grootheid grootheid,
            Vooruitblik.Forecast forecast,
            IntFunction<Double> actual) {}

    /**
     * The tables' exact figures per half-year index: per gemeente its active, started and ended trajectories of each
     * category ({@code flows[category][0|1|2][t]}), its kosten and youths with jeugdhulp; per jeugdregio and for
     * Nederland their own youths with jeugdhulp and active jeugdhulp trajectories. NaN where a figure is not ok.
     */
    private record Series(
            Periode first,
            Map<String, double[][][]> flows,
            Map<String, double[]> kosten,
            Map<String, double[]> jeugdigen,
            Map<String, double[]> groupJeugdigen,
            Map<String, double[]> groupActiveJh) {

        static Series of(Map<Periode, List<IndicatorRow>> tables, List<Periode> periods) {
            Series s = new Series(
                    periods.get(0),
                    new TreeMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>());
            int length = periods.size();
            for (int t = 0; t < length; t++) {
                for (IndicatorRow row : tables.get(periods.get(t))) {
                    double value = row.ok() && row.waarde() != null ? row.waarde() : Double.NaN;
                    String unit = row.niveau().code() + "|" + row.code();
                    if (row.indicator() == Indicator.JEUGDIGEN_JH) {
                        (row.niveau() == Niveau.GEMEENTE ? s.jeugdigen : s.groupJeugdigen)
                                .computeIfAbsent(row.niveau() == Niveau.GEMEENTE ? row.code() : unit, k -> nan(length))[
                                t] = value;
                    } else if (row.indicator() == Indicator.KOSTEN_PER_JEUGDIGE && row.niveau() == Niveau.GEMEENTE) {
                        double euro = row.ok() && row.teller() != null ? row.teller() : Double.NaN;
                        s.kosten.computeIfAbsent(row.code(), k -> nan(length))[t] = euro;
                    }
                    for (int q = 0; q < Indicator.TRAJECT_COUNTS.size(); q++) {
                        int c = Indicator.TRAJECT_COUNTS.get(q).indexOf(row.indicator());
                        if (c < 0) {
                            continue;
                        }
                        if (row.niveau() == Niveau.GEMEENTE) {
                            s.flows.computeIfAbsent(row.code(), k -> newFlows(length))[c][q][t] = value;
                        } else if (q == 0 && c < JH_CATEGORIES) {
                            double[] sum = s.groupActiveJh.computeIfAbsent(unit, k -> new double[length]);
                            sum[t] += value;
                        }
                    }
                }
            }
            return s;
        }

        private static double[][][] newFlows(int length) {
            double[][][] out = new double[Indicator.CATEGORIES.size()][3][];
            for (double[][] category : out) {
                for (int q = 0; q < 3; q++) {
                    category[q] = nan(length);
                }
            }
            return out;
        }

        private static double[] nan(int length) {
            double[] out = new double[length];
            Arrays.fill(out, Double.NaN);
            return out;
        }

        /** The gemeente's active ({@code q} 0) or started ({@code q} 1) jeugdhulp of the three categories. */
        double jh(String gemeente, int q, int t) {
            double sum = 0;
            for (int c = 0; c < JH_CATEGORIES; c++) {
                sum += flows.get(gemeente)[c][q][t];
            }
            return sum;
        }

        double activeJh(String gemeente, int t) {
            return jh(gemeente, 0, t);
        }

        /** The days of half-year index t (also beyond the last): 181, 182 or 184. */
        double days(int t) {
            Periode p = first;
            for (int i = 0; i < t; i++) {
                p = p.next();
            }
            return p.lastEpochDay() - p.firstEpochDay() + 1;
        }

        double startedJh(String gemeente, int t) {
            return jh(gemeente, 1, t);
        }
    }

    private VooruitblikTables() {}

    /**
     * @param tables     the exact rows of every half-year of the lake
     * @param jeugdregio per gemeentecode its jeugdregio code
     */
    public static Result of(Map<Periode, List<IndicatorRow>> tables, Map<String, String> jeugdregio) {
        List<Periode> periods = new ArrayList<>(new TreeMap<>(tables).keySet());
        Series series = Series.of(tables, periods);
        int last = periods.size() - 1;
        if (last < 0) {
            return new Result(List.of(), List.of());
        }
        // the origins are independent (each its own seeds): the forecast from the last half-year and the backtest's
        // from every origin with enough history are made in parallel, then checked in order
        int first = Math.min(MIN_ORIGIN, last);
        List<List<Forecasted>> byOrigin = IntStream.rangeClosed(first, last)
                .parallel()
                .mapToObj(origin -> forecastFrom(
                        series,
                        jeugdregio,
                        origin,
                        Math.min(last, origin + HORIZON),
                        origin == last ? DRAWS : BACKTEST_DRAWS))
                .toList();
        List<VooruitblikTable.Forecast> forecasts = new ArrayList<>();
        for (Forecasted f : byOrigin.get(last - first)) {
            forecasts.addAll(rows(f, periods.get(last)));
        }
        Map<String, double[]> backtest = new TreeMap<>(); // niveau|grootheid|h → n, ae, aeNaive, in80, in95
        Map<String, Forecasted> labels = new HashMap<>();
        for (int origin = MIN_ORIGIN; origin < last; origin++) {
            // the backtest's members: those with figures up to the last half-year it is checked against, so that a
            // region's and the country's actual value is the sum over the same municipalities as their forecast
            for (Forecasted f : byOrigin.get(origin - first)) {
                Double naive = f.actual().apply(origin);
                for (int h = 1; h <= HORIZON && origin + h <= last; h++) {
                    Double actual = f.actual().apply(origin + h);
                    if (actual == null || naive == null) {
                        continue;
                    }
                    String key = f.niveau().ordinal() + "|" + f.grootheid().ordinal() + "|" + h;
                    labels.putIfAbsent(key, f);
                    double[] acc = backtest.computeIfAbsent(key, k -> new double[5]);
                    Vooruitblik.Forecast fc = f.forecast();
                    acc[0]++;
                    acc[1] += Math.abs(fc.mean()[h - 1] - actual);
                    acc[2] += Math.abs(naive - actual);
                    acc[3] += fc.low80()[h - 1] <= actual && actual <= fc.high80()[h - 1] ? 1 : 0;
                    acc[4] += fc.low95()[h - 1] <= actual && actual <= fc.high95()[h - 1] ? 1 : 0;
                }
            }
        }
        List<VooruitblikTable.Backtest> rows = new ArrayList<>();
        backtest.forEach((key, acc) -> {
            Forecasted f = labels.get(key);
            rows.add(new VooruitblikTable.Backtest(
                    f.niveau(),
                    f.grootheid(),
                    Integer.parseInt(key.substring(key.lastIndexOf('|') + 1)),
                    (int) acc[0],
                    acc[1] / acc[0],
                    acc[2] / acc[0],
                    acc[3] / acc[0],
                    acc[4] / acc[0]));
        });
        return new Result(forecasts, rows);
    }

    private static List<VooruitblikTable.Forecast> rows(Forecasted f, Periode basis) {
        List<VooruitblikTable.Forecast> out = new ArrayList<>();
        Periode p = basis;
        Vooruitblik.Forecast fc = f.forecast();
        for (int k = 0; k < HORIZON; k++) {
            p = p.next();
            out.add(new VooruitblikTable.Forecast(
                    basis,
                    p,
                    f.niveau(),
                    f.code(),
                    f.grootheid(),
                    fc.mean()[k],
                    fc.low80()[k],
                    fc.high80()[k],
                    fc.low95()[k],
                    fc.high95()[k]));
        }
        return out;
    }

    /** The members of a forecast from {@code origin}, and their groups. */
    private record Members(List<String> codes, List<String> regions, int[] group) {
        List<Integer> all() {
            List<Integer> out = new ArrayList<>();
            for (int m = 0; m < codes.size(); m++) {
                out.add(m);
            }
            return out;
        }

        List<Integer> of(int g) {
            List<Integer> out = new ArrayList<>();
            for (int m = 0; m < codes.size(); m++) {
                if (group[m] == g) {
                    out.add(m);
                }
            }
            return out;
        }

        List<String> codes(List<Integer> members) {
            return members.stream().map(codes::get).toList();
        }
    }

    /**
     * The forecasts from origin {@code origin} (an index into the periods) for the gemeenten with a complete history of
     * every category over the window before it (and, in the backtest, active counts up to {@code until}), their
     * jeugdregio's and Nederland.
     */
    private static List<Forecasted> forecastFrom(
            Series series, Map<String, String> jeugdregio, int origin, int until, int draws) {
        int from = Math.max(0, origin - Vooruitblik.WINDOW + 1);
        List<String> codes = new ArrayList<>();
        series.flows().forEach((code, s) -> {
            if (complete(s, from, origin, until)) {
                codes.add(code);
            }
        });
        if (codes.isEmpty()) {
            return List.of();
        }
        List<String> regions = new ArrayList<>(new TreeSet<>(
                codes.stream().map(c -> jeugdregio.getOrDefault(c, "?")).toList()));
        int[] group = codes.stream()
                .mapToInt(c -> regions.indexOf(jeugdregio.getOrDefault(c, "?")))
                .toArray();
        Members members = new Members(codes, regions, group);
        List<Forecasted> out = new ArrayList<>();
        double[][][] activeJh = new double[codes.size()][][];
        double[][][] startedJh = new double[codes.size()][][];
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            Vooruitblik.Paths paths =
                    simulate(series, members, c, from, origin, draws, 29L * 1_000_003 + origin * 31L + c);
            int category = c;
            additive(out, members, Grootheid.actief(c), paths.active(), (code, t) -> series.flows()
                    .get(code)[category][0][t]);
            if (c < JH_CATEGORIES) {
                for (int m = 0; m < codes.size(); m++) {
                    activeJh[m] = add(activeJh[m], paths.active()[m]);
                    startedJh[m] = add(startedJh[m], paths.started()[m]);
                }
            }
        }
        additive(out, members, Grootheid.TRAJECTEN_GESTART_JH, startedJh, series::startedJh);
        Origin o = new Origin(series, members, activeJh, from, origin, until, draws);
        o.kosten(out);
        o.jeugdigen(out);
        return out;
    }

    private static boolean complete(double[][][] s, int from, int origin, int until) {
        for (double[][] category : s) {
            for (int q = 0; q < 3; q++) {
                for (int t = from; t <= origin; t++) {
                    if (Double.isNaN(category[q][t])) {
                        return false;
                    }
                }
            }
            for (int t = origin + 1; t <= until; t++) {
                if (Double.isNaN(category[0][t]) || Double.isNaN(category[1][t])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The simulated paths of category c for the members, their slopes borrowed within their jeugdregio. */
    private static Vooruitblik.Paths simulate(
            Series series, Members members, int c, int from, int origin, int draws, long seed) {
        List<Vooruitblik.History> histories = new ArrayList<>();
        for (String code : members.codes()) {
            double[][] s = series.flows().get(code)[c];
            histories.add(new Vooruitblik.History(
                    Arrays.copyOfRange(s[0], from, origin + 1),
                    Arrays.copyOfRange(s[1], from, origin + 1),
                    Arrays.copyOfRange(s[2], from, origin + 1)));
        }
        List<Vooruitblik.Flows> own = histories.stream().map(Vooruitblik::flows).toList();
        Vooruitblik.Flows[] flows = new Vooruitblik.Flows[own.size()];
        Vooruitblik.Shocks national = Vooruitblik.shocks(Vooruitblik.sum(histories));
        double startsShock = 0;
        double shareShock = 0;
        List<List<Vooruitblik.Flows>> regions = new ArrayList<>();
        for (int g = 0; g < members.regions().size(); g++) {
            regions.add(members.of(g).stream().map(own::get).toList());
        }
        double tau2 = Vooruitblik.spread(regions);
        for (int g = 0; g < members.regions().size(); g++) {
            List<Integer> region = members.of(g);
            List<Vooruitblik.Flows> borrowed = Vooruitblik.borrowed(regions.get(g), tau2);
            for (int i = 0; i < region.size(); i++) {
                flows[region.get(i)] = borrowed.get(i);
            }
            Vooruitblik.Shocks beyond = Vooruitblik.shocks(
                            Vooruitblik.sum(region.stream().map(histories::get).toList()))
                    .minus(national);
            startsShock += beyond.starts() / members.regions().size();
            shareShock += beyond.share() / members.regions().size();
        }
        Vooruitblik.Structure structure = new Vooruitblik.Structure(
                members.group(), members.regions().size(), new Vooruitblik.Shocks(startsShock, shareShock), national);
        return Vooruitblik.simulate(histories, List.of(flows), structure, HORIZON, draws, seed);
    }

    /** What the tables say for one gemeente at half-year index t. */
    private interface Observed {
        double at(String gemeente, int t);
    }

    /** An additive quantity: each member's paths, its jeugdregio's and Nederland's their sums. */
    private static void additive(
            List<Forecasted> out, Members members, Grootheid grootheid, double[][][] paths, Observed observed) {
        for (int m = 0; m < members.codes().size(); m++) {
            List<Integer> one = List.of(m);
            out.add(new Forecasted(
                    Niveau.GEMEENTE,
                    members.codes().get(m),
                    grootheid,
                    Vooruitblik.forecast(paths, one),
                    sum(members.codes(one), observed)));
        }
        for (int g = 0; g < members.regions().size(); g++) {
            List<Integer> region = members.of(g);
            out.add(new Forecasted(
                    Niveau.JEUGDREGIO,
                    members.regions().get(g),
                    grootheid,
                    Vooruitblik.forecast(paths, region),
                    sum(members.codes(region), observed)));
        }
        out.add(new Forecasted(
                Niveau.NEDERLAND,
                Levels.NEDERLAND_CODE,
                grootheid,
                Vooruitblik.forecast(paths, members.all()),
                sum(members.codes(), observed)));
    }

    /** The observed sum over the given gemeenten at half-year index t; null when one has no figure. */
    private static IntFunction<Double> sum(List<String> gemeenten, Observed observed) {
        return t -> {
            double sum = 0;
            for (String code : gemeenten) {
                double value = observed.at(code, t);
                if (Double.isNaN(value)) {
                    return null;
                }
                sum += value;
            }
            return sum;
        };
    }

    /** One origin's members and their simulated active jeugdhulp, for the ratio quantities. */
    private record Origin(
            Series series, Members members, double[][][] activeJh, int from, int origin, int until, int draws) {

        /**
         * The cost of jeugdhulp: each member with kosten in its last {@link #KOSTEN_HISTORY} half-years, its active
         * jeugdhulp trajectory-days (active trajectories times the half-year's days) times its own cost per
         * trajectory-day, on the trend of the country's (whose uncertainty and half-yearly spread the members share); a
         * jeugdregio's and Nederland's the sums over their members with kosten.
         */
        void kosten(List<Forecasted> out) {
            int start = Math.max(from, origin - KOSTEN_HISTORY + 1);
            List<Integer> withKosten = new ArrayList<>();
            for (int m = 0; m < members.codes().size(); m++) {
                double[] k = series.kosten().get(members.codes().get(m));
                // kosten over the history, and in the backtest up to the half-year checked (so that a jeugdregio's and
                // Nederland's actual cost is the sum over the same gemeenten as their forecast)
                boolean complete = k != null && origin - start + 1 == KOSTEN_HISTORY;
                for (int t = start; complete && t <= until; t++) {
                    complete = k[t] > 0;
                }
                if (complete) {
                    withKosten.add(m);
                }
            }
            if (withKosten.isEmpty()) {
                return;
            }
            // the country's cost per active jeugdhulp trajectory-day over the members with kosten, and its trend (a
            // first half-year has 181 or 182 days, a second 184: per day, the half-years compare)
            double[] euro = new double[origin - start + 1];
            double[] trajectoryDays = new double[euro.length];
            for (int m : withKosten) {
                String code = members.codes().get(m);
                for (int t = start; t <= origin; t++) {
                    euro[t - start] += series.kosten().get(code)[t];
                    trajectoryDays[t - start] += series.activeJh(code, t) * series.days(t);
                }
            }
            Vooruitblik.Ratio national = Vooruitblik.Ratio.trend(euro, trajectoryDays);
            SplittableRandom random = new SplittableRandom(31L * origin + 7);
            double[][] shared = national.shared(draws, HORIZON, random);
            double[][][] paths = new double[withKosten.size()][][];
            for (int i = 0; i < withKosten.size(); i++) {
                int m = withKosten.get(i);
                String code = members.codes().get(m);
                double[] base = new double[euro.length];
                for (int t = start; t <= origin; t++) {
                    base[t - start] = series.activeJh(code, t) * series.days(t);
                }
                double[][] days = new double[draws][HORIZON];
                for (int d = 0; d < draws; d++) {
                    for (int k = 0; k < HORIZON; k++) {
                        days[d][k] = activeJh[m][d][k] * series.days(origin + 1 + k);
                    }
                }
                // the gemeente's own level on the country's trend; the trend's uncertainty and spread are shared
                paths[i] = Vooruitblik.Ratio.fit(
                                Arrays.copyOfRange(series.kosten().get(code), start, origin + 1),
                                base,
                                national.slope(),
                                0)
                        .times(days, shared, random);
            }
            Members costed = new Members(
                    members.codes(withKosten),
                    members.regions(),
                    withKosten.stream().mapToInt(m -> members.group()[m]).toArray());
            List<Forecasted> rows = new ArrayList<>();
            additive(rows, costed, Grootheid.KOSTEN_TOTAAL, paths, (code, t) -> series.kosten()
                    .get(code)[t]);
            // a jeugdregio none of whose members has kosten gets no cost forecast
            rows.stream()
                    .filter(f -> f.niveau() != Niveau.JEUGDREGIO
                            || !costed.of(costed.regions().indexOf(f.code())).isEmpty())
                    .forEach(out::add);
        }

        /**
         * The youths with jeugdhulp, at each level on its own: its own youths per active jeugdhulp trajectory over the
         * window (a ratio with its uncertainty) times the level's simulated active jeugdhulp. For a jeugdregio and
         * Nederland the observed value over the members is the level's own ratio at that half-year times their active
         * jeugdhulp (the level's own count when every municipality is a member).
         */
        void jeugdigen(List<Forecasted> out) {
            SplittableRandom random = new SplittableRandom(37L * origin + 11);
            for (int m = 0; m < members.codes().size(); m++) {
                String code = members.codes().get(m);
                double[] youths = series.jeugdigen().get(code);
                double[] base = new double[origin - from + 1];
                for (int t = from; t <= origin; t++) {
                    base[t - from] = series.activeJh(code, t);
                }
                Vooruitblik.Ratio ratio = youths == null
                        ? null
                        : Vooruitblik.Ratio.fit(Arrays.copyOfRange(youths, from, origin + 1), base, 0, 0);
                if (ratio != null) {
                    out.add(new Forecasted(
                            Niveau.GEMEENTE,
                            code,
                            Grootheid.JEUGDIGEN_JH,
                            Vooruitblik.forecast(ratio.times(activeJh[m], new double[draws][HORIZON], random)),
                            t -> Double.isNaN(youths[t]) ? null : youths[t]));
                }
            }
            for (int g = 0; g < members.regions().size(); g++) {
                group(out, Niveau.JEUGDREGIO, members.regions().get(g), members.of(g), random);
            }
            group(out, Niveau.NEDERLAND, Levels.NEDERLAND_CODE, members.all(), random);
        }

        private void group(
                List<Forecasted> out, Niveau niveau, String code, List<Integer> group, SplittableRandom random) {
            String unit = niveau.code() + "|" + code;
            double[] youths = series.groupJeugdigen().get(unit);
            double[] active = series.groupActiveJh().get(unit);
            Vooruitblik.Ratio ratio = youths == null || active == null
                    ? null
                    : Vooruitblik.Ratio.fit(
                            Arrays.copyOfRange(youths, from, origin + 1),
                            Arrays.copyOfRange(active, from, origin + 1),
                            0,
                            0);
            if (ratio == null) {
                return;
            }
            double[][] summed = Vooruitblik.sums(activeJh, group);
            IntFunction<Double> membersActive = sum(members.codes(group), series::activeJh);
            out.add(new Forecasted(
                    niveau,
                    code,
                    Grootheid.JEUGDIGEN_JH,
                    Vooruitblik.forecast(ratio.times(summed, new double[draws][HORIZON], random)),
                    t -> {
                        Double own = membersActive.apply(t);
                        boolean known = own != null && !Double.isNaN(youths[t]) && active[t] > 0;
                        return known ? youths[t] / active[t] * own : null;
                    }));
        }
    }

    private static double[][] add(double[][] sum, double[][] paths) {
        if (sum == null) {
            double[][] out = new double[paths.length][];
            for (int d = 0; d < paths.length; d++) {
                out[d] = paths[d].clone();
            }
            return out;
        }
        for (int d = 0; d < paths.length; d++) {
            for (int k = 0; k < paths[d].length; k++) {
                sum[d][k] += paths[d][k];
            }
        }
        return sum;
    }

    /** The jeugdregio of each gemeente in the reference data, for {@link #of}. */
    public static Map<String, String> jeugdregioOf() {
        Map<String, String> out = new HashMap<>();
        ReferenceData.get().municipalities().forEach(m -> out.put(m.code(), m.jeugdregioCode()));
        return out;
    }
}
