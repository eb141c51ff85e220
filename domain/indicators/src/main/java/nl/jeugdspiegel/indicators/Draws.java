package nl.jeugdspiegel.indicators;

import java.util.SplittableRandom;

/**
 * The random variates of the vooruitblik's simulation ({@link Vooruitblik}), each from a {@link SplittableRandom} so
 * that a forecast does not depend on threads: normal (Box–Muller), gamma (Marsaglia–Tsang), beta, Poisson (by
 * counting, or its normal approximation above 20), gamma-Poisson, binomial (its normal approximation), a random walk,
 * and the logit and its inverse.
 */
final class Draws {

    private Draws() {}

    static double[] randomWalk(SplittableRandom random, double variance, int steps) {
        double[] out = new double[steps];
        double sd = Math.sqrt(variance);
        double level = 0;
        for (int k = 0; k < steps; k++) {
            level += sd * gaussian(random);
            out[k] = level;
        }
        return out;
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
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

    static double poisson(SplittableRandom r, double mean) {
        // above 20 the normal approximation (rounded) is close enough for a band, and much cheaper than counting
        if (mean > 20) {
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

    static double binomial(SplittableRandom r, double n, double p) {
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

    static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        return x / (x + gamma(r, b));
    }
}
