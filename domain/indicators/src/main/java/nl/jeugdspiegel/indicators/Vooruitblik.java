package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Vooruitblik (indicators v1.3, first part, not wired in): the stock of trajectories of the next half-years from the
 * flows that make it. A unit's active trajectories in half-year t + 1 are those of t that did not end in t (a share c
 * of them continues) plus the starts of t + 1: A(t + 1) = c·A(t) + S(t + 1), which the lake's own counts satisfy
 * exactly. The starts follow a log-linear trend over the last half-years whose slope a small municipality borrows
 * from its region (empirical Bayes: its own slope weighted by how precisely it is known); the continuation share is
 * the unit's own over the last half-years, pulled toward the region's by a prior worth {@link #PRIOR_ACTIVE}
 * trajectories. Intervals come from simulation: the slope drawn from its estimate's uncertainty, the starts from a
 * gamma-Poisson with the over-dispersion of the trend's residuals, the continuations from a binomial with the
 * continuation share drawn from its beta posterior. A region's paths are the sums of its municipalities' paths, so its
 * point forecast (the mean) is their sum.
 */
final class Vooruitblik {

    /** The half-years of history the trend and the continuation share use at most. */
    static final int WINDOW = 6;
    /** The weight of the region's continuation share, in trajectories. */
    static final double PRIOR_ACTIVE = 200;

    /** A unit's history, oldest first: active, started and ended trajectories per half-year (equal lengths). */
    record History(double[] active, double[] started, double[] ended) {
        int length() {
            return active.length;
        }

        /** The history up to and including half-year {@code t} (an origin of the backtest). */
        History upTo(int t) {
            return new History(
                    Arrays.copyOf(active, t + 1), Arrays.copyOf(started, t + 1), Arrays.copyOf(ended, t + 1));
        }
    }

    /** A forecast of one quantity for h = 1 … H half-years ahead: the mean and the 80 % and 95 % bands. */
    record Forecast(double[] mean, double[] low80, double[] high80, double[] low95, double[] high95) {}

    /**
     * The fitted flows of one unit: the starts' log-linear trend (its weighted mean log {@code mean} with its standard
     * error, at {@code offset} half-years before the last, and its slope with its standard error; the over-dispersion
     * of the starts against Poisson) and the continuation share (carried of at risk), with uncertainty.
     */
    record Flows(
            double mean,
            double meanSe,
            double offset,
            double slope,
            double slopeSe,
            double dispersion,
            double carried,
            double atRisk) {
        /** The log of the starts' expected level at the last half-year, for a given mean and slope. */
        double level(double mean, double slope) {
            return mean + slope * offset;
        }
    }

    private Vooruitblik() {}

    /** The unit's own trend of the starts over the last {@link #WINDOW} half-years (weighted least squares on logs). */
    static Flows flows(History h) {
        int n = Math.min(WINDOW, h.length());
        int from = h.length() - n;
        double sw = 0;
        double st = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            double w = h.started()[from + i] + 0.5;
            sw += w;
            st += w * i;
            sy += w * Math.log(h.started()[from + i] + 0.5);
        }
        double tBar = st / sw;
        double yBar = sy / sw;
        double stt = 0;
        double sty = 0;
        for (int i = 0; i < n; i++) {
            double w = h.started()[from + i] + 0.5;
            stt += w * (i - tBar) * (i - tBar);
            sty += w * (i - tBar) * (Math.log(h.started()[from + i] + 0.5) - yBar);
        }
        double slope = stt > 0 ? sty / stt : 0;
        // the residuals' over-dispersion against Poisson, at least 1
        double chi = 0;
        for (int i = 0; i < n; i++) {
            double fitted = Math.exp(yBar + slope * (i - tBar));
            chi += Math.pow(h.started()[from + i] - fitted, 2) / Math.max(fitted, 0.5);
        }
        double dispersion = n > 2 ? Math.max(1, chi / (n - 2)) : 1;
        double slopeSe = stt > 0 ? Math.sqrt(dispersion / stt) : 1;
        double carried = 0;
        double atRisk = 0;
        for (int i = from; i < h.length() - 1; i++) {
            carried += h.active()[i] - h.ended()[i];
            atRisk += h.active()[i];
        }
        return new Flows(yBar, Math.sqrt(dispersion / sw), n - 1 - tBar, slope, slopeSe, dispersion, carried, atRisk);
    }

    /**
     * The region's slope and continuation share, and each member's flows pulled toward them: the slope by the
     * empirical-Bayes weight τ² / (τ² + se²) with τ² the spread of the members' slopes beyond their own uncertainty,
     * the continuation share by a prior of {@link #PRIOR_ACTIVE} trajectories at the region's share.
     */
    static List<Flows> borrowed(List<Flows> members) {
        double sw = 0;
        double swb = 0;
        double carried = 0;
        double atRisk = 0;
        for (Flows f : members) {
            double w = 1 / (f.slopeSe() * f.slopeSe());
            sw += w;
            swb += w * f.slope();
            carried += f.carried();
            atRisk += f.atRisk();
        }
        double regionSlope = swb / sw;
        double q = 0;
        double sw2 = 0;
        for (Flows f : members) {
            double w = 1 / (f.slopeSe() * f.slopeSe());
            q += w * Math.pow(f.slope() - regionSlope, 2);
            sw2 += w * w;
        }
        double tau2 = members.size() > 1 ? Math.max(0, (q - (members.size() - 1)) / (sw - sw2 / sw)) : 0;
        double regionShare = atRisk > 0 ? carried / atRisk : 0;
        List<Flows> out = new ArrayList<>();
        for (Flows f : members) {
            double b = tau2 / (tau2 + f.slopeSe() * f.slopeSe());
            double slope = b * f.slope() + (1 - b) * regionSlope;
            double se = Math.sqrt(b * f.slopeSe() * f.slopeSe());
            out.add(new Flows(
                    f.mean(),
                    f.meanSe(),
                    f.offset(),
                    slope,
                    Math.max(se, 1e-6),
                    f.dispersion(),
                    f.carried() + PRIOR_ACTIVE * regionShare,
                    f.atRisk() + PRIOR_ACTIVE));
        }
        return out;
    }

    /**
     * Simulated paths of the active trajectories of each member for {@code horizon} half-years after its history's
     * last: {@code paths[member][draw][h]}.
     */
    static double[][][] simulate(List<History> histories, List<Flows> flows, int horizon, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] paths = new double[histories.size()][draws][horizon];
        for (int m = 0; m < histories.size(); m++) {
            History h = histories.get(m);
            Flows f = flows.get(m);
            for (int d = 0; d < draws; d++) {
                double slope = f.slope() + f.slopeSe() * gaussian(random);
                double level = f.level(f.mean() + f.meanSe() * gaussian(random), slope);
                double share = beta(random, f.carried() + 0.5, f.atRisk() - f.carried() + 0.5);
                double active = h.active()[h.length() - 1];
                for (int k = 0; k < horizon; k++) {
                    double mean = Math.exp(level + slope * (k + 1)) - 0.5;
                    double starts = gammaPoisson(random, Math.max(0, mean), f.dispersion());
                    active = binomial(random, active, share) + starts;
                    paths[m][d][k] = active;
                }
            }
        }
        return paths;
    }

    /** The mean and bands of the paths summed over the given members (one member: its own). */
    static Forecast forecast(double[][][] paths, List<Integer> members) {
        int draws = paths[0].length;
        int horizon = paths[0][0].length;
        double[] mean = new double[horizon];
        double[][] bands = new double[4][horizon];
        double[] sums = new double[draws];
        for (int k = 0; k < horizon; k++) {
            for (int d = 0; d < draws; d++) {
                double s = 0;
                for (int m : members) {
                    s += paths[m][d][k];
                }
                sums[d] = s;
                mean[k] += s / draws;
            }
            Arrays.sort(sums);
            bands[0][k] = quantile(sums, 0.10);
            bands[1][k] = quantile(sums, 0.90);
            bands[2][k] = quantile(sums, 0.025);
            bands[3][k] = quantile(sums, 0.975);
        }
        return new Forecast(mean, bands[0], bands[1], bands[2], bands[3]);
    }

    private static double quantile(double[] sorted, double q) {
        return Signals.quantile(sorted, q);
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** A count with mean {@code mean} and variance {@code dispersion × mean} (gamma-Poisson; Poisson at 1). */
    static double gammaPoisson(SplittableRandom r, double mean, double dispersion) {
        if (mean <= 0) {
            return 0;
        }
        double rate = mean;
        if (dispersion > 1) {
            double shape = mean / (dispersion - 1);
            rate = gamma(r, shape) * (dispersion - 1);
        }
        return poisson(r, rate);
    }

    private static double poisson(SplittableRandom r, double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double binomial(SplittableRandom r, double n, double p) {
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        return Math.max(0, Math.min(n, Math.round(mean + sd * gaussian(r))));
    }

    /** Marsaglia–Tsang gamma with unit scale. */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(r);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(1 - r.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        return x / (x + gamma(r, b));
    }
}
