package nl.jeugdspiegel.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.audit.PublishedSite.Figure;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.contract.Stats;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.indicators.Population;
import nl.jeugdspiegel.report.Bounds;
import nl.jeugdspiegel.report.CountModel;
import nl.jeugdspiegel.report.Disclosure;
import nl.jeugdspiegel.report.Quantity;

/**
 * The attacker of docs/contract.md §8. It reads only what anyone can read: the published downloads
 * ({@code site/downloads/cijfers.csv}, which hold every figure the pages show), the public population
 * figures ({@code reference/bevolking/}, CBS in real life), the municipality list, and the method the
 * site documents on its methodology page. From these it derives bounds on every count behind the figures:
 *
 * <ul>
 *   <li>a rounded count r is a count in [r − 2, r + 2]; {@code <10} one in [0, 9];</li>
 *   <li>a share: an integer search over teller and noemer that reproduces the printed value, the printed
 *       interval and the rounded teller and noemer (under the method the site states it uses);</li>
 *   <li>a rate per 1,000 with the public population, an O/E ratio with its expected count, likewise;</li>
 *   <li>every suppression reason as the rule it names (fewer than 20 observations, fewer than 10, ...);</li>
 *   <li>the relations between the counts: a jeugdregio, a size class and Nederland are the sums of their
 *       delivering municipalities; a denominator is the sum of its breakdown cells (verwijzers, reasons
 *       for ending, soort); the trajectories active in a half-year are those still active from the one
 *       before plus those started in it, so consecutive periods constrain each other.</li>
 * </ul>
 * Everything is propagated to a fixpoint by {@link Bounds}. A count is recovered when its bounds meet.
 */
public final class DisclosureAttack {

    /**
     * What the attacker knows of the site's method, from its methodology page: whether shares, rates and O/E
     * are computed from the rounded counts, whether shares with a teller or rest below 10 are suppressed, and
     * whether (as before contract v1.2) "niet beschikbaar" for a delivering unit meant a denominator of 0.
     */
    public record Model(boolean fromRoundedCounts, boolean smallCellsSuppressed, boolean unavailableMeansZero) {
        /** The site as it was before contract v1.2. */
        public static final Model BEFORE_V12 = new Model(false, false, true);

        public static Model of(Disclosure.Rules rules) {
            return new Model(rules.fromRoundedCounts(), rules.smallCellsSuppressed(), false);
        }

        @Override
        public String toString() {
            return this.equals(BEFORE_V12)
                    ? "site before v1.2"
                    : (fromRoundedCounts ? "from rounded counts" : "from exact counts")
                            + (smallCellsSuppressed ? ", small cells suppressed" : ", no small-cell rule");
        }
    }

    /** Sentences of methode.html by which the site declares its method. */
    static final String ROUNDED_MARKER = "berekend uit de afgeronde aantallen";

    static final String V12_MARKER = "Een noemer van 0 telt als minder dan 20 waarnemingen";

    // the public suppression reasons (the report's own texts)
    static final String SMALL_COUNT = Disclosure.REASON_SMALL_COUNT;
    static final String SMALL_DENOMINATOR = Disclosure.REASON_SMALL_DENOMINATOR;
    static final String SMALL_RATE_COUNT = Disclosure.REASON_SMALL_RATE_COUNT;
    static final String SECONDARY = Disclosure.REASON_SECONDARY;
    static final String SMALL_CELL = Disclosure.REASON_SMALL_CELL;
    static final String NOT_AVAILABLE = "niet beschikbaar";

    private static final String DIFFERENCING = Disclosure.REASON_DIFFERENCING;

    private final Bounds bounds = new Bounds();
    private final CountModel relations = new CountModel(bounds);
    private final Model model;
    /** periode → niveau|code → indicator → figure. */
    private final Map<Periode, Map<Unit, Map<String, Figure>>> figures;

    private final Map<Integer, Population> populations;
    private final ReferenceData reference = ReferenceData.get();

    private DisclosureAttack(Model model, PublishedSite site) {
        this.model = model;
        this.figures = site.figures();
        this.populations = site.populations();
    }

    /** The method the site in {@code dir} declares on its methodology page. */
    public static Model declaredModel(Path dir) throws IOException {
        String methode =
                Files.readString(dir.resolve(BucketLayout.SITE).resolve("methode.html"), StandardCharsets.UTF_8);
        if (!methode.contains(V12_MARKER)) {
            return Model.BEFORE_V12;
        }
        return new Model(methode.contains(ROUNDED_MARKER), methode.contains(SMALL_CELL), false);
    }

    /** Attacks the site in {@code dir} (a folder that stands for the bucket, as the local runner leaves it). */
    static CountModel attack(Path dir, Model model) throws IOException {
        DisclosureAttack attack = new DisclosureAttack(model, PublishedSite.read(dir));
        attack.constrain();
        attack.bounds.propagate();
        return attack.relations;
    }

    // --- the constraints --------------------------------------------------------------------------------

    private void constrain() {
        for (Map.Entry<Periode, Map<Unit, Map<String, Figure>>> period : figures.entrySet()) {
            Periode p = period.getKey();
            for (Map.Entry<Unit, Map<String, Figure>> unit : period.getValue().entrySet()) {
                if (delivered(unit.getValue())) {
                    unitFigures(p, unit.getKey(), unit.getValue());
                }
            }
            youthsAtMostTheSumOfTheMembers(p);
        }
        relations.relate(new ArrayList<>(figures.keySet()), membership);
    }

    /**
     * A unit with figures: its count of active trajectories (a provider unit: its youths) is published or suppressed as
     * small, not unavailable.
     */
    private static boolean delivered(Map<String, Figure> unit) {
        Figure f = unit.getOrDefault("trajecten_actief.jeugdhulp_zonder_verblijf", unit.get("jeugdigen_jh"));
        return f != null
                && (f.published()
                        || SMALL_COUNT.equals(f.reason())
                        || SECONDARY.equals(f.reason())
                        || DIFFERENCING.equals(f.reason()));
    }

    private boolean delivered(Periode p, Unit unit) {
        Map<String, Figure> f = figures.getOrDefault(p, Map.of()).get(unit);
        return f != null && delivered(f);
    }

    private int v(Periode p, Unit unit, Quantity quantity) {
        return relations.v(p, unit, quantity);
    }

    private void unitFigures(Periode p, Unit unit, Map<String, Figure> unitFigures) {
        relations.structure(p, unit);
        for (List<Indicator> kind : unit.provider() ? List.<List<Indicator>>of() : CountModel.KINDS) {
            long smallestPublished = Bounds.UNKNOWN;
            List<Integer> secondary = new ArrayList<>();
            for (Indicator cell : kind) {
                Figure f = unitFigures.get(cell.id());
                int x = v(p, unit, CountModel.countQuantity(cell));
                count(x, f);
                if (f != null && f.published()) {
                    smallestPublished = Math.min(smallestPublished, f.value().longValue() + 2);
                } else if (f != null && SECONDARY.equals(f.reason())) {
                    secondary.add(x);
                }
            }
            // the secondary cell is the smallest of the cells that would have been published
            for (int x : secondary) {
                bounds.within(x, 10, smallestPublished);
            }
        }
        count(v(p, unit, Quantity.CLIENTS), unitFigures.get(Indicator.JEUGDIGEN_JH.id()));
        count(v(p, unit, Quantity.INSTROOM), unitFigures.get(Indicator.INSTROOM_JEUGDIGEN.id()));
        for (Map.Entry<Indicator, CountModel.Share> share : CountModel.SHARES.entrySet()) {
            Figure f = unitFigures.get(share.getKey().id());
            if (f != null) {
                CountModel.Share q = share.getValue();
                share(f, v(p, unit, q.teller()), v(p, unit, q.noemer()), v(p, unit, q.rest()));
            }
        }
        CountModel.OBSERVATIONS.forEach((indicator, quantity) -> {
            Figure f = unitFigures.get(indicator.id());
            if (f != null) {
                observations(f, v(p, unit, quantity), !indicator.equals(Indicator.KOSTEN_PER_JEUGDIGE));
            }
        });
        Figure rate = unitFigures.get(Indicator.JEUGDIGEN_JH_PER_1000.id());
        if (rate != null) {
            perThousand(rate, v(p, unit, Quantity.YOUNG), youth(p, unit));
        }
        Figure ratio = unitFigures.get(Indicator.OE_VOLGENS_PLAN.id());
        if (ratio != null) {
            ratio(ratio, v(p, unit, Quantity.PLAN), v(p, unit, Quantity.EJH), v(p, unit, Quantity.PLANNOT));
        }
    }

    private void count(int x, Figure f) {
        if (f == null) {
            return;
        }
        if (f.published()) {
            long r = f.value().longValue();
            bounds.within(x, Math.max(10, r - 2), r + 2);
        } else if (SMALL_COUNT.equals(f.reason())) {
            bounds.within(x, 0, 9);
        } else if (SECONDARY.equals(f.reason()) || DIFFERENCING.equals(f.reason())) {
            bounds.within(x, 10, Bounds.UNKNOWN);
        }
    }

    /** The range of a count behind a published teller or noemer column: rounded to 5, or {@code <10} when empty. */
    private static long[] column(Double rounded, long minimum) {
        if (rounded == null) {
            return new long[] {0, 9};
        }
        long r = rounded.longValue();
        return new long[] {Math.max(minimum, r - 2), r + 2};
    }

    private void share(Figure f, int t, int n, int rest) {
        if (!f.published()) {
            suppressedDenominator(f, n, t, rest, true);
            return;
        }
        long[] ns = column(f.noemer(), 20);
        long[] ts = column(f.teller(), 10);
        List<long[]> pairs = new ArrayList<>();
        for (long nn = ns[0]; nn <= ns[1]; nn++) {
            for (long tt = ts[0]; tt <= Math.min(ts[1], nn); tt++) {
                if (shareMatches(f, tt, nn)) {
                    pairs.add(new long[] {tt, nn});
                }
            }
        }
        bounds.pairs(
                t,
                n,
                pairs.stream().mapToLong(a -> a[0]).toArray(),
                pairs.stream().mapToLong(a -> a[1]).toArray());
        if (model.smallCellsSuppressed()) {
            bounds.within(rest, 10, Bounds.UNKNOWN);
        }
    }

    /** Would a share with this exact teller and noemer be published as f, under the site's method? */
    private boolean shareMatches(Figure f, long t, long n) {
        double x = t;
        double m = n;
        if (model.smallCellsSuppressed() && (t < 10 || n - t < 10)) {
            return false;
        }
        if (model.fromRoundedCounts()) {
            x = round5(t);
            m = round5(n);
        }
        Stats.Interval ci = Stats.wilson((long) x, (long) m, Stats.Z95);
        return round(x / m, 3) == f.value()
                && f.low() != null
                && round(ci.low(), 3) == f.low()
                && round(ci.high(), 3) == f.high();
    }

    /** What a suppressed figure says about its denominator (and for the small-cell rule, its teller and rest). */
    private void suppressedDenominator(Figure f, int n, int t, int rest, boolean zeroWhenUnavailable) {
        if (SMALL_DENOMINATOR.equals(f.reason())) {
            bounds.within(n, 0, 19);
        } else if (SMALL_CELL.equals(f.reason())) {
            bounds.within(n, 20, Bounds.UNKNOWN);
            bounds.eitherAtMost(t, rest, 9);
        } else if (DIFFERENCING.equals(f.reason())) {
            // it would have been published: at least 20 observations, teller and rest at least 10
            bounds.within(n, 20, Bounds.UNKNOWN);
            if (t != n) {
                bounds.within(t, 10, Bounds.UNKNOWN);
                bounds.within(rest, 10, Bounds.UNKNOWN);
            }
        } else if (f.reason() != null
                && f.reason().startsWith(NOT_AVAILABLE)
                && model.unavailableMeansZero()
                && zeroWhenUnavailable) {
            // before v1.2 a delivering unit's share was "niet beschikbaar" only when its noemer was 0
            bounds.within(n, 0, 0);
        }
    }

    private void observations(Figure f, int n, boolean zeroWhenUnavailable) {
        if (f.published()) {
            long[] ns = column(f.noemer(), 20);
            bounds.within(n, ns[0], ns[1]);
        } else if (!SMALL_CELL.equals(f.reason())) {
            suppressedDenominator(f, n, n, n, zeroWhenUnavailable);
        }
    }

    /** inwoners_0_17 of the unit's delivering municipalities in the periode's year, or -1 when unknown. */
    private long youth(Periode p, Unit unit) {
        Population population = populations.get(p.year());
        if (population == null) {
            return -1;
        }
        long sum = 0;
        for (String g : members(p, unit)) {
            Population.Inhabitants inhabitants = population.of(g);
            if (inhabitants == null) {
                return -1;
            }
            sum += inhabitants.jeugd();
        }
        return sum;
    }

    private void perThousand(Figure f, int young, long youth) {
        if (!f.published()) {
            if (SMALL_RATE_COUNT.equals(f.reason())) {
                bounds.within(young, 0, 9);
            } else if (DIFFERENCING.equals(f.reason())) {
                bounds.within(young, 10, Bounds.UNKNOWN);
            }
            return;
        }
        long[] ys = column(f.teller(), 10);
        if (youth <= 0) {
            bounds.within(young, ys[0], ys[1]);
            return;
        }
        List<Long> candidates = new ArrayList<>();
        for (long y = ys[0]; y <= ys[1]; y++) {
            long x = model.fromRoundedCounts() ? round5(y) : y;
            Stats.Interval ci = Stats.wilson(x, youth, Stats.Z95);
            if (round(1000.0 * x / youth, 1) == f.value()
                    && f.low() != null
                    && round(1000 * ci.low(), 1) == f.low()
                    && round(1000 * ci.high(), 1) == f.high()) {
                candidates.add(y);
            }
        }
        oneOf(young, candidates);
    }

    private void ratio(Figure f, int observed, int ended, int rest) {
        if (!f.published()) {
            suppressedDenominator(f, ended, observed, rest, true);
            return;
        }
        bounds.within(ended, 20, Bounds.UNKNOWN);
        double expected = f.noemer();
        double eLow = expected - 0.05;
        double eHigh = expected + 0.05;
        List<Long> candidates = new ArrayList<>();
        long from = (long) Math.floor((f.value() - 0.005) * eLow) - 3;
        long to = (long) Math.ceil((f.value() + 0.005) * eHigh) + 3;
        for (long o = Math.max(0, from); o <= to; o++) {
            if (model.smallCellsSuppressed() && o < 10) {
                continue;
            }
            long x = model.fromRoundedCounts() ? round5(o) : o;
            if (ratioMatches(f, x, eLow, eHigh)) {
                candidates.add(o);
            }
        }
        oneOf(observed, candidates);
        if (model.smallCellsSuppressed()) {
            bounds.within(rest, 10, Bounds.UNKNOWN);
        }
    }

    /** Is there an expected count in [eLow, eHigh] for which observed / expected prints as f does? */
    private static boolean ratioMatches(Figure f, long observed, double eLow, double eHigh) {
        Stats.Interval raw = Stats.poissonRatio95(observed, 1.0);
        double[] range = {eLow, eHigh};
        narrowExpected(range, observed, f.value(), 0.005);
        if (f.low() != null) {
            narrowExpected(range, raw.low(), f.low(), 0.005);
            narrowExpected(range, raw.high(), f.high(), 0.005);
        }
        return range[0] <= range[1];
    }

    /** Keeps the expected counts E in range for which numerator / E rounds to {@code printed} (half-width h). */
    private static void narrowExpected(double[] range, double numerator, double printed, double h) {
        double low = printed - h;
        double high = printed + h;
        if (numerator == 0) {
            if (low > 0) {
                range[0] = Double.POSITIVE_INFINITY;
            }
            return;
        }
        range[0] = Math.max(range[0], numerator / high - 1e-9);
        range[1] = Math.min(range[1], low <= 0 ? Double.POSITIVE_INFINITY : numerator / low + 1e-9);
    }

    /** x is one of the candidates (none: the figure contradicts the method). */
    private void oneOf(int x, List<Long> candidates) {
        long[] values = candidates.stream().mapToLong(Long::longValue).toArray();
        bounds.pairs(x, x, values, values);
    }

    /** The municipalities behind a unit in periode P: those of the unit that delivered for P. */
    private List<String> members(Periode p, Unit unit) {
        List<String> out = new ArrayList<>();
        for (Municipality m : reference.municipalities()) {
            boolean member =
                    switch (unit.niveau()) {
                        case GEMEENTE -> m.code().equals(unit.code());
                        case JEUGDREGIO -> m.jeugdregioCode().equals(unit.code());
                        case GROOTTEKLASSE -> unit.code().equals(sizeClass(p, m.code()));
                        default -> true;
                    };
            if (member && delivered(p, new Unit(Niveau.GEMEENTE, m.code()))) {
                out.add(m.code());
            }
        }
        return out;
    }

    /** The size class of a gemeente in periode P: by the population file of P's year, or the nearest year's. */
    private String sizeClass(Periode p, String gemeente) {
        Population best = null;
        for (Population candidate : populations.values()) {
            if (best == null || Math.abs(candidate.year() - p.year()) < Math.abs(best.year() - p.year())) {
                best = candidate;
            }
        }
        Population.Inhabitants inhabitants = best == null ? null : best.of(gemeente);
        return inhabitants == null ? null : SizeClass.of(inhabitants.totaal()).code();
    }

    /** What the attacker knows of who is behind each unit: the delivering municipalities, from public data. */
    private final CountModel.Membership membership = new CountModel.Membership() {
        @Override
        public Collection<Unit> units(Periode p) {
            return figures.get(p).keySet().stream().filter(u -> delivered(p, u)).toList();
        }

        @Override
        public List<Unit> members(Periode p, Unit unit) {
            return DisclosureAttack.this.members(p, unit).stream()
                    .map(g -> new Unit(Niveau.GEMEENTE, g))
                    .toList();
        }
    };

    /**
     * Beyond the publication's own audit: a youth counts once in a unit but in every municipality where it had
     * care, so a unit has at most the sum of its members' youths (Σ members − unit − overlap = 0).
     */
    private void youthsAtMostTheSumOfTheMembers(Periode p) {
        for (Unit unit : membership.units(p)) {
            if (unit.niveau() == Niveau.GEMEENTE || unit.provider()) {
                continue;
            }
            List<Unit> parts = membership.members(p, unit);
            for (Quantity youths : List.of(Quantity.CLIENTS, Quantity.YOUNG)) {
                int[] vars = new int[parts.size() + 2];
                int[] coefficients = new int[parts.size() + 2];
                for (int i = 0; i < parts.size(); i++) {
                    vars[i] = v(p, parts.get(i), youths);
                    coefficients[i] = 1;
                }
                vars[parts.size()] = v(p, unit, youths);
                vars[parts.size() + 1] = bounds.var(p + "|" + unit + "|" + youths + "_IN_TWO_MUNICIPALITIES");
                coefficients[parts.size()] = -1;
                coefficients[parts.size() + 1] = -1;
                bounds.sum(vars, coefficients, 0);
            }
        }
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static long round5(long value) {
        return 5 * Math.round(value / 5.0);
    }
}
