package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
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
    /** The half-years of the window a gemeente may miss (filled in from its neighbours) and still be forecast. */
    static final int MAX_GAPS = 2;
    /** The half-years of history a cost forecast looks at: kosten in the last and in at least half of them. */
    static final int KOSTEN_HISTORY = 4;

    /** The forecasts and the backtest. */
    public record Result(List<VooruitblikTable.Forecast> forecasts, List<VooruitblikTable.Backtest> backtest) {}

    /** A unit's forecast of one quantity, with what the tables say for it at half-year index t (null: unknown). */
    record Forecasted(
            Niveau niveau,
            String code,
            Grootheid grootheid,
            Vooruitblik.Forecast forecast,
            IntFunction<Double> actual) {}

    private VooruitblikTables() {}

    /**
     * @param tables     the exact rows of every half-year of the lake
     * @param jeugdregio per gemeentecode its jeugdregio code
     */
    public static Result of(Map<Periode, List<IndicatorRow>> tables, Map<String, String> jeugdregio) {
        List<Periode> periods = new ArrayList<>(new TreeMap<>(tables).keySet());
        ForecastSeries series = ForecastSeries.of(tables, periods);
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
    record Members(List<String> codes, List<String> regions, int[] group) {
        /** The gemeenten with the jeugdregio's they belong to ({@code regionOf}), those in code order. */
        static Members of(List<String> codes, UnaryOperator<String> regionOf) {
            List<String> regions =
                    new ArrayList<>(new TreeSet<>(codes.stream().map(regionOf).toList()));
            int[] group = codes.stream()
                    .mapToInt(c -> regions.indexOf(regionOf.apply(c)))
                    .toArray();
            return new Members(codes, regions, group);
        }

        /** The jeugdregio of a member. */
        String regionOf(String code) {
            return regions.get(group[codes.indexOf(code)]);
        }

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
     * The forecasts from origin {@code origin} (an index into the periods) for the gemeenten with figures in it and in
     * most of the window before it ({@link #usable}; and, in the backtest, active counts up to {@code until}), their
     * jeugdregio's and Nederland.
     */
    private static List<Forecasted> forecastFrom(
            ForecastSeries series, Map<String, String> jeugdregio, int origin, int until, int draws) {
        int from = Math.max(0, origin - Vooruitblik.WINDOW + 1);
        List<String> codes = new ArrayList<>();
        series.flows().forEach((code, s) -> {
            if (usable(s, from, origin, until)) {
                codes.add(code);
            }
        });
        if (codes.isEmpty()) {
            return List.of();
        }
        Members members = Members.of(codes, c -> jeugdregio.getOrDefault(c, "?"));
        List<Forecasted> out = new ArrayList<>();
        double[][][] activeJh = new double[codes.size()][][];
        double[][][] startedJh = new double[codes.size()][][];
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            Vooruitblik.Paths paths =
                    simulate(series, members, c, from, origin, draws, 29L * 1_000_003 + origin * 31L + c);
            int category = c;
            additive(out, members, Grootheid.actief(c), paths.active(), (code, t) -> series.flows()
                    .get(code)[category][0][t]);
            if (c < ForecastSeries.JH_CATEGORIES) {
                for (int m = 0; m < codes.size(); m++) {
                    activeJh[m] = add(activeJh[m], paths.active()[m]);
                    startedJh[m] = add(startedJh[m], paths.started()[m]);
                }
            }
        }
        additive(out, members, Grootheid.TRAJECTEN_GESTART_JH, startedJh, series::startedJh);
        RatioForecasts o = new RatioForecasts(series, members, activeJh, from, origin, until, draws);
        o.kosten(out);
        o.jeugdigen(out);
        return out;
    }

    /**
     * Whether a gemeente can be forecast from {@code origin}: figures in that half-year (its stock is where the paths
     * start), in at least all but {@link #MAX_GAPS} of the window before it (a missed delivery is filled in, see
     * {@link #filled}), and in the backtest up to the half-year checked.
     */
    private static boolean usable(double[][][] s, int from, int origin, int until) {
        int gaps = 0;
        for (int t = from; t <= origin; t++) {
            boolean known = true;
            for (double[][] category : s) {
                for (int q = 0; q < 3; q++) {
                    known &= !Double.isNaN(category[q][t]);
                }
            }
            if (!known && t == origin) {
                return false;
            }
            gaps += known ? 0 : 1;
        }
        for (double[][] category : s) {
            for (int t = origin + 1; t <= until; t++) {
                if (Double.isNaN(category[0][t]) || Double.isNaN(category[1][t])) {
                    return false;
                }
            }
        }
        return gaps <= MAX_GAPS;
    }

    /**
     * A series over the window with each missing half-year filled in from its neighbours (the mean of the nearest known
     * before and after; at the start, the nearest after): a missed delivery is no collapse of care.
     */
    static double[] filled(double[] series, int from, int origin) {
        double[] out = Arrays.copyOfRange(series, from, origin + 1);
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                continue;
            }
            double before = Double.NaN;
            for (int j = i - 1; j >= 0 && Double.isNaN(before); j--) {
                before = out[j];
            }
            double after = Double.NaN;
            for (int j = i + 1; j < out.length && Double.isNaN(after); j++) {
                after = out[j];
            }
            out[i] = Double.isNaN(before) ? after : Double.isNaN(after) ? before : (before + after) / 2;
        }
        return out;
    }

    /** The simulated paths of category c for the members, their slopes borrowed within their jeugdregio. */
    private static Vooruitblik.Paths simulate(
            ForecastSeries series, Members members, int c, int from, int origin, int draws, long seed) {
        List<Vooruitblik.History> histories = new ArrayList<>();
        for (String code : members.codes()) {
            double[][] s = series.flows().get(code)[c];
            histories.add(new Vooruitblik.History(
                    filled(s[0], from, origin), filled(s[1], from, origin), filled(s[2], from, origin)));
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
        // a region's trend uncertainty is in its members' borrowed slopes already (Flows.sharedSlopeSe); the country's
        // is shared by all
        Vooruitblik.Structure structure = new Vooruitblik.Structure(
                members.group(),
                members.regions().size(),
                new Vooruitblik.Shocks(startsShock, shareShock, 0),
                national);
        return Vooruitblik.simulate(histories, List.of(flows), structure, HORIZON, draws, seed);
    }

    /** What the tables say for one gemeente at half-year index t. */
    interface Observed {
        double at(String gemeente, int t);
    }

    /** An additive quantity: each member's paths, its jeugdregio's and Nederland's their sums. */
    static void additive(
            List<Forecasted> out, Members members, Grootheid grootheid, double[][][] paths, Observed observed) {
        for (int m = 0; m < members.codes().size(); m++) {
            out.add(part(Niveau.GEMEENTE, members.codes().get(m), List.of(m), members, grootheid, paths, observed));
        }
        for (int g = 0; g < members.regions().size(); g++) {
            out.add(part(
                    Niveau.JEUGDREGIO, members.regions().get(g), members.of(g), members, grootheid, paths, observed));
        }
        out.add(part(Niveau.NEDERLAND, Levels.NEDERLAND_CODE, members.all(), members, grootheid, paths, observed));
    }

    /** The forecast of a unit that is the sum of the given members' paths, and its observed value. */
    private static Forecasted part(
            Niveau niveau,
            String code,
            List<Integer> part,
            Members members,
            Grootheid grootheid,
            double[][][] paths,
            Observed observed) {
        return new Forecasted(
                niveau, code, grootheid, Vooruitblik.forecast(paths, part), sum(members.codes(part), observed));
    }

    /** The observed sum over the given gemeenten at half-year index t; null when one has no figure. */
    static IntFunction<Double> sum(List<String> gemeenten, Observed observed) {
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
