package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.core.Periode;

/**
 * The vooruitblik of the active trajectories per soort (second part, not yet written to the bucket): from the indicator
 * tables of every half-year, the histories of the municipalities ({@link Vooruitblik}), the forecast of the next
 * {@link #HORIZON} half-years per gemeente, jeugdregio and Nederland (a region and the country as sums of their
 * municipalities' simulated paths), and the rolling-origin backtest: every origin with at least {@link #MIN_ORIGIN}
 * earlier half-years, 1 to 4 half-years ahead, against what the tables say for those half-years, next to the naive
 * forecast "the same as the origin".
 */
final class VooruitblikTables {

    static final int HORIZON = 4;
    static final int MIN_ORIGIN = 4;
    static final int DRAWS = 1_000;
    /** The draws of a backtest origin: enough for the bands' coverage, at a third of the cost. */
    static final int BACKTEST_DRAWS = 300;

    /** A forecast row with the municipalities whose paths make it (for the backtest's actual value). */
    private record Forecasted(VooruitblikTable.Forecast row, List<String> members) {}

    /** The forecasts and the backtest. */
    record Result(List<VooruitblikTable.Forecast> forecasts, List<VooruitblikTable.Backtest> backtest) {}

    private VooruitblikTables() {}

    /**
     * @param tables    the exact rows of every half-year of the lake
     * @param jeugdregio per gemeentecode its jeugdregio code
     */
    static Result of(Map<Periode, List<IndicatorRow>> tables, Map<String, String> jeugdregio) {
        List<Periode> periods = new ArrayList<>(new TreeMap<>(tables).keySet());
        List<VooruitblikTable.Forecast> forecasts = new ArrayList<>();
        Map<String, double[]> backtest = new TreeMap<>(); // niveau|grootheid|h → n, ae, aeNaive, in80, in95
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            String grootheid = Indicator.TRAJECTEN_ACTIEF.get(c).id();
            Map<String, double[][]> series = series(tables, periods, c);
            int last = periods.size() - 1;
            forecast(series, jeugdregio, last, last, DRAWS, grootheid, periods.get(last))
                    .forEach(f -> forecasts.add(f.row()));
            for (int origin = MIN_ORIGIN; origin < last; origin++) {
                // the backtest's members: those with figures up to the last half-year it is checked against, so that a
                // region's and the country's actual value is the sum over the same municipalities as their forecast
                int until = Math.min(last, origin + HORIZON);
                for (Forecasted forecasted :
                        forecast(series, jeugdregio, origin, until, BACKTEST_DRAWS, grootheid, periods.get(origin))) {
                    VooruitblikTable.Forecast f = forecasted.row();
                    int h = (f.periode().year() - f.basis().year()) * 2
                            + f.periode().half()
                            - f.basis().half();
                    int target = origin + h;
                    if (target > last) {
                        continue;
                    }
                    Double actual = actual(series, forecasted.members(), target);
                    Double naive = actual(series, forecasted.members(), origin);
                    if (actual == null || naive == null) {
                        continue;
                    }
                    double[] acc =
                            backtest.computeIfAbsent(f.niveau().code() + "|" + grootheid + "|" + h, k -> new double[5]);
                    acc[0]++;
                    acc[1] += Math.abs(f.voorspelling() - actual);
                    acc[2] += Math.abs(naive - actual);
                    acc[3] += f.pi80Laag() <= actual && actual <= f.pi80Hoog() ? 1 : 0;
                    acc[4] += f.pi95Laag() <= actual && actual <= f.pi95Hoog() ? 1 : 0;
                }
            }
        }
        List<VooruitblikTable.Backtest> rows = new ArrayList<>();
        backtest.forEach((key, acc) -> {
            String[] k = key.split("\\|");
            rows.add(new VooruitblikTable.Backtest(
                    Niveau.of(k[0]),
                    k[1],
                    Integer.parseInt(k[2]),
                    (int) acc[0],
                    acc[1] / acc[0],
                    acc[2] / acc[0],
                    acc[3] / acc[0],
                    acc[4] / acc[0]));
        });
        return new Result(forecasts, rows);
    }

    /** Per gemeente its active, started and ended trajectories of category c per half-year (null: no ok figure). */
    private static Map<String, double[][]> series(
            Map<Periode, List<IndicatorRow>> tables, List<Periode> periods, int c) {
        Map<String, double[][]> out = new TreeMap<>();
        List<Indicator> wanted = List.of(
                Indicator.TRAJECTEN_ACTIEF.get(c),
                Indicator.TRAJECTEN_GESTART.get(c),
                Indicator.TRAJECTEN_BEEINDIGD.get(c));
        for (int t = 0; t < periods.size(); t++) {
            for (IndicatorRow row : tables.get(periods.get(t))) {
                int q = wanted.indexOf(row.indicator());
                if (row.niveau() != Niveau.GEMEENTE || q < 0) {
                    continue;
                }
                double[][] s = out.computeIfAbsent(row.code(), k -> newSeries(periods.size()));
                s[q][t] = row.ok() && row.waarde() != null ? row.waarde() : Double.NaN;
            }
        }
        return out;
    }

    private static double[][] newSeries(int length) {
        double[][] s = new double[3][length];
        for (double[] q : s) {
            java.util.Arrays.fill(q, Double.NaN);
        }
        return s;
    }

    /**
     * The forecasts from origin {@code origin} (an index into the periods) for the gemeenten with a complete history
     * over the window before it (and, in the backtest, an active count up to {@code until}), their jeugdregio's and
     * Nederland.
     */
    private static List<Forecasted> forecast(
            Map<String, double[][]> series,
            Map<String, String> jeugdregio,
            int origin,
            int until,
            int draws,
            String grootheid,
            Periode basis) {
        int from = Math.max(0, origin - Vooruitblik.WINDOW);
        List<String> codes = new ArrayList<>();
        List<Vooruitblik.History> histories = new ArrayList<>();
        series.forEach((code, s) -> {
            for (int q = 0; q < 3; q++) {
                for (int t = from; t <= origin; t++) {
                    if (Double.isNaN(s[q][t])) {
                        return;
                    }
                }
            }
            for (int t = origin + 1; t <= until; t++) {
                if (Double.isNaN(s[0][t])) {
                    return;
                }
            }
            codes.add(code);
            histories.add(new Vooruitblik.History(
                    java.util.Arrays.copyOfRange(s[0], from, origin + 1),
                    java.util.Arrays.copyOfRange(s[1], from, origin + 1),
                    java.util.Arrays.copyOfRange(s[2], from, origin + 1)));
        });
        if (histories.isEmpty()) {
            return List.of();
        }
        Map<String, List<Integer>> regions = new TreeMap<>();
        for (int m = 0; m < codes.size(); m++) {
            regions.computeIfAbsent(jeugdregio.getOrDefault(codes.get(m), "?"), k -> new ArrayList<>())
                    .add(m);
        }
        List<Vooruitblik.Flows> own = histories.stream().map(Vooruitblik::flows).toList();
        Vooruitblik.Flows[] flows = new Vooruitblik.Flows[own.size()];
        regions.values().forEach(members -> {
            List<Vooruitblik.Flows> borrowed =
                    Vooruitblik.borrowed(members.stream().map(own::get).toList());
            for (int i = 0; i < members.size(); i++) {
                flows[members.get(i)] = borrowed.get(i);
            }
        });
        double[][][] paths = Vooruitblik.simulate(
                histories, List.of(flows), HORIZON, draws, 29L * 1_000_003 + origin * 31L + grootheid.hashCode());
        List<Forecasted> out = new ArrayList<>();
        for (int m = 0; m < codes.size(); m++) {
            add(out, paths, List.of(m), codes, basis, Niveau.GEMEENTE, codes.get(m), grootheid);
        }
        regions.forEach(
                (region, members) -> add(out, paths, members, codes, basis, Niveau.JEUGDREGIO, region, grootheid));
        List<Integer> all = new ArrayList<>();
        for (int m = 0; m < codes.size(); m++) {
            all.add(m);
        }
        add(out, paths, all, codes, basis, Niveau.NEDERLAND, Levels.NEDERLAND_CODE, grootheid);
        return out;
    }

    private static void add(
            List<Forecasted> out,
            double[][][] paths,
            List<Integer> members,
            List<String> codes,
            Periode basis,
            Niveau niveau,
            String code,
            String grootheid) {
        Vooruitblik.Forecast f = Vooruitblik.forecast(paths, members);
        List<String> memberCodes = members.stream().map(codes::get).toList();
        Periode p = basis;
        for (int k = 0; k < HORIZON; k++) {
            p = p.next();
            out.add(new Forecasted(
                    new VooruitblikTable.Forecast(
                            basis,
                            p,
                            niveau,
                            code,
                            grootheid,
                            f.mean()[k],
                            f.low80()[k],
                            f.high80()[k],
                            f.low95()[k],
                            f.high95()[k]),
                    memberCodes));
        }
    }

    /** What the tables say at half-year index t for the sum of the given municipalities; null when one has none. */
    private static Double actual(Map<String, double[][]> series, List<String> members, int t) {
        double sum = 0;
        for (String code : members) {
            double value = series.get(code)[0][t];
            if (Double.isNaN(value)) {
                return null;
            }
            sum += value;
        }
        return sum;
    }

    /** The jeugdregio of each gemeente in the reference data, for {@link #of}. */
    static Map<String, String> jeugdregioOf() {
        Map<String, String> out = new HashMap<>();
        nl.jeugdspiegel.core.reference.ReferenceData.get()
                .municipalities()
                .forEach(m -> out.put(m.code(), m.jeugdregioCode()));
        return out;
    }
}
