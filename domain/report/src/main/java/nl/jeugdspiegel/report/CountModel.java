package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;

/**
 * The counts behind the published figures and the exact relations between them, as {@link Bounds}
 * variables, one per periode, {@link Unit} and {@link Quantity} (named {@code periode|niveau|code|quantity}).
 * Quantities: {@code A0..A4}, {@code S0..S4},
 * {@code E0..E4} (active, started, ended trajectories per soort category of {@link Indicator#CATEGORIES}), their
 * jeugdhulp totals {@code AJH, SJH, EJH} (zonder, met and onbekend verblijf), {@code WACHT} and {@code WACHT_LANG}
 * (waiting at the periode's end, and those more than 9 weeks), the tellers and noemers of the shares ({@link #SHARES}, with the rest
 * noemer − teller), {@code CLIENTS} (jeugdigen_jh), {@code YOUNG} (those under 18, per 1,000),
 * {@code WAIT_N} (started with an aanmelddatum) and {@code CARRYc} (active in the periode before and not
 * ended in it). The relations hold by the definitions of docs/indicatoren.md:
 * <ul>
 *   <li>within a unit: a total is the sum of its cells (soort, verwijzers, reasons for ending), a teller
 *       is at most its noemer, distinct youths at most the trajectories;</li>
 *   <li>a jeugdregio, a size class and Nederland are the sums of their delivering municipalities, for every
 *       count that is counted per trajectory or per owner ({@link #ADDITIVE}; youths are not: one youth can
 *       have care in two municipalities);</li>
 *   <li>consecutive periods: active in P = (active in P − 1 − ended in P − 1) + started in P, per soort.</li>
 * </ul>
 */
public final class CountModel {

    /** The trajectory counts per soort category: active, started, ended ({@code A}, {@code S}, {@code E}). */
    public static final List<List<Indicator>> KINDS = Indicator.TRAJECT_COUNTS;

    /** A share's counts: its teller, its noemer, and the rest noemer − teller. */
    public record Share(Quantity teller, Quantity noemer, Quantity rest) {}

    /** Share indicators and their counts, in catalogue order. */
    public static final Map<Indicator, Share> SHARES = shares();
    /** Figures whose noemer is a number of observations, and its quantity. */
    public static final Map<Indicator, Quantity> OBSERVATIONS = Map.of(
            Indicator.DUUR_MEDIAAN_DAGEN,
            Quantity.EJH,
            Indicator.WACHTTIJD_MEDIAAN_DAGEN,
            Quantity.WAIT_N,
            Indicator.WACHTTIJD_P90_DAGEN,
            Quantity.WAIT_N,
            Indicator.TEVREDENHEID_GEMIDDELD,
            Quantity.TEV_N,
            Indicator.KOSTEN_PER_JEUGDIGE,
            Quantity.CLIENTS,
            Indicator.INSTROOM_DUUR_KM_MEDIAAN_DAGEN,
            Quantity.INSTROOM);
    /** Quantities that add up from municipalities to higher levels. */
    public static final List<Quantity> ADDITIVE = additive();

    private static Map<Indicator, Share> shares() {
        Map<Indicator, Share> shares = new LinkedHashMap<>();
        shares.put(Indicator.AANDEEL_MET_VERBLIJF, new Share(Quantity.active(1), Quantity.AJH, Quantity.A_NOT_MET));
        shares.put(Indicator.AANDEEL_MET_AANBIEDER, new Share(Quantity.AGB_A, Quantity.AJH, Quantity.AGB_NOT));
        for (int v = 0; v < Indicator.VERWIJZERS.size(); v++) {
            String code = Indicator.VERWIJZERS.get(v);
            shares.put(
                    Indicator.VERWIJZER.get(v),
                    new Share(Quantity.referred(code), Quantity.SJH, Quantity.notReferred(code)));
        }
        shares.put(Indicator.BEEINDIGD_VOLGENS_PLAN, new Share(Quantity.PLAN, Quantity.EJH, Quantity.PLANNOT));
        shares.put(Indicator.VOORTIJDIG_BEEINDIGD, new Share(Quantity.VOORT, Quantity.EJH, Quantity.VOORTNOT));
        shares.put(Indicator.ZONDER_HULP_VERDER, new Share(Quantity.ZHV_YES, Quantity.ZHV_FILLED, Quantity.ZHV_NO));
        shares.put(
                Indicator.ZONDER_HULP_VERDER_RESPONS, new Share(Quantity.ZHV_FILLED, Quantity.EJH, Quantity.ZHV_NOT));
        shares.put(Indicator.TEVREDENHEID_RESPONS, new Share(Quantity.TEV_N, Quantity.EJH, Quantity.TEV_NOT));
        shares.put(Indicator.GEEN_NIEUWE_HULP_6M, new Share(Quantity.COH_OK, Quantity.COH, Quantity.COH_NOT));
        shares.put(Indicator.GEEN_NIEUWE_START_CBS, new Share(Quantity.CBS_OK, Quantity.EJH, Quantity.CBS_NOT));
        for (int h = 0; h < Indicator.INSTROOM_HORIZONS.size(); h++) {
            for (int st = 0; st < Indicator.INSTROOM_STATES.size(); st++) {
                shares.put(
                        Indicator.INSTROOM_STATE.get(h).get(st),
                        new Share(Quantity.instroomState(h, st), Quantity.INSTROOM, Quantity.instroomRest(h, st)));
            }
        }
        return Collections.unmodifiableMap(shares);
    }

    private static List<Quantity> additive() {
        List<Quantity> additive = new ArrayList<>();
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            additive.add(Quantity.active(c));
        }
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            additive.add(Quantity.started(c));
        }
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            additive.add(Quantity.ended(c));
        }
        additive.addAll(List.of(
                Quantity.AJH,
                Quantity.SJH,
                Quantity.EJH,
                Quantity.PLAN,
                Quantity.VOORT,
                Quantity.EXT,
                Quantity.ZHV_FILLED,
                Quantity.ZHV_YES,
                Quantity.TEV_N,
                Quantity.CBS_OK,
                Quantity.COH,
                Quantity.COH_OK,
                Quantity.WAIT_N,
                Quantity.AGB_A));
        for (String v : Indicator.VERWIJZERS) {
            additive.add(Quantity.referred(v));
        }
        // every member of a cohort is attributed to one gemeente
        additive.addAll(Quantity.COHORT_PROVIDER_ADDITIVE);
        return List.copyOf(additive);
    }

    /** What a variable of the model stands for: a quantity of a unit in a periode. */
    public record Variable(Periode periode, Unit unit, Quantity quantity) {}

    private final Bounds bounds;
    private final Map<Periode, Map<Unit, int[]>> vars = new HashMap<>();
    /** The model's variables by their number in {@link #bounds}. */
    private final Map<Integer, Variable> variables = new HashMap<>();

    public CountModel(Bounds bounds) {
        this.bounds = bounds;
    }

    public Bounds bounds() {
        return bounds;
    }

    /** The quantity a count indicator counts ({@code trajecten_gestart.jeugdbescherming} → S2), or null. */
    public static Quantity countQuantity(Indicator indicator) {
        if (indicator.equals(Indicator.JEUGDIGEN_JH)) {
            return Quantity.CLIENTS;
        }
        if (indicator.equals(Indicator.INSTROOM_JEUGDIGEN)) {
            return Quantity.INSTROOM;
        }
        if (indicator.equals(Indicator.WACHTEND_EINDE_PERIODE)) {
            return Quantity.WACHT;
        }
        if (indicator.equals(Indicator.WACHTEND_LANGER_DAN_9_WEKEN)) {
            return Quantity.WACHT_LANG;
        }
        for (int k = 0; k < KINDS.size(); k++) {
            int category = KINDS.get(k).indexOf(indicator);
            if (category >= 0) {
                return switch (k) {
                    case 0 -> Quantity.active(category);
                    case 1 -> Quantity.started(category);
                    default -> Quantity.ended(category);
                };
            }
        }
        return null;
    }

    /** The variable of a quantity of a unit in periode P, made on first use. */
    public int v(Periode p, Unit unit, Quantity quantity) {
        int[] unitVars = vars.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(unit, u -> {
            int[] fresh = new int[Quantity.count()];
            Arrays.fill(fresh, -1);
            return fresh;
        });
        if (unitVars[quantity.index()] < 0) {
            int v = bounds.var(p + "|" + unit + "|" + quantity);
            unitVars[quantity.index()] = v;
            variables.put(v, new Variable(p, unit, quantity));
        }
        return unitVars[quantity.index()];
    }

    /** What variable {@code v} of the bounds stands for; empty for a variable the model did not make. */
    public Optional<Variable> variable(int v) {
        return Optional.ofNullable(variables.get(v));
    }

    /** The relations within one unit in periode P (a provider unit's: {@link #providerStructure}). */
    public void structure(Periode p, Unit unit) {
        if (unit.provider()) {
            providerStructure(p, unit);
        } else {
            municipalStructure(p, unit);
        }
    }

    private void municipalStructure(Periode p, Unit unit) {
        int ajh = v(p, unit, Quantity.AJH);
        int sjh = v(p, unit, Quantity.SJH);
        int ejh = v(p, unit, Quantity.EJH);
        bounds.total(
                ajh, v(p, unit, Quantity.active(0)), v(p, unit, Quantity.active(1)), v(p, unit, Quantity.active(2)));
        bounds.total(
                sjh, v(p, unit, Quantity.started(0)), v(p, unit, Quantity.started(1)), v(p, unit, Quantity.started(2)));
        bounds.total(ejh, v(p, unit, Quantity.ended(0)), v(p, unit, Quantity.ended(1)), v(p, unit, Quantity.ended(2)));
        bounds.total(v(p, unit, Quantity.WACHT), v(p, unit, Quantity.WACHT_LANG), v(p, unit, Quantity.WACHT_KORT));
        bounds.total(
                sjh,
                Indicator.VERWIJZERS.stream()
                        .mapToInt(c -> v(p, unit, Quantity.referred(c)))
                        .toArray());
        bounds.total(ejh, v(p, unit, Quantity.PLAN), v(p, unit, Quantity.VOORT), v(p, unit, Quantity.EXT));
        bounds.total(v(p, unit, Quantity.ZHV_FILLED), v(p, unit, Quantity.ZHV_YES), v(p, unit, Quantity.ZHV_NO));
        bounds.total(sjh, v(p, unit, Quantity.WAIT_N), v(p, unit, Quantity.WAIT_NOT));
        bounds.total(ajh, v(p, unit, Quantity.CLIENTS), v(p, unit, Quantity.CLIENTS_NOT));
        bounds.total(v(p, unit, Quantity.CLIENTS), v(p, unit, Quantity.YOUNG), v(p, unit, Quantity.YOUNG_NOT));
        bounds.total(v(p, unit, Quantity.CLIENTS), v(p, unit, Quantity.COH), v(p, unit, Quantity.COH_OUT));
        for (Share q : SHARES.values()) {
            bounds.total(v(p, unit, q.noemer()), v(p, unit, q.teller()), v(p, unit, q.rest()));
        }
        cohortStructure(p, unit);
    }

    /**
     * The relations of a unit's instroomcohort (indicators v1.3): its members are youths with care in P, and at each
     * horizon the four states add up to them; in zorg only falls and terug only rises from one horizon to the next.
     */
    private void cohortStructure(Periode p, Unit unit) {
        bounds.total(v(p, unit, Quantity.CLIENTS), v(p, unit, Quantity.INSTROOM), v(p, unit, Quantity.INSTROOM_NOT));
        int states = Indicator.INSTROOM_STATES.size();
        for (int h = 0; h < Indicator.INSTROOM_HORIZONS.size(); h++) {
            int[] parts = new int[states];
            for (int st = 0; st < states; st++) {
                parts[st] = v(p, unit, Quantity.instroomState(h, st));
            }
            bounds.total(v(p, unit, Quantity.INSTROOM), parts);
            if (h + 1 < Indicator.INSTROOM_HORIZONS.size()) {
                bounds.total(
                        v(p, unit, Quantity.instroomState(h, IN_ZORG)),
                        v(p, unit, Quantity.instroomState(h + 1, IN_ZORG)),
                        v(p, unit, Quantity.instroomLeft(h)));
                bounds.total(
                        v(p, unit, Quantity.instroomState(h + 1, TERUG)),
                        v(p, unit, Quantity.instroomState(h, TERUG)),
                        v(p, unit, Quantity.instroomBack(h)));
            }
        }
    }

    private static final int IN_ZORG = Indicator.INSTROOM_STATES.indexOf("in_zorg");
    private static final int TERUG = Indicator.INSTROOM_STATES.indexOf("terug");

    /**
     * The relations within one provider unit: its published figures are youths and the outcome shares over its ended
     * trajectories (not the trajectory counts per verblijf, so no chain across half-years), see {@link
     * Disclosure#PROVIDER_PUBLISHED}.
     */
    private void providerStructure(Periode p, Unit unit) {
        bounds.total(
                v(p, unit, Quantity.EJH),
                v(p, unit, Quantity.PLAN),
                v(p, unit, Quantity.VOORT),
                v(p, unit, Quantity.EXT));
        bounds.total(v(p, unit, Quantity.AJH), v(p, unit, Quantity.CLIENTS), v(p, unit, Quantity.CLIENTS_NOT));
        SHARES.forEach((id, q) -> {
            if (id.forProviders()) {
                bounds.total(v(p, unit, q.noemer()), v(p, unit, q.teller()), v(p, unit, q.rest()));
            }
        });
        if (unit.niveau() == Niveau.AANBIEDER) {
            cohortStructure(p, unit);
        }
    }

    /**
     * The relations of the provider units of periode P ({@code aanbieder|AGB}, {@code aanbieder_jeugdregio|JZnn-AGB})
     * with each other and with the municipal levels: a provider is the sum of its units per jeugdregio and of its parts
     * in the regions' pooled units ({@code JZnn-overig}, v1.3), which together are the national pooled unit plus those
     * parts; a jeugdregio (Nederland) is the sum of its provider units (the national ones) plus its trajectories without
     * a provider, for {@link Quantity#PROVIDER_ADDITIVE}; its trajectories with a provider ({@code
     * aandeel_met_aanbieder}'s teller) are the sum of its provider units' active trajectories.
     */
    public void relateProviders(Periode p, Collection<Unit> units) {
        Map<Unit, List<Unit>> perProvider = new TreeMap<>(UNIT_ORDER);
        Map<Unit, List<Unit>> perRegion = new TreeMap<>(UNIT_ORDER);
        List<Unit> national = new ArrayList<>();
        for (Unit u : units) {
            if (u.niveau() == Niveau.AANBIEDER_JEUGDREGIO) {
                perProvider
                        .computeIfAbsent(
                                new Unit(Niveau.AANBIEDER, ProviderUnits.agb(u.code())), k -> new ArrayList<>())
                        .add(u);
                perRegion
                        .computeIfAbsent(
                                new Unit(Niveau.JEUGDREGIO, ProviderUnits.jeugdregio(u.code())), k -> new ArrayList<>())
                        .add(u);
            } else if (u.niveau() == Niveau.AANBIEDER) {
                national.add(u);
            }
        }
        // indicators v1.3: a national provider is the sum of its own regional units and of its parts in the regions'
        // pooled units (a slack the reader does not see); the regions' pooled units together are the national pooled
        // unit and those parts
        Unit pooled = new Unit(Niveau.AANBIEDER, ProviderUnits.POOLED);
        List<Unit> nationalOwn =
                national.stream().filter(u -> !u.equals(pooled)).toList();
        List<Unit> regionalPools = perProvider.getOrDefault(pooled, List.of());
        for (Unit provider : nationalOwn) {
            List<Unit> parts = perProvider.getOrDefault(provider, List.of());
            for (Quantity q : Quantity.PROVIDER_ADDITIVE) {
                bounds.total(v(p, provider, q), terms(p, parts, q, v(p, provider, Quantity.pooledPart(q))));
            }
        }
        if (!regionalPools.isEmpty() || units.contains(pooled)) {
            List<Unit> pooledUnit = units.contains(pooled) ? List.of(pooled) : List.of();
            for (Quantity q : Quantity.PROVIDER_ADDITIVE) {
                int all = v(p, pooled, Quantity.regionalPools(q));
                bounds.total(all, terms(p, regionalPools, q));
                bounds.total(all, terms(p, pooledUnit, q, terms(p, nationalOwn, Quantity.pooledPart(q))));
            }
        }
        perRegion.put(Unit.NEDERLAND, national);
        perRegion.forEach((level, parts) -> {
            // a level without provider units: the site shows there are none, which says nothing about any youth
            if (!units.contains(level) || parts.isEmpty()) {
                return;
            }
            for (Quantity q : Quantity.PROVIDER_ADDITIVE) {
                bounds.total(v(p, level, q), terms(p, parts, q, v(p, level, Quantity.withoutProvider(q))));
            }
            bounds.total(v(p, level, Quantity.AGB_A), terms(p, parts, Quantity.AJH));
        });
        // the cohorts: Nederland's members are those of its national provider units and those without a provider
        if (units.contains(Unit.NEDERLAND) && !national.isEmpty()) {
            for (Quantity q : Quantity.COHORT_PROVIDER_ADDITIVE) {
                bounds.total(
                        v(p, Unit.NEDERLAND, q),
                        terms(p, national, q, v(p, Unit.NEDERLAND, Quantity.withoutProvider(q))));
            }
        }
    }

    /** Units in the order of their text ({@code niveau|code}), as the relations were made before they were typed. */
    private static final Comparator<Unit> UNIT_ORDER = Comparator.comparing(Unit::toString);

    /** The variables of one quantity of the given units in periode P, followed by {@code extra}: a sum's terms. */
    private int[] terms(Periode p, List<Unit> parts, Quantity quantity, int... extra) {
        int[] terms = new int[parts.size() + extra.length];
        for (int i = 0; i < parts.size(); i++) {
            terms[i] = v(p, parts.get(i), quantity);
        }
        System.arraycopy(extra, 0, terms, parts.size(), extra.length);
        return terms;
    }

    /** Who is behind each unit, as the reader of a publication knows it. */
    public interface Membership {
        /** The units with figures in periode P. */
        Collection<Unit> units(Periode p);

        /** The delivering municipalities behind a unit in periode P, as gemeente units. */
        List<Unit> members(Periode p, Unit unit);
    }

    /**
     * The relations between units: every higher unit is the sum of its delivering municipalities, Nederland
     * also of the jeugdregio's and of the size classes when they cover the same municipalities; and the
     * chain of consecutive periods, for a unit whose delivering municipalities are the same in both.
     */
    public void relate(List<Periode> periods, Membership membership) {
        for (Periode p : periods) {
            Collection<Unit> units = membership.units(p);
            for (Unit u : units) {
                if (u.niveau() != Niveau.GEMEENTE && !u.provider()) {
                    sum(p, u, membership.members(p, u));
                }
            }
            relateProviders(p, units);
            if (units.contains(Unit.NEDERLAND)) {
                Set<Unit> all = new TreeSet<>(UNIT_ORDER);
                all.addAll(membership.members(p, Unit.NEDERLAND));
                for (Niveau niveau : List.of(Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE)) {
                    List<Unit> level =
                            units.stream().filter(u -> u.niveau() == niveau).toList();
                    Set<Unit> covered = new TreeSet<>(UNIT_ORDER);
                    level.forEach(u -> covered.addAll(membership.members(p, u)));
                    if (covered.equals(all)) {
                        sum(p, Unit.NEDERLAND, level);
                    }
                }
            }
        }
        for (int i = 1; i < periods.size(); i++) {
            Periode p = periods.get(i);
            Periode before = periods.get(i - 1);
            if (!before.equals(p.previous())) {
                continue;
            }
            Collection<Unit> earlier = membership.units(before);
            for (Unit u : membership.units(p)) {
                if (!u.provider()
                        && earlier.contains(u)
                        && membership.members(p, u).equals(membership.members(before, u))) {
                    chain(before, p, u);
                }
            }
        }
    }

    /** A unit in periode P is the sum of the given (delivering) municipalities, or units, for every additive count. */
    public void sum(Periode p, Unit unit, List<Unit> parts) {
        for (Quantity quantity : ADDITIVE) {
            bounds.total(v(p, unit, quantity), terms(p, parts, quantity));
        }
    }

    /** Active in P per soort is what was active in the periode before and did not end in it, plus what started in P. */
    public void chain(Periode before, Periode p, Unit unit) {
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            int carried = v(p, unit, Quantity.carried(c));
            bounds.total(v(before, unit, Quantity.active(c)), v(before, unit, Quantity.ended(c)), carried);
            bounds.total(v(p, unit, Quantity.active(c)), v(p, unit, Quantity.started(c)), carried);
        }
    }
}
