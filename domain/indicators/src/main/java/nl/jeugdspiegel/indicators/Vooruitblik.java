package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Vooruitblik (indicators v1.3): the stock of trajectories of the next half-years from the flows that make it. A
 * unit's active trajectories in half-year t + 1 are those of t that did not end in t (a share c of them continues)
 * plus the starts of t + 1: A(t + 1) = c·A(t) + S(t + 1), which the lake's own counts satisfy exactly. The starts
 * follow a log-linear trend over the last half-years (a Poisson regression with a prior on the slope) whose slope a
 * small municipality borrows from its region (empirical Bayes: its own slope weighted by how precisely it is known);
 * the continuation share is the unit's own over the last half-years, pulled toward the region's by a prior worth
 * {@link #PRIOR_ACTIVE} trajectories. Intervals come from simulation: the level and slope drawn from their
 * uncertainty, the starts from a gamma-Poisson with the trend's over-dispersion, the continuations from a binomial with
 * the continuation share drawn from its beta posterior, and shocks that a region's members and the whole country share
 * ({@link Shocks}). A region's paths are the sums of its municipalities' paths, so its point forecast (the mean) is
 * their sum.
 */
final class Vooruitblik {

    /** The half-years of history the trend and the continuation share use at most. */
    static final int WINDOW = 6;
    /**
     * What a trend may be before the data speak (a weakly informative prior, normal around 0): a slope of 0.1 a
     * half-year is 21 % growth a year. A history too short to have a trend (fewer than 3 half-years) gets just this; a
     * small municipality's noisy trend is pulled in by it, so that no simulated path explodes.
     */
    static final double SLOPE_PRIOR_SD = 0.1;
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
     * The fitted flows of one unit: the starts' log-linear trend (the log of the expected starts {@code mean} with its
     * standard error at the window's middle, {@code offset} half-years before the last, and the slope with its standard
     * error; the over-dispersion of the starts against Poisson) and the continuation share (carried of at risk).
     */
    record Flows(
            double mean,
            double meanSe,
            double offset,
            double slope,
            double slopeSe,
            double dispersion,
            double carried,
            double atRisk,
            double sharedSlopeSe) {
        /** The log of the starts' expected level at the last half-year, for a given mean and slope. */
        double level(double mean, double slope) {
            return mean + slope * offset;
        }
    }

    private Vooruitblik() {}

    /**
     * The unit's own trend of the starts over the last {@link #WINDOW} half-years: a Poisson log-linear regression
     * (log of the expected starts = level + slope × half-year, by Newton's method) with the slope's prior {@link
     * #SLOPE_PRIOR_SD}, its over-dispersion from the Pearson residuals, and standard errors from the curvature scaled by
     * it. Fitting the counts themselves, not their logs, keeps a handful of starts from being overestimated.
     */
    static Flows flows(History h) {
        int n = Math.min(WINDOW, h.length());
        int from = h.length() - n;
        double centre = (n - 1) / 2.0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += h.started()[from + i];
        }
        // with fewer than 3 half-years there is no trend to speak of: level, give or take the prior
        boolean trend = n >= 3;
        double prior = 1 / (SLOPE_PRIOR_SD * SLOPE_PRIOR_SD);
        double level = Math.log(Math.max(total, 1e-9) / n);
        double slope = 0;
        double[] hessian = new double[3]; // aa, ab, bb of the data
        for (int iteration = 0; iteration < 30 && total > 0; iteration++) {
            double ga = 0;
            double gb = 0;
            Arrays.fill(hessian, 0);
            for (int i = 0; i < n; i++) {
                double x = i - centre;
                double mu = Math.exp(level + slope * x);
                double residual = h.started()[from + i] - mu;
                ga += residual;
                gb += residual * x;
                hessian[0] += mu;
                hessian[1] += mu * x;
                hessian[2] += mu * x * x;
            }
            if (!trend) {
                level += ga / hessian[0];
                continue;
            }
            gb -= slope * prior;
            double hbb = hessian[2] + prior;
            double det = hessian[0] * hbb - hessian[1] * hessian[1];
            double da = (hbb * ga - hessian[1] * gb) / det;
            double db = (hessian[0] * gb - hessian[1] * ga) / det;
            // Newton's steps, kept short while far from the answer
            double shrink = Math.min(1, 1 / Math.max(Math.abs(da), 10 * Math.abs(db)));
            level += da * shrink;
            slope += db * shrink;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        // the over-dispersion against Poisson (Pearson, an expectation below ½ counted as ½ so that one start where
        // almost none were expected does not blow it up), at least 1
        double chi = 0;
        for (int i = 0; i < n; i++) {
            double mu = Math.exp(level + slope * (i - centre));
            chi += Math.pow(h.started()[from + i] - mu, 2) / Math.max(mu, 0.5);
        }
        double dispersion = n > 2 && total > 0 ? Math.max(1, chi / (n - 2)) : 1;
        double levelSe = total > 0 ? Math.sqrt(dispersion / Math.max(hessian[0], 1e-9)) : 0;
        double slopeSe = SLOPE_PRIOR_SD;
        if (trend && total > 0) {
            // the curvature of the data (scaled by the over-dispersion) and of the prior
            double haa = hessian[0] / dispersion;
            double hab = hessian[1] / dispersion;
            double hbb = hessian[2] / dispersion + prior;
            double det = haa * hbb - hab * hab;
            levelSe = Math.sqrt(hbb / det);
            slopeSe = Math.sqrt(haa / det);
        }
        double carried = 0;
        double atRisk = 0;
        for (int i = from; i < h.length() - 1; i++) {
            carried += h.active()[i] - h.ended()[i];
            atRisk += h.active()[i];
        }
        return new Flows(level, levelSe, n - 1 - centre, slope, slopeSe, dispersion, carried, atRisk, 0);
    }

    /**
     * The region's slope and continuation share, and each member's flows pulled toward them: the slope by the
     * empirical-Bayes weight τ² / (τ² + se²) with τ² the spread of the members' slopes beyond their own uncertainty,
     * the continuation share by a prior of {@link #PRIOR_ACTIVE} trajectories at the region's share. The part of the
     * slope a member borrowed carries the region's slope's uncertainty, which the members share.
     */
    static List<Flows> borrowed(List<Flows> members) {
        return borrowed(members, spread(List.of(members)));
    }

    /**
     * The spread τ² of the members' true slopes around their region's, beyond their own uncertainty, pooled over all
     * regions (DerSimonian–Laird): one region has too few municipalities to tell it on its own.
     */
    static double spread(List<List<Flows>> regions) {
        double q = 0;
        double df = 0;
        double scale = 0;
        for (List<Flows> members : regions) {
            if (members.size() < 2) {
                continue;
            }
            double sw = 0;
            double swb = 0;
            double sw2 = 0;
            for (Flows f : members) {
                double w = 1 / (f.slopeSe() * f.slopeSe());
                sw += w;
                swb += w * f.slope();
                sw2 += w * w;
            }
            for (Flows f : members) {
                q += Math.pow(f.slope() - swb / sw, 2) / (f.slopeSe() * f.slopeSe());
            }
            df += members.size() - 1;
            scale += sw - sw2 / sw;
        }
        return scale > 0 ? Math.max(0, (q - df) / scale) : 0;
    }

    /** The members' flows pulled toward their region's, given the spread τ² of true slopes ({@link #spread}). */
    static List<Flows> borrowed(List<Flows> members, double tau2) {
        double sw = 0;
        double swb = 0;
        double carried = 0;
        double atRisk = 0;
        for (Flows f : members) {
            double w = 1 / (f.slopeSe() * f.slopeSe() + tau2);
            sw += w;
            swb += w * f.slope();
            carried += f.carried();
            atRisk += f.atRisk();
        }
        double regionSlope = swb / sw;
        double regionShare = atRisk > 0 ? carried / atRisk : 0;
        // the region's slope is itself an estimate: its uncertainty is shared by all that borrow from it
        double regionSlopeSe = Math.sqrt(1 / sw);
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
                    f.atRisk() + PRIOR_ACTIVE,
                    (1 - b) * regionSlopeSe));
        }
        return out;
    }

    /**
     * The variances of the shocks a group of municipalities (a jeugdregio, or the country) shares, beyond what its
     * members' own noise explains: {@code starts} on the log of the starts, a step of a random walk per half-year (a
     * policy change or a new wijkteam moves the level for good), {@code share} on the logit of the continuation share,
     * once per path, and {@code slope}: the uncertainty of the group's own trend, added to every member's slope.
     */
    record Shocks(double starts, double share, double slope) {
        static final Shocks NONE = new Shocks(0, 0, 0);

        Shocks minus(Shocks other) {
            return new Shocks(
                    Math.max(0, starts - other.starts),
                    Math.max(0, share - other.share),
                    Math.max(0, slope - other.slope));
        }

        Shocks plus(Shocks other) {
            return new Shocks(starts + other.starts, share + other.share, slope + other.slope);
        }

        Shocks times(double factor) {
            return new Shocks(starts * factor, share * factor, slope * factor);
        }
    }

    /**
     * How a group's summed history moves beyond chance: the variance of its log starts beyond the Poisson noise of its
     * size (from the trend's over-dispersion), the variance of its continuation share's logit over the half-years
     * beyond the binomial noise, and its trend's uncertainty.
     */
    static Shocks shocks(History group) {
        int n = Math.min(WINDOW, group.length());
        int from = group.length() - n;
        Flows trend = flows(group);
        // starts with a shock of variance σ² on their log vary by μ + μ²σ² around their expectation μ, so the
        // over-dispersion (Pearson) is about 1 + μσ²; the trend's own uncertainty is its slope's standard error
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += Math.exp(trend.level(trend.mean(), trend.slope()) - trend.slope() * (n - 1 - i)) / n;
        }
        boolean any = Arrays.stream(group.started(), from, group.length()).sum() > 0;
        double starts = any && n > 2 ? Math.max(0, (trend.dispersion() - 1) / expected) : 0;
        double slope = any && n > 2 ? trend.slopeSe() * trend.slopeSe() : 0;
        double sum = 0;
        double sumSq = 0;
        double binomial = 0;
        int m = 0;
        for (int i = from; i < group.length() - 1; i++) {
            double a = group.active()[i];
            if (a < 1) {
                continue;
            }
            double c = Math.min(a - 0.5, Math.max(0.5, a - group.ended()[i])) / a;
            double logit = Math.log(c / (1 - c));
            sum += logit;
            sumSq += logit * logit;
            binomial += 1 / (a * c * (1 - c));
            m++;
        }
        double share = m > 1 ? Math.max(0, (sumSq - sum * sum / m) / (m - 1) - binomial / m) : 0;
        return new Shocks(starts, share, slope);
    }

    /** A history summed over members (of equal lengths): a group's. */
    static History sum(List<History> members) {
        int length = members.get(0).length();
        double[][] out = new double[3][length];
        for (History h : members) {
            for (int t = 0; t < length; t++) {
                out[0][t] += h.active()[t];
                out[1][t] += h.started()[t];
                out[2][t] += h.ended()[t];
            }
        }
        return new History(out[0], out[1], out[2]);
    }

    /**
     * The groups the members belong to and the shocks they share: {@code group[m]} is member m's jeugdregio (0 …
     * groups − 1), {@code regional} the shocks of a jeugdregio beyond the country's, {@code national} the country's.
     */
    record Structure(int[] group, int groups, Shocks regional, Shocks national) {
        /** Members drawn independently: no shared shocks. */
        static Structure independent(int members) {
            return new Structure(new int[members], 1, Shocks.NONE, Shocks.NONE);
        }
    }

    /** The simulated paths: {@code active[member][draw][h]} and {@code started[member][draw][h]}. */
    record Paths(double[][][] active, double[][][] started) {}

    /**
     * Simulated paths of the active trajectories and the starts of each member for {@code horizon} half-years after
     * its history's last. A member's slope is drawn from its own uncertainty and, for the part it borrowed, from its
     * region's (shared by the region's members in that draw); the starts carry the region's and the country's shocks
     * (random walks on the log level) on top of the member's own gamma-Poisson noise; the continuation share is drawn
     * from its beta posterior and moved by the region's and the country's shock on its logit.
     */
    static Paths simulate(
            List<History> histories, List<Flows> flows, Structure structure, int horizon, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int members = histories.size();
        double[][][] active = new double[members][draws][horizon];
        double[][][] started = new double[members][draws][horizon];
        Shocks shared = structure.regional().plus(structure.national());
        double[][] slopeShock = new double[draws][structure.groups()];
        double[][] trendShock = new double[draws][structure.groups()];
        double[][] shareShock = new double[draws][structure.groups()];
        double[][][] startsShock = new double[draws][structure.groups()][horizon];
        for (int d = 0; d < draws; d++) {
            double nationalShare = Math.sqrt(structure.national().share()) * Draws.gaussian(random);
            double nationalTrend = Math.sqrt(structure.national().slope()) * Draws.gaussian(random);
            double[] nationalStarts =
                    Draws.randomWalk(random, structure.national().starts(), horizon);
            for (int g = 0; g < structure.groups(); g++) {
                slopeShock[d][g] = Draws.gaussian(random);
                trendShock[d][g] =
                        nationalTrend + Math.sqrt(structure.regional().slope()) * Draws.gaussian(random);
                shareShock[d][g] =
                        nationalShare + Math.sqrt(structure.regional().share()) * Draws.gaussian(random);
                double[] regional =
                        Draws.randomWalk(random, structure.regional().starts(), horizon);
                for (int k = 0; k < horizon; k++) {
                    startsShock[d][g][k] = nationalStarts[k] + regional[k];
                }
            }
        }
        for (int m = 0; m < members; m++) {
            History h = histories.get(m);
            Flows f = flows.get(m);
            int g = structure.group()[m];
            // the member's own over-dispersion, less what the shared shocks already add at its size
            double own = Math.max(1, f.dispersion() - Math.exp(f.level(f.mean(), f.slope())) * shared.starts());
            // a category that never started in the window does not start now
            boolean none = Arrays.stream(h.started()).sum() == 0;
            // the variance of the log of the expected starts k + 1 half-years ahead, from the level's, the slope's and
            // the shocks' uncertainty: half of it comes off, so that the spread does not lift the mean above the trend
            double slopeVariance = f.slopeSe() * f.slopeSe()
                    + f.sharedSlopeSe() * f.sharedSlopeSe()
                    + structure.national().slope()
                    + structure.regional().slope();
            double[] lift = new double[horizon];
            for (int k = 0; k < horizon; k++) {
                double ahead = f.offset() + k + 1;
                lift[k] = (f.meanSe() * f.meanSe() + slopeVariance * ahead * ahead + shared.starts() * (k + 1)) / 2;
            }
            for (int d = 0; d < draws; d++) {
                double slope = f.slope()
                        + f.slopeSe() * Draws.gaussian(random)
                        + f.sharedSlopeSe() * slopeShock[d][g]
                        + trendShock[d][g];
                double level = f.level(f.mean() + f.meanSe() * Draws.gaussian(random), slope);
                double share = Draws.logistic(
                        Draws.logit(Draws.beta(random, f.carried() + 0.5, f.atRisk() - f.carried() + 0.5))
                                + shareShock[d][g]);
                double count = h.active()[h.length() - 1];
                for (int k = 0; k < horizon; k++) {
                    double mean = none ? 0 : Math.exp(level + slope * (k + 1) + startsShock[d][g][k] - lift[k]);
                    double starts = Draws.gammaPoisson(random, Math.max(0, mean), own);
                    count = Draws.binomial(random, count, share) + starts;
                    active[m][d][k] = count;
                    started[m][d][k] = starts;
                }
            }
        }
        return new Paths(active, started);
    }

    /** The mean and bands of the paths summed over the given members (one member: its own). */
    static Forecast forecast(double[][][] paths, List<Integer> members) {
        return forecast(sums(paths, members));
    }

    /** Per draw and half-year ahead, the paths summed over the given members. */
    static double[][] sums(double[][][] paths, List<Integer> members) {
        int draws = paths[0].length;
        int horizon = paths[0][0].length;
        double[][] out = new double[draws][horizon];
        for (int m : members) {
            for (int d = 0; d < draws; d++) {
                for (int k = 0; k < horizon; k++) {
                    out[d][k] += paths[m][d][k];
                }
            }
        }
        return out;
    }

    /** The mean and bands of paths given per draw and half-year ahead. */
    static Forecast forecast(double[][] paths) {
        int draws = paths.length;
        int horizon = paths[0].length;
        double[] mean = new double[horizon];
        double[][] bands = new double[4][horizon];
        double[] sums = new double[draws];
        for (int k = 0; k < horizon; k++) {
            for (int d = 0; d < draws; d++) {
                sums[d] = paths[d][k];
                mean[k] += paths[d][k] / draws;
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
}
