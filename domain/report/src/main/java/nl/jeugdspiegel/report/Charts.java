package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.core.Periode;

/**
 * Chart models for the SVG templates ({@code funnel.mustache}, {@code trend.mustache}): coordinates are
 * computed here, all markup and text (escaped) is in the templates. Charts use presentation attributes
 * only, so the page's Content-Security-Policy needs no inline styles for them.
 */
final class Charts {

    static final double Z95 = 1.959964;
    static final double Z998 = 3.090232;
    /**
     * Charts are drawn for a phone's width: at 400 units wide the templates' 13-unit text is 11.6 px high on a 390 px
     * screen (358 px of content), and 13 px on a desktop, where the chart keeps its own size.
     */
    private static final int WIDTH = 400;

    private static final int HEIGHT = 300;
    static final int TREND_WIDTH = 400;
    static final int TREND_HEIGHT = 240;
    private static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    private static final int BOTTOM = 44;

    private Charts() {}

    /**
     * A point of a funnel plot: a gemeente's published value against its published denominator; the highlighted one
     * (the gemeente whose page it is) is drawn larger and labelled.
     */
    record FunnelPoint(String name, double x, double y, String text, boolean highlighted) {}

    /** The highlighted point of a funnel: its centre and its label, anchored so that it stays inside the chart. */
    record Highlight(String cx, String cy, String labelX, String labelY, String anchor, String label) {}

    /** A tick of an axis: where, and its label. */
    record Tick(String at, String label) {}

    /** A point drawn: its centre, and for a funnel point the gemeente and its value as text. */
    record Circle(String cx, String cy, String name, String text) {}

    /**
     * The model of {@code funnel.mustache}; {@code tableHref} links the chart to the table of its indicator page (the
     * home page's funnels), null where the table is on the same page.
     */
    record FunnelChart(
            int width,
            int height,
            String title,
            boolean widened,
            List<Circle> points,
            String national,
            int x0,
            int x1,
            int y0,
            int y1,
            String limit95Low,
            String limit95High,
            String limit998Low,
            String limit998High,
            List<Tick> xTicks,
            List<Tick> yTicks,
            String xLabel,
            int xLabelX,
            int xLabelY,
            String tableHref,
            Highlight highlight) {

        FunnelChart withTableHref(String href) {
            return new FunnelChart(
                    width,
                    height,
                    title,
                    widened,
                    points,
                    national,
                    x0,
                    x1,
                    y0,
                    y1,
                    limit95Low,
                    limit95High,
                    limit998Low,
                    limit998High,
                    xTicks,
                    yTicks,
                    xLabel,
                    xLabelX,
                    xLabelY,
                    href,
                    highlight);
        }
    }

    /**
     * How a trend line is drawn and how the legend says so, in one place: the unit's own (with dots and its interval
     * band), then up to three compared units.
     */
    enum LineStyle {
        OWN("blauwe lijn met punten en 95%-interval (vlak)", "#0b4f8a", "2.5", null),
        FIRST("oranje streepjes", "#b35900", "2", "6 3"),
        SECOND("groene stippellijn", "#2e7d32", "2", "2 3"),
        THIRD("grijze lijn", "#555555", "1.5", null);

        final String drawn;
        final String stroke;
        final String width;
        final String dash;

        LineStyle(String drawn, String stroke, String width, String dash) {
            this.drawn = drawn;
            this.stroke = stroke;
            this.width = width;
            this.dash = dash;
        }
    }

    /** A line of a trend chart: its path and style ({@code trend.mustache} draws it so), whose it is, and its dots. */
    record Line(String path, String name, LineStyle style, List<Circle> dots) {
        public String stroke() {
            return style.stroke;
        }

        public String width() {
            return style.width;
        }

        public String dash() {
            return style.dash;
        }
    }

    /** A line in the legend under a chart: how it is drawn, whose it is, and why it is missing (null: drawn). */
    record Legend(String drawn, String name, String missing) {}

    /** A text inside the chart's plot area: where, and what (a line that could not be drawn, and why). */
    record Note(String x, String y, String text) {}

    /**
     * The model of {@code trend.mustache}: the unit's line with its interval band, and comparison lines; the legend
     * says how each is drawn or why it is missing, and a line that is missing altogether is also said inside the chart.
     * The value axis starts at zero, so that a small change looks small.
     */
    record TrendChart(
            int width,
            int height,
            String title,
            List<Line> lines,
            String band,
            List<Tick> xTicks,
            List<Tick> yTicks,
            int x0,
            int x1,
            int y0,
            int labelY,
            List<Legend> legend,
            List<Note> notes) {}

    /** Can this kind of indicator be drawn as a funnel plot? */
    static boolean funnelKind(Indicator indicator) {
        return switch (indicator.kind()) {
            case SHARE, PER_1000, RATIO -> true;
            default -> false;
        };
    }

    /**
     * A funnel plot: x = denominator (expected count for O/E), y = value; the national value as a line and
     * the 95 % and 99.8 % control limits as curves.
     */
    /**
     * A funnel plot; its limits are widened by the over-dispersion {@code tau2} (Spiegelhalter 2005: θ0 ± z √(s² + τ²);
     * 0 for the plain limits).
     */
    static FunnelChart funnel(
            Indicator indicator, double national, List<FunnelPoint> points, String title, double tau2) {
        double maxX = 1;
        double minY = indicator.kind() == Indicator.Kind.RATIO ? 0 : Double.MAX_VALUE;
        double maxY = indicator.kind() == Indicator.Kind.RATIO ? 2 : -Double.MAX_VALUE;
        for (FunnelPoint p : points) {
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        minY = Math.min(minY, national);
        maxY = Math.max(maxY, national);
        double pad = Math.max((maxY - minY) * 0.1, indicator.kind() == Indicator.Kind.SHARE ? 0.02 : 0.1);
        double yLow = Math.max(0, minY - pad);
        double yHigh = indicator.kind() == Indicator.Kind.SHARE ? Math.min(1, maxY + pad) : maxY + pad;
        Scale sx = new Scale(0, maxX * 1.05, LEFT, WIDTH - RIGHT);
        Scale sy = new Scale(yLow, yHigh, HEIGHT - BOTTOM, TOP);

        List<Circle> circles = new ArrayList<>();
        Highlight highlight = null;
        for (FunnelPoint p : points) {
            circles.add(new Circle(sx.text(p.x()), sy.text(p.y()), p.name(), p.text()));
            if (p.highlighted()) {
                boolean right = sx.at(p.x()) > WIDTH / 2.0;
                boolean low = sy.at(p.y()) < TOP + 20;
                highlight = new Highlight(
                        sx.text(p.x()),
                        sy.text(p.y()),
                        String.format(Locale.ROOT, "%.1f", sx.at(p.x()) + (right ? -10 : 10)),
                        String.format(Locale.ROOT, "%.1f", sy.at(p.y()) + (low ? 18 : -10)),
                        right ? "end" : "start",
                        p.name() + ": " + p.text());
            }
        }
        return new FunnelChart(
                WIDTH,
                HEIGHT,
                title,
                tau2 > 0,
                circles,
                sy.text(national),
                LEFT,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM,
                TOP,
                limitPath(indicator, national, -Z95, sx, sy, maxX, tau2),
                limitPath(indicator, national, Z95, sx, sy, maxX, tau2),
                limitPath(indicator, national, -Z998, sx, sy, maxX, tau2),
                limitPath(indicator, national, Z998, sx, sy, maxX, tau2),
                ticks(sx, 0, maxX, false, indicator),
                ticks(sy, yLow, yHigh, true, indicator),
                indicator.kind() == Indicator.Kind.RATIO
                        ? "verwacht aantal volgens plan"
                        : indicator.kind() == Indicator.Kind.PER_1000 ? "inwoners 0–17 jaar" : "noemer (aantal)",
                (LEFT + WIDTH - RIGHT) / 2,
                HEIGHT - 6,
                null,
                highlight);
    }

    private static String limitPath(
            Indicator indicator, double national, double z, Scale sx, Scale sy, double maxX, double tau2) {
        StringBuilder path = new StringBuilder();
        int steps = 48;
        for (int i = 1; i <= steps; i++) {
            // denser at small denominators, where the limits bend
            double n = Math.max(1, maxX * 1.05 * Math.pow((double) i / steps, 2));
            double limit =
                    switch (indicator.kind()) {
                        case SHARE -> national + z * Math.sqrt(national * (1 - national) / n + tau2);
                        case PER_1000 ->
                            1000 * (national / 1000 + z * Math.sqrt((national / 1000) * (1 - national / 1000) / n));
                        case RATIO -> 1 + z * Math.sqrt(1 / n + tau2);
                        default -> national;
                    };
            double clamped = Math.max(sy.from, Math.min(sy.to, limit));
            path.append(path.length() == 0 ? "M" : " L")
                    .append(sx.text(n))
                    .append(' ')
                    .append(sy.text(clamped));
        }
        return path.toString();
    }

    private static List<Tick> ticks(Scale scale, double from, double to, boolean vertical, Indicator indicator) {
        // value axes read as percentages or ratios; everything else with one decimal
        Indicator.Kind kind = indicator.kind();
        Indicator.Kind labelKind =
                kind == Indicator.Kind.SHARE || kind == Indicator.Kind.RATIO ? kind : Indicator.Kind.MEAN;
        return ticks(scale, from, to, v -> vertical ? Text.format(labelKind, v) : Text.number(v, 0));
    }

    /** About five ticks at round values from {@code from} to {@code to}, labelled by {@code label}. */
    static List<Tick> ticks(Scale scale, double from, double to, DoubleFunction<String> label) {
        List<Tick> ticks = new ArrayList<>();
        double step = niceStep((to - from) / 5);
        for (double v = Math.ceil(from / step) * step; v <= to + 1e-9; v += step) {
            ticks.add(new Tick(scale.text(v), label.apply(v)));
        }
        return ticks;
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * magnitude;
    }

    /**
     * One series of a trend chart: published values per periode (null where suppressed), and the reason of the first
     * half-year without one (null when every half-year has its value).
     */
    record Series(
            String name, boolean main, List<Double> values, List<Double> lows, List<Double> highs, String missing) {}

    /**
     * A trend chart over the periods: the unit's line (the main series) with its interval band, and up to three
     * comparison lines. Null when no series has a value.
     */
    static TrendChart trend(Indicator indicator, List<Periode> periods, List<Series> series, String title) {
        int width = TREND_WIDTH;
        int height = TREND_HEIGHT;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (List<Double> list : List.of(s.values(), s.lows(), s.highs())) {
                for (Double v : list) {
                    if (v != null) {
                        max = Math.max(max, v);
                    }
                }
            }
        }
        if (max == -Double.MAX_VALUE) {
            return null;
        }
        // from zero: a change from 35 to 36 days stays a small change
        double top = max <= 0 ? 1 : max * 1.1;
        if (indicator.kind() == Indicator.Kind.SHARE) {
            top = Math.min(1, top);
        }
        Scale sx = new Scale(0, Math.max(1, periods.size() - 1), LEFT, width - RIGHT);
        Scale sy = new Scale(0, top, height - BOTTOM + 10, TOP);
        List<Line> lines = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        String band = null;
        int compared = 0;
        for (Series s : series) {
            LineStyle drawnAs = s.main() ? LineStyle.OWN : LineStyle.values()[Math.min(3, ++compared)];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            List<Circle> dots = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                Double v = s.values().get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : (path.length() == 0 ? "M" : " M"))
                        .append(sx.text(i))
                        .append(' ')
                        .append(sy.text(v));
                pen = true;
                dots.add(new Circle(sx.text(i), sy.text(v), null, null));
            }
            if (path.length() == 0) {
                legend.add(new Legend(null, s.name(), "geen lijn: " + s.missing()));
                notes.add(new Note(
                        String.valueOf((LEFT + width - RIGHT) / 2),
                        String.valueOf(TOP + 18 + 18 * notes.size()),
                        "Geen lijn voor " + s.name()));
                continue;
            }
            if (s.main()) {
                band = band(s, sx, sy);
            }
            lines.add(new Line(path.toString(), s.name(), drawnAs, s.main() ? dots : List.of()));
            legend.add(new Legend(
                    drawnAs.drawn, s.name(), s.missing() == null ? null : "niet elk halfjaar: " + s.missing()));
        }
        List<Tick> xTicks = new ArrayList<>();
        // on a phone-wide chart every second half-year is labelled when there are many
        int every = periods.size() > 6 ? 2 : 1;
        for (int i = periods.size() - 1; i >= 0; i -= every) {
            xTicks.add(0, new Tick(sx.text(i), Text.shortPeriode(periods.get(i))));
        }
        return new TrendChart(
                width,
                height,
                title,
                lines,
                band,
                xTicks,
                ticks(sy, 0, top, true, indicator),
                LEFT,
                width - RIGHT,
                height - BOTTOM + 10,
                height - BOTTOM + 30,
                legend,
                notes);
    }

    /** The interval band of a series as a polygon, over the periods that have one. */
    private static String band(Series s, Scale sx, Scale sy) {
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (int i = 0; i < s.values().size(); i++) {
            if (s.lows().get(i) != null && s.highs().get(i) != null) {
                upper.add(sx.text(i) + "," + sy.text(s.highs().get(i)));
                lower.add(0, sx.text(i) + "," + sy.text(s.lows().get(i)));
            }
        }
        if (upper.size() < 2) {
            return null;
        }
        upper.addAll(lower);
        return String.join(" ", upper);
    }

    /** A linear map from data values to pixels. */
    record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double at(double value) {
            double span = to - from == 0 ? 1 : to - from;
            return pixelFrom + (value - from) / span * (pixelTo - pixelFrom);
        }

        String text(double value) {
            return String.format(Locale.ROOT, "%.1f", at(value));
        }
    }
}
