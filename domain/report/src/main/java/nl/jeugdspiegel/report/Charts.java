package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private Charts() {}

    /** A point of a funnel plot: a gemeente's published value against its published denominator. */
    record FunnelPoint(String name, double x, double y, String text) {}

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
            String tableHref) {

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
                    href);
        }
    }

    /** A line of a trend chart: its path, whether it is the unit's own (with dots), and whose it is. */
    record Line(String path, boolean main, String name, List<Circle> dots) {}

    /** The model of {@code trend.mustache}: the unit's line with its interval band, and comparison lines. */
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
            String mainName,
            String otherName) {}

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
        for (FunnelPoint p : points) {
            circles.add(new Circle(sx.text(p.x()), sy.text(p.y()), p.name(), p.text()));
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
                null);
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
        List<Tick> ticks = new ArrayList<>();
        // value axes read as percentages or ratios; everything else with one decimal
        Indicator.Kind kind = indicator.kind();
        Indicator.Kind labelKind =
                kind == Indicator.Kind.SHARE || kind == Indicator.Kind.RATIO ? kind : Indicator.Kind.MEAN;
        double step = niceStep((to - from) / 5);
        for (double v = Math.ceil(from / step) * step; v <= to + 1e-9; v += step) {
            String label = vertical ? Text.format(labelKind, v) : Text.number(v, 0);
            ticks.add(new Tick(scale.text(v), label));
        }
        return ticks;
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * magnitude;
    }

    /** One series of a trend chart: published values per periode (null where suppressed). */
    record Series(String name, boolean main, List<Double> values, List<Double> lows, List<Double> highs) {}

    /**
     * A trend chart over the periods: the unit's line with its interval band, and comparison lines; {@code mainName} and
     * {@code otherName} name them in the caption (no other line: null). Null when no series has a value.
     */
    static TrendChart trend(
            Indicator indicator,
            List<Periode> periods,
            List<Series> series,
            String title,
            String mainName,
            String otherName) {
        int width = 560;
        int height = 220;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (List<Double> list : List.of(s.values(), s.lows(), s.highs())) {
                for (Double v : list) {
                    if (v != null) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        if (min == Double.MAX_VALUE) {
            return null;
        }
        double pad = Math.max((max - min) * 0.1, Math.abs(max) * 0.02 + 1e-6);
        Scale sx = new Scale(0, Math.max(1, periods.size() - 1), LEFT, width - RIGHT);
        Scale sy = new Scale(Math.max(0, min - pad), max + pad, height - BOTTOM + 10, TOP);
        List<Line> lines = new ArrayList<>();
        String band = null;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
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
            }
            if (s.main()) {
                band = band(s, sx, sy);
            }
            List<Circle> dots = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                if (s.values().get(i) != null) {
                    dots.add(new Circle(sx.text(i), sy.text(s.values().get(i)), null, null));
                }
            }
            lines.add(new Line(path.toString(), s.main(), s.name(), s.main() ? dots : List.of()));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            xTicks.add(new Tick(sx.text(i), Text.shortPeriode(periods.get(i))));
        }
        return new TrendChart(
                width,
                height,
                title,
                lines,
                band,
                xTicks,
                ticks(sy, sy.from, sy.to, true, indicator),
                LEFT,
                width - RIGHT,
                height - BOTTOM + 10,
                height - BOTTOM + 28,
                mainName,
                otherName);
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
    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double at(double value) {
            double span = to - from == 0 ? 1 : to - from;
            return pixelFrom + (value - from) / span * (pixelTo - pixelFrom);
        }

        String text(double value) {
            return String.format(Locale.ROOT, "%.1f", at(value));
        }
    }
}
