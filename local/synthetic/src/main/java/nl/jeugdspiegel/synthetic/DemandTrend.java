package nl.jeugdspiegel.synthetic;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How demand for care develops in one synthetic municipality, so that the vooruitblik has something to find: new
 * careers start at a rate that grows or shrinks by {@code growthPerYear} (a share per year) from {@link #TREND_FROM},
 * and about one municipality in eight changes policy on {@code policyDay}, after which the rate is {@code policyFactor}
 * times what it was (a stricter toegang, or a new wijkteam that finds more youths). About a third grows, a fifth
 * shrinks, the rest stays about level.
 */
record DemandTrend(double growthPerYear, int policyDay, double policyFactor) {

    static final int TREND_FROM = (int) LocalDate.of(2019, 1, 1).toEpochDay();
    /** A policy day that never comes. */
    static final int NO_POLICY = Integer.MAX_VALUE;

    static DemandTrend draw(SplittableRandom r) {
        double kind = r.nextDouble();
        double growth = kind < 0.33
                ? 0.04 + 0.06 * r.nextDouble()
                : kind < 0.53 ? -(0.03 + 0.05 * r.nextDouble()) : 0.015 * Traits.gaussian(r);
        if (r.nextDouble() >= 0.125) {
            return new DemandTrend(growth, NO_POLICY, 1);
        }
        int year = 2022 + r.nextInt(3);
        int day = (int) LocalDate.of(year, 1 + r.nextInt(12), 1).toEpochDay();
        return new DemandTrend(growth, day, r.nextDouble() < 0.6 ? 0.75 : 1.25);
    }

    /** The rate of new careers on {@code day} relative to the rate before the trend began. */
    double intensity(int day) {
        double years = Math.max(0, day - TREND_FROM) / 365.25;
        return Math.exp(growthPerYear * years) * (day >= policyDay ? policyFactor : 1);
    }

    /** The cumulative intensity from {@code first} over each following day: the start days' distribution. */
    double[] cumulative(int first, int last) {
        double[] out = new double[last - first + 1];
        double sum = 0;
        for (int d = first; d <= last; d++) {
            sum += intensity(d);
            out[d - first] = sum;
        }
        return out;
    }
}
