package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.report.PageModels.Cell;
import nl.jeugdspiegel.report.PageModels.Trend;
import nl.jeugdspiegel.report.PageModels.TrendRow;

/**
 * The parts the pages are made of: a figure as a cell, its deviation, signals in plain Dutch, trends and funnel plots,
 * and the half-year each indicator is shown for.
 */
final class PageParts {

    private PageParts() {}

    static Unit providerUnit(String agb) {
        return new Unit(Niveau.AANBIEDER, agb);
    }

    /** A provider unit's cells of {@link SiteSelections#PROVIDER_COLUMNS} (follow-up indicators of the latest half-year with it). */
    static List<Cell> providerCells(ReportData data, Periode latest, Periode followUp, Unit unit) {
        List<Cell> cells = new ArrayList<>();
        for (Indicator indicator : SiteSelections.PROVIDER_COLUMNS) {
            cells.add(cell(data.figure(indicator.followUp() ? followUp : latest, unit, indicator), indicator.titel()));
        }
        return cells;
    }

    /** The unit's signals in plain Dutch, each for the half-year its indicator is shown for. */
    static List<String> signalSentences(ReportData data, Unit unit) {
        List<String> out = new ArrayList<>();
        for (Indicator indicator : Indicator.SIGNALLED) {
            Periode p = periodeFor(data, indicator);
            for (SignalRows.Signal s : data.signals(p, unit)) {
                if (s.indicator().equals(indicator)) {
                    out.add(indicator.titel() + " (" + Text.periode(p) + "): " + signalText(s) + ".");
                }
            }
        }
        return out;
    }

    /**
     * A signal in plain Dutch: "significant lager dan verwacht (slechter)", "verbeterd sinds vorig jaar", "gaat al vijf
     * of meer halfjaren gestaag omhoog (beter)".
     */
    static String signalText(SignalRows.Signal s) {
        if (s.afwijking()) {
            return (s.signaal().equals(SignalRows.AFWIJKING_BOVEN) ? "significant hoger" : "significant lager")
                    + " dan verwacht (" + s.richting() + ")";
        }
        if (s.soort() == SignalRows.Soort.TREND) {
            return "gaat al vijf of meer halfjaren gestaag "
                    + (s.signaal().equals(SignalRows.STIJGEND) ? "omhoog" : "omlaag") + " (" + s.richting() + ")";
        }
        return (s.richting().equals(SignalRows.BETER) ? "verbeterd" : "verslechterd") + " sinds vorig jaar ("
                + (s.signaal().equals(SignalRows.GESTEGEN) ? "gestegen" : "gedaald") + ")";
    }

    /**
     * The fair estimate of a unit's outcome in plain Dutch ("Betrouwbare schatting: 61,2% (58,0–64,3%), beter dan
     * Nederland"), or null when it has none. Better or worse than Nederland only when the interval lies wholly on one
     * side of Nederland's published value (O/E: of 1).
     */
    static String estimateText(ReportData data, Periode p, Unit unit, Indicator indicator) {
        FairEstimates.Estimate e = data.estimate(p, unit, indicator);
        if (e == null) {
            return null;
        }
        Disclosure.Figure national = data.figure(p, Unit.NEDERLAND, indicator);
        Double reference = indicator.kind() == Indicator.Kind.RATIO ? Double.valueOf(1.0) : national.value();
        String compared;
        if (reference == null) {
            compared = "";
        } else {
            int side = e.side(reference);
            boolean higherBetter = indicator.better() == Indicator.Better.HIGHER;
            compared = side == 0
                    ? ", niet te onderscheiden van Nederland"
                    : (side > 0) == higherBetter ? ", beter dan Nederland" : ", slechter dan Nederland";
        }
        return "Betrouwbare schatting: " + Text.format(indicator.kind(), e.value()) + " ("
                + Text.format(indicator.kind(), e.low()) + "–" + Text.format(indicator.kind(), e.high()) + ")"
                + compared + ".";
    }

    /** The deviation of a signalled indicator: from the signals, whose limits are corrected for over-dispersion. */
    static String signalDeviation(ReportData data, Periode p, Unit unit, Disclosure.Figure f, Indicator indicator) {
        if (!f.published()) {
            return "";
        }
        return data.signals(p, unit).stream()
                .filter(s -> s.indicator().equals(indicator) && s.afwijking())
                .map(PageParts::signalText)
                .findFirst()
                .orElse("niet afwijkend");
    }

    static List<String> titles(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::titel).toList();
    }

    /**
     * The follow-up indicators are shown for the latest periode whose follow-up is complete, a cohort's state at a
     * horizon for the latest cohort whose horizon is due (if none yet: the latest periode, which says so).
     */
    static Periode periodeFor(ReportData data, Indicator indicator) {
        for (int h = 0; h < Indicator.INSTROOM_STATE.size(); h++) {
            if (Indicator.INSTROOM_STATE.get(h).contains(indicator)) {
                Periode cohort = CohortPages.latestComplete(data, h);
                return cohort == null ? data.latest() : cohort;
            }
        }
        return indicator.followUp() ? data.latestWithFollowUp() : data.latest();
    }

    static Cell cell(Disclosure.Figure f) {
        return new Cell(Text.value(f), Text.interval(f), f.published() ? null : f.reason(), null);
    }

    /** A figure as a cell of the column {@code label}. */
    static Cell cell(Disclosure.Figure f, String label) {
        return cell(f).withLabel(label);
    }

    static String deviation(Disclosure.Figure f) {
        if (!f.published() || f.funnel95Low() == null) {
            return "";
        }
        double v = f.value();
        if (f.funnel998Low() != null && (v < f.funnel998Low() || v > f.funnel998High())) {
            return v > f.funnel998High() ? "hoger dan landelijk (99,8%)" : "lager dan landelijk (99,8%)";
        }
        if (v < f.funnel95Low() || v > f.funnel95High()) {
            return v > f.funnel95High() ? "hoger dan landelijk (95%)" : "lager dan landelijk (95%)";
        }
        return "niet afwijkend";
    }

    static Charts.FunnelChart funnelChart(ReportData data, Indicator indicator, Periode p) {
        return funnelChart(data, indicator, p, null);
    }

    /** A funnel plot of the gemeenten; {@code highlighted} (null: none) is drawn larger and labelled. */
    static Charts.FunnelChart funnelChart(ReportData data, Indicator indicator, Periode p, Unit highlighted) {
        Disclosure.Figure national = data.figure(p, Unit.NEDERLAND, indicator);
        if (!national.published()) {
            return null;
        }
        List<Charts.FunnelPoint> points = new ArrayList<>();
        data.units(p, Niveau.GEMEENTE).forEach((unit, figures) -> {
            Disclosure.Figure f = figures.get(indicator);
            if (f != null && f.published() && f.noemer() != null) {
                points.add(new Charts.FunnelPoint(
                        data.name(unit), f.noemer(), f.value(), Text.value(f), unit.equals(highlighted)));
            }
        });
        String title = "Trechterdiagram " + indicator.titel().toLowerCase(Locale.ROOT) + ", " + Text.periode(p) + " ("
                + points.size() + " gemeenten met een getoonde waarde)";
        SignalRows.Dispersion dispersion = data.dispersion(p, Niveau.GEMEENTE, indicator);
        return Charts.funnel(
                indicator,
                indicator.kind() == Indicator.Kind.RATIO ? 1.0 : national.value(),
                points,
                title,
                dispersion == null ? 0 : dispersion.tau2());
    }

    /** A unit drawn in a trend chart, and its name in the legend and the table. */
    record Named(Unit unit, String name) {}

    /** The trends of {@link SiteSelections#MAIN} for a unit, against the units it is compared with. */
    static List<Trend> trends(ReportData data, Named unit, List<Named> compared) {
        List<Trend> trends = new ArrayList<>();
        for (Indicator indicator : SiteSelections.MAIN) {
            trends.add(trend(data, indicator, unit, compared));
        }
        return trends;
    }

    /**
     * One indicator over the half-years: the unit's line with its interval and a line per compared unit; the chart
     * says which lines are missing and why, the table has every figure with its reason.
     */
    static Trend trend(ReportData data, Indicator indicator, Named unit, List<Named> compared) {
        List<Periode> periods = data.periods();
        List<Named> all = new ArrayList<>();
        all.add(unit);
        all.addAll(compared);
        List<Charts.Series> series = new ArrayList<>();
        List<List<Cell>> cells = new ArrayList<>();
        periods.forEach(p -> cells.add(new ArrayList<>()));
        for (Named n : all) {
            List<Double> values = new ArrayList<>();
            List<Double> lows = new ArrayList<>();
            List<Double> highs = new ArrayList<>();
            String missing = null;
            for (int i = 0; i < periods.size(); i++) {
                Disclosure.Figure f = data.figure(periods.get(i), n.unit(), indicator);
                values.add(f.value());
                lows.add(f.low());
                highs.add(f.high());
                cells.get(i).add(cell(f, n.name()));
                if (!f.published() && missing == null) {
                    missing = f.reason();
                }
            }
            series.add(new Charts.Series(n.name(), n == unit, values, lows, highs, missing));
        }
        List<TrendRow> rows = new ArrayList<>();
        List<String> names = all.stream().map(Named::name).toList();
        for (int i = 0; i < periods.size(); i++) {
            rows.add(new TrendRow(Text.periode(periods.get(i)), cells.get(i)));
        }
        Charts.TrendChart chart = Charts.trend(
                indicator,
                periods,
                series,
                indicator.titel() + ", " + unit.name() + ", " + Text.periode(periods.get(0)) + " tot en met "
                        + Text.periode(periods.get(periods.size() - 1)));
        return new Trend(indicator.titel(), chart, names, rows);
    }

    static String sizeClassName(String code) {
        for (SizeClass c : SizeClass.values()) {
            if (c.code().equals(code)) {
                return "gemeenten met " + c.naam();
            }
        }
        return code;
    }

    /** The providers with a unit in the latest half-year, or in the latest one with follow-up, by AGB code. */
    static List<String> providers(ReportData data) {
        TreeSet<String> codes = new TreeSet<>();
        for (Periode p : List.of(data.latest(), data.latestWithFollowUp())) {
            data.units(p, Niveau.AANBIEDER).keySet().forEach(u -> codes.add(u.code()));
        }
        return new ArrayList<>(codes);
    }
}
