package nl.jeugdspiegel.indicators;

import java.util.SplittableRandom;

/**
 * A ratio to a simulated count (the cost per jeugdhulp trajectory-day, the youths per active trajectory): its log level
 * at the last half-year with that level's standard error, a slope per half-year with its standard error (shared by
 * everyone on the same trend), {@code otherHalf}: how much higher (on the log scale) the ratio is in the other kind of
 * half-year than in the last one's (a first half-year against a second), and the spread of a half-year's ratio around
 * all that.
 */
record Ratio(double level, double levelSe, double slope, double slopeSe, double otherHalf, double stepSd) {

    /** Whether half-year index i is of the other kind than index {@code last} (they alternate). */
    private static boolean other(int i, int last) {
        return (last - i) % 2 != 0;
    }

    /**
     * The ratio's level on a given slope and half-year effect, from the half-years where both values and base are
     * positive; null when there are none.
     */
    static Ratio fit(double[] values, double[] base, double slope, double slopeSe, double otherHalf) {
        int last = values.length - 1;
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i <= last; i++) {
            if (values[i] > 0 && base[i] > 0) {
                double y = Math.log(values[i] / base[i]) - slope * (i - last) - (other(i, last) ? otherHalf : 0);
                sum += y;
                sumSq += y * y;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - sum * sum / n) / (n - 1))) : 0;
        return new Ratio(sum / n, sd / Math.sqrt(n), slope, slopeSe, otherHalf, sd);
    }

    /**
     * The ratio with its own log-linear trend and, with at least 5 half-years, a half-year effect (least squares on
     * the log ratio: level, slope, and the other kind of half-year).
     */
    static Ratio trend(double[] values, double[] base) {
        int last = values.length - 1;
        int n = 0;
        int others = 0;
        for (int i = 0; i <= last; i++) {
            if (values[i] > 0 && base[i] > 0) {
                n++;
                others += other(i, last) ? 1 : 0;
            }
        }
        boolean seasonal = n >= 5 && others >= 2 && n - others >= 2;
        int p = seasonal ? 3 : 2;
        if (n <= p) {
            return fit(values, base, 0, 0, 0);
        }
        // the normal equations of y = a + b (i - last) + c [other half]
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int i = 0; i <= last; i++) {
            if (values[i] > 0 && base[i] > 0) {
                double[] x = row(i, last, p);
                double y = Math.log(values[i] / base[i]);
                for (int r = 0; r < p; r++) {
                    xty[r] += x[r] * y;
                    for (int c = 0; c < p; c++) {
                        xtx[r][c] += x[r] * x[c];
                    }
                }
            }
        }
        double[][] inverse = invert(xtx);
        double[] beta = new double[p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                beta[r] += inverse[r][c] * xty[c];
            }
        }
        double residual = 0;
        for (int i = 0; i <= last; i++) {
            if (values[i] > 0 && base[i] > 0) {
                double[] x = row(i, last, p);
                double fitted = 0;
                for (int r = 0; r < p; r++) {
                    fitted += beta[r] * x[r];
                }
                residual += Math.pow(Math.log(values[i] / base[i]) - fitted, 2);
            }
        }
        double variance = residual / (n - p);
        return fit(values, base, beta[1], Math.sqrt(variance * inverse[1][1]), seasonal ? beta[2] : 0);
    }

    private static double[] row(int i, int last, int p) {
        return p == 3 ? new double[] {1, i - last, other(i, last) ? 1 : 0} : new double[] {1, i - last};
    }

    /** The inverse of a small symmetric positive-definite matrix (Gauss–Jordan). */
    private static double[][] invert(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][2 * p];
        for (int r = 0; r < p; r++) {
            System.arraycopy(m[r], 0, a[r], 0, p);
            a[r][p + r] = 1;
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            double d = a[c][c];
            for (int k = 0; k < 2 * p; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] out = new double[p][p];
        for (int r = 0; r < p; r++) {
            System.arraycopy(a[r], p, out[r], 0, p);
        }
        return out;
    }

    /**
     * The base's paths times the ratio: per draw the level from its uncertainty and each half-year's own spread, the
     * half-year effect in every other half-year ahead, plus {@code common[draw][h]} on the log scale (what everyone on
     * the same trend shares).
     */
    double[][] times(double[][] basePaths, double[][] common, SplittableRandom random) {
        double[][] out = new double[basePaths.length][];
        for (int d = 0; d < basePaths.length; d++) {
            double level = this.level + levelSe * Draws.gaussian(random);
            out[d] = new double[basePaths[d].length];
            for (int k = 0; k < basePaths[d].length; k++) {
                double half = k % 2 == 0 ? otherHalf : 0;
                double log = level + slope * (k + 1) + half + common[d][k] + stepSd * Draws.gaussian(random);
                out[d][k] = basePaths[d][k] * Math.exp(log);
            }
        }
        return out;
    }

    /**
     * What everyone on this trend shares, per draw and half-year ahead (for {@link #times}): the slope's
     * uncertainty and each half-year's spread around the line.
     */
    double[][] shared(int draws, int horizon, SplittableRandom random) {
        double[][] out = new double[draws][horizon];
        for (int d = 0; d < draws; d++) {
            double slope = slopeSe * Draws.gaussian(random);
            for (int k = 0; k < horizon; k++) {
                out[d][k] = slope * (k + 1) + stepSd * Draws.gaussian(random);
            }
        }
        return out;
    }
}
