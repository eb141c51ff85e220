package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.report.Charts.Circle;
import nl.jeugdspiegel.report.Charts.Scale;
import nl.jeugdspiegel.report.Charts.Tick;

/**
 * The fan chart of a vooruitblik ({@code fan.mustache}): the published values of the last half-years as a line with
 * dots, then the forecast as a dashed line inside its 80 % band (dark) and 95 % band (light), with a vertical line
 * where the known half-years end. The value axis starts at zero.
 */
final class FanCharts {

    // the size of a trend chart, with room on the left for counts in the thousands
    private static final int WIDTH = Charts.TREND_WIDTH;
    private static final int HEIGHT = Charts.TREND_HEIGHT;
    private static final int LEFT = 64;
    /** Room for "€ 100 mln". */
    private static final int LEFT_EURO = 80;

    private static final int RIGHT = Charts.RIGHT;
    private static final int TOP = Charts.TOP;
    private static final int BOTTOM = 34;

    /** The model of {@code fan.mustache}. */
    record FanChart(
            int width,
            int height,
            String title,
            String band95,
            String band80,
            String past,
            List<Circle> pastDots,
            String forecast,
            List<Tick> xTicks,
            List<Tick> yTicks,
            int x0,
            int x1,
            int y0,
            int labelY,
            String nowX) {}

    private FanCharts() {}

    /**
     * @param past      the published values of the last half-years, oldest first (null: not shown)
     * @param pastFrom  the first of those half-years
     * @param forecast  the published forecast of the half-years after them
     * @param euro      whether the values are euros (the axis in millions)
     */
    static FanChart of(
            String title, List<Double> past, Periode pastFrom, List<PublishedForecasts.Row> forecast, boolean euro) {
        int n = past.size() + forecast.size();
        double max = 0;
        for (Double v : past) {
            max = Math.max(max, v == null ? 0 : v);
        }
        for (PublishedForecasts.Row r : forecast) {
            max = Math.max(max, r.high95());
        }
        double top = max <= 0 ? 1 : max * 1.1;
        int left = euro ? LEFT_EURO : LEFT;
        Scale sx = new Scale(0, n - 1, left, WIDTH - RIGHT);
        Scale sy = new Scale(0, top, HEIGHT - BOTTOM, TOP);
        StringBuilder line = new StringBuilder();
        List<Circle> dots = new ArrayList<>();
        int lastKnown = -1;
        for (int i = 0; i < past.size(); i++) {
            Double v = past.get(i);
            if (v == null) {
                continue;
            }
            line.append(lastKnown == i - 1 && line.length() > 0 ? " L" : (line.length() == 0 ? "M" : " M"))
                    .append(sx.text(i))
                    .append(' ')
                    .append(sy.text(v));
            dots.add(new Circle(sx.text(i), sy.text(v), null, null));
            lastKnown = i;
        }
        int origin = past.size() - 1;
        StringBuilder ahead = new StringBuilder();
        if (lastKnown == origin) {
            ahead.append('M').append(sx.text(origin)).append(' ').append(sy.text(past.get(origin)));
        }
        List<String> upper80 = new ArrayList<>();
        List<String> lower80 = new ArrayList<>();
        List<String> upper95 = new ArrayList<>();
        List<String> lower95 = new ArrayList<>();
        if (lastKnown == origin) {
            String at = sx.text(origin) + "," + sy.text(past.get(origin));
            upper80.add(at);
            lower80.add(at);
            upper95.add(at);
            lower95.add(at);
        }
        for (int k = 0; k < forecast.size(); k++) {
            PublishedForecasts.Row r = forecast.get(k);
            String x = sx.text(past.size() + k);
            ahead.append(ahead.length() == 0 ? "M" : " L").append(x).append(' ').append(sy.text(r.voorspelling()));
            upper80.add(x + "," + sy.text(r.high80()));
            lower80.add(0, x + "," + sy.text(r.low80()));
            upper95.add(x + "," + sy.text(r.high95()));
            lower95.add(0, x + "," + sy.text(r.low95()));
        }
        upper80.addAll(lower80);
        upper95.addAll(lower95);
        List<Tick> xTicks = new ArrayList<>();
        Periode p = pastFrom;
        for (int i = 0; i < n; i++, p = p.next()) {
            if ((n - 1 - i) % 2 == 0) {
                xTicks.add(new Tick(sx.text(i), Text.shortPeriode(p)));
            }
        }
        List<Tick> yTicks = Charts.ticks(sy, 0, top, v -> label(v, euro));
        return new FanChart(
                WIDTH,
                HEIGHT,
                title,
                String.join(" ", upper95),
                String.join(" ", upper80),
                line.toString(),
                dots,
                ahead.toString(),
                xTicks,
                yTicks,
                left,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM,
                HEIGHT - BOTTOM + 20,
                sx.text(origin + 0.5));
    }

    /** An axis label: a count, or euros in millions ("€ 12,5 mln"). */
    static String label(double v, boolean euro) {
        if (!euro) {
            return Text.number(v, 0);
        }
        return v == 0 ? "€ 0" : "€ " + Text.number(v / 1e6, v < 1e7 ? 1 : 0) + " mln";
    }
}
