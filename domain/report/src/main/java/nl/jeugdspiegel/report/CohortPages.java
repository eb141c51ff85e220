package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.report.PageModels.Cell;
import nl.jeugdspiegel.report.PageModels.Trend;
import nl.jeugdspiegel.report.PageModels.UnitRow;

/**
 * "Wat gebeurt er na de start?": the instroomcohorten of a gemeente or jeugdregio (indicators v1.3) next to the units it
 * is compared with. Per horizon the latest cohort whose follow-up is complete, as one stacked bar per unit (in zorg,
 * teruggekomen, gestopt volgens plan, gestopt anders; each segment's interval on hover) and a table with every figure;
 * then the trend of the 12-month states over the cohorts. Only published figures are drawn: a state withheld under the
 * publication rules is part of a grey "niet getoond" rest.
 */
final class CohortPages {

    private static final int WIDTH = 400;
    private static final int LEFT = 4;
    private static final int RIGHT = 4;
    private static final int LABEL = 18;
    private static final int BAR = 24;
    private static final int GAP = 12;
    private static final int KEY_ROW = 20;
    /** The colours of the four states, in the order of {@link Indicator#INSTROOM_STATES}, and of what is not shown. */
    static final List<String> COLOURS = List.of("#0b4f8a", "#b34700", "#2e7d32", "#6b6b6b");

    private static final String NOT_SHOWN_COLOUR = "#d9d9d9";
    private static final int TWELVE_MONTHS = Indicator.INSTROOM_HORIZONS.indexOf("12m");

    /** A segment of a bar: where it starts and how wide it is, its colour, the percentage in it and its hover text. */
    record Segment(String x, String width, String colour, String label, String labelX, String title) {}

    /** One unit's bar: its name above it, or why it has none. */
    record Bar(String name, String nameY, String y, String textY, List<Segment> segments, String missing) {}

    /** The state a colour stands for, drawn as a key below the bars. */
    record Key(String colour, String name, String x, String y, String textX, String textY) {}

    /** The bars of one horizon. */
    record StackedBars(int width, int height, String title, String barHeight, List<Bar> bars, List<Key> keys) {}

    /** One horizon: its cohort, its bars and its table (a row per unit: members, then the four states). */
    record Horizon(String titel, String cohortText, StackedBars chart, List<String> columns, List<UnitRow> rows) {}

    /** The section: its horizons (those with a cohort whose follow-up is complete) and the 12-month trend. */
    record Section(List<Horizon> horizons, List<Trend> trends) {
        public boolean hasHorizons() {
            return !horizons.isEmpty();
        }
    }

    private CohortPages() {}

    /** The section of {@code unit}, compared with {@code compared} (a null unit: none, e.g. no size class). */
    static Section of(ReportData data, PageParts.Named unit, List<PageParts.Named> compared) {
        List<PageParts.Named> all = new ArrayList<>();
        all.add(unit);
        all.addAll(compared);
        List<Horizon> horizons = new ArrayList<>();
        for (int h = 0; h < Indicator.INSTROOM_HORIZONS.size(); h++) {
            Periode cohort = latestComplete(data, h);
            if (cohort != null) {
                horizons.add(horizon(data, h, cohort, all));
            }
        }
        List<Trend> trends = new ArrayList<>();
        for (Indicator state : Indicator.INSTROOM_STATE.get(TWELVE_MONTHS)) {
            trends.add(PageParts.trend(data, state, unit, compared));
        }
        return new Section(horizons, trends);
    }

    /** A provider's 12-month states next to Nederland's, or null when no cohort has them yet. */
    static Horizon twelveMonths(ReportData data, PageParts.Named provider) {
        Periode cohort = latestComplete(data, TWELVE_MONTHS);
        return cohort == null
                ? null
                : horizon(
                        data,
                        TWELVE_MONTHS,
                        cohort,
                        List.of(provider, new PageParts.Named(Unit.NEDERLAND, "Nederland")));
    }

    /** The latest cohort whose horizon h is due (Nederland's figure is not "nog niet beschikbaar"); null if none. */
    static Periode latestComplete(ReportData data, int h) {
        Indicator inZorg = Indicator.INSTROOM_STATE.get(h).get(0);
        List<Periode> periods = data.periods();
        for (int i = periods.size() - 1; i >= 0; i--) {
            Disclosure.Figure f = data.figure(periods.get(i), Unit.NEDERLAND, inZorg);
            if (f.published()) {
                return periods.get(i);
            }
        }
        return null;
    }

    private static Horizon horizon(ReportData data, int h, Periode cohort, List<PageParts.Named> units) {
        String after = Indicator.INSTROOM_HORIZON_NAMEN.get(h);
        List<String> columns = new ArrayList<>();
        columns.add("Gestart");
        for (String name : Indicator.INSTROOM_STATE_NAMEN) {
            columns.add(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        }
        List<UnitRow> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        double top = 4;
        for (PageParts.Named n : units) {
            List<Disclosure.Figure> states = new ArrayList<>();
            for (Indicator state : Indicator.INSTROOM_STATE.get(h)) {
                states.add(data.figure(cohort, n.unit(), state));
            }
            List<Cell> cells = new ArrayList<>();
            cells.add(PageParts.cell(data.figure(cohort, n.unit(), Indicator.INSTROOM_JEUGDIGEN), columns.get(0)));
            for (int s = 0; s < states.size(); s++) {
                cells.add(PageParts.cell(states.get(s), columns.get(s + 1)));
            }
            rows.add(new UnitRow(null, n.name(), cells));
            bars.add(bar(n.name(), states, top));
            top += LABEL + BAR + GAP;
        }
        List<Key> keys = new ArrayList<>();
        for (int s = 0; s < COLOURS.size(); s++) {
            double x = LEFT + (s % 2) * (WIDTH / 2.0);
            double y = top + (s / 2) * KEY_ROW;
            keys.add(new Key(
                    COLOURS.get(s), Indicator.INSTROOM_STATE_NAMEN.get(s), fmt(x), fmt(y), fmt(x + 18), fmt(y + 11)));
        }
        top += 2 * KEY_ROW;
        String title = "Waar de jeugdigen die in " + Text.periode(cohort) + " begonnen " + after + " later zijn";
        StackedBars chart = new StackedBars(WIDTH, (int) Math.ceil(top), title, Integer.toString(BAR), bars, keys);
        return new Horizon("Na " + after, Text.periode(cohort), chart, columns, rows);
    }

    /** A unit's bar from its four published states; what is withheld is one grey rest. */
    private static Bar bar(String name, List<Disclosure.Figure> states, double top) {
        double barTop = top + LABEL;
        String nameY = fmt(top + LABEL - 5);
        if (states.stream().noneMatch(Disclosure.Figure::published)) {
            String reason = states.get(0).reason();
            return new Bar(name, nameY, fmt(barTop), fmt(barTop + BAR / 2.0 + 5), List.of(), "geen balk: " + reason);
        }
        double span = WIDTH - LEFT - RIGHT;
        double x = LEFT;
        double shown = 0;
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            Disclosure.Figure f = states.get(s);
            if (!f.published() || f.value() <= 0) {
                continue;
            }
            double w = Math.min(span * f.value(), LEFT + span - x); // shares of rounded counts may add up to 100.3%
            String percent = Text.number(100 * f.value(), 0) + "%";
            segments.add(new Segment(
                    fmt(x),
                    fmt(w),
                    COLOURS.get(s),
                    w >= 34 ? percent : null,
                    fmt(x + w / 2),
                    name + ", " + Indicator.INSTROOM_STATE_NAMEN.get(s) + ": " + Text.value(f) + " (" + Text.interval(f)
                            + ")"));
            x += w;
            shown += f.value();
        }
        if (shown < 0.995) {
            segments.add(new Segment(
                    fmt(x),
                    fmt(Math.max(0, LEFT + span - x)),
                    NOT_SHOWN_COLOUR,
                    null,
                    null,
                    name + ": niet getoond (kleine aantallen)"));
        }
        return new Bar(name, nameY, fmt(barTop), fmt(barTop + BAR / 2.0 + 5), segments, null);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
