package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Stats;

/**
 * The "betrouwbare schatting" of indicators v1.3: per unit an empirical-Bayes estimate of an outcome share or O/E
 * ratio that pulls a small unit toward the mean of its level, with a 95 % interval. The model is a normal
 * random-effects model on the logit scale (shares) or the log scale (O/E): a unit's observed value y = logit((x + ½) /
 * (n − x + ½)) has sampling variance v = 1/(x + ½) + 1/(n − x + ½) (O/E: y = ln((O + ½)/E), v = 1/(O + ½)); the true
 * values of the units vary around μ with variance τ², estimated over the units of the level by DerSimonian–Laird. The
 * estimate is B·μ + (1 − B)·y with B = v / (v + τ²): a unit with few observations (large v) leans on the level, a large
 * one keeps nearly its own value. Its variance (1 − B)·v + B²·var(μ) gives the interval, transformed back.
 *
 * <p>The report computes it from the published, rounded counts (the same counts the published shares are computed
 * from), so it says nothing about a unit that its published figures do not say.
 */
final class FairEstimates {

    /** One unit's counts: x of n (a share), or O observed against E expected (a ratio). */
    record Observation(String key, double x, double n) {}

    /** An estimate with its 95 % interval, on the indicator's own scale. */
    record Estimate(double value, double low, double high) {
        /** Is the interval wholly above (1), wholly below (−1) or around (0) the reference? */
        int side(double reference) {
            return low > reference ? 1 : high < reference ? -1 : 0;
        }
    }

    /** The model's fit over a level: μ and τ² on the transformed scale, and the variance of μ. */
    record Fit(double mu, double tau2, double muVariance) {}

    private FairEstimates() {}

    /** The estimates of the units of one level; fewer than 3 units: none. */
    static Map<String, Estimate> of(Indicator.Kind kind, List<Observation> units) {
        boolean ratio = kind == Indicator.Kind.RATIO;
        List<double[]> yv = new ArrayList<>();
        for (Observation o : units) {
            yv.add(
                    ratio
                            ? new double[] {Math.log((o.x() + 0.5) / o.n()), 1 / (o.x() + 0.5)}
                            : new double[] {
                                Math.log((o.x() + 0.5) / (o.n() - o.x() + 0.5)),
                                1 / (o.x() + 0.5) + 1 / (o.n() - o.x() + 0.5)
                            });
        }
        Map<String, Estimate> out = new HashMap<>();
        if (units.size() < 3) {
            return out;
        }
        Fit fit = fit(yv);
        for (int i = 0; i < units.size(); i++) {
            double y = yv.get(i)[0];
            double v = yv.get(i)[1];
            double b = fit.tau2() + v == 0 ? 1 : v / (v + fit.tau2());
            double theta = b * fit.mu() + (1 - b) * y;
            double se = Math.sqrt((1 - b) * v + b * b * fit.muVariance());
            out.put(
                    units.get(i).key(),
                    new Estimate(
                            back(theta, ratio),
                            back(theta - Stats.Z95 * se, ratio),
                            back(theta + Stats.Z95 * se, ratio)));
        }
        return out;
    }

    /** DerSimonian–Laird over (y, v) pairs. */
    static Fit fit(List<double[]> yv) {
        double sumW = 0;
        double sumW2 = 0;
        double sumWy = 0;
        for (double[] p : yv) {
            double w = 1 / p[1];
            sumW += w;
            sumW2 += w * w;
            sumWy += w * p[0];
        }
        double mean = sumWy / sumW;
        double q = 0;
        for (double[] p : yv) {
            q += (p[0] - mean) * (p[0] - mean) / p[1];
        }
        double tau2 = Math.max(0, (q - (yv.size() - 1)) / (sumW - sumW2 / sumW));
        double sumStar = 0;
        double sumStarY = 0;
        for (double[] p : yv) {
            double w = 1 / (p[1] + tau2);
            sumStar += w;
            sumStarY += w * p[0];
        }
        return new Fit(sumStarY / sumStar, tau2, 1 / sumStar);
    }

    private static double back(double theta, boolean ratio) {
        return ratio ? Math.exp(theta) : 1 / (1 + Math.exp(-theta));
    }
}
