package nl.jeugdspiegel.indicators;

import java.util.List;
import nl.jeugdspiegel.contract.Availability;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Stats;
import nl.jeugdspiegel.core.Periode;

/** Appends the rows of one unit: those of the indicators the catalogue computes at its niveau. */
record UnitRows(List<IndicatorRow> out, Periode periode, Niveau niveau, String code, String naam) {

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

    void mean(Indicator indicator, long n, long sum, long sumSq, long nationalN, long nationalSum, long nationalSumSq) {
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

    /**
     * A Kaplan–Meier median: teller the events, noemer the members; no members: niet_beschikbaar; not reached:
     * nog_niet_beschikbaar.
     */
    void kaplanMeier(Indicator indicator, Instroom.Median median) {
        if (median == null || median.members() == 0) {
            missing(indicator, 0.0, 0.0);
            return;
        }
        add(
                indicator,
                (double) median.events(),
                (double) median.members(),
                median.reached() ? (double) median.days() : null,
                Stats.Interval.NONE,
                median.reached() ? IndicatorRow.Status.OK : IndicatorRow.Status.NOG_NIET_BESCHIKBAAR,
                Stats.Interval.NONE,
                Stats.Interval.NONE);
    }
}
