package nl.jeugdspiegel.indicators;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;

/**
 * The tables' exact figures per half-year index: per gemeente its active, started and ended trajectories of each
 * category ({@code flows[category][0|1|2][t]}), its kosten and youths with jeugdhulp; per jeugdregio and for
 * Nederland their own youths with jeugdhulp and active jeugdhulp trajectories. NaN where a figure is not ok.
 */
record ForecastSeries(
        Periode first,
        Map<String, double[][][]> flows,
        Map<String, double[]> kosten,
        Map<String, double[]> jeugdigen,
        Map<String, double[]> groupJeugdigen,
        Map<String, double[]> groupActiveJh) {

    /** The jeugdhulp categories: the first three of {@link Indicator#CATEGORIES}. */
    static final int JH_CATEGORIES = 3;

    static ForecastSeries of(Map<Periode, List<IndicatorRow>> tables, List<Periode> periods) {
        ForecastSeries s = new ForecastSeries(
                periods.get(0), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        int length = periods.size();
        for (int t = 0; t < length; t++) {
            for (IndicatorRow row : tables.get(periods.get(t))) {
                double value = row.ok() && row.waarde() != null ? row.waarde() : Double.NaN;
                String unit = row.niveau().code() + "|" + row.code();
                if (row.indicator() == Indicator.JEUGDIGEN_JH) {
                    (row.niveau() == Niveau.GEMEENTE ? s.jeugdigen : s.groupJeugdigen)
                            .computeIfAbsent(row.niveau() == Niveau.GEMEENTE ? row.code() : unit, k -> nan(length))[t] = value;
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
