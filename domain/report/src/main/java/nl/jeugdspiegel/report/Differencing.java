package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.report.Disclosure.Figure;

/**
 * Secondary suppression against differencing (docs/contract.md §8: "where a higher level would reveal a
 * suppressed member by subtraction, the next smallest member is suppressed too"). Rounded counts that are
 * tied together exactly (a jeugdregio and its municipalities, a total and its cells, a half-year and the
 * one before) can pin a count below 10 at the edge of its range: a published 20 (18–22) that is the sum of
 * two {@code <10} cells makes both 9. This audit reads the publication as an attacker would, with every
 * relation of {@link CountModel}, narrows every count ({@link Bounds}) and, for each count below 10 whose
 * bounds meet, suppresses the smallest published figure in a relation that pins it; then audits again,
 * until nothing can be pinned. Typically a dozen figures in the whole country.
 */
final class Differencing {

    static final int MAX_ROUNDS = 50;
    /** A relation with at most this many counts is a within-unit or periode relation, tried first. */
    private static final int SHORT = 8;
    /** How many steps along such relations the search for a figure to suppress goes. */
    private static final int DEPTH = 4;

    /** A published figure by its place. */
    private record Ref(Periode periode, Unit unit, Indicator indicator) {}

    private record Candidate(Ref figure, double size) {}

    private final Map<Periode, Map<Unit, Map<Indicator, Figure>>> figures;
    /**
     * Per periode, the units with figures and the delivering municipalities of each (suppression never changes who
     * delivered).
     */
    private final Map<Periode, Map<Unit, List<Unit>>> members = new HashMap<>();

    private final CountModel.Membership membership = new CountModel.Membership() {
        @Override
        public Collection<Unit> units(Periode p) {
            return members.getOrDefault(p, Map.of()).keySet();
        }

        @Override
        public List<Unit> members(Periode p, Unit unit) {
            return members.getOrDefault(p, Map.of()).getOrDefault(unit, List.of());
        }
    };

    private Differencing(
            Map<Periode, Map<Unit, Map<Indicator, Figure>>> figures, Map<Periode, Map<String, String>> sizeClasses) {
        this.figures = figures;
        ReferenceData reference = ReferenceData.get();
        figures.forEach((p, units) -> {
            Map<Unit, List<Unit>> byUnit = new HashMap<>();
            for (Municipality m : reference.municipalities()) {
                Map<Indicator, Figure> own = units.get(new Unit(Niveau.GEMEENTE, m.code()));
                if (own == null || !delivered(own)) {
                    continue;
                }
                Unit key = new Unit(Niveau.GEMEENTE, m.code());
                for (Unit unit : List.of(
                        new Unit(Niveau.GEMEENTE, m.code()),
                        new Unit(Niveau.JEUGDREGIO, m.jeugdregioCode()),
                        new Unit(
                                Niveau.GROOTTEKLASSE,
                                String.valueOf(
                                        sizeClasses.getOrDefault(p, Map.of()).get(m.code()))),
                        Unit.NEDERLAND)) {
                    if (units.containsKey(unit)) {
                        byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(key);
                    }
                }
            }
            // provider units: no sums of municipalities (CountModel.relateProviders ties them to the levels)
            units.forEach((unit, unitFigures) -> {
                if (unit.provider() && delivered(unitFigures)) {
                    byUnit.put(unit, List.of());
                }
            });
            members.put(p, byUnit);
        });
    }

    /**
     * Suppresses published figures in {@code figures} (in place) until the audit pins no count below 10.
     *
     * @return how many figures it suppressed
     */
    static int protect(
            Map<Periode, Map<Unit, Map<Indicator, Figure>>> figures, Map<Periode, Map<String, String>> sizeClasses) {
        Differencing differencing = new Differencing(figures, sizeClasses);
        Bounds bounds = new Bounds();
        CountModel model = new CountModel(bounds);
        differencing.relations(model);
        int relations = bounds.mark();
        int suppressed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            bounds.reset(relations);
            Audit audit = differencing.new Audit(bounds, model);
            List<Integer> leaks = audit.leaks();
            if (leaks.isEmpty()) {
                return suppressed;
            }
            Set<Ref> chosen = new LinkedHashSet<>();
            for (int leak : leaks) {
                Ref ref = audit.smallestFigureThatPins(leak);
                if (ref == null) {
                    throw new IllegalStateException("disclosure audit: " + audit.bounds.name(leak)
                            + " can be derived and no published figure pins it");
                }
                chosen.add(ref);
            }
            for (Ref ref : chosen) {
                suppressed += differencing.suppress(ref);
            }
        }
        throw new IllegalStateException(
                "disclosure audit: counts below 10 can still be derived after " + MAX_ROUNDS + " rounds");
    }

    /** Suppresses a figure; the O/E ratio and volgens plan share reveal the same count, so they go together. */
    private int suppress(Ref ref) {
        int count = 0;
        List<Indicator> linked = ref.indicator().equals(Indicator.BEEINDIGD_VOLGENS_PLAN)
                        || ref.indicator().equals(Indicator.OE_VOLGENS_PLAN)
                ? List.of(Indicator.BEEINDIGD_VOLGENS_PLAN, Indicator.OE_VOLGENS_PLAN)
                : List.of(ref.indicator());
        Map<Indicator, Figure> unit = figures.get(ref.periode()).get(ref.unit());
        for (Indicator id : linked) {
            Figure f = unit.get(id);
            if (f != null && f.published()) {
                unit.put(id, Figure.suppressed(f.indicator(), Disclosure.REASON_DIFFERENCING));
                count++;
            }
        }
        return count;
    }

    /**
     * The relations between the counts, which suppression does not change: within every unit with figures, between
     * units and between periods. Built once; each round of the audit binds the figures as then published.
     */
    private void relations(CountModel model) {
        for (Map.Entry<Periode, Map<Unit, Map<Indicator, Figure>>> period : figures.entrySet()) {
            Periode p = period.getKey();
            period.getValue().forEach((unit, unitFigures) -> {
                if (delivered(unitFigures)) {
                    model.structure(p, unit);
                }
            });
        }
        model.relate(new ArrayList<>(figures.keySet()), membership);
    }

    /** One reading of the publication: the relations, and the figures as now published. */
    private final class Audit {
        final Bounds bounds;
        final CountModel model;
        final Map<Integer, List<Candidate>> pinnedBy = new HashMap<>();

        Audit(Bounds bounds, CountModel model) {
            this.bounds = bounds;
            this.model = model;
            for (Map.Entry<Periode, Map<Unit, Map<Indicator, Figure>>> period : figures.entrySet()) {
                Periode p = period.getKey();
                period.getValue().forEach((unit, unitFigures) -> {
                    if (delivered(unitFigures)) {
                        unitFigures(p, unit, unitFigures);
                    }
                });
            }
            bounds.propagate();
        }

        /** Counts below 10 that the publication pins to one value. */
        List<Integer> leaks() {
            List<Integer> leaks = new ArrayList<>();
            for (int v = 0; v < bounds.size(); v++) {
                if (bounds.lo(v) == bounds.hi(v) && bounds.hi(v) < Disclosure.MIN_COUNT) {
                    leaks.add(v);
                }
            }
            return leaks;
        }

        /**
         * The smallest published figure near the leak: in its within-unit and periode relations, else one
         * step further along them (up to {@value #DEPTH} steps), else in the sums over municipalities.
         */
        Ref smallestFigureThatPins(int leak) {
            Set<Integer> reached = new LinkedHashSet<>(List.of(leak));
            List<Integer> frontier = List.of(leak);
            for (int depth = 0; depth < DEPTH && !frontier.isEmpty(); depth++) {
                List<Integer> next = new ArrayList<>();
                for (int v : frontier) {
                    for (int[] relation : bounds.constraintsOf(v)) {
                        if (relation.length <= SHORT) {
                            for (int w : relation) {
                                if (reached.add(w)) {
                                    next.add(w);
                                }
                            }
                        }
                    }
                }
                Candidate best = smallest(next);
                if (best != null) {
                    return best.figure();
                }
                frontier = next;
            }
            List<Integer> inSums = new ArrayList<>();
            for (int v : reached) {
                for (int[] relation : bounds.constraintsOf(v)) {
                    for (int w : relation) {
                        inSums.add(w);
                    }
                }
            }
            Candidate best = smallest(inSums);
            return best == null ? null : best.figure();
        }

        private Candidate smallest(List<Integer> vars) {
            Candidate best = null;
            for (int v : vars) {
                for (Candidate c : pinnedBy.getOrDefault(v, List.of())) {
                    if (best == null || c.size() < best.size()) {
                        best = c;
                    }
                }
            }
            return best;
        }

        private void bind(int v, long low, long high, Ref ref, Double size) {
            bounds.within(v, low, high);
            if (ref != null) {
                pinnedBy.computeIfAbsent(v, k -> new ArrayList<>()).add(new Candidate(ref, size));
            }
        }

        private void unitFigures(Periode p, Unit unit, Map<Indicator, Figure> unitFigures) {
            Unit key = unit;
            for (List<Indicator> kind : unit.provider() ? List.<List<Indicator>>of() : CountModel.KINDS) {
                long smallest = Bounds.UNKNOWN;
                List<Integer> secondary = new ArrayList<>();
                for (Indicator cell : kind) {
                    Figure f = unitFigures.get(cell);
                    int v = model.v(p, key, CountModel.countQuantity(cell));
                    count(v, f, new Ref(p, unit, cell));
                    if (f != null && f.published()) {
                        smallest = Math.min(smallest, f.value().longValue() + 2);
                    } else if (f != null && Disclosure.REASON_SECONDARY.equals(f.reason())) {
                        secondary.add(v);
                    }
                }
                // a cell suppressed to protect another in its breakdown is the smallest of the others
                for (int v : secondary) {
                    bounds.within(v, Disclosure.MIN_COUNT, smallest);
                }
            }
            for (Indicator id : List.of(
                    Indicator.JEUGDIGEN_JH,
                    Indicator.WACHTEND_EINDE_PERIODE,
                    Indicator.WACHTEND_LANGER_DAN_9_WEKEN,
                    Indicator.INSTROOM_JEUGDIGEN)) {
                if (unitFigures.containsKey(id)) {
                    count(model.v(p, key, CountModel.countQuantity(id)), unitFigures.get(id), new Ref(p, unit, id));
                }
            }
            CountModel.SHARES.forEach((id, q) -> {
                Figure f = unitFigures.get(id);
                if (f != null) {
                    share(
                            f,
                            model.v(p, key, q.teller()),
                            model.v(p, key, q.noemer()),
                            model.v(p, key, q.rest()),
                            new Ref(p, unit, id));
                }
            });
            CountModel.OBSERVATIONS.forEach((id, q) -> {
                Figure f = unitFigures.get(id);
                if (f != null) {
                    observations(f, model.v(p, key, q), new Ref(p, unit, id));
                }
            });
            Figure rate = unitFigures.get(Indicator.JEUGDIGEN_JH_PER_1000);
            if (rate != null) {
                count(
                        model.v(p, key, Quantity.YOUNG),
                        rate.published() ? Figure.of(rate.indicator(), rate.teller()) : rate,
                        new Ref(p, unit, Indicator.JEUGDIGEN_JH_PER_1000));
            }
            Figure ratio = unitFigures.get(Indicator.OE_VOLGENS_PLAN);
            if (ratio != null) {
                // its observed count is the volgens plan teller, published with the share (and suppressed with it)
                share(
                        ratio,
                        model.v(p, key, Quantity.PLAN),
                        model.v(p, key, Quantity.EJH),
                        model.v(p, key, Quantity.PLANNOT),
                        null);
            }
        }

        private void count(int v, Figure f, Ref ref) {
            if (f == null) {
                return;
            }
            if (f.published()) {
                long r = f.value().longValue();
                bind(v, Math.max(Disclosure.MIN_COUNT, r - 2), r + 2, ref, f.value());
            } else if (Disclosure.REASON_SMALL_COUNT.equals(f.reason())
                    || Disclosure.REASON_SMALL_RATE_COUNT.equals(f.reason())) {
                bounds.within(v, 0, Disclosure.MIN_COUNT - 1);
            } else if (Disclosure.REASON_SECONDARY.equals(f.reason())
                    || Disclosure.REASON_DIFFERENCING.equals(f.reason())) {
                bounds.within(v, Disclosure.MIN_COUNT, Bounds.UNKNOWN);
            }
        }

        /** A share reveals its rounded teller and noemer, and that teller and rest are at least 10. */
        private void share(Figure f, int teller, int noemer, int rest, Ref ref) {
            if (f.published()) {
                if (f.teller() != null) {
                    long t = f.teller().longValue();
                    bind(teller, Math.max(Disclosure.MIN_COUNT, t - 2), t + 2, ref, f.teller());
                    long n = f.noemer().longValue();
                    bind(noemer, Math.max(Disclosure.MIN_DENOMINATOR, n - 2), n + 2, ref, f.teller());
                }
                bounds.within(teller, Disclosure.MIN_COUNT, Bounds.UNKNOWN);
                bounds.within(rest, Disclosure.MIN_COUNT, Bounds.UNKNOWN);
                bounds.within(noemer, Disclosure.MIN_DENOMINATOR, Bounds.UNKNOWN);
            } else if (Disclosure.REASON_SMALL_DENOMINATOR.equals(f.reason())) {
                bounds.within(noemer, 0, Disclosure.MIN_DENOMINATOR - 1);
            } else if (Disclosure.REASON_SMALL_CELL.equals(f.reason())) {
                bounds.within(noemer, Disclosure.MIN_DENOMINATOR, Bounds.UNKNOWN);
                bounds.eitherAtMost(teller, rest, Disclosure.MIN_COUNT - 1);
            } else if (Disclosure.REASON_DIFFERENCING.equals(f.reason())) {
                bounds.within(teller, Disclosure.MIN_COUNT, Bounds.UNKNOWN);
                bounds.within(rest, Disclosure.MIN_COUNT, Bounds.UNKNOWN);
            }
        }

        private void observations(Figure f, int n, Ref ref) {
            if (f.published()) {
                long r = f.noemer().longValue();
                bind(n, Math.max(Disclosure.MIN_DENOMINATOR, r - 2), r + 2, ref, f.noemer());
            } else if (Disclosure.REASON_SMALL_DENOMINATOR.equals(f.reason())) {
                bounds.within(n, 0, Disclosure.MIN_DENOMINATOR - 1);
            } else if (Disclosure.REASON_DIFFERENCING.equals(f.reason())) {
                bounds.within(n, Disclosure.MIN_DENOMINATOR, Bounds.UNKNOWN);
            }
        }
    }

    /**
     * A unit with figures in a periode: its active trajectories (a provider unit: its youths) are counted (shown or as
     * {@code <10}).
     */
    private static boolean delivered(Map<Indicator, Figure> unitFigures) {
        Figure f = unitFigures.getOrDefault(Indicator.TRAJECTEN_ACTIEF.get(0), unitFigures.get(Indicator.JEUGDIGEN_JH));
        return f != null && !Disclosure.notAvailable(f.reason()) && !Disclosure.REASON_NOT_YET.equals(f.reason());
    }
}
