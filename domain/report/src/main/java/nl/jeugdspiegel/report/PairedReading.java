package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;

/**
 * Figures to read together (issue 28): where one figure improves while its partner worsens, a page says so next to
 * both instead of praising one. Two pairs, each against the same half-year one year earlier, on published figures:
 * jeugdhulp got shorter (the median duration fell by at least {@link #SHORTER}) while more youths came back (geen nieuwe
 * hulp within 6 months, or the CBS variant, fell by at least {@link #POINTS}); and more ended volgens plan while more
 * also stopped early (both rose by at least {@link #POINTS}). The thresholds say "visibly changed", not significance.
 */
final class PairedReading {

    /** A fall of the median duration that counts as shorter: 10 %. */
    static final double SHORTER = 0.10;
    /** A change of a share that counts: 2 percentage points. */
    static final double POINTS = 0.02;

    private PairedReading() {}

    /** The sentences for the unit; empty when no pair applies. */
    static List<String> of(ReportData data, Unit unit) {
        List<String> out = new ArrayList<>();
        Change duration = change(data, unit, Indicator.DUUR_MEDIAAN_DAGEN);
        Change back = change(data, unit, Indicator.GEEN_NIEUWE_HULP_6M);
        if (back == null || back.delta() > -POINTS) {
            back = change(data, unit, Indicator.GEEN_NIEUWE_START_CBS);
        }
        if (duration != null
                && back != null
                && duration.now() <= (1 - SHORTER) * duration.before()
                && back.delta() <= -POINTS) {
            out.add("De jeugdhulp die afliep duurde korter dan een jaar eerder (mediaan " + days(duration.before())
                    + " → " + days(duration.now()) + " dagen), maar minder jeugdigen bleven daarna zonder nieuwe hulp ("
                    + back.indicator().titel().toLowerCase(java.util.Locale.ROOT) + ": " + percent(back.before())
                    + " → " + percent(back.now()) + "). Korter is alleen winst als jeugdigen niet terugkomen: lees die "
                    + "twee samen.");
        }
        Change plan = change(data, unit, Indicator.BEEINDIGD_VOLGENS_PLAN);
        Change early = change(data, unit, Indicator.VOORTIJDIG_BEEINDIGD);
        if (plan != null && early != null && plan.delta() >= POINTS && early.delta() >= POINTS) {
            out.add("Meer jeugdhulp eindigde volgens plan dan een jaar eerder (" + percent(plan.before()) + " → "
                    + percent(plan.now()) + "), maar ook meer stopte voortijdig (" + percent(early.before()) + " → "
                    + percent(early.now()) + "): minder hulp eindigde om een andere of onbekende reden. Dat kan een "
                    + "andere manier van registreren zijn; lees die twee samen.");
        }
        return out;
    }

    /** An indicator's published figure in the half-year it is shown for, and one year earlier. */
    private record Change(Indicator indicator, double before, double now) {
        double delta() {
            return now - before;
        }
    }

    private static Change change(ReportData data, Unit unit, Indicator indicator) {
        Periode p = PageParts.periodeFor(data, indicator);
        Periode yearEarlier = p.previous().previous();
        if (!data.periods().contains(yearEarlier)) {
            return null;
        }
        Disclosure.Figure now = data.figure(p, unit, indicator);
        Disclosure.Figure before = data.figure(yearEarlier, unit, indicator);
        return now.published() && before.published() ? new Change(indicator, before.value(), now.value()) : null;
    }

    private static String days(double value) {
        return Text.number(value, 0);
    }

    private static String percent(double share) {
        return Text.number(100 * share, 1) + "%";
    }
}
