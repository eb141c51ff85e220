package nl.jeugdspiegel.synthetic;

import java.util.SplittableRandom;

/**
 * What makes one synthetic municipality differ from another, so that the benchmark has something to
 * show: how many youths get care, how much of it is residential, how often care ends as planned, how
 * often youths come back, how long jeugdhulp lasts, waiting times, data quality and delivery habits. About one
 * municipality in seven ends jeugdhulp sooner and sees more youths come back (the instroomcohorten show both).
 */
record Traits(
        double careRate, // youths in jeugdhulp per year, as a share of 0-17
        double verblijfShare, // share of JH trajectories with verblijf
        double planRate, // P(reden 01) for an ended JH trajectory
        double relapse, // P(new care after an episode that ended as planned)
        double waitMedianDays, // median days from aanmelding to start
        double aanmeldFilled, // share of JH trajectories with an aanmelddatum
        double kostenCompleteness,
        double responseRate, // share of ended trajectories with zonder_hulp_verder / tevredenheid
        double satisfactionShift, // added to the satisfaction score
        double delayMedianDays, // days after the period's end until the delivery
        double missingDelivery, // P(no delivery for a period)
        double rowErrorRate, // share of rows with an error
        double costFactor,
        double durationFactor) { // on the length of a jeugdhulp trajectory

    /** The share of municipalities that end jeugdhulp sooner, with more returns. */
    static final double SHORT_CARE = 0.15;

    static Traits draw(SplittableRandom r) {
        double kosten = r.nextDouble() < 0.12 ? 0.55 + 0.3 * r.nextDouble() : 0.93 + 0.07 * r.nextDouble();
        double errors = r.nextDouble() < 0.1 ? 0.004 + 0.012 * r.nextDouble() : 0.0015 * r.nextDouble();
        boolean shortCare = r.nextDouble() < SHORT_CARE;
        double relapse = clamp(0.22 * logNormal(r, 0.25), 0.08, 0.45);
        return new Traits(
                0.125 * logNormal(r, 0.18),
                Math.min(0.25, 0.075 * logNormal(r, 0.3)),
                clamp(0.62 + 0.08 * gaussian(r), 0.35, 0.85),
                shortCare ? Math.min(0.6, relapse * 1.8) : relapse,
                clamp(35 * logNormal(r, 0.4), 7, 150),
                clamp(0.8 + 0.1 * gaussian(r), 0.4, 1.0),
                kosten,
                clamp(0.35 + 0.12 * gaussian(r), 0.05, 0.8),
                0.4 * gaussian(r),
                clamp(45 * logNormal(r, 0.45), 10, 200),
                r.nextDouble() < 0.1 ? 0.06 : 0.004,
                errors,
                logNormal(r, 0.15),
                shortCare ? 0.55 : logNormal(r, 0.1));
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double logNormal(SplittableRandom r, double sigma) {
        return Math.exp(sigma * gaussian(r));
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
