package nl.jeugdspiegel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nl.jeugdspiegel.contract.Indicator;
import org.junit.jupiter.api.Test;

/**
 * The fair estimate on generated data where each unit's true rate is known: 300 units whose true volgens-plan rates
 * vary around 0.6 (logit sd 0.35) and whose sizes run from 20 to 1,500 ended trajectories, 40 times over. The 95 %
 * interval should hold the truth about 95 % of the time, and the estimate should be closer to the truth than the
 * observed share, most of all for small units; also when it is computed from counts rounded to 5, as the report does.
 */
class FairEstimatesTest {

    private record Figures(
            double coverage, double errorEstimate, double errorObserved, double smallEstimate, double smallObserved) {}

    private static Figures simulate(boolean ratio, boolean rounded) {
        SplittableRandom random = new SplittableRandom(28);
        int covered = 0;
        int count = 0;
        double errEb = 0;
        double errObs = 0;
        double smallEb = 0;
        double smallObs = 0;
        int small = 0;
        for (int rep = 0; rep < 40; rep++) {
            List<FairEstimates.Observation> units = new ArrayList<>();
            double[] truth = new double[300];
            double[] observed = new double[300];
            double[] size = new double[300];
            for (int u = 0; u < 300; u++) {
                double n = Math.round(Math.exp(Math.log(20) + random.nextDouble() * Math.log(1500.0 / 20)));
                double gaussian =
                        Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                double x;
                if (ratio) {
                    truth[u] = Math.exp(0.2 * gaussian); // O/E around 1; E = 0.6 n expected volgens plan
                    double expected = 0.6 * n;
                    x = poisson(random, expected * truth[u]);
                    observed[u] = x / expected;
                    size[u] = expected;
                    units.add(new FairEstimates.Observation("u" + u, rounded ? round5(x) : x, expected));
                } else {
                    truth[u] = 1 / (1 + Math.exp(-(Math.log(0.6 / 0.4) + 0.35 * gaussian)));
                    x = 0;
                    for (int i = 0; i < n; i++) {
                        x += random.nextDouble() < truth[u] ? 1 : 0;
                    }
                    observed[u] = x / n;
                    size[u] = n;
                    units.add(new FairEstimates.Observation(
                            "u" + u, rounded ? round5(x) : x, rounded ? Math.max(round5(n), round5(x)) : n));
                }
            }
            Map<String, FairEstimates.Estimate> estimates =
                    FairEstimates.of(ratio ? Indicator.Kind.RATIO : Indicator.Kind.SHARE, units);
            for (int u = 0; u < 300; u++) {
                FairEstimates.Estimate e = estimates.get("u" + u);
                count++;
                if (e.low() <= truth[u] && truth[u] <= e.high()) {
                    covered++;
                }
                errEb += Math.abs(e.value() - truth[u]);
                errObs += Math.abs(observed[u] - truth[u]);
                if (size[u] < 60) {
                    small++;
                    smallEb += Math.abs(e.value() - truth[u]);
                    smallObs += Math.abs(observed[u] - truth[u]);
                }
            }
        }
        return new Figures((double) covered / count, errEb / count, errObs / count, smallEb / small, smallObs / small);
    }

    private static double round5(double x) {
        return 5 * Math.round(x / 5);
    }

    private static double poisson(SplittableRandom random, double mean) {
        double l = Math.exp(-Math.min(mean, 600));
        if (mean > 600) {
            return Math.max(
                    0,
                    Math.round(mean
                            + Math.sqrt(mean)
                                    * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                                    * Math.cos(2 * Math.PI * random.nextDouble())));
        }
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Test
    void theIntervalHoldsTheTruthAndTheEstimateIsCloserThanTheObservedShare() {
        for (boolean ratio : new boolean[] {false, true}) {
            for (boolean rounded : new boolean[] {false, true}) {
                Figures f = simulate(ratio, rounded);
                System.out.printf(
                        Locale.ROOT,
                        "fair estimate, %s, %s counts: coverage of the 95 %% interval %.3f; mean absolute error %.4f "
                                + "(observed %.4f); units with fewer than 60: %.4f (observed %.4f)%n",
                        ratio ? "O/E" : "share",
                        rounded ? "rounded" : "exact",
                        f.coverage(),
                        f.errorEstimate(),
                        f.errorObserved(),
                        f.smallEstimate(),
                        f.smallObserved());
                assertTrue(f.coverage() > 0.92 && f.coverage() < 0.98, "coverage " + f.coverage());
                assertTrue(f.errorEstimate() < f.errorObserved(), f.toString());
                assertTrue(f.smallEstimate() < 0.8 * f.smallObserved(), "small units gain most: " + f);
            }
        }
    }

    /** By hand: with no spread between the units (τ² = 0) every unit gets the pooled value, μ. */
    @Test
    void withoutSpreadEveryUnitGetsTheLevelsValue() {
        List<FairEstimates.Observation> units = List.of(
                new FairEstimates.Observation("a", 50, 100),
                new FairEstimates.Observation("b", 50, 100),
                new FairEstimates.Observation("c", 50, 100));
        Map<String, FairEstimates.Estimate> e = FairEstimates.of(Indicator.Kind.SHARE, units);
        assertEquals(0.5, e.get("a").value(), 1e-12);
        // var(μ) = 1 / (3 / v) with v = 2 / 50.5: the interval is the pooled one, narrower than one unit's own
        double se = Math.sqrt(2 / 50.5 / 3);
        assertEquals(1 / (1 + Math.exp(-1.959964 * se)), e.get("a").high(), 1e-6);
        assertEquals(1, e.get("a").side(0.4));
        assertEquals(0, e.get("a").side(0.5));
    }
}
