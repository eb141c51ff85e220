package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.contract.SignalRows.AFWIJKING_BOVEN;
import static nl.jeugdspiegel.contract.SignalRows.AFWIJKING_ONDER;
import static nl.jeugdspiegel.contract.SignalRows.BETER;
import static nl.jeugdspiegel.contract.SignalRows.DALEND;
import static nl.jeugdspiegel.contract.SignalRows.GEDAALD;
import static nl.jeugdspiegel.contract.SignalRows.GESTEGEN;
import static nl.jeugdspiegel.contract.SignalRows.NIVEAUS;
import static nl.jeugdspiegel.contract.SignalRows.SLECHTER;
import static nl.jeugdspiegel.contract.SignalRows.STIJGEND;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.SignalRows.Dispersion;
import nl.jeugdspiegel.contract.SignalRows.Result;
import nl.jeugdspiegel.contract.SignalRows.Signal;
import nl.jeugdspiegel.contract.SignalRows.Soort;
import nl.jeugdspiegel.contract.Stats;

/**
 * Where a unit deviates and what changed (indicators v1.2 "signals"), from the exact rows of a periode and of the same
 * half-year one year earlier.
 *
 * <p><b>afwijking</b> (Spiegelhalter 2005, "Handling over-dispersion of performance indicators"): per niveau and
 * indicator, every unit with a value gets z = (y − θ0) / s, with θ0 the national value and s the unit's standard error
 * under θ0 (share: √(θ0(1 − θ0)/n); O/E: θ0 = 1, s = 1/√E; mean: the national standard deviation / √n; median waiting
 * time: a sign test against the national median, y = (above − below)/(above + below), θ0 = 0, s = 1/√(above + below)).
 * The z-scores are winsorised at their 10th and 90th percentiles; φ = mean of the squared winsorised z. When φ·I > I − 1
 * an additive random effect τ² = (Iφ − (I − 1)) / (Σw − Σw²/Σw), w = 1/s² (DerSimonian–Laird) widens every unit's
 * standard error to √(s² + τ²). The test is on that corrected z (the funnels keep their 99.8 % limits, widened by τ²).
 *
 * <p><b>verandering</b>: against the same unit one year earlier (P − 2 half-years): shares by the two-proportion z-test
 * (pooled), O/E by the conditional binomial test of two Poisson counts (observed₁ of observed₁ + observed₂ against
 * E₁/(E₁ + E₂)), means by the z-test of two means; medians none.
 *
 * <p><b>trend</b> (indicators v1.3): per unit and outcome share with status ok in at least 5 consecutive half-years
 * ending in P, over that whole run, the Cochran–Armitage test: z = Σ xⱼ(tⱼ − t̄) / √(p̄(1 − p̄) Σ nⱼ(tⱼ − t̄)²), with tⱼ
 * the half-year's index, t̄ the noemer-weighted mean index and p̄ the run's pooled share.
 *
 * <p>Every test gives a two-sided p from its z; within one periode, niveau, indicator and soort the units are flagged by
 * Benjamini–Hochberg at q = {@link SignalRows#Q} (indicators v1.3: controlled for chance across the 342 municipalities
 * or the providers, instead of each unit at its own level).
 */
public final class Signals {

    /** The share of z-scores winsorised in each tail. */
    static final double WINSOR = 0.10;

    /** A unit's waiting times against the national median: how many above and how many below it (ties left out). */
    public record SignTest(long above, long below) {}

    private Signals() {}

    /** A unit: its niveau and code (the key of the sign-test map). */
    public record UnitKey(Niveau niveau, String code) {}

    /** One indicator of one unit: the key of a row within a periode. */
    private record RowKey(Niveau niveau, String code, Indicator indicator) {
        static RowKey of(IndicatorRow row) {
            return new RowKey(row.niveau(), row.code(), row.indicator());
        }
    }

    /** One indicator at one niveau: the units a funnel compares. */
    private record LevelKey(Niveau niveau, Indicator indicator) {}

    /**
     * The signals of one periode, without trends (no earlier half-years but the one a year before).
     *
     * @param rows        the exact rows of the periode
     * @param yearEarlier the exact rows of the same half-year one year earlier (empty when there are none)
     * @param waitSigns   per unit its waiting times against the national median
     */
    public static Result of(List<IndicatorRow> rows, List<IndicatorRow> yearEarlier, Map<UnitKey, SignTest> waitSigns) {
        return of(rows, yearEarlier, waitSigns, List.of());
    }

    /**
     * The signals of one periode.
     *
     * @param rows        the exact rows of the periode
     * @param yearEarlier the exact rows of the same half-year one year earlier (empty when there are none)
     * @param waitSigns   per unit its waiting times against the national median
     * @param earlier     the exact rows of the half-years before it, nearest first, as far back as they are consecutive
     */
    public static Result of(
            List<IndicatorRow> rows,
            List<IndicatorRow> yearEarlier,
            Map<UnitKey, SignTest> waitSigns,
            List<List<IndicatorRow>> earlier) {
        Map<Indicator, IndicatorRow> national = new HashMap<>();
        Map<LevelKey, List<IndicatorRow>> byLevel = new HashMap<>();
        for (IndicatorRow row : rows) {
            if (!row.indicator().signalled()) {
                continue;
            }
            if (row.niveau() == Niveau.NEDERLAND) {
                national.put(row.indicator(), row);
            } else if (tested(row)) {
                byLevel.computeIfAbsent(new LevelKey(row.niveau(), row.indicator()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        List<Test> tests = new ArrayList<>();
        List<Dispersion> dispersion = new ArrayList<>();
        for (Niveau niveau : NIVEAUS) {
            for (Indicator indicator : Indicator.SIGNALLED) {
                List<IndicatorRow> units = byLevel.getOrDefault(new LevelKey(niveau, indicator), List.of());
                IndicatorRow nl = national.get(indicator);
                if (nl == null || !nl.ok() || units.isEmpty()) {
                    continue;
                }
                deviations(units, nl, waitSigns, tests, dispersion);
            }
        }
        changes(rows, yearEarlier, tests);
        trends(rows, earlier, tests);
        return new Result(flagged(tests), dispersion);
    }

    /**
     * One test of one unit: its row, its soort, its z, what a flag would say, and the columns only some soorten have.
     */
    private record Test(
            IndicatorRow row, Soort soort, double z, String signaal, Double phi, Double tau2, Double referentie) {
        double p() {
            return Stats.twoSidedP(z);
        }
    }

    /** The family of a test: Benjamini–Hochberg runs within one niveau, indicator and soort (the periode is one). */
    private record Family(Niveau niveau, Indicator indicator, Soort soort) {}

    /** The tests flagged by Benjamini–Hochberg within their family, in the order of the tests. */
    static List<Signal> flagged(List<Test> tests) {
        Map<Family, List<Test>> families = new java.util.LinkedHashMap<>();
        for (Test t : tests) {
            families.computeIfAbsent(
                            new Family(t.row().niveau(), t.row().indicator(), t.soort()), k -> new ArrayList<>())
                    .add(t);
        }
        List<Signal> signals = new ArrayList<>();
        for (List<Test> family : families.values()) {
            double[] p = new double[family.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = family.get(i).p();
            }
            double[] q = Stats.benjaminiHochberg(p);
            for (int i = 0; i < p.length; i++) {
                if (q[i] <= SignalRows.Q * (1 + 1e-12)) { // a q of exactly Q, as rounding leaves it
                    Test t = family.get(i);
                    IndicatorRow row = t.row();
                    boolean up = t.z() > 0;
                    signals.add(new Signal(
                            row.periode(),
                            row.niveau(),
                            row.code(),
                            row.indicator(),
                            t.soort(),
                            t.signaal(),
                            up == (row.indicator().better() == Indicator.Better.HIGHER) ? BETER : SLECHTER,
                            t.z(),
                            p[i],
                            q[i],
                            t.phi(),
                            t.tau2(),
                            row.waarde(),
                            t.referentie()));
                }
            }
        }
        return signals;
    }

    /** A unit's value on the scale of the test, θ0 and its standard error under θ0; null when it has none. */
    private record Score(IndicatorRow row, double y, double theta0, double s) {
        double z(double tau2) {
            return (y - theta0) / Math.sqrt(s * s + tau2);
        }
    }

    private static Score score(IndicatorRow row, IndicatorRow nl, Map<UnitKey, SignTest> waitSigns) {
        switch (row.indicator().kind()) {
            case SHARE -> {
                double p0 = nl.waarde();
                if (p0 <= 0 || p0 >= 1 || row.noemer() == null || row.noemer() <= 0) {
                    return null;
                }
                return new Score(row, row.waarde(), p0, Math.sqrt(p0 * (1 - p0) / row.noemer()));
            }
            case RATIO -> {
                return row.noemer() == null || row.noemer() <= 0
                        ? null
                        : new Score(row, row.waarde(), 1, 1 / Math.sqrt(row.noemer()));
            }
            case MEAN -> {
                double sd0 = nationalSd(nl);
                return sd0 <= 0 || row.noemer() == null || row.noemer() <= 0
                        ? null
                        : new Score(row, row.waarde(), nl.waarde(), sd0 / Math.sqrt(row.noemer()));
            }
            case QUANTILE -> {
                SignTest sign = waitSigns.get(new UnitKey(row.niveau(), row.code()));
                long n = sign == null ? 0 : sign.above() + sign.below();
                return n == 0 ? null : new Score(row, (double) (sign.above() - sign.below()) / n, 0, 1 / Math.sqrt(n));
            }
            default -> {
                return null;
            }
        }
    }

    /** The national standard deviation of a mean, from its normal interval: half-width / z95 × √n. */
    private static double nationalSd(IndicatorRow nl) {
        if (nl.ciLaag() == null || nl.ciHoog() == null || nl.noemer() == null) {
            return 0;
        }
        return (nl.ciHoog() - nl.ciLaag()) / 2 / Stats.Z95 * Math.sqrt(nl.noemer());
    }

    private static void deviations(
            List<IndicatorRow> units,
            IndicatorRow nl,
            Map<UnitKey, SignTest> waitSigns,
            List<Test> tests,
            List<Dispersion> dispersion) {
        List<Score> scores = new ArrayList<>();
        for (IndicatorRow row : units) {
            Score score = score(row, nl, waitSigns);
            if (score != null && score.s() > 0) {
                scores.add(score);
            }
        }
        int count = scores.size();
        if (count < 2) {
            return;
        }
        Dispersion d = dispersion(nl.indicator(), units.get(0).niveau(), scores);
        dispersion.add(d);
        Double referentie = nl.indicator().kind() == Indicator.Kind.RATIO ? 1.0 : nl.waarde();
        for (Score score : scores) {
            double z = score.z(d.tau2());
            tests.add(new Test(
                    score.row(),
                    Soort.AFWIJKING,
                    z,
                    z > 0 ? AFWIJKING_BOVEN : AFWIJKING_ONDER,
                    d.phi(),
                    d.tau2(),
                    referentie));
        }
    }

    /** φ from the winsorised z-scores and, when φ·I exceeds I − 1, the DerSimonian–Laird τ². */
    private static Dispersion dispersion(Indicator indicator, Niveau niveau, List<Score> scores) {
        int count = scores.size();
        double[] z = new double[count];
        for (int i = 0; i < count; i++) {
            z[i] = scores.get(i).z(0);
        }
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double low = quantile(sorted, WINSOR);
        double high = quantile(sorted, 1 - WINSOR);
        double sumSq = 0;
        for (double v : z) {
            double w = Math.max(low, Math.min(high, v));
            sumSq += w * w;
        }
        double phi = sumSq / count;
        double tau2 = 0;
        if (phi * count > count - 1) {
            double sumW = 0;
            double sumW2 = 0;
            for (Score s : scores) {
                double w = 1 / (s.s() * s.s());
                sumW += w;
                sumW2 += w * w;
            }
            tau2 = Math.max(0, (count * phi - (count - 1)) / (sumW - sumW2 / sumW));
        }
        return new Dispersion(niveau, indicator, count, phi, tau2);
    }

    /** Interpolated quantile (type 7) of sorted values. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static void changes(List<IndicatorRow> rows, List<IndicatorRow> yearEarlier, List<Test> tests) {
        Map<RowKey, IndicatorRow> before = index(yearEarlier);
        for (IndicatorRow now : rows) {
            if (!tested(now) || !now.indicator().signalled()) {
                continue;
            }
            IndicatorRow then = before.get(RowKey.of(now));
            if (then == null) {
                continue;
            }
            Double z = changeZ(now, then);
            if (z != null) {
                tests.add(new Test(now, Soort.VERANDERING, z, z > 0 ? GESTEGEN : GEDAALD, null, null, then.waarde()));
            }
        }
    }

    /**
     * Is the row one a signal may be about: a unit of a signalled niveau with a value, and not the pooled small providers
     * ({@code overig}, {@code JZnn-overig}: no provider, so nothing to act on).
     */
    private static boolean tested(IndicatorRow row) {
        return NIVEAUS.contains(row.niveau())
                && row.ok()
                && !((row.niveau() == Niveau.AANBIEDER || row.niveau() == Niveau.AANBIEDER_JEUGDREGIO)
                        && ProviderUnits.pooled(row.code()));
    }

    /** The signalled rows with status ok by unit and indicator. */
    private static Map<RowKey, IndicatorRow> index(List<IndicatorRow> rows) {
        Map<RowKey, IndicatorRow> out = new HashMap<>();
        for (IndicatorRow row : rows) {
            if (row.indicator().signalled() && row.ok()) {
                out.put(RowKey.of(row), row);
            }
        }
        return out;
    }

    /** The fewest consecutive half-years with status ok that a trend is tested over. */
    static final int TREND_MIN_POINTS = 5;

    /**
     * The trend tests of P: per unit and outcome share with status ok in P and in the half-years before it, while they
     * are consecutive and ok, at least {@link #TREND_MIN_POINTS} in all.
     */
    private static void trends(List<IndicatorRow> rows, List<List<IndicatorRow>> earlier, List<Test> tests) {
        if (earlier.size() < TREND_MIN_POINTS - 1) {
            return;
        }
        List<Map<RowKey, IndicatorRow>> before = new ArrayList<>();
        for (List<IndicatorRow> half : earlier) {
            before.add(index(half));
        }
        for (IndicatorRow now : rows) {
            Indicator indicator = now.indicator();
            if (!tested(now)
                    || !indicator.signalled()
                    || !indicator.outcome()
                    || indicator.kind() != Indicator.Kind.SHARE) {
                continue;
            }
            List<IndicatorRow> run = new ArrayList<>();
            run.add(now);
            for (Map<RowKey, IndicatorRow> half : before) {
                IndicatorRow then = half.get(RowKey.of(now));
                if (then == null || then.noemer() == null || then.noemer() <= 0) {
                    break;
                }
                run.add(0, then);
            }
            if (run.size() >= TREND_MIN_POINTS) {
                Trend t = cochranArmitage(run);
                if (t != null) {
                    tests.add(new Test(now, Soort.TREND, t.z(), t.z() > 0 ? STIJGEND : DALEND, null, null, t.pooled()));
                }
            }
        }
    }

    /** A trend test's z and the run's pooled share. */
    record Trend(double z, double pooled) {}

    /**
     * The Cochran–Armitage test for trend over the run (oldest first, index 0, 1, …): null when the pooled share is 0
     * or 1 (no variance).
     */
    static Trend cochranArmitage(List<IndicatorRow> run) {
        double n = 0;
        double x = 0;
        double nt = 0;
        for (int j = 0; j < run.size(); j++) {
            n += run.get(j).noemer();
            x += run.get(j).teller();
            nt += run.get(j).noemer() * j;
        }
        double pooled = x / n;
        double tBar = nt / n;
        double statistic = 0;
        double spread = 0;
        for (int j = 0; j < run.size(); j++) {
            double d = j - tBar;
            statistic += run.get(j).teller() * d;
            spread += run.get(j).noemer() * d * d;
        }
        double variance = pooled * (1 - pooled) * spread;
        return variance > 0 ? new Trend(statistic / Math.sqrt(variance), pooled) : null;
    }

    /** The z of the change from {@code then} to {@code now}; null when there is no test (medians, no variance). */
    static Double changeZ(IndicatorRow now, IndicatorRow then) {
        switch (now.indicator().kind()) {
            case SHARE -> {
                double x1 = now.teller();
                double n1 = now.noemer();
                double x2 = then.teller();
                double n2 = then.noemer();
                double p = (x1 + x2) / (n1 + n2);
                double se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
                return se > 0 ? (x1 / n1 - x2 / n2) / se : null;
            }
            case RATIO -> {
                double o1 = now.teller();
                double o2 = then.teller();
                double total = o1 + o2;
                double pi = now.noemer() / (now.noemer() + then.noemer());
                double se = Math.sqrt(total * pi * (1 - pi));
                return se > 0 ? (o1 - total * pi) / se : null;
            }
            case MEAN -> {
                if (now.ciLaag() == null || then.ciLaag() == null) {
                    return null;
                }
                double se1 = (now.ciHoog() - now.ciLaag()) / 2 / Stats.Z95;
                double se2 = (then.ciHoog() - then.ciLaag()) / 2 / Stats.Z95;
                double se = Math.sqrt(se1 * se1 + se2 * se2);
                return se > 0 ? (now.waarde() - then.waarde()) / se : null;
            }
            default -> {
                return null;
            }
        }
    }
}
