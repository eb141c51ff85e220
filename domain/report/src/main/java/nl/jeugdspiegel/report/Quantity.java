package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;

/**
 * A count behind the published figures, of one unit in one periode: the quantities of {@link CountModel}. A closed
 * set, each made once: the trajectory counts per soort category ({@link #active}, {@link #started}, {@link #ended},
 * {@link #carried}), per verwijzer ({@link #referred}, {@link #notReferred}), the named counts below, and for the
 * provider relations the parts of a count ({@link #withoutProvider}, {@link #pooledPart}, {@link #regionalPools}).
 * Its name is the last part of a disclosure variable's name ({@code 2024H1|gemeente|GM0363|PLAN}).
 */
public final class Quantity {

    private static final List<Quantity> ALL = new ArrayList<>();
    private static final int CATEGORIES = Indicator.CATEGORIES.size();

    /** The families of quantities; a named quantity is in none. */
    private enum Family {
        NAMED,
        ACTIVE,
        STARTED,
        ENDED,
        CARRIED,
        REFERRED,
        NOT_REFERRED,
        PROVIDER_PART,
        INSTROOM_STATE,
        INSTROOM_REST,
        INSTROOM_STEP
    }

    private final String name;
    private final int index;
    private final Family family;
    /** The soort category of a trajectory count or a carried count; -1 otherwise. */
    private final int category;
    /** The verwijzer of a referred or not-referred count; null otherwise. */
    private final String verwijzer;
    /** The horizon and state of a cohort count ({@link Indicator#INSTROOM_STATE}); -1 otherwise. */
    private final int horizon;

    private final int state;

    private Quantity(String name, Family family, int category, String verwijzer) {
        this(name, family, category, verwijzer, -1, -1);
    }

    private Quantity(String name, Family family, int category, String verwijzer, int horizon, int state) {
        this.name = name;
        this.index = ALL.size();
        this.family = family;
        this.category = category;
        this.verwijzer = verwijzer;
        this.horizon = horizon;
        this.state = state;
        ALL.add(this);
    }

    private Quantity(String name) {
        this(name, Family.NAMED, -1, null);
    }

    private static Quantity[] perCategory(String prefix, Family family) {
        Quantity[] out = new Quantity[CATEGORIES];
        for (int c = 0; c < CATEGORIES; c++) {
            out[c] = new Quantity(prefix + c, family, c, null);
        }
        return out;
    }

    private static Map<String, Quantity> perVerwijzer(String prefix, Family family) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        for (String code : Indicator.VERWIJZERS) {
            out.put(code, new Quantity(prefix + code, family, -1, code));
        }
        return Collections.unmodifiableMap(out);
    }

    private static final Quantity[] ACTIVE = perCategory("A", Family.ACTIVE);
    private static final Quantity[] STARTED = perCategory("S", Family.STARTED);
    private static final Quantity[] ENDED = perCategory("E", Family.ENDED);
    private static final Quantity[] CARRIED = perCategory("CARRY", Family.CARRIED);
    private static final Map<String, Quantity> REFERRED = perVerwijzer("VERW", Family.REFERRED);
    private static final Map<String, Quantity> NOT_REFERRED = perVerwijzer("VERWNOT", Family.NOT_REFERRED);

    /** Jeugdhulp trajectories active, started, ended (zonder, met and onbekend verblijf). */
    public static final Quantity AJH = new Quantity("AJH");

    public static final Quantity SJH = new Quantity("SJH");
    public static final Quantity EJH = new Quantity("EJH");
    /** Active jeugdhulp not met verblijf: the rest of {@code aandeel_met_verblijf}. */
    public static final Quantity A_NOT_MET = new Quantity("A_NOT_MET");
    /** Active jeugdhulp with an AGB code, and the rest. */
    public static final Quantity AGB_A = new Quantity("AGB_A");

    public static final Quantity AGB_NOT = new Quantity("AGB_NOT");
    /** Ended jeugdhulp: volgens plan, voortijdig, and otherwise ({@code EXT}); with their rests. */
    public static final Quantity PLAN = new Quantity("PLAN");

    public static final Quantity PLANNOT = new Quantity("PLANNOT");
    public static final Quantity VOORT = new Quantity("VOORT");
    public static final Quantity VOORTNOT = new Quantity("VOORTNOT");
    public static final Quantity EXT = new Quantity("EXT");
    /** zonder_hulp_verder filled in, yes, no, and not filled in. */
    public static final Quantity ZHV_FILLED = new Quantity("ZHV_FILLED");

    public static final Quantity ZHV_YES = new Quantity("ZHV_YES");
    public static final Quantity ZHV_NO = new Quantity("ZHV_NO");
    public static final Quantity ZHV_NOT = new Quantity("ZHV_NOT");
    /** Ended jeugdhulp with a tevredenheid score, and without. */
    public static final Quantity TEV_N = new Quantity("TEV_N");

    public static final Quantity TEV_NOT = new Quantity("TEV_NOT");
    /** The cohort of geen_nieuwe_hulp_6m, those without new care, the rest, and the youths outside it. */
    public static final Quantity COH = new Quantity("COH");

    public static final Quantity COH_OK = new Quantity("COH_OK");
    public static final Quantity COH_NOT = new Quantity("COH_NOT");
    public static final Quantity COH_OUT = new Quantity("COH_OUT");
    /** Ended jeugdhulp without a new start (CBS definition), and the rest. */
    public static final Quantity CBS_OK = new Quantity("CBS_OK");

    public static final Quantity CBS_NOT = new Quantity("CBS_NOT");
    /** Started jeugdhulp with an aanmelddatum, and without. */
    public static final Quantity WAIT_N = new Quantity("WAIT_N");

    public static final Quantity WAIT_NOT = new Quantity("WAIT_NOT");
    /** Distinct youths with active jeugdhulp (jeugdigen_jh), and active trajectories beyond them. */
    public static final Quantity CLIENTS = new Quantity("CLIENTS");

    public static final Quantity CLIENTS_NOT = new Quantity("CLIENTS_NOT");
    /** Of those youths, the ones under 18 (per 1,000), and the rest. */
    public static final Quantity YOUNG = new Quantity("YOUNG");

    public static final Quantity YOUNG_NOT = new Quantity("YOUNG_NOT");
    /** Waiting at the periode's end, more than 9 weeks, and at most 9 weeks. */
    public static final Quantity WACHT = new Quantity("WACHT");

    public static final Quantity WACHT_LANG = new Quantity("WACHT_LANG");
    public static final Quantity WACHT_KORT = new Quantity("WACHT_KORT");

    /** The members of the instroomcohort ({@code instroom_jeugdigen}), and the youths with care beyond them. */
    public static final Quantity INSTROOM = new Quantity("INSTROOM");

    public static final Quantity INSTROOM_NOT = new Quantity("INSTROOM_NOT");

    private static final Quantity[][] INSTROOM_STATES = perHorizonAndState("INSTROOM_", Family.INSTROOM_STATE);
    private static final Quantity[][] INSTROOM_RESTS = perHorizonAndState("INSTROOM_NOT_", Family.INSTROOM_REST);
    /**
     * Per pair of consecutive horizons: those in zorg at the first and no longer at the next, and those back at the next
     * and not yet at the first (in zorg only falls and terug only rises with the horizon).
     */
    private static final Quantity[][] INSTROOM_STEPS = {step(0), step(1)};

    private static Quantity[] step(int h) {
        String horizons = Indicator.INSTROOM_HORIZONS.get(h) + "_" + Indicator.INSTROOM_HORIZONS.get(h + 1);
        return new Quantity[] {
            new Quantity("INSTROOM_LEFT_" + horizons, Family.INSTROOM_STEP, -1, null, h, -1),
            new Quantity("INSTROOM_BACK_" + horizons, Family.INSTROOM_STEP, -1, null, h, -1)
        };
    }

    private static Quantity[][] perHorizonAndState(String prefix, Family family) {
        Quantity[][] out = new Quantity[Indicator.INSTROOM_HORIZONS.size()][Indicator.INSTROOM_STATES.size()];
        for (int h = 0; h < out.length; h++) {
            for (int s = 0; s < out[h].length; s++) {
                out[h][s] = new Quantity(
                        prefix + Indicator.INSTROOM_HORIZONS.get(h) + "_" + Indicator.INSTROOM_STATES.get(s),
                        family,
                        -1,
                        null,
                        h,
                        s);
            }
        }
        return out;
    }

    /**
     * The counts of a provider unit that its published figures bound and that add up (see
     * {@link CountModel#relateProviders}).
     */
    public static final List<Quantity> PROVIDER_ADDITIVE =
            List.of(AJH, EJH, PLAN, VOORT, ZHV_FILLED, ZHV_YES, TEV_N, CBS_OK, WAIT_N);
    /**
     * The cohort counts of the national provider units, which add up to Nederland's with those without a provider
     * (cohorts have no provider unit per jeugdregio).
     */
    public static final List<Quantity> COHORT_PROVIDER_ADDITIVE = cohortCounts();

    private static List<Quantity> cohortCounts() {
        List<Quantity> out = new ArrayList<>();
        out.add(INSTROOM);
        for (Quantity[] horizon : INSTROOM_STATES) {
            out.addAll(List.of(horizon));
        }
        return List.copyOf(out);
    }

    private static final Map<Quantity, Quantity> WITHOUT_PROVIDER =
            parts("NOAGB_", PROVIDER_ADDITIVE, COHORT_PROVIDER_ADDITIVE);
    private static final Map<Quantity, Quantity> POOLED_PART = parts("POOLED_", PROVIDER_ADDITIVE, List.of());
    private static final Map<Quantity, Quantity> REGIONAL_POOLS =
            parts("REGIONAL_POOLS_", PROVIDER_ADDITIVE, List.of());

    private static Map<Quantity, Quantity> parts(String prefix, List<Quantity> counts, List<Quantity> more) {
        Map<Quantity, Quantity> out = new LinkedHashMap<>();
        for (List<Quantity> list : List.of(counts, more)) {
            for (Quantity q : list) {
                out.put(q, new Quantity(prefix + q.name, Family.PROVIDER_PART, -1, null));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Members of the cohort in state s ({@link Indicator#INSTROOM_STATES}) at horizon h. */
    public static Quantity instroomState(int h, int s) {
        return INSTROOM_STATES[h][s];
    }

    /** The members of the cohort not in state s at horizon h. */
    public static Quantity instroomRest(int h, int s) {
        return INSTROOM_RESTS[h][s];
    }

    /** In zorg at horizon h and no longer at h + 1 (the in-zorg count only falls with the horizon). */
    public static Quantity instroomLeft(int h) {
        return INSTROOM_STEPS[h][0];
    }

    /** Back at horizon h + 1 and not yet at h (the terug count only rises). */
    public static Quantity instroomBack(int h) {
        return INSTROOM_STEPS[h][1];
    }

    /** The horizon of a cohort state or rest count, or the first of a step's two; -1 for any other. */
    public int horizon() {
        return horizon;
    }

    /** The state of a cohort state or rest count; -1 for any other. */
    public int state() {
        return state;
    }

    /** Is this a rest of a cohort state ({@link #instroomRest})? */
    public boolean isInstroomRest() {
        return family == Family.INSTROOM_REST;
    }

    /** Is this a step between horizons ({@link #instroomLeft}, {@link #instroomBack})? */
    public boolean isInstroomStep() {
        return family == Family.INSTROOM_STEP;
    }

    /** Trajectories of soort category {@code c} of {@link Indicator#CATEGORIES} active in the periode. */
    public static Quantity active(int c) {
        return ACTIVE[c];
    }

    public static Quantity started(int c) {
        return STARTED[c];
    }

    public static Quantity ended(int c) {
        return ENDED[c];
    }

    /** Active in the periode before and not ended in it: carried into the periode. */
    public static Quantity carried(int c) {
        return CARRIED[c];
    }

    /** Started jeugdhulp referred by verwijzer {@code code}, and the rest. */
    public static Quantity referred(String code) {
        return REFERRED.get(code);
    }

    public static Quantity notReferred(String code) {
        return NOT_REFERRED.get(code);
    }

    /** The part of a jeugdregio's or Nederland's count without a provider (no AGB code). */
    public static Quantity withoutProvider(Quantity q) {
        return WITHOUT_PROVIDER.get(q);
    }

    /** The part of a national provider unit's count in the regions' pooled units (indicators v1.3). */
    public static Quantity pooledPart(Quantity q) {
        return POOLED_PART.get(q);
    }

    /** On the national pooled unit: the sum of every region's pooled unit. */
    public static Quantity regionalPools(Quantity q) {
        return REGIONAL_POOLS.get(q);
    }

    /** The trajectory count family of a quantity: 0 active, 1 started, 2 ended; -1 for any other. */
    public int trajectoryKind() {
        return switch (family) {
            case ACTIVE -> 0;
            case STARTED -> 1;
            case ENDED -> 2;
            default -> -1;
        };
    }

    /** The soort category of an active, started, ended or carried count; -1 for any other. */
    public int category() {
        return category;
    }

    /** Is this a carried count ({@link #carried})? */
    public boolean isCarried() {
        return family == Family.CARRIED;
    }

    /** The verwijzer of a referred or not-referred count, or null. */
    public String verwijzer() {
        return verwijzer;
    }

    /** Is this a not-referred count ({@link #notReferred})? */
    public boolean isNotReferred() {
        return family == Family.NOT_REFERRED;
    }

    /** Is this a part of a provider relation's count (without provider, pooled part, regional pools)? */
    public boolean isProviderPart() {
        return family == Family.PROVIDER_PART;
    }

    /** How many quantities there are: {@link #index()} is below this. */
    static int count() {
        return ALL.size();
    }

    /** A small number, unique per quantity: a unit's variables sit in one array. */
    int index() {
        return index;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
