package nl.jeugdspiegel.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The catalogue of indicators of docs/indicatoren.md, in table order, and the single source of what each one is: its
 * id, kind, Dutch title, the unit it is measured in, whether it is an outcome (what care achieved) or an output (what
 * was delivered), whether it needs the follow-up half-year, which direction is better, and the levels at which it is
 * computed. The engine computes by it, the signals and the report read it; code names an indicator by its constant
 * here, never by its id as a string.
 */
public record Indicator(
        String id,
        Kind kind,
        String titel,
        String eenheid,
        boolean outcome,
        boolean followUp,
        Better better,
        Set<Niveau> niveaus) {

    /** How teller, noemer and waarde relate (definitions: "teller / noemer per kind of indicator"). */
    public enum Kind {
        /** waarde = teller = a count; no noemer. */
        COUNT("aantal"),
        /** waarde = teller / noemer, a fraction in [0,1], with a Wilson interval. */
        SHARE("percentage"),
        /** waarde = 1000 × teller / noemer (youths per 1,000 inhabitants aged 0–17). */
        PER_1000("per 1.000 jeugdigen"),
        /** waarde = an interpolated quantile of noemer observations; no teller. */
        QUANTILE("dagen"),
        /** waarde = teller / noemer, the mean of noemer scores. */
        MEAN("score 1–10"),
        /** waarde = euros (teller) per youth (noemer). */
        AMOUNT("euro"),
        /** waarde = observed (teller) / expected (noemer). */
        RATIO("waargenomen / verwacht");

        private final String eenheid;

        Kind(String eenheid) {
            this.eenheid = eenheid;
        }
    }

    /**
     * Which direction of the value is better. Only indicators with a direction are signalled (indicators v1.2
     * "signals"); for the others (counts, the duration: "zo lang als nodig") a higher value is neither good nor bad.
     */
    public enum Better {
        HIGHER,
        LOWER,
        NEITHER
    }

    /** The four soort categories of the trajectory counts. */
    public static final List<String> CATEGORIES = List.of(
            "jeugdhulp_zonder_verblijf",
            "jeugdhulp_met_verblijf",
            "jeugdhulp_verblijf_onbekend",
            "jeugdbescherming",
            "jeugdreclassering");
    /** BIJ verwijzer codes. */
    public static final List<String> VERWIJZERS = List.of("01", "02", "03", "04", "05", "06", "08");
    /** The names of the {@link #VERWIJZERS} codes, in the same order. */
    public static final List<String> VERWIJZER_NAMEN = List.of(
            "gemeentelijke toegang",
            "huisarts",
            "jeugdarts",
            "gecertificeerde instelling",
            "medisch specialist",
            "geen verwijzer",
            "rechter, OvJ of JJI");

    private static final Set<Niveau> MUNICIPAL = Collections.unmodifiableSet(
            EnumSet.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND));
    private static final Set<Niveau> EVERY = Collections.unmodifiableSet(EnumSet.allOf(Niveau.class));

    private static final List<Indicator> CATALOGUE = new ArrayList<>();

    public static final Indicator JEUGDIGEN_JH = add("jeugdigen_jh", Kind.COUNT, "Jeugdigen met jeugdhulp", EVERY);
    public static final Indicator JEUGDIGEN_JH_PER_1000 = add(
            "jeugdigen_jh_per_1000",
            Kind.PER_1000,
            "Jeugdigen met jeugdhulp per 1.000 jeugdigen (0–17 jaar)",
            MUNICIPAL);
    /** Lopende, gestarte and beëindigde trajecten per {@link #CATEGORIES category}. */
    public static final List<Indicator> TRAJECTEN_ACTIEF = trajectCounts("trajecten_actief", "Lopende trajecten ");

    public static final List<Indicator> TRAJECTEN_GESTART = trajectCounts("trajecten_gestart", "Gestarte trajecten ");
    public static final List<Indicator> TRAJECTEN_BEEINDIGD =
            trajectCounts("trajecten_beeindigd", "Beëindigde trajecten ");
    /** The three trajectory counts per category: lopende, gestarte, beëindigde (each a breakdown by category). */
    public static final List<List<Indicator>> TRAJECT_COUNTS =
            List.of(TRAJECTEN_ACTIEF, TRAJECTEN_GESTART, TRAJECTEN_BEEINDIGD);

    public static final Indicator AANDEEL_MET_VERBLIJF =
            add("aandeel_met_verblijf", Kind.SHARE, "Aandeel jeugdhulp met verblijf", MUNICIPAL);
    public static final Indicator AANDEEL_MET_AANBIEDER =
            add("aandeel_met_aanbieder", Kind.SHARE, "Aandeel lopende jeugdhulp met bekende aanbieder", MUNICIPAL);
    public static final Indicator DUUR_MEDIAAN_DAGEN =
            add("duur_mediaan_dagen", Kind.QUANTILE, "Mediane duur beëindigde jeugdhulp (dagen)", EVERY);
    public static final Indicator WACHTTIJD_MEDIAAN_DAGEN = add(new Indicator(
            "wachttijd_mediaan_dagen",
            Kind.QUANTILE,
            "Mediane wachttijd tot start jeugdhulp (dagen)",
            Kind.QUANTILE.eenheid,
            false,
            false,
            Better.LOWER,
            EVERY));
    public static final Indicator WACHTTIJD_P90_DAGEN =
            add("wachttijd_p90_dagen", Kind.QUANTILE, "Wachttijd waarbinnen 90% start (dagen)", MUNICIPAL);
    public static final Indicator WACHTEND_EINDE_PERIODE = add(
            "wachtend_einde_periode",
            Kind.COUNT,
            "Jeugdigen die op de laatste dag van het halfjaar wachten op jeugdhulp (iJw)",
            MUNICIPAL);
    public static final Indicator WACHTEND_LANGER_DAN_9_WEKEN = add(
            "wachtend_langer_dan_9_weken",
            Kind.COUNT,
            "Jeugdigen die dan langer dan 9 weken wachten (Treeknorm, iJw)",
            MUNICIPAL);
    /** The share of started jeugdhulp per {@link #VERWIJZERS verwijzer}. */
    public static final List<Indicator> VERWIJZER = verwijzers();

    public static final Indicator KOSTEN_PER_JEUGDIGE =
            add("kosten_per_jeugdige", Kind.AMOUNT, "Kosten jeugdhulp per jeugdige (euro)", MUNICIPAL);
    public static final Indicator BEEINDIGD_VOLGENS_PLAN =
            outcome("beeindigd_volgens_plan", Kind.SHARE, "Jeugdhulp beëindigd volgens plan", false, Better.HIGHER);
    public static final Indicator VOORTIJDIG_BEEINDIGD =
            outcome("voortijdig_beeindigd", Kind.SHARE, "Jeugdhulp voortijdig beëindigd", false, Better.LOWER);
    public static final Indicator ZONDER_HULP_VERDER = outcome(
            "zonder_hulp_verder", Kind.SHARE, "Cliënt kan zonder (zwaardere) hulp verder", false, Better.HIGHER);
    public static final Indicator ZONDER_HULP_VERDER_RESPONS = outcome(
            "zonder_hulp_verder_respons",
            Kind.SHARE,
            "Respons: oordeel zonder hulp verder gevraagd",
            false,
            Better.NEITHER);
    public static final Indicator TEVREDENHEID_GEMIDDELD =
            outcome("tevredenheid_gemiddeld", Kind.MEAN, "Gemiddelde tevredenheid (1–10)", false, Better.HIGHER);
    public static final Indicator TEVREDENHEID_RESPONS =
            outcome("tevredenheid_respons", Kind.SHARE, "Respons: tevredenheid gevraagd", false, Better.NEITHER);
    public static final Indicator GEEN_NIEUWE_HULP_6M = add(new Indicator(
            "geen_nieuwe_hulp_6m",
            Kind.SHARE,
            "Geen nieuwe jeugdhulp binnen 6 maanden na afronding volgens plan",
            Kind.SHARE.eenheid,
            true,
            true,
            Better.HIGHER,
            MUNICIPAL));
    public static final Indicator GEEN_NIEUWE_START_CBS = outcome(
            "geen_nieuwe_start_cbs",
            Kind.SHARE,
            "Geen nieuwe start jeugdhulp tot einde volgend halfjaar (CBS-variant)",
            true,
            Better.HIGHER);
    public static final Indicator OE_VOLGENS_PLAN = outcome(
            "oe_volgens_plan",
            Kind.RATIO,
            "Volgens plan beëindigd: waargenomen / verwacht (case-mix)",
            false,
            Better.HIGHER);

    /** The horizons of the instroomcohorten in their ids (181, 365 and 730 days after the start). */
    public static final List<String> INSTROOM_HORIZONS = List.of("6m", "12m", "24m");
    /** The names of the {@link #INSTROOM_HORIZONS}, in the same order. */
    public static final List<String> INSTROOM_HORIZON_NAMEN = List.of("6 maanden", "12 maanden", "24 maanden");
    /** Where a member of a cohort is at a horizon (indicators v1.3); the four add up to the cohort. */
    public static final List<String> INSTROOM_STATES = List.of("in_zorg", "terug", "uit_volgens_plan", "uit_anders");
    /** The names of the {@link #INSTROOM_STATES}, in the same order. */
    public static final List<String> INSTROOM_STATE_NAMEN =
            List.of("in zorg", "teruggekomen", "gestopt volgens plan", "gestopt anders");

    private static final Set<Niveau> COHORT_LEVELS = Collections.unmodifiableSet(
            EnumSet.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND, Niveau.AANBIEDER));

    /** The members of the instroomcohort of P: youths whose first episode of jeugdhulp in P started then. */
    public static final Indicator INSTROOM_JEUGDIGEN = add(new Indicator(
            "instroom_jeugdigen",
            Kind.COUNT,
            "Jeugdigen die in het halfjaar met jeugdhulp begonnen (instroomcohort)",
            Kind.COUNT.eenheid,
            true,
            false,
            Better.NEITHER,
            COHORT_LEVELS));
    /** Per horizon ({@link #INSTROOM_HORIZONS}) the shares of the cohort per state ({@link #INSTROOM_STATES}). */
    public static final List<List<Indicator>> INSTROOM_STATE = instroomStates();

    public static final Indicator INSTROOM_DUUR_KM_MEDIAAN_DAGEN = add(new Indicator(
            "instroom_duur_km_mediaan_dagen",
            Kind.QUANTILE,
            "Mediane duur van de eerste hulpperiode na de start (Kaplan–Meier, dagen)",
            Kind.QUANTILE.eenheid,
            true,
            false,
            Better.NEITHER,
            COHORT_LEVELS));
    /** The instroomcohort indicators, in catalogue order. */
    public static final List<Indicator> INSTROOM = Stream.concat(
                    Stream.concat(
                            Stream.of(INSTROOM_JEUGDIGEN),
                            INSTROOM_STATE.stream().flatMap(List::stream)),
                    Stream.of(INSTROOM_DUUR_KM_MEDIAAN_DAGEN))
            .toList();

    /** Every indicator of the site and the definitions' table, in catalogue order. */
    public static final List<Indicator> ALL = Collections.unmodifiableList(new ArrayList<>(CATALOGUE));

    /**
     * Woonplaatsbeginsel overlap (issue 16): youths whose jeugdhulp this gemeente delivered for a day on which another
     * municipality delivered jeugdhulp for them too. In the indicator tables for the gemeente and higher levels, but
     * not in {@link #ALL}: the site shows only its national and regional totals, on the methode page.
     */
    public static final Indicator DUBBEL_GELEVERD = new Indicator(
            "dubbel_geleverd",
            Kind.COUNT,
            "Jeugdigen met jeugdhulp die ook door een andere gemeente is geleverd",
            Kind.COUNT.eenheid,
            false,
            false,
            Better.NEITHER,
            MUNICIPAL);

    /**
     * The indicators of the provider levels (indicators v1.2 "providers"), in catalogue order: the jeugdhulp trajectory
     * counts, youths, the outcomes, duration and waiting time, geen nieuwe start (CBS) and O/E. Not per 1,000, kosten,
     * verwijzers, geen_nieuwe_hulp_6m, the waiting counts or the shares of verblijf and of a known provider.
     */
    public static final List<Indicator> PROVIDER =
            ALL.stream().filter(i -> i.niveaus.contains(Niveau.AANBIEDER)).toList();

    /**
     * The indicators signalled (those with a direction of better): the outcomes, then the others, each in catalogue
     * order. The signal tables and the pages list signals in this order.
     */
    public static final List<Indicator> SIGNALLED = Stream.concat(
                    ALL.stream().filter(i -> i.outcome && i.better != Better.NEITHER),
                    ALL.stream().filter(i -> !i.outcome && i.better != Better.NEITHER))
            .toList();

    private static final Map<String, Indicator> BY_ID = new HashMap<>();

    static {
        for (Indicator i : ALL) {
            BY_ID.put(i.id, i);
        }
        BY_ID.put(DUBBEL_GELEVERD.id, DUBBEL_GELEVERD);
    }

    public Indicator {
        niveaus = Collections.unmodifiableSet(EnumSet.copyOf(niveaus));
    }

    private static Indicator add(Indicator indicator) {
        CATALOGUE.add(indicator);
        return indicator;
    }

    private static Indicator add(String id, Kind kind, String titel, Set<Niveau> niveaus) {
        return add(new Indicator(id, kind, titel, kind.eenheid, false, false, Better.NEITHER, niveaus));
    }

    /** An outcome of jeugdhulp, computed at every level. */
    private static Indicator outcome(String id, Kind kind, String titel, boolean followUp, Better better) {
        return add(new Indicator(id, kind, titel, kind.eenheid, true, followUp, better, EVERY));
    }

    private static List<Indicator> trajectCounts(String prefix, String titel) {
        String[] categoryTitles = {
            "jeugdhulp zonder verblijf",
            "jeugdhulp met verblijf",
            "jeugdhulp (verblijf onbekend)",
            "jeugdbescherming",
            "jeugdreclassering"
        };
        List<Indicator> out = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.size(); c++) {
            // the providers deliver jeugdhulp; jeugdbescherming and -reclassering are counted per municipality only
            Set<Niveau> niveaus = CATEGORIES.get(c).startsWith("jeugdhulp") ? EVERY : MUNICIPAL;
            out.add(add(prefix + "." + CATEGORIES.get(c), Kind.COUNT, titel + categoryTitles[c], niveaus));
        }
        return List.copyOf(out);
    }

    private static List<Indicator> verwijzers() {
        List<Indicator> out = new ArrayList<>();
        for (int v = 0; v < VERWIJZERS.size(); v++) {
            out.add(add(
                    "verwijzer." + VERWIJZERS.get(v),
                    Kind.SHARE,
                    "Aandeel gestarte jeugdhulp verwezen door " + VERWIJZER_NAMEN.get(v),
                    MUNICIPAL));
        }
        return List.copyOf(out);
    }

    private static List<List<Indicator>> instroomStates() {
        List<List<Indicator>> out = new ArrayList<>();
        for (int h = 0; h < INSTROOM_HORIZONS.size(); h++) {
            List<Indicator> horizon = new ArrayList<>();
            for (int s = 0; s < INSTROOM_STATES.size(); s++) {
                horizon.add(add(new Indicator(
                        "instroom_" + INSTROOM_HORIZONS.get(h) + "_" + INSTROOM_STATES.get(s),
                        Kind.SHARE,
                        "Instroomcohort na " + INSTROOM_HORIZON_NAMEN.get(h) + ": " + INSTROOM_STATE_NAMEN.get(s),
                        Kind.SHARE.eenheid,
                        true,
                        false,
                        Better.NEITHER,
                        COHORT_LEVELS)));
            }
            out.add(List.copyOf(horizon));
        }
        return List.copyOf(out);
    }

    /** Is this indicator computed at the provider levels? */
    public boolean forProviders() {
        return niveaus.contains(Niveau.AANBIEDER);
    }

    /** Is this indicator computed at niveau {@code n}? */
    public boolean at(Niveau n) {
        return niveaus.contains(n);
    }

    /** Is it signalled, that is: does it have a direction of better? */
    public boolean signalled() {
        return better != Better.NEITHER;
    }

    /** The indicator with this id; an {@link IllegalArgumentException} for an unknown id. */
    public static Indicator byId(String id) {
        Indicator i = BY_ID.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no indicator " + id);
        }
        return i;
    }

    /** Indicators are the catalogue's constants: the same id is the same indicator. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Indicator i && i.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** The id, as the tables write it. */
    @Override
    public String toString() {
        return id;
    }
}
