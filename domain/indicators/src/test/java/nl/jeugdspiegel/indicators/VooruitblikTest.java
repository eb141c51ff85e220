package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vooruitblik's model on generated data with a known trend: a region of 12 municipalities (40 to 1,200 starts a
 * half-year) whose starts grow 5 % a half-year and of whose active trajectories 55 % continue into the next
 * half-year, 12 half-years of history. The forecast should follow the trend, the region's should be the sum of its
 * municipalities', and in a rolling-origin backtest the 80 % and 95 % bands should hold the truth about that often.
 */
class VooruitblikTest {

    private static final double GROWTH = 1.05;
    private static final double CONTINUES = 0.55;

    /** A unit's history of {@code length} half-years from a starting rate, simulated from the flows. */
    private static Vooruitblik.History history(SplittableRandom r, double rate, int length) {
        double[] active = new double[length];
        double[] started = new double[length];
        double[] ended = new double[length];
        double carried = rate * CONTINUES / (1 - CONTINUES) / GROWTH;
        for (int t = 0; t < length; t++) {
            started[t] = Draws.gammaPoisson(r, rate * Math.pow(GROWTH, t), 1);
            active[t] = carried + started[t];
            double stay = 0;
            for (int i = 0; i < active[t]; i++) {
                stay += r.nextDouble() < CONTINUES ? 1 : 0;
            }
            ended[t] = active[t] - stay;
            carried = stay;
        }
        return new Vooruitblik.History(active, started, ended);
    }

    /** The expected active trajectories h half-years after the last of the history, under the true flows. */
    private static double truth(Vooruitblik.History h, double rate, int ahead) {
        double active = h.active()[h.length() - 1];
        for (int k = 1; k <= ahead; k++) {
            active = CONTINUES * active + rate * Math.pow(GROWTH, h.length() - 1 + k);
        }
        return active;
    }

    @Test
    void theForecastFollowsTheTrendAndTheRegionIsTheSumOfItsMunicipalities() {
        SplittableRandom r = new SplittableRandom(29);
        List<Vooruitblik.History> region = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            double rate = 40 * Math.pow(30, m / 11.0);
            rates.add(rate);
            region.add(history(r, rate, 12));
        }
        List<Vooruitblik.Flows> own = region.stream().map(Vooruitblik::flows).toList();
        List<Vooruitblik.Flows> flows = Vooruitblik.borrowed(own);
        double[][][] paths = Vooruitblik.simulate(region, flows, Vooruitblik.Structure.independent(12), 4, 2_000, 7)
                .active();
        // the largest municipality: its forecast four half-years ahead within 5 % of the expectation, its slope near
        // log 1.05
        Vooruitblik.Forecast large = Vooruitblik.forecast(paths, List.of(11));
        double expected = truth(region.get(11), rates.get(11), 4);
        assertEquals(expected, large.mean()[3], 0.05 * expected);
        assertEquals(Math.log(GROWTH), flows.get(11).slope(), 0.02);
        // one municipality's band is a statement with 80 % or 95 % confidence: the 95 % band here, the coverage of both
        // in the backtest below
        assertTrue(
                large.low95()[3] < expected && expected < large.high95()[3],
                large.low95()[3] + " – " + large.high95()[3] + " against " + expected);
        // coherent: the region's mean is the sum of its members' means
        List<Integer> all = new ArrayList<>();
        double sum = 0;
        for (int m = 0; m < 12; m++) {
            all.add(m);
            sum += Vooruitblik.forecast(paths, List.of(m)).mean()[3];
        }
        assertEquals(sum, Vooruitblik.forecast(paths, all).mean()[3], 1e-6 * sum);
        // the smallest municipality borrows its slope: it lies between its own and the region's (the precision-weighted
        // mean of the members' own slopes, each weighted by its variance plus the spread of true slopes), and is known
        // more precisely than its own
        double tau2 = Vooruitblik.spread(List.of(own));
        double sw = 0;
        double swb = 0;
        for (Vooruitblik.Flows f : own) {
            sw += 1 / (f.slopeSe() * f.slopeSe() + tau2);
            swb += f.slope() / (f.slopeSe() * f.slopeSe() + tau2);
        }
        double regionSlope = swb / sw;
        double lo = Math.min(own.get(0).slope(), regionSlope);
        double hi = Math.max(own.get(0).slope(), regionSlope);
        assertTrue(
                lo - 1e-12 <= flows.get(0).slope() && flows.get(0).slope() <= hi + 1e-12,
                flows.get(0).toString());
        assertTrue(flows.get(0).slopeSe() <= own.get(0).slopeSe());
    }

    @Test
    void inARollingOriginBacktestTheBandsHoldAboutAsOftenAsTheySay() {
        SplittableRandom r = new SplittableRandom(2029);
        int in80 = 0;
        int in95 = 0;
        int n = 0;
        double errorModel = 0;
        double errorNaive = 0;
        for (int rep = 0; rep < 20; rep++) {
            List<Vooruitblik.History> region = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                region.add(history(r, 30 * Math.pow(20, r.nextDouble()), 12));
            }
            for (int origin = 4; origin + 4 < 12; origin++) {
                final int o = origin;
                List<Vooruitblik.History> past =
                        region.stream().map(h -> h.upTo(o)).toList();
                List<Vooruitblik.Flows> flows = Vooruitblik.borrowed(
                        past.stream().map(Vooruitblik::flows).toList());
                double[][][] paths = Vooruitblik.simulate(
                                past,
                                flows,
                                Vooruitblik.Structure.independent(past.size()),
                                4,
                                400,
                                rep * 100L + origin)
                        .active();
                for (int m = 0; m < region.size(); m++) {
                    Vooruitblik.Forecast f = Vooruitblik.forecast(paths, List.of(m));
                    for (int k = 0; k < 4; k++) {
                        double actual = region.get(m).active()[origin + 1 + k];
                        in80 += f.low80()[k] <= actual && actual <= f.high80()[k] ? 1 : 0;
                        in95 += f.low95()[k] <= actual && actual <= f.high95()[k] ? 1 : 0;
                        errorModel += Math.abs(f.mean()[k] - actual);
                        errorNaive += Math.abs(region.get(m).active()[origin] - actual);
                        n++;
                    }
                }
            }
        }
        double coverage80 = (double) in80 / n;
        double coverage95 = (double) in95 / n;
        System.out.printf(
                Locale.ROOT,
                "vooruitblik backtest on a known trend: %d forecasts, coverage 80 %% band %.3f, 95 %% band %.3f, "
                        + "mean absolute error %.1f (naive %.1f)%n",
                n,
                coverage80,
                coverage95,
                errorModel / n,
                errorNaive / n);
        assertTrue(coverage80 > 0.72 && coverage80 < 0.90, "80 % band: " + coverage80);
        assertTrue(coverage95 > 0.90 && coverage95 < 0.99, "95 % band: " + coverage95);
        assertTrue(errorModel < errorNaive, "beats the naive forecast on a trend");
    }
}
