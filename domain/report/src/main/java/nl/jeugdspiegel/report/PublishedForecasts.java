package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.contract.VooruitblikTable.Grootheid;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The vooruitblik as the site may show it (indicators v1.3): a forecast is no count of real youths, but it is rounded
 * as counts are and it must not make a suppressed count of the past derivable. So, per unit and quantity:
 * <ul>
 *   <li>counts (forecast and bands) are rounded to the nearest multiple of 5, euros to the nearest 10,000;</li>
 *   <li>a count forecast below 10 in any of the half-years is not shown ("minder dan 10"), nor a gemeente's forecast of
 *       a quantity whose latest count the site does not show (its h = 1 forecast lies close to that count);</li>
 *   <li>the cost is shown only where the youths' forecast is;</li>
 *   <li>a jeugdregio's forecast is the sum of its members': when exactly one member's forecast of a quantity is not
 *       shown, the smallest other member's is not shown either (as in a breakdown), and likewise for the jeugdregio's
 *       within Nederland, so no hidden forecast is a published one minus others.</li>
 * </ul>
 * The backtest is published as computed: it averages over all units of a level and many origins.
 */
final class PublishedForecasts {

    static final String REASON_PAST_SUPPRESSED = "niet getoond: het aantal van het laatste halfjaar wordt niet getoond";
    static final String REASON_NO_YOUTHS = "niet getoond: de vooruitblik van de jeugdigen wordt niet getoond";

    /** One half-year of a published forecast. */
    record Row(Periode periode, double voorspelling, double low80, double high80, double low95, double high95) {}

    /** A unit's published forecast of one quantity, or the reason it is not shown ({@code rows} then empty). */
    record Series(Unit unit, Grootheid grootheid, Periode basis, List<Row> rows, String reason) {
        boolean published() {
            return reason == null;
        }

        double first() {
            return rows.isEmpty() ? 0 : rows.get(0).voorspelling();
        }
    }

    static final PublishedForecasts NONE = new PublishedForecasts(Map.of(), List.of());

    private final Map<Unit, Map<Grootheid, Series>> byUnit;
    private final List<VooruitblikTable.Backtest> backtest;

    private PublishedForecasts(Map<Unit, Map<Grootheid, Series>> byUnit, List<VooruitblikTable.Backtest> backtest) {
        this.byUnit = byUnit;
        this.backtest = backtest;
    }

    /** Whether the indicators stage wrote a vooruitblik at all. */
    boolean any() {
        return !byUnit.isEmpty();
    }

    /** The series of a unit's quantity; null when there is no forecast for it. */
    Series series(Unit unit, Grootheid grootheid) {
        return byUnit.getOrDefault(unit, Map.of()).get(grootheid);
    }

    /** The gemeenten of a jeugdregio, or of Nederland. */
    static List<Unit> gemeenten(Unit unit) {
        return ReferenceData.get().municipalities().stream()
                .filter(m ->
                        unit.niveau() == Niveau.NEDERLAND || m.jeugdregioCode().equals(unit.code()))
                .map(m -> new Unit(Niveau.GEMEENTE, m.code()))
                .toList();
    }

    /**
     * The gemeenten whose forecasts of a quantity make up a jeugdregio's or Nederland's (those with a series of it, shown
     * or not).
     */
    List<Unit> parts(Unit unit, Grootheid grootheid) {
        return gemeenten(unit).stream()
                .filter(u -> series(u, grootheid) != null)
                .toList();
    }

    /** The backtest lines of one level and quantity, by horizon. */
    List<VooruitblikTable.Backtest> backtest(Niveau niveau, Grootheid grootheid) {
        return backtest.stream()
                .filter(b -> b.niveau() == niveau && b.grootheid() == grootheid)
                .sorted(Comparator.comparingInt(VooruitblikTable.Backtest::horizon))
                .toList();
    }

    List<VooruitblikTable.Backtest> backtest() {
        return backtest;
    }

    /** Every published forecast as rows of the contract's table (for the downloads). */
    List<VooruitblikTable.Forecast> rows() {
        List<VooruitblikTable.Forecast> out = new ArrayList<>();
        byUnit.values()
                .forEach(m -> m.values().stream().filter(Series::published).forEach(s -> s.rows()
                        .forEach(r -> out.add(new VooruitblikTable.Forecast(
                                s.basis(),
                                r.periode(),
                                s.unit().niveau(),
                                s.unit().code(),
                                s.grootheid(),
                                r.voorspelling(),
                                r.low80(),
                                r.high80(),
                                r.low95(),
                                r.high95())))));
        out.sort(Comparator.comparing((VooruitblikTable.Forecast f) -> f.niveau())
                .thenComparing(VooruitblikTable.Forecast::code)
                .thenComparing(VooruitblikTable.Forecast::grootheid)
                .thenComparing(VooruitblikTable.Forecast::periode));
        return out;
    }

    /** Publishes the forecasts of the latest origin in the table; {@code data} says which past counts are shown. */
    static PublishedForecasts of(VooruitblikTable.Tables tables, ReportData data) {
        if (tables.forecasts().isEmpty()) {
            return NONE;
        }
        Periode basis = tables.forecasts().stream()
                .map(VooruitblikTable.Forecast::basis)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Map<Unit, Map<Grootheid, List<VooruitblikTable.Forecast>>> exact = new HashMap<>();
        tables.forecasts().stream()
                .filter(f -> f.basis().equals(basis))
                .sorted(Comparator.comparing(VooruitblikTable.Forecast::periode))
                .forEach(f -> exact.computeIfAbsent(new Unit(f.niveau(), f.code()), u -> new EnumMap<>(Grootheid.class))
                        .computeIfAbsent(f.grootheid(), g -> new ArrayList<>())
                        .add(f));
        Map<Unit, Map<Grootheid, Series>> published = new HashMap<>();
        exact.forEach((unit, quantities) -> quantities.forEach((grootheid, rows) -> published
                .computeIfAbsent(unit, u -> new EnumMap<>(Grootheid.class))
                .put(grootheid, publish(unit, grootheid, basis, rows, data))));
        // the cost only where the youths are shown
        published.forEach((unit, quantities) -> {
            Series cost = quantities.get(Grootheid.KOSTEN_TOTAAL);
            Series youths = quantities.get(Grootheid.JEUGDIGEN_JH);
            if (cost != null && cost.published() && (youths == null || !youths.published())) {
                quantities.put(Grootheid.KOSTEN_TOTAAL, hidden(cost, REASON_NO_YOUTHS));
            }
        });
        protectSums(published);
        return new PublishedForecasts(published, tables.backtest());
    }

    private static Series publish(
            Unit unit, Grootheid grootheid, Periode basis, List<VooruitblikTable.Forecast> rows, ReportData data) {
        List<Row> out = new ArrayList<>();
        boolean small = false;
        for (VooruitblikTable.Forecast f : rows) {
            small |= !grootheid.euro() && f.voorspelling() < Disclosure.MIN_COUNT;
            out.add(new Row(
                    f.periode(),
                    round(grootheid, f.voorspelling()),
                    round(grootheid, f.pi80Laag()),
                    round(grootheid, f.pi80Hoog()),
                    round(grootheid, f.pi95Laag()),
                    round(grootheid, f.pi95Hoog())));
        }
        Series series = new Series(unit, grootheid, basis, out, null);
        if (small) {
            return hidden(series, Disclosure.REASON_SMALL_COUNT);
        }
        Indicator past = pastCount(grootheid);
        if (unit.niveau() == Niveau.GEMEENTE
                && past != null
                && !data.figure(basis, unit, past).published()) {
            return hidden(series, REASON_PAST_SUPPRESSED);
        }
        return series;
    }

    /** The published count of the past a forecast lies close to (null: none, or a sum the site does not show). */
    private static Indicator pastCount(Grootheid grootheid) {
        return switch (grootheid) {
            case JEUGDIGEN_JH, KOSTEN_TOTAAL -> Indicator.JEUGDIGEN_JH;
            case TRAJECTEN_GESTART_JH -> null;
            default ->
                Indicator.TRAJECTEN_ACTIEF.get(
                        grootheid.ordinal() - Grootheid.actief(0).ordinal());
        };
    }

    private static double round(Grootheid grootheid, double value) {
        double step = grootheid.euro() ? 10_000 : 5;
        return Math.max(0, Math.round(value / step) * step);
    }

    private static Series hidden(Series s, String reason) {
        return new Series(s.unit(), s.grootheid(), s.basis(), List.of(), reason);
    }

    /**
     * Within every jeugdregio (its gemeenten) and within Nederland (its jeugdregio's): when exactly one part's forecast
     * of an additive quantity is hidden, the smallest other part's is hidden too.
     */
    private static void protectSums(Map<Unit, Map<Grootheid, Series>> published) {
        List<List<Unit>> groups = new ArrayList<>();
        List<Unit> regions = ReferenceData.get().regions().stream()
                .map(r -> new Unit(Niveau.JEUGDREGIO, r.code()))
                .toList();
        regions.forEach(r -> groups.add(gemeenten(r)));
        groups.add(regions);
        for (Grootheid grootheid : Grootheid.values()) {
            if (grootheid == Grootheid.JEUGDIGEN_JH) {
                continue; // distinct youths: a jeugdregio's is no sum of its gemeenten's
            }
            for (List<Unit> group : groups) {
                List<Series> parts = group.stream()
                        .map(u -> published.getOrDefault(u, Map.of()).get(grootheid))
                        .filter(s -> s != null)
                        .toList();
                if (parts.stream().filter(s -> !s.published()).count() != 1) {
                    continue;
                }
                parts.stream()
                        .filter(Series::published)
                        .min(Comparator.comparingDouble(Series::first))
                        .ifPresent(s -> published.get(s.unit()).put(grootheid, hidden(s, Disclosure.REASON_SECONDARY)));
            }
        }
    }
}
