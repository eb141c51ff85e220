package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Stats;

/**
 * Disclosure control of docs/contract.md §8, the one place where exact figures become publishable ones. Nothing
 * is rendered from an {@link IndicatorRow}; everything goes through {@link #publish} first. The principle:
 * no count below 10, and no difference of published figures below 10, can be derived from what is
 * published. docs/report.md explains the method and what it costs; the attacker test
 * ({@code DisclosureAttackIT}) tries to break it on the published files.
 * <ul>
 *   <li>Counts are rounded to the nearest multiple of 5; a count below 10 is shown as {@code <10}. In a
 *       breakdown (trajectories per soort) where exactly one cell is {@code <10}, the next smallest cell
 *       is suppressed too.</li>
 *   <li>A share, mean, quantile, amount per youth or O/E ratio only when at least 20 observations are
 *       behind it (for O/E: 20 ended trajectories). A denominator of 0 is fewer than 20.</li>
 *   <li>A share (and O/E, whose observed count is the teller of {@code beeindigd_volgens_plan}) only when
 *       neither its teller nor noemer − teller is below 10; a rate per 1,000 only when at least 10 youths
 *       are counted.</li>
 *   <li>Shares, rates and O/E ratios, their intervals and their funnel limits are computed from the
 *       <em>rounded</em> counts (the ones published next to them), so they reveal nothing the rounded
 *       counts do not: the exact teller cannot be recovered from the printed value, and differences
 *       across levels, breakdowns and periods stay differences of rounded counts.</li>
 *   <li>Values are rounded: shares to 0.1 percentage point, means and rates to 0.1, days and euros to
 *       whole numbers, O/E to 0.01; intervals and funnel limits likewise. Funnel limits lie around the
 *       published national value, for the published denominator.</li>
 * </ul>
 * Across units, breakdowns and periods, {@link Differencing} then suppresses the few further figures that
 * would let a count below 10 be pinned by combining rounded counts. Every suppressed figure carries its
 * reason. {@link Rules} switches the v1.2 rules off, only so that the benchmark can show what each costs
 * and what it protects.
 */
public final class Disclosure {

    public static final int MIN_COUNT = 10;
    public static final int MIN_DENOMINATOR = 20;

    public static final String REASON_SMALL_COUNT = "minder dan 10";
    public static final String REASON_SMALL_DENOMINATOR = "gebaseerd op minder dan 20 waarnemingen";
    public static final String REASON_SMALL_CELL = "teller of noemer min teller kleiner dan 10";
    public static final String REASON_SMALL_RATE_COUNT = "gebaseerd op minder dan 10 jeugdigen";
    public static final String REASON_SECONDARY = "onderdrukt om een andere onderdrukte cel te beschermen";
    public static final String REASON_DIFFERENCING =
            "onderdrukt zodat een klein aantal niet uit andere cijfers terug te rekenen is";
    /** The start of every "niet beschikbaar" reason; {@link #notAvailable} says which one applies. */
    public static final String REASON_NOT_AVAILABLE = "niet beschikbaar";

    public static final String REASON_NOT_DELIVERED = "niet beschikbaar: geen aanlevering voor dit halfjaar";
    public static final String REASON_NO_POPULATION = "niet beschikbaar: geen bevolkingscijfer voor dit jaar";
    public static final String REASON_FEW_COSTS = "niet beschikbaar: bij te weinig trajecten zijn de kosten ingevuld";
    public static final String REASON_NO_WAITING_LIST = "niet beschikbaar: geen wachtlijst aangeleverd";
    public static final String REASON_NOT_IN_DELIVERY =
            "niet beschikbaar: de aanlevering bevat de gegevens voor dit cijfer niet";
    public static final String REASON_NO_SIZE_CLASS = "niet beschikbaar: deze gemeente heeft geen grootteklasse";
    public static final String REASON_NOT_YET = "nog niet beschikbaar: het volgende halfjaar is nog niet aangeleverd";
    /** A cohort's state at a horizon that has not passed for the whole cohort (indicators v1.3). */
    public static final String REASON_HORIZON_NOT_YET =
            "nog niet beschikbaar: deze termijn is voor dit instroomcohort nog niet voorbij";
    /** A cohort's Kaplan–Meier median while fewer than half of its members stopped. */
    public static final String REASON_MEDIAN_NOT_YET =
            "nog niet beschikbaar: nog niet de helft van het cohort is gestopt";

    /**
     * Every reason by its code, as the downloads write it ({@code reden}) and the codebook explains it; in the order
     * the codebook lists them.
     */
    public static final Map<String, String> REASONS = reasons();

    private static Map<String, String> reasons() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("minder_dan_10", REASON_SMALL_COUNT);
        codes.put("minder_dan_20_waarnemingen", REASON_SMALL_DENOMINATOR);
        codes.put("kleine_cel", REASON_SMALL_CELL);
        codes.put("minder_dan_10_jeugdigen", REASON_SMALL_RATE_COUNT);
        codes.put("ter_bescherming", REASON_SECONDARY);
        codes.put("terugrekenen", REASON_DIFFERENCING);
        codes.put("geen_aanlevering", REASON_NOT_DELIVERED);
        codes.put("geen_bevolkingscijfer", REASON_NO_POPULATION);
        codes.put("te_weinig_kosten", REASON_FEW_COSTS);
        codes.put("geen_wachtlijst", REASON_NO_WAITING_LIST);
        codes.put("niet_in_aanlevering", REASON_NOT_IN_DELIVERY);
        codes.put("geen_grootteklasse", REASON_NO_SIZE_CLASS);
        codes.put("nog_niet_beschikbaar", REASON_NOT_YET);
        codes.put("termijn_nog_niet_voorbij", REASON_HORIZON_NOT_YET);
        codes.put("mediaan_nog_niet_bereikt", REASON_MEDIAN_NOT_YET);
        return java.util.Collections.unmodifiableMap(codes);
    }

    /** The code of a reason ({@link #REASONS}); a reason without one as it is. */
    public static String reasonCode(String reason) {
        for (Map.Entry<String, String> e : REASONS.entrySet()) {
            if (e.getValue().equals(reason)) {
                return e.getKey();
            }
        }
        return reason;
    }

    /** The reason a code stands for; text that is no code (a download from before the codes) as it is. */
    public static String reasonOfCode(String code) {
        return REASONS.getOrDefault(code, code);
    }

    /**
     * The niveaus whose {@code dubbel_geleverd} the site publishes (a count: rounded to 5, below 10 not shown). Not the
     * gemeente's: that is in its private overlap file. A jeugdregio or national count of distinct youths is no sum of
     * other published counts, so it adds no relation an attacker could subtract.
     */
    public static final Set<Niveau> OVERLAP_PUBLISHED = Set.of(Niveau.JEUGDREGIO, Niveau.NEDERLAND);

    /** The count breakdowns whose cells protect each other. */
    static final List<List<Indicator>> BREAKDOWNS = Indicator.TRAJECT_COUNTS;

    /**
     * What the site publishes of a provider unit (niveaus aanbieder and aanbieder_jeugdregio): its volume as youths
     * with care, and the outcomes, duration and waiting time. Not its trajectory counts per verblijf: they would tie a
     * provider's small counts to each other across half-years (active = still active + started), which the youths and
     * shares do not. The exact table keeps them for analysts.
     */
    public static final List<Indicator> PROVIDER_PUBLISHED = Indicator.PROVIDER.stream()
            .filter(i -> BREAKDOWNS.stream().noneMatch(b -> b.contains(i)))
            .toList();

    /**
     * The rules of v1.2 beyond rounding: ratios from rounded counts, suppression of shares with a small
     * teller or rest, and the differencing audit ({@link Differencing}) across units, breakdowns and
     * periods. {@link #PUBLISHED} has all three; the others exist for the cost comparison. The audit reads
     * a share as its rounded counts, so it needs the other two rules.
     */
    public record Rules(boolean fromRoundedCounts, boolean smallCellsSuppressed, boolean differencingAudited) {
        public static final Rules PUBLISHED = new Rules(true, true, true);

        public Rules {
            if (differencingAudited && !(fromRoundedCounts && smallCellsSuppressed)) {
                throw new IllegalArgumentException(
                        "the differencing audit needs ratios from rounded counts and the small-cell rule");
            }
        }
    }

    private final Rules rules;
    private final Map<Indicator, IndicatorRow> nationalRows;
    /** Nederland's published figures: empty while they are being published (no funnel limits around itself). */
    private Map<Indicator, Figure> national = Map.of();

    /**
     * Disclosure for one periode.
     *
     * @param nationalRows the exact rows of Nederland in that periode: funnel limits lie around its published values
     */
    public Disclosure(Rules rules, Map<Indicator, IndicatorRow> nationalRows) {
        this.rules = rules;
        this.nationalRows = nationalRows;
        this.national = publish(nationalRows);
    }

    /** With the published rules. */
    public Disclosure(Map<Indicator, IndicatorRow> nationalRows) {
        this(Rules.PUBLISHED, nationalRows);
    }

    /** Nederland's published figures of this periode. */
    public Map<Indicator, Figure> national() {
        return national;
    }

    /**
     * The published figures of one unit in one periode, by indicator, in catalogue order.
     *
     * @param rows the exact rows of that unit and periode (one per indicator)
     */
    public Map<Indicator, Figure> publish(Map<Indicator, IndicatorRow> rows) {
        Map<Indicator, Figure> out = new LinkedHashMap<>();
        IndicatorRow ended = rows.get(Indicator.BEEINDIGD_VOLGENS_PLAN);
        IndicatorRow youths = rows.get(Indicator.JEUGDIGEN_JH);
        boolean delivered = youths == null || youths.ok();
        for (Indicator indicator : Indicator.ALL) {
            IndicatorRow row = rows.get(indicator);
            if (row != null) {
                out.put(indicator, primary(indicator, row, ended, delivered));
            }
        }
        for (List<Indicator> breakdown : BREAKDOWNS) {
            secondary(out, breakdown);
        }
        IndicatorRow doubled = rows.get(Indicator.DUBBEL_GELEVERD);
        if (doubled != null && OVERLAP_PUBLISHED.contains(doubled.niveau())) {
            out.put(Indicator.DUBBEL_GELEVERD, primary(Indicator.DUBBEL_GELEVERD, doubled, ended, delivered));
        }
        return out;
    }

    /** Is this the reason of a figure that is not available (no data), rather than one that is withheld? */
    public static boolean notAvailable(String reason) {
        return reason != null && reason.startsWith(REASON_NOT_AVAILABLE);
    }

    /**
     * Why the table has no value for this indicator, the one reason that applies: the unit did not deliver, no
     * population figure (per 1,000), too few costs filled in, no waiting list, or the delivery lacks the data.
     */
    static String notAvailable(Indicator indicator, boolean delivered) {
        if (!delivered) {
            return REASON_NOT_DELIVERED;
        }
        if (indicator.kind() == Indicator.Kind.PER_1000) {
            return REASON_NO_POPULATION;
        }
        if (indicator.kind() == Indicator.Kind.AMOUNT) {
            return REASON_FEW_COSTS;
        }
        if (indicator.equals(Indicator.WACHTEND_EINDE_PERIODE)
                || indicator.equals(Indicator.WACHTEND_LANGER_DAN_9_WEKEN)) {
            return REASON_NO_WAITING_LIST;
        }
        return REASON_NOT_IN_DELIVERY;
    }

    private Figure primary(Indicator indicator, IndicatorRow row, IndicatorRow ended, boolean delivered) {
        if (row.status() == IndicatorRow.Status.NOG_NIET_BESCHIKBAAR) {
            return Figure.suppressed(indicator, notYet(indicator));
        }
        Double observations = indicator.kind() == Indicator.Kind.RATIO
                ? (ended == null ? null : ended.noemer())
                : indicator.kind() == Indicator.Kind.COUNT || indicator.kind() == Indicator.Kind.PER_1000
                        ? null
                        : row.noemer();
        if (observations != null && observations < MIN_DENOMINATOR) {
            // also a denominator of 0, which "niet beschikbaar" would otherwise give away
            return Figure.suppressed(indicator, REASON_SMALL_DENOMINATOR);
        }
        if (!row.ok() || row.waarde() == null) {
            return Figure.suppressed(indicator, notAvailable(indicator, delivered));
        }
        return switch (indicator.kind()) {
            case COUNT ->
                row.waarde() < MIN_COUNT
                        ? Figure.suppressed(indicator, REASON_SMALL_COUNT)
                        : Figure.of(indicator, round5(row.waarde()));
            case SHARE -> share(indicator, row.teller(), row.noemer());
            case PER_1000 -> perThousand(indicator, row);
            case QUANTILE -> Figure.of(indicator, round(row.waarde(), 0)).withCounts(null, count(row.noemer()));
            case MEAN -> mean(indicator, row);
            case AMOUNT -> Figure.of(indicator, round(row.waarde(), 0)).withCounts(null, count(row.noemer()));
            case RATIO ->
                ended == null
                        ? Figure.suppressed(indicator, notAvailable(indicator, delivered))
                        : ratio(indicator, row, ended);
        };
    }

    /** Why a figure is not yet there: the follow-up half-year, a cohort's horizon, or a cohort's median. */
    static String notYet(Indicator indicator) {
        if (indicator.equals(Indicator.INSTROOM_DUUR_KM_MEDIAAN_DAGEN)) {
            return REASON_MEDIAN_NOT_YET;
        }
        return Indicator.INSTROOM.contains(indicator) ? REASON_HORIZON_NOT_YET : REASON_NOT_YET;
    }

    private boolean smallCell(double teller, double noemer) {
        return rules.smallCellsSuppressed() && (teller < MIN_COUNT || noemer - teller < MIN_COUNT);
    }

    /** The count a ratio is computed from: rounded to 5 under the published rules. */
    private double basis(double count) {
        return rules.fromRoundedCounts() ? round5(count) : count;
    }

    private Figure share(Indicator indicator, double teller, double noemer) {
        if (smallCell(teller, noemer)) {
            return Figure.suppressed(indicator, REASON_SMALL_CELL);
        }
        long x = (long) basis(teller);
        long n = (long) basis(noemer);
        Stats.Interval ci = Stats.wilson(x, n, Stats.Z95);
        Figure f = Figure.of(indicator, round((double) x / n, 3))
                .withInterval(round(ci.low(), 3), round(ci.high(), 3))
                .withCounts(count(teller), count(noemer));
        Double p0 = nationalValue(indicator);
        return p0 == null
                ? f
                : f.withFunnel(
                        round(Stats.funnelProportion(p0, n, Stats.Z95), 3),
                        round(Stats.funnelProportion(p0, n, Stats.Z998), 3));
    }

    private Figure perThousand(Indicator indicator, IndicatorRow row) {
        if (row.teller() < MIN_COUNT) {
            return Figure.suppressed(indicator, REASON_SMALL_RATE_COUNT);
        }
        long youths = (long) basis(row.teller());
        long inhabitants = Math.round(row.noemer()); // inwoners 0-17: public (CBS)
        // no interval or funnel when the population file has fewer youths than are in care (Stats gives none)
        Stats.Interval ci = Stats.wilson(youths, inhabitants, Stats.Z95).times(1000);
        Figure f = Figure.of(indicator, round(1000.0 * youths / inhabitants, 1))
                .withInterval(round(ci.low(), 1), round(ci.high(), 1))
                .withCounts(count(row.teller()), count(row.noemer()));
        Double rate = nationalValue(indicator);
        if (rate == null) {
            return f;
        }
        return f.withFunnel(
                round(
                        Stats.funnelProportion(rate / 1000, inhabitants, Stats.Z95)
                                .times(1000),
                        1),
                round(
                        Stats.funnelProportion(rate / 1000, inhabitants, Stats.Z998)
                                .times(1000),
                        1));
    }

    private Figure mean(Indicator indicator, IndicatorRow row) {
        Figure f = Figure.of(indicator, round(row.waarde(), 1))
                .withInterval(round(row.ciLaag(), 1), round(row.ciHoog(), 1))
                .withCounts(null, count(row.noemer()));
        Double mean0 = nationalValue(indicator);
        IndicatorRow nl = nationalRows.get(indicator);
        if (mean0 == null || nl == null || nl.ciLaag() == null || nl.noemer() == null) {
            return f;
        }
        // the national standard deviation, from the national interval (mean ± z·sd/√n)
        double sd0 = (nl.ciHoog() - nl.ciLaag()) / (2 * Stats.Z95) * Math.sqrt(nl.noemer());
        long n = (long) basis(row.noemer());
        return f.withFunnel(
                round(Stats.funnelMean(mean0, sd0, n, Stats.Z95), 1),
                round(Stats.funnelMean(mean0, sd0, n, Stats.Z998), 1));
    }

    private Figure ratio(Indicator indicator, IndicatorRow row, IndicatorRow ended) {
        if (smallCell(ended.teller(), ended.noemer())) {
            return Figure.suppressed(indicator, REASON_SMALL_CELL);
        }
        long observed = (long) basis(row.teller());
        double expected = round(row.noemer(), 1);
        Stats.Interval ci = Stats.poissonRatio95(observed, expected);
        return Figure.of(indicator, round(observed / expected, 2))
                .withInterval(round(ci.low(), 2), round(ci.high(), 2))
                .withCounts(null, expected)
                .withFunnel(
                        round(Stats.funnelRatio(expected, Stats.Z95), 2),
                        round(Stats.funnelRatio(expected, Stats.Z998), 2));
    }

    /** The published national value of an indicator in this periode, or null. */
    private Double nationalValue(Indicator indicator) {
        Figure f = national.get(indicator);
        return f == null ? null : f.value();
    }

    /** Exactly one suppressed cell in a breakdown: the smallest published cell goes too. */
    private static void secondary(Map<Indicator, Figure> figures, List<Indicator> breakdown) {
        List<Indicator> cells = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<Indicator, Figure> e : figures.entrySet()) {
            if (breakdown.contains(e.getKey())) {
                cells.add(e.getKey());
                if (REASON_SMALL_COUNT.equals(e.getValue().reason())) {
                    suppressed++;
                }
            }
        }
        boolean othersUnavailable = cells.stream()
                .anyMatch(c -> figures.get(c).reason() != null
                        && !REASON_SMALL_COUNT.equals(figures.get(c).reason()));
        if (suppressed != 1 || othersUnavailable) {
            return;
        }
        cells.stream()
                .filter(c -> figures.get(c).value() != null)
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

    private static Stats.Interval round(Stats.Interval interval, int decimals) {
        return new Stats.Interval(round(interval.low(), decimals), round(interval.high(), decimals));
    }

    /**
     * A published figure: rounded values, or none with the reason why. {@code teller} and {@code noemer}
     * are published counts (rounded to 5, absent below 10); for O/E the noemer is the expected number.
     * The funnel limits are those of the published value, as the funnel plot draws them.
     */
    public record Figure(
            Indicator indicator,
            Double value,
            Double low,
            Double high,
            Double teller,
            Double noemer,
            Double funnel95Low,
            Double funnel95High,
            Double funnel998Low,
            Double funnel998High,
            String reason) {

        static Figure of(Indicator indicator, double value) {
            return new Figure(indicator, value, null, null, null, null, null, null, null, null, null);
        }

        static Figure suppressed(Indicator indicator, String reason) {
            return new Figure(indicator, null, null, null, null, null, null, null, null, null, reason);
        }

        Figure withInterval(Double low, Double high) {
            return new Figure(
                    indicator,
                    value,
                    low,
                    high,
                    teller,
                    noemer,
                    funnel95Low,
                    funnel95High,
                    funnel998Low,
                    funnel998High,
                    reason);
        }

        Figure withCounts(Double teller, Double noemer) {
            return new Figure(
                    indicator,
                    value,
                    low,
                    high,
                    teller,
                    noemer,
                    funnel95Low,
                    funnel95High,
                    funnel998Low,
                    funnel998High,
                    reason);
        }

        Figure withFunnel(Stats.Interval limits95, Stats.Interval limits998) {
            return new Figure(
                    indicator,
                    value,
                    low,
                    high,
                    teller,
                    noemer,
                    limits95.low(),
                    limits95.high(),
                    limits998.low(),
                    limits998.high(),
                    reason);
        }

        public boolean published() {
            return value != null;
        }
    }
}
