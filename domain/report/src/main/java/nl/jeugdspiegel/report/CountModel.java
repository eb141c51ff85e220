package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.core.Periode;

/**
 * The counts behind the published figures and the exact relations between them, as {@link Bounds}
 * variables named {@code periode|niveau|code|quantity}. Quantities: {@code A0..A4}, {@code S0..S4},
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

    private static final String[] KIND_QUANTITIES = {"A", "S", "E"};

    /** Share indicators: the quantities of teller, noemer and noemer − teller. */
    public static final Map<Indicator, String[]> SHARES = new LinkedHashMap<>();
    /** Figures whose noemer is a number of observations, and its quantity. */
    public static final Map<Indicator, String> OBSERVATIONS = Map.of(
            Indicator.DUUR_MEDIAAN_DAGEN,
            "EJH",
            Indicator.WACHTTIJD_MEDIAAN_DAGEN,
            "WAIT_N",
            Indicator.WACHTTIJD_P90_DAGEN,
            "WAIT_N",
            Indicator.TEVREDENHEID_GEMIDDELD,
            "TEV_N",
            Indicator.KOSTEN_PER_JEUGDIGE,
            "CLIENTS");
    /** Quantities that add up from municipalities to higher levels. */
    public static final List<String> ADDITIVE = new ArrayList<>();
    /**
     * The counts of a provider unit that its published figures bound and that add up: a provider nationally is the sum
     * of its units per jeugdregio, and a jeugdregio's (or Nederland's) count is the sum over its provider units plus
     * that of its trajectories without a provider ({@link #WITHOUT_PROVIDER}).
     */
    public static final List<String> PROVIDER_ADDITIVE =
            List.of("AJH", "EJH", "PLAN", "VOORT", "ZHV_FILLED", "ZHV_YES", "TEV_N", "CBS_OK", "WAIT_N");
    /** The prefix of the quantities of the trajectories without a provider of a jeugdregio or Nederland. */
    public static final String WITHOUT_PROVIDER = "NOAGB_";
    /**
     * The prefix of the part of a national provider unit's count that lies in pooled regional units
     * ({@code {jeugdregio}-overig}, indicators v1.3): the regions where it has fewer than 10 youths.
     */
    public static final String POOLED_PART = "POOLED_";
    /** The prefix, on the unit {@code aanbieder|overig}, of the sum of every region's pooled unit. */
    public static final String REGIONAL_POOLS = "REGIONAL_POOLS_";

    /** Is this unit name ({@link #unit}) a provider unit? */
    public static boolean providerUnit(String unit) {
        return unit.startsWith(unit(Niveau.AANBIEDER, "")) || unit.startsWith(unit(Niveau.AANBIEDER_JEUGDREGIO, ""));
    }

    /** Every quantity by a small number, so a unit's variables sit in one array. */
    private static final Map<String, Integer> QUANTITIES = new HashMap<>();

    static {
        SHARES.put(Indicator.AANDEEL_MET_VERBLIJF, new String[] {"A1", "AJH", "A_NOT_MET"});
        SHARES.put(Indicator.AANDEEL_MET_AANBIEDER, new String[] {"AGB_A", "AJH", "AGB_NOT"});
        for (int v = 0; v < Indicator.VERWIJZERS.size(); v++) {
            String code = Indicator.VERWIJZERS.get(v);
            SHARES.put(Indicator.VERWIJZER.get(v), new String[] {"VERW" + code, "SJH", "VERWNOT" + code});
        }
        SHARES.put(Indicator.BEEINDIGD_VOLGENS_PLAN, new String[] {"PLAN", "EJH", "PLANNOT"});
        SHARES.put(Indicator.VOORTIJDIG_BEEINDIGD, new String[] {"VOORT", "EJH", "VOORTNOT"});
        SHARES.put(Indicator.ZONDER_HULP_VERDER, new String[] {"ZHV_YES", "ZHV_FILLED", "ZHV_NO"});
        SHARES.put(Indicator.ZONDER_HULP_VERDER_RESPONS, new String[] {"ZHV_FILLED", "EJH", "ZHV_NOT"});
        SHARES.put(Indicator.TEVREDENHEID_RESPONS, new String[] {"TEV_N", "EJH", "TEV_NOT"});
        SHARES.put(Indicator.GEEN_NIEUWE_HULP_6M, new String[] {"COH_OK", "COH", "COH_NOT"});
        SHARES.put(Indicator.GEEN_NIEUWE_START_CBS, new String[] {"CBS_OK", "EJH", "CBS_NOT"});
        for (String k : KIND_QUANTITIES) {
            for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
                ADDITIVE.add(k + c);
            }
        }
        ADDITIVE.addAll(List.of(
                "AJH",
                "SJH",
                "EJH",
                "PLAN",
                "VOORT",
                "EXT",
                "ZHV_FILLED",
                "ZHV_YES",
                "TEV_N",
                "CBS_OK",
                "COH",
                "COH_OK",
                "WAIT_N",
                "AGB_A"));
        for (String v : Indicator.VERWIJZERS) {
            ADDITIVE.add("VERW" + v);
        }
        List<String> all = new ArrayList<>(ADDITIVE);
        SHARES.values().forEach(q -> all.addAll(List.of(q)));
        all.addAll(List.of(
                "WAIT_NOT",
                "CLIENTS",
                "CLIENTS_NOT",
                "YOUNG",
                "YOUNG_NOT",
                "COH_OUT",
                "WACHT",
                "WACHT_LANG",
                "WACHT_KORT"));
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            all.add("CARRY" + c);
        }
        for (String q : PROVIDER_ADDITIVE) {
            all.add(WITHOUT_PROVIDER + q);
            all.add(POOLED_PART + q);
            all.add(REGIONAL_POOLS + q);
        }
        all.forEach(q -> QUANTITIES.putIfAbsent(q, QUANTITIES.size()));
    }

    private final Bounds bounds;
    private final Map<Periode, Map<String, int[]>> vars = new HashMap<>();

    public CountModel(Bounds bounds) {
        this.bounds = bounds;
    }

    public Bounds bounds() {
        return bounds;
    }

    /** The unit's part of a variable name. */
    public static String unit(Niveau niveau, String code) {
        return niveau.code() + "|" + code;
    }

    /** The quantity a count indicator counts ({@code trajecten_gestart.jeugdbescherming} → S2), or null. */
    public static String countQuantity(Indicator indicator) {
        if (indicator.equals(Indicator.JEUGDIGEN_JH)) {
            return "CLIENTS";
        }
        if (indicator.equals(Indicator.WACHTEND_EINDE_PERIODE)) {
            return "WACHT";
        }
        if (indicator.equals(Indicator.WACHTEND_LANGER_DAN_9_WEKEN)) {
            return "WACHT_LANG";
        }
        for (int k = 0; k < KINDS.size(); k++) {
            int category = KINDS.get(k).indexOf(indicator);
            if (category >= 0) {
                return KIND_QUANTITIES[k] + category;
            }
        }
        return null;
    }

    public int v(Periode p, String unit, String quantity) {
        Integer q = QUANTITIES.get(quantity);
        if (q == null) {
            throw new IllegalArgumentException("no quantity " + quantity);
        }
        int[] unitVars = vars.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(unit, u -> {
            int[] fresh = new int[QUANTITIES.size()];
            Arrays.fill(fresh, -1);
            return fresh;
        });
        if (unitVars[q] < 0) {
            unitVars[q] = bounds.var(p + "|" + unit + "|" + quantity);
        }
        return unitVars[q];
    }

    /** The relations within one unit in periode P (a provider unit's: {@link #providerStructure}). */
    public void structure(Periode p, String unit) {
        if (providerUnit(unit)) {
            providerStructure(p, unit);
        } else {
            municipalStructure(p, unit);
        }
    }

    private void municipalStructure(Periode p, String unit) {
        int ajh = v(p, unit, "AJH");
        int sjh = v(p, unit, "SJH");
        int ejh = v(p, unit, "EJH");
        bounds.total(ajh, v(p, unit, "A0"), v(p, unit, "A1"), v(p, unit, "A2"));
        bounds.total(sjh, v(p, unit, "S0"), v(p, unit, "S1"), v(p, unit, "S2"));
        bounds.total(ejh, v(p, unit, "E0"), v(p, unit, "E1"), v(p, unit, "E2"));
        bounds.total(v(p, unit, "WACHT"), v(p, unit, "WACHT_LANG"), v(p, unit, "WACHT_KORT"));
        bounds.total(
                sjh,
                Indicator.VERWIJZERS.stream()
                        .mapToInt(c -> v(p, unit, "VERW" + c))
                        .toArray());
        bounds.total(ejh, v(p, unit, "PLAN"), v(p, unit, "VOORT"), v(p, unit, "EXT"));
        bounds.total(v(p, unit, "ZHV_FILLED"), v(p, unit, "ZHV_YES"), v(p, unit, "ZHV_NO"));
        bounds.total(sjh, v(p, unit, "WAIT_N"), v(p, unit, "WAIT_NOT"));
        bounds.total(ajh, v(p, unit, "CLIENTS"), v(p, unit, "CLIENTS_NOT"));
        bounds.total(v(p, unit, "CLIENTS"), v(p, unit, "YOUNG"), v(p, unit, "YOUNG_NOT"));
        bounds.total(v(p, unit, "CLIENTS"), v(p, unit, "COH"), v(p, unit, "COH_OUT"));
        for (String[] q : SHARES.values()) {
            bounds.total(v(p, unit, q[1]), v(p, unit, q[0]), v(p, unit, q[2]));
        }
    }

    /**
     * The relations within one provider unit: its published figures are youths and the outcome shares over its ended
     * trajectories (not the trajectory counts per verblijf, so no chain across half-years), see {@link
     * Disclosure#PROVIDER_PUBLISHED}.
     */
    private void providerStructure(Periode p, String unit) {
        bounds.total(v(p, unit, "EJH"), v(p, unit, "PLAN"), v(p, unit, "VOORT"), v(p, unit, "EXT"));
        bounds.total(v(p, unit, "AJH"), v(p, unit, "CLIENTS"), v(p, unit, "CLIENTS_NOT"));
        SHARES.forEach((id, q) -> {
            if (id.forProviders()) {
                bounds.total(v(p, unit, q[1]), v(p, unit, q[0]), v(p, unit, q[2]));
            }
        });
    }

    /**
     * The relations of the provider units of periode P (unit names {@code aanbieder|AGB}, {@code
     * aanbieder_jeugdregio|JZnn-AGB}) with each other and with the municipal levels: a provider is the sum of its units
     * per jeugdregio and of its parts in the regions' pooled units ({@code JZnn-overig}, v1.3), which together are the
     * national pooled unit plus those parts; a jeugdregio (Nederland) is the sum of its provider units (the national ones) plus its
     * trajectories without a provider, for {@link #PROVIDER_ADDITIVE}; its trajectories with a provider ({@code
     * aandeel_met_aanbieder}'s teller) are the sum of its provider units' active trajectories.
     */
    public void relateProviders(Periode p, Collection<String> units) {
        Map<String, List<String>> perProvider = new java.util.TreeMap<>();
        Map<String, List<String>> perRegion = new java.util.TreeMap<>();
        List<String> national = new ArrayList<>();
        for (String u : units) {
            if (u.startsWith(unit(Niveau.AANBIEDER_JEUGDREGIO, ""))) {
                String code = u.substring(unit(Niveau.AANBIEDER_JEUGDREGIO, "").length());
                perProvider
                        .computeIfAbsent(unit(Niveau.AANBIEDER, ProviderUnits.agb(code)), k -> new ArrayList<>())
                        .add(u);
                perRegion
                        .computeIfAbsent(
                                unit(Niveau.JEUGDREGIO, ProviderUnits.jeugdregio(code)), k -> new ArrayList<>())
                        .add(u);
            } else if (u.startsWith(unit(Niveau.AANBIEDER, ""))) {
                national.add(u);
            }
        }
        // indicators v1.3: a national provider is the sum of its own regional units and of its parts in the regions'
        // pooled units (a slack the reader does not see); the regions' pooled units together are the national pooled
        // unit and those parts
        String pooled = unit(Niveau.AANBIEDER, ProviderUnits.POOLED);
        List<String> nationalOwn =
                national.stream().filter(u -> !u.equals(pooled)).toList();
        List<String> regionalPools = perProvider.getOrDefault(pooled, List.of());
        for (String provider : nationalOwn) {
            List<String> parts = perProvider.getOrDefault(provider, List.of());
            for (String q : PROVIDER_ADDITIVE) {
                bounds.total(v(p, provider, q), terms(p, parts, q, v(p, provider, POOLED_PART + q)));
            }
        }
        if (!regionalPools.isEmpty() || units.contains(pooled)) {
            List<String> pooledUnit = units.contains(pooled) ? List.of(pooled) : List.of();
            for (String q : PROVIDER_ADDITIVE) {
                int all = v(p, pooled, REGIONAL_POOLS + q);
                bounds.total(all, terms(p, regionalPools, q));
                bounds.total(all, terms(p, pooledUnit, q, terms(p, nationalOwn, POOLED_PART + q)));
            }
        }
        perRegion.put(unit(Niveau.NEDERLAND, "NL"), national);
        perRegion.forEach((level, parts) -> {
            // a level without provider units: the site shows there are none, which says nothing about any youth
            if (!units.contains(level) || parts.isEmpty()) {
                return;
            }
            for (String q : PROVIDER_ADDITIVE) {
                bounds.total(v(p, level, q), terms(p, parts, q, v(p, level, WITHOUT_PROVIDER + q)));
            }
            bounds.total(v(p, level, "AGB_A"), terms(p, parts, "AJH"));
        });
    }

    /** The variables of one quantity of the given units in periode P, followed by {@code extra}: a sum's terms. */
    private int[] terms(Periode p, List<String> parts, String quantity, int... extra) {
        int[] terms = new int[parts.size() + extra.length];
        for (int i = 0; i < parts.size(); i++) {
            terms[i] = v(p, parts.get(i), quantity);
        }
        System.arraycopy(extra, 0, terms, parts.size(), extra.length);
        return terms;
    }

    /** Who is behind each unit, as the reader of a publication knows it. */
    public interface Membership {
        /** The units ({@link #unit} names) with figures in periode P. */
        Collection<String> units(Periode p);

        /** The delivering municipalities behind a unit in periode P, as unit names ({@code gemeente|GM0014}). */
        List<String> members(Periode p, String unit);
    }

    /**
     * The relations between units: every higher unit is the sum of its delivering municipalities, Nederland
     * also of the jeugdregio's and of the size classes when they cover the same municipalities; and the
     * chain of consecutive periods, for a unit whose delivering municipalities are the same in both.
     */
    public void relate(List<Periode> periods, Membership membership) {
        String nederland = unit(Niveau.NEDERLAND, "NL");
        for (Periode p : periods) {
            Collection<String> units = membership.units(p);
            for (String u : units) {
                if (!u.startsWith(unit(Niveau.GEMEENTE, "")) && !providerUnit(u)) {
                    sum(p, u, membership.members(p, u));
                }
            }
            relateProviders(p, units);
            if (units.contains(nederland)) {
                Set<String> all = new TreeSet<>(membership.members(p, nederland));
                for (String niveau : List.of(unit(Niveau.JEUGDREGIO, ""), unit(Niveau.GROOTTEKLASSE, ""))) {
                    List<String> level =
                            units.stream().filter(u -> u.startsWith(niveau)).toList();
                    Set<String> covered = new TreeSet<>();
                    level.forEach(u -> covered.addAll(membership.members(p, u)));
                    if (covered.equals(all)) {
                        sum(p, nederland, level);
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
            Collection<String> earlier = membership.units(before);
            for (String u : membership.units(p)) {
                if (!providerUnit(u)
                        && earlier.contains(u)
                        && membership.members(p, u).equals(membership.members(before, u))) {
                    chain(before, p, u);
                }
            }
        }
    }

    /** A unit in periode P is the sum of the given (delivering) municipalities, or units, for every additive count. */
    public void sum(Periode p, String unit, List<String> parts) {
        for (String quantity : ADDITIVE) {
            bounds.total(v(p, unit, quantity), terms(p, parts, quantity));
        }
    }

    /** Active in P per soort is what was active in the periode before and did not end in it, plus what started in P. */
    public void chain(Periode before, Periode p, String unit) {
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            int carried = v(p, unit, "CARRY" + c);
            bounds.total(v(before, unit, "A" + c), v(before, unit, "E" + c), carried);
            bounds.total(v(p, unit, "A" + c), v(p, unit, "S" + c), carried);
        }
    }
}
