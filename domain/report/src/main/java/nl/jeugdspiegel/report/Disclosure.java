package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.indicators.Indicator;
import nl.jeugdspiegel.indicators.IndicatorRow;

/**
 * Disclosure control of contract §8, the one place where exact figures become publishable ones. Nothing
 * is rendered from an {@link IndicatorRow}; everything goes through {@link #publish} first.
 * <ul>
 *   <li>Counts are rounded to the nearest multiple of 5; a count below 10 is shown as {@code <10}.</li>
 *   <li>A percentage or mean (and, by the same reasoning, a median, an amount per youth and an O/E ratio)
 *       only when its denominator is at least 20; for O/E that is the number of ended trajectories.</li>
 *   <li>A rate per 1,000 only when at least 10 youths are counted (the count behind it would be {@code <10}).</li>
 *   <li>In a breakdown (trajectories per soort) where exactly one cell is suppressed, the next smallest
 *       cell is suppressed too.</li>
 *   <li>Values are rounded: shares to 0.1 percentage point, means and rates to 0.1, days and euros to
 *       whole numbers, O/E to 0.01; intervals and funnel limits likewise.</li>
 * </ul>
 * Every suppressed figure carries its reason.
 */
public final class Disclosure {

    public static final int MIN_COUNT = 10;
    public static final int MIN_DENOMINATOR = 20;

    public static final String REASON_SMALL_COUNT = "minder dan 10";
    public static final String REASON_SMALL_DENOMINATOR = "gebaseerd op minder dan 20 waarnemingen";
    public static final String REASON_SMALL_RATE_COUNT = "gebaseerd op minder dan 10 jeugdigen";
    public static final String REASON_SECONDARY = "onderdrukt om een andere onderdrukte cel te beschermen";
    public static final String REASON_NOT_AVAILABLE = "niet beschikbaar: geen aanlevering, geen bevolkingscijfer of noemer 0";
    public static final String REASON_NOT_YET = "nog niet beschikbaar: het volgende halfjaar is nog niet aangeleverd";

    /** The count breakdowns whose cells protect each other. */
    static final List<String> BREAKDOWNS = List.of("trajecten_actief.", "trajecten_gestart.", "trajecten_beeindigd.");

    private Disclosure() {
    }

    /**
     * The published figures of one unit in one periode, by indicator id, in catalogue order.
     *
     * @param rows the exact rows of that unit and periode (one per indicator)
     */
    public static Map<String, Figure> publish(Map<String, IndicatorRow> rows) {
        Map<String, Figure> out = new LinkedHashMap<>();
        IndicatorRow ended = rows.get("beeindigd_volgens_plan");
        Double endedCount = ended == null ? null : ended.noemer();
        for (Indicator indicator : Indicator.ALL) {
            IndicatorRow row = rows.get(indicator.id());
            if (row != null) {
                out.put(indicator.id(), primary(indicator, row, endedCount));
            }
        }
        for (String prefix : BREAKDOWNS) {
            secondary(out, prefix);
        }
        return out;
    }

    static Figure primary(Indicator indicator, IndicatorRow row, Double endedCount) {
        if (IndicatorRow.NOG_NIET_BESCHIKBAAR.equals(row.status())) {
            return Figure.suppressed(indicator, REASON_NOT_YET);
        }
        if (!IndicatorRow.OK.equals(row.status()) || row.waarde() == null) {
            return Figure.suppressed(indicator, REASON_NOT_AVAILABLE);
        }
        return switch (indicator.kind()) {
            case COUNT -> row.waarde() < MIN_COUNT ? Figure.suppressed(indicator, REASON_SMALL_COUNT)
                    : new Figure(indicator, round5(row.waarde()), null, null, null, null, null, null, null);
            case SHARE -> row.noemer() < MIN_DENOMINATOR ? Figure.suppressed(indicator, REASON_SMALL_DENOMINATOR)
                    : new Figure(indicator, round(row.waarde(), 3), round(row.ciLaag(), 3), round(row.ciHoog(), 3),
                    count(row.teller()), count(row.noemer()), round(row.funnel95Laag(), 3), round(row.funnel95Hoog(), 3),
                    null).withFunnel998(round(row.funnel998Laag(), 3), round(row.funnel998Hoog(), 3));
            case PER_1000 -> row.teller() < MIN_COUNT ? Figure.suppressed(indicator, REASON_SMALL_RATE_COUNT)
                    : new Figure(indicator, round(row.waarde(), 1), round(row.ciLaag(), 1), round(row.ciHoog(), 1),
                    count(row.teller()), count(row.noemer()), round(row.funnel95Laag(), 1), round(row.funnel95Hoog(), 1),
                    null).withFunnel998(round(row.funnel998Laag(), 1), round(row.funnel998Hoog(), 1));
            case QUANTILE -> row.noemer() < MIN_DENOMINATOR ? Figure.suppressed(indicator, REASON_SMALL_DENOMINATOR)
                    : new Figure(indicator, round(row.waarde(), 0), null, null, null, count(row.noemer()), null, null, null);
            case MEAN -> row.noemer() < MIN_DENOMINATOR ? Figure.suppressed(indicator, REASON_SMALL_DENOMINATOR)
                    : new Figure(indicator, round(row.waarde(), 1), round(row.ciLaag(), 1), round(row.ciHoog(), 1),
                    null, count(row.noemer()), round(row.funnel95Laag(), 1), round(row.funnel95Hoog(), 1),
                    null).withFunnel998(round(row.funnel998Laag(), 1), round(row.funnel998Hoog(), 1));
            case AMOUNT -> row.noemer() < MIN_DENOMINATOR ? Figure.suppressed(indicator, REASON_SMALL_DENOMINATOR)
                    : new Figure(indicator, round(row.waarde(), 0), null, null, null, count(row.noemer()), null, null, null);
            case RATIO -> endedCount == null || endedCount < MIN_DENOMINATOR
                    ? Figure.suppressed(indicator, REASON_SMALL_DENOMINATOR)
                    : new Figure(indicator, round(row.waarde(), 2), round(row.ciLaag(), 2), round(row.ciHoog(), 2),
                    null, round(row.noemer(), 1), round(row.funnel95Laag(), 2), round(row.funnel95Hoog(), 2),
                    null).withFunnel998(round(row.funnel998Laag(), 2), round(row.funnel998Hoog(), 2));
        };
    }

    /** Exactly one suppressed cell in a breakdown: the smallest published cell goes too. */
    private static void secondary(Map<String, Figure> figures, String prefix) {
        List<String> cells = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                cells.add(e.getKey());
                if (REASON_SMALL_COUNT.equals(e.getValue().reason())) {
                    suppressed++;
                }
            }
        }
        boolean othersUnavailable = cells.stream().anyMatch(c -> figures.get(c).reason() != null
                && !REASON_SMALL_COUNT.equals(figures.get(c).reason()));
        if (suppressed != 1 || othersUnavailable) {
            return;
        }
        cells.stream().filter(c -> figures.get(c).value() != null)
                .min(Comparator.comparingDouble(c -> figures.get(c).value()))
                .ifPresent(c -> figures.put(c, Figure.suppressed(figures.get(c).indicator(), REASON_SECONDARY)));
    }

    /** A count as published: nearest multiple of 5, or null below 10. */
    static Double count(Double value) {
        return value == null || value < MIN_COUNT ? null : round5(value);
    }

    static double round5(double value) {
        return 5 * Math.round(value / 5);
    }

    static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * A published figure: rounded values, or none with the reason why. {@code teller} and {@code noemer}
     * are published counts (rounded to 5, absent below 10); for O/E the noemer is the expected number.
     */
    public record Figure(Indicator indicator, Double value, Double low, Double high, Double teller, Double noemer,
                         Double funnel95Low, Double funnel95High, String reason, Double funnel998Low,
                         Double funnel998High) {

        Figure(Indicator indicator, Double value, Double low, Double high, Double teller, Double noemer,
               Double funnel95Low, Double funnel95High, String reason) {
            this(indicator, value, low, high, teller, noemer, funnel95Low, funnel95High, reason, null, null);
        }

        static Figure suppressed(Indicator indicator, String reason) {
            return new Figure(indicator, null, null, null, null, null, null, null, reason);
        }

        Figure withFunnel998(Double low998, Double high998) {
            return new Figure(indicator, value, low, high, teller, noemer, funnel95Low, funnel95High, reason, low998,
                    high998);
        }

        public boolean published() {
            return value != null;
        }
    }
}
