package nl.jeugdspiegel.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorOutputs;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;

/**
 * What the site may show: for every periode and unit the figures after {@link Disclosure}, and from the
 * indicators manifest the deliveries, size classes and whether the population is synthetic. The exact
 * rows are dropped once published.
 */
public final class ReportData {

    /**
     * The site publishes provider figures for the latest this many half-years (two years: the pages show the latest
     * and the latest with follow-up; the exact table keeps every periode).
     */
    static final int PROVIDER_PERIODS = 4;

    private final List<Periode> periods;
    private final Map<Periode, Map<Unit, Map<Indicator, Disclosure.Figure>>> figures;
    private final Map<Unit, String> names;
    private final Map<Periode, Map<String, Instant>> deliveries;
    private final Map<Periode, Map<String, String>> sizeClasses;
    private final Map<Periode, Boolean> followUp;
    private final boolean syntheticPopulation;
    private final int suppressedAgainstDifferencing;
    private final Map<Periode, List<SignalRows.Signal>> signals = new TreeMap<>();
    private final Map<Periode, Map<Unit, List<SignalRows.Signal>>> signalsByUnit = new HashMap<>();
    /** The figures by periode and niveau, built on first use (after publication, when they no longer change). */
    private final Map<Periode, Map<Niveau, Map<Unit, Map<Indicator, Disclosure.Figure>>>> byLevel = new HashMap<>();

    private final Map<Periode, Map<DispersionKey, SignalRows.Dispersion>> dispersion = new TreeMap<>();
    /** The vooruitblik as the site may show it (none before indicators v1.3). */
    private PublishedForecasts forecasts = PublishedForecasts.NONE;

    /** The over-dispersion of one indicator at one niveau. */
    private record DispersionKey(Niveau niveau, Indicator indicator) {}

    private ReportData(
            List<Periode> periods,
            Map<Periode, Map<Unit, Map<Indicator, Disclosure.Figure>>> figures,
            Map<Unit, String> names,
            Map<Periode, Map<String, Instant>> deliveries,
            Map<Periode, Map<String, String>> sizeClasses,
            Map<Periode, Boolean> followUp,
            boolean syntheticPopulation,
            int suppressedAgainstDifferencing) {
        this.periods = periods;
        this.figures = figures;
        this.names = names;
        this.deliveries = deliveries;
        this.sizeClasses = sizeClasses;
        this.followUp = followUp;
        this.syntheticPopulation = syntheticPopulation;
        this.suppressedAgainstDifferencing = suppressedAgainstDifferencing;
    }

    /**
     * Publishes the exact tables.
     *
     * @param tables   the rows of {@code indicators/periode=P/indicators.csv} per periode
     * @param manifest the indicators stage's manifest
     */
    public static ReportData of(Map<Periode, List<IndicatorRow>> tables, Manifest manifest) {
        return of(tables, manifest, Disclosure.Rules.PUBLISHED);
    }

    /**
     * Publishes the exact tables and their signals: a signal is shown only for a figure that is published (contract
     * §8: a unit whose figure the report suppresses is never flagged).
     */
    public static ReportData of(IndicatorOutputs outputs, Manifest manifest) {
        ReportData data = of(outputs.tables(), manifest, Disclosure.Rules.PUBLISHED);
        outputs.signals().forEach((p, result) -> {
            List<SignalRows.Signal> shown = new ArrayList<>();
            for (SignalRows.Signal s : result.signals()) {
                if (data.figure(p, new Unit(s.niveau(), s.code()), s.indicator())
                        .published()) {
                    shown.add(s);
                }
            }
            data.signals.put(p, shown);
            Map<Unit, List<SignalRows.Signal>> byUnit = new HashMap<>();
            shown.forEach(s -> byUnit.computeIfAbsent(new Unit(s.niveau(), s.code()), u -> new ArrayList<>())
                    .add(s));
            data.signalsByUnit.put(p, byUnit);
            Map<DispersionKey, SignalRows.Dispersion> byKey = new HashMap<>();
            result.dispersion().forEach(d -> byKey.put(new DispersionKey(d.niveau(), d.indicator()), d));
            data.dispersion.put(p, byKey);
        });
        data.forecasts = PublishedForecasts.of(outputs.vooruitblik(), data);
        return data;
    }

    /** The published vooruitblik. */
    PublishedForecasts forecasts() {
        return forecasts;
    }

    /** The shown signals of a unit in periode P, in table order. */
    public List<SignalRows.Signal> signals(Periode periode, Unit unit) {
        return signalsByUnit.getOrDefault(periode, Map.of()).getOrDefault(unit, List.of());
    }

    /** The fair estimates by periode, niveau and indicator, by unit code: made on first use, from published figures. */
    private final Map<Periode, Map<Niveau, Map<Indicator, Map<String, FairEstimates.Estimate>>>> estimates =
            new HashMap<>();

    /** The niveaus and indicators with a fair estimate (indicators v1.3): the outcome shares and O/E with a direction. */
    static final List<Niveau> ESTIMATED_NIVEAUS = List.of(Niveau.GEMEENTE, Niveau.AANBIEDER);

    static boolean estimated(Indicator indicator) {
        return indicator.outcome()
                && indicator.signalled()
                && (indicator.kind() == Indicator.Kind.SHARE || indicator.kind() == Indicator.Kind.RATIO);
    }

    /**
     * The fair estimate ("betrouwbare schatting") of a unit's published outcome share or O/E, or null when there is none
     * (not such an indicator or niveau, or the figure is not published): empirical Bayes over the published figures of
     * the units of its niveau in periode P ({@link FairEstimates}).
     */
    public FairEstimates.Estimate estimate(Periode periode, Unit unit, Indicator indicator) {
        if (!ESTIMATED_NIVEAUS.contains(unit.niveau()) || !estimated(indicator)) {
            return null;
        }
        return estimates
                .computeIfAbsent(periode, k -> new HashMap<>())
                .computeIfAbsent(unit.niveau(), k -> new HashMap<>())
                .computeIfAbsent(indicator, k -> fairEstimates(periode, unit.niveau(), indicator))
                .get(unit.code());
    }

    private Map<String, FairEstimates.Estimate> fairEstimates(Periode periode, Niveau niveau, Indicator indicator) {
        List<FairEstimates.Observation> units = new ArrayList<>();
        units(periode, niveau).forEach((unit, figures) -> {
            Disclosure.Figure f = figures.get(indicator);
            if (f == null || !f.published() || (unit.provider() && ProviderUnits.pooled(unit.code()))) {
                return; // the pooled small providers are no provider: no estimate of their own
            }
            if (indicator.kind() == Indicator.Kind.RATIO) {
                // O/E: the observed count is the published volgens plan teller, E the published expected count
                Disclosure.Figure plan = figures.get(Indicator.BEEINDIGD_VOLGENS_PLAN);
                if (plan != null && plan.published() && plan.teller() != null && f.noemer() != null && f.noemer() > 0) {
                    units.add(new FairEstimates.Observation(unit.code(), plan.teller(), f.noemer()));
                }
            } else if (f.teller() != null && f.noemer() != null) {
                units.add(new FairEstimates.Observation(unit.code(), f.teller(), f.noemer()));
            }
        });
        return FairEstimates.of(indicator.kind(), units);
    }

    /** Every shown signal of periode P. */
    public List<SignalRows.Signal> allSignals(Periode periode) {
        return signalsByUnit.getOrDefault(periode, Map.of()).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /** The over-dispersion of an indicator at a niveau in periode P, or null when none was estimated. */
    public SignalRows.Dispersion dispersion(Periode periode, Niveau niveau, Indicator indicator) {
        return dispersion.getOrDefault(periode, Map.of()).get(new DispersionKey(niveau, indicator));
    }

    /** Publishes the exact tables under other disclosure rules (for the benchmark that weighs them). */
    public static ReportData of(Map<Periode, List<IndicatorRow>> tables, Manifest manifest, Disclosure.Rules rules) {
        Map<Periode, Map<String, Instant>> deliveries = new TreeMap<>();
        Map<Periode, Map<String, String>> sizeClasses = new TreeMap<>();
        Map<Periode, Boolean> followUp = new TreeMap<>();
        manifest.periods().forEach((p, period) -> {
            deliveries.put(p, period.leveringen());
            sizeClasses.put(p, period.grootteklassen());
            followUp.put(p, period.vervolgBeschikbaar());
        });
        boolean synthetic = manifest.syntheticPopulation();
        Map<Periode, Map<Unit, Map<Indicator, Disclosure.Figure>>> figures = new TreeMap<>();
        Map<Unit, String> names = new HashMap<>();
        List<Periode> all = new ArrayList<>(tables.keySet());
        List<Periode> withProviders = all.subList(Math.max(0, all.size() - PROVIDER_PERIODS), all.size());
        for (Map.Entry<Periode, List<IndicatorRow>> table : tables.entrySet()) {
            Map<Unit, Map<Indicator, IndicatorRow>> byUnit = new LinkedHashMap<>();
            boolean providers = withProviders.contains(table.getKey());
            for (IndicatorRow row : table.getValue()) {
                if (row.niveau().provider()
                        && (!providers || !Disclosure.PROVIDER_PUBLISHED.contains(row.indicator()))) {
                    continue;
                }
                Unit unit = new Unit(row.niveau(), row.code());
                names.putIfAbsent(unit, row.naam());
                byUnit.computeIfAbsent(unit, u -> new HashMap<>()).put(row.indicator(), row);
            }
            Disclosure disclosure = new Disclosure(rules, byUnit.getOrDefault(Unit.NEDERLAND, Map.of()));
            Map<Unit, Map<Indicator, Disclosure.Figure>> published = new LinkedHashMap<>();
            byUnit.forEach((unit, rows) -> published.put(
                    unit, unit.equals(Unit.NEDERLAND) ? disclosure.national() : disclosure.publish(rows)));
            figures.put(table.getKey(), published);
        }
        int differencing = rules.differencingAudited() ? Differencing.protect(figures, sizeClasses) : 0;
        return new ReportData(
                List.copyOf(figures.keySet()),
                figures,
                names,
                deliveries,
                sizeClasses,
                followUp,
                synthetic,
                differencing);
    }

    public List<Periode> periods() {
        return periods;
    }

    public Periode latest() {
        return periods.get(periods.size() - 1);
    }

    /** The latest periode whose follow-up indicators are available, or the latest. */
    public Periode latestWithFollowUp() {
        List<Periode> reversed = new ArrayList<>(periods);
        Collections.reverse(reversed);
        return reversed.stream()
                .filter(p -> followUp.getOrDefault(p, false))
                .findFirst()
                .orElse(latest());
    }

    /** The published figure, or a suppressed one saying "niet beschikbaar" when the table has no row. */
    public Disclosure.Figure figure(Periode periode, Unit unit, Indicator indicator) {
        Map<Indicator, Disclosure.Figure> unitFigures =
                figures.getOrDefault(periode, Map.of()).get(unit);
        Disclosure.Figure figure = unitFigures == null ? null : unitFigures.get(indicator);
        return figure != null ? figure : Disclosure.Figure.suppressed(indicator, Disclosure.REASON_NOT_DELIVERED);
    }

    /** All units of a periode at one level, with their figures (in table order; indexed on first use). */
    public Map<Unit, Map<Indicator, Disclosure.Figure>> units(Periode periode, Niveau niveau) {
        return byLevel.computeIfAbsent(periode, p -> {
                    Map<Niveau, Map<Unit, Map<Indicator, Disclosure.Figure>>> levels = new EnumMap<>(Niveau.class);
                    figures.getOrDefault(p, Map.of())
                            .forEach((unit, f) -> levels.computeIfAbsent(unit.niveau(), n -> new LinkedHashMap<>())
                                    .put(unit, f));
                    return levels;
                })
                .getOrDefault(niveau, Map.of());
    }

    public String name(Unit unit) {
        return names.getOrDefault(unit, unit.code());
    }

    /** When the gemeente's delivery for the periode arrived; null when it did not deliver. */
    public Instant deliveredAt(Periode periode, String gemeente) {
        return deliveries.getOrDefault(periode, Map.of()).get(gemeente);
    }

    public boolean delivered(Periode periode, String gemeente) {
        return deliveries.getOrDefault(periode, Map.of()).containsKey(gemeente);
    }

    public String sizeClass(Periode periode, String gemeente) {
        return sizeClasses.getOrDefault(periode, Map.of()).get(gemeente);
    }

    public boolean syntheticPopulation() {
        return syntheticPopulation;
    }

    /** How many figures the differencing audit suppressed beyond the rules per figure. */
    public int suppressedAgainstDifferencing() {
        return suppressedAgainstDifferencing;
    }
}
