package nl.jeugdspiegel.indicators;

import java.util.SplittableRandom;

/**
 * A ratio to a simulated count (the cost per jeugdhulp trajectory-day, the youths per active trajectory): its log level at
 * the last half-year with that level's standard error, a slope per half-year with its standard error (shared by
 * everyone on the same trend), and the spread of a half-year's ratio around the line.
 */
record Ratio(double level, double levelSe, double slope, double slopeSe, double stepSd) {

    /** The ratio's level on a given slope, from the half-years where both values and base are positive. */
    static Ratio fit(double[] values, double[] base, double slope, double slopeSe) {
        int last = values.length - 1;
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i <= last; i++) {
            if (values[i] > 0 && base[i] > 0) {
                double y = Math.log(values[i] / base[i]) - slope * (i - last);
                sum += y;
                sumSq += y * y;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - sum * sum / n) / (n - 1))) : 0;
        return new Ratio(sum / n, sd / Math.sqrt(n), slope, slopeSe, sd);
    }

    /** The ratio with its own log-linear trend (least squares). */
    static Ratio trend(double[] values, double[] base) {
        double st = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && base[i] > 0) {
                st += i;
                sy += Math.log(values[i] / base[i]);
                n++;
            }
        }
        if (n < 3) {
            return fit(values, base, 0, 0);
        }
        double tBar = st / n;
        double yBar = sy / n;
        double stt = 0;
        double sty = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && base[i] > 0) {
                stt += (i - tBar) * (i - tBar);
                sty += (i - tBar) * (Math.log(values[i] / base[i]) - yBar);
            }
        }
        double slope = sty / stt;
        double residual = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && base[i] > 0) {
                residual += Math.pow(Math.log(values[i] / base[i]) - yBar - slope * (i - tBar), 2);
            }
        }
        return fit(values, base, slope, Math.sqrt(residual / (n - 2) / stt));
    }

    /**
     * The base's paths times the ratio: per draw the level from its uncertainty and each half-year's own spread,
     * plus {@code common[draw][h]} on the log scale (what everyone on the same trend shares).
     */
    double[][] times(double[][] basePaths, double[][] common, SplittableRandom random) {
        double[][] out = new double[basePaths.length][];
        for (int d = 0; d < basePaths.length; d++) {
            double level = this.level + levelSe * Draws.gaussian(random);
            out[d] = new double[basePaths[d].length];
            for (int k = 0; k < basePaths[d].length; k++) {
                double log = level + slope * (k + 1) + common[d][k] + stepSd * Draws.gaussian(random);
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
