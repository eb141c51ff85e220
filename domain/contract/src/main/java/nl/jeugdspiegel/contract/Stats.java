package nl.jeugdspiegel.contract;

import java.util.Arrays;

/** The statistics of docs/indicatoren.md: Wilson intervals, interpolated quantiles, Poisson (Byar) limits, funnels. */
public final class Stats {

    /** 95 % two-sided. */
    public static final double Z95 = 1.959964;
    /** 99.8 % two-sided. */
    public static final double Z998 = 3.090232;

    private Stats() {}

    /** An interval; {@code null} bounds when it cannot be computed. */
    public record Interval(Double low, Double high) {
        public static final Interval NONE = new Interval(null, null);

        /** The interval times a factor (a share as per 1,000); no interval stays none. */
        public Interval times(double factor) {
            return low == null ? this : new Interval(low * factor, high * factor);
        }
    }

    /** Wilson score interval for x successes out of n (n > 0). */
    public static Interval wilson(long x, long n, double z) {
        if (n <= 0 || x < 0 || x > n) {
            // no binomial interval: e.g. more youths in care than the population file says live there (a wrong or
            // scaled population file); the value stays in the table, the interval is left empty rather than NaN
            return Interval.NONE;
        }
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The 95 % interval of an O/E ratio: the exact (Garwood) Poisson interval of the observed count, divided
     * by {@code expected}. Exact by bisection on the Poisson distribution up to 200 observed; above that
     * Byar's approximation, which is then accurate to better than 0.1 %.
     */
    private static final int EXACT_POISSON = 200;
    /** The exact 95 % limits of λ per observed count up to {@value #EXACT_POISSON}, computed on first use. */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<double[]> GARWOOD =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(EXACT_POISSON + 1);

    public static Interval poissonRatio95(long observed, double expected) {
        if (expected <= 0) {
            return Interval.NONE;
        }
        double tail = 0.025;
        double z = Z95;
        double low;
        double high;
        if (observed <= EXACT_POISSON) {
            double[] limits = GARWOOD.get((int) observed);
            if (limits == null) {
                // lower: P(X >= O; λ) = tail, i.e. P(X <= O - 1; λ) = 1 - tail; upper: P(X <= O; λ) = tail
                limits = new double[] {
                    observed == 0 ? 0 : solveDecreasing(λ -> poissonCdf(observed - 1, λ), 1 - tail, observed),
                    solveDecreasing(λ -> poissonCdf(observed, λ), tail, observed + 1)
                };
                GARWOOD.set((int) observed, limits); // a race computes the same values twice, harmlessly
            }
            low = limits[0];
            high = limits[1];
        } else {
            low = observed * Math.pow(1 - 1.0 / (9 * observed) - z / (3 * Math.sqrt(observed)), 3);
            double o1 = observed + 1;
            high = o1 * Math.pow(1 - 1.0 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
        }
        return new Interval(low / expected, high / expected);
    }

    /** P(X <= k) for X ~ Poisson(λ), summed in log space. */
    static double poissonCdf(long k, double lambda) {
        if (k < 0) {
            return 0;
        }
        double logTerm = -lambda;
        double sum = Math.exp(logTerm);
        for (long i = 1; i <= k; i++) {
            logTerm += Math.log(lambda) - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }

    /** The λ at which a function decreasing in λ equals the target, by bisection. */
    private static double solveDecreasing(java.util.function.DoubleUnaryOperator f, double target, double around) {
        double low = 0;
        double high = Math.max(1, around);
        while (f.applyAsDouble(high) > target) {
            high *= 2;
        }
        for (int i = 0; i < 100 && high - low > 1e-12 * high; i++) {
            double mid = (low + high) / 2;
            if (f.applyAsDouble(mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** Normal-approximation interval of a mean (sample standard deviation); none for fewer than 2 values. */
    public static Interval mean(long n, double sum, double sumOfSquares, double z) {
        if (n < 2) {
            return Interval.NONE;
        }
        double mean = sum / n;
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double half = z * Math.sqrt(variance / n);
        return new Interval(mean - half, mean + half);
    }

    /**
     * Funnel limits of a proportion around the national proportion {@code p0}, for denominator n; none when there is
     * no national proportion (NaN) or it is no proportion at all.
     */
    public static Interval funnelProportion(double p0, long n, double z) {
        if (n <= 0 || !(p0 >= 0 && p0 <= 1)) {
            // no binomial limits around a "share" above 1 (a population file smaller than the youths in care)
            return Interval.NONE;
        }
        double half = z * Math.sqrt(p0 * (1 - p0) / n);
        return new Interval(Math.max(0, p0 - half), Math.min(1, p0 + half));
    }

    /** Funnel limits of an O/E ratio around 1, for an expected count. */
    public static Interval funnelRatio(double expected, double z) {
        if (expected <= 0) {
            return Interval.NONE;
        }
        double half = z / Math.sqrt(expected);
        return new Interval(Math.max(0, 1 - half), 1 + half);
    }

    /** Funnel limits of a mean around the national mean, with the national standard deviation. */
    public static Interval funnelMean(double mean0, double sd0, long n, double z) {
        if (n <= 0) {
            return Interval.NONE;
        }
        double half = z * sd0 / Math.sqrt(n);
        return new Interval(mean0 - half, mean0 + half);
    }

    /**
     * The q-quantile with linear interpolation between order statistics, as DuckDB's {@code quantile_cont}
     * (R type 7). Sorts {@code values[0, n)} in place; n > 0.
     */
    public static double quantileCont(int[] values, int n, double q) {
        Arrays.sort(values, 0, n);
        double position = q * (n - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(n - 1, lower + 1);
        double fraction = position - lower;
        return values[lower] + fraction * (values[upper] - values[lower]);
    }

    /**
     * The two-sided p-value of a standard normal z: P(|Z| ≥ |z|) = erfc(|z| / √2), by the Chebyshev approximation of
     * erfc in Numerical Recipes (fractional error below 1.2e-7 everywhere).
     */
    public static double twoSidedP(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = poly * t + ERFC[i];
        }
        return Math.min(1, t * Math.exp(-x * x + poly));
    }

    /** The coefficients of Numerical Recipes' erfc approximation, constant term first. */
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /**
     * Benjamini–Hochberg: the adjusted p-values (q) of the given p-values, in their order: q of the i-th smallest =
     * min over j ≥ i of m·p(j)/j, at most 1. A unit is flagged at false discovery rate Q when its q ≤ Q, which flags the
     * k smallest p where k is the largest rank with p(k) ≤ k/m·Q (ties share their q).
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = Math.min(1, running);
        }
        return q;
    }
}
