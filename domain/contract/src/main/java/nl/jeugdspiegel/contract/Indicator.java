package nl.jeugdspiegel.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of indicators of docs/indicatoren.md, in table order: id, kind, Dutch title and whether
 * it is an outcome (what care achieved) or an output (what was delivered).
 */
public record Indicator(String id, Kind kind, String titel, boolean outcome, boolean followUp) {

    /** How teller, noemer and waarde relate (definitions: "teller / noemer per kind of indicator"). */
    public enum Kind {
        /** waarde = teller = a count; no noemer. */
        COUNT,
        /** waarde = teller / noemer, a fraction in [0,1], with a Wilson interval. */
        SHARE,
        /** waarde = 1000 × teller / noemer (youths per 1,000 inhabitants aged 0–17). */
        PER_1000,
        /** waarde = an interpolated quantile of noemer observations; no teller. */
        QUANTILE,
        /** waarde = teller / noemer, the mean of noemer scores. */
        MEAN,
        /** waarde = euros (teller) per youth (noemer). */
        AMOUNT,
        /** waarde = observed (teller) / expected (noemer). */
        RATIO
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

    public static final List<Indicator> ALL;

    /**
     * Woonplaatsbeginsel overlap (issue 16): youths whose jeugdhulp this gemeente delivered for a day on which another
     * municipality delivered jeugdhulp for them too. In the indicator tables for the gemeente and higher levels, but
     * not in {@link #ALL}: the site shows only its national and regional totals, on the methode page.
     */
    public static final Indicator DUBBEL_GELEVERD = new Indicator(
            "dubbel_geleverd",
            Kind.COUNT,
            "Jeugdigen met jeugdhulp die ook door een andere gemeente is geleverd",
            false,
            false);

    /**
     * The indicators of the provider levels (indicators v1.2 "providers"), in catalogue order: the jeugdhulp trajectory
     * counts, youths, the outcomes, duration and waiting time, geen nieuwe start (CBS) and O/E. Not per 1,000, kosten,
     * verwijzers, geen_nieuwe_hulp_6m, the waiting counts or the shares of verblijf and of a known provider.
     */
    public static final List<Indicator> PROVIDER;

    private static final Set<String> PROVIDER_IDS = Set.of(
            "jeugdigen_jh",
            "trajecten_actief.jeugdhulp_zonder_verblijf",
            "trajecten_actief.jeugdhulp_met_verblijf",
            "trajecten_actief.jeugdhulp_verblijf_onbekend",
            "trajecten_gestart.jeugdhulp_zonder_verblijf",
            "trajecten_gestart.jeugdhulp_met_verblijf",
            "trajecten_gestart.jeugdhulp_verblijf_onbekend",
            "trajecten_beeindigd.jeugdhulp_zonder_verblijf",
            "trajecten_beeindigd.jeugdhulp_met_verblijf",
            "trajecten_beeindigd.jeugdhulp_verblijf_onbekend",
            "duur_mediaan_dagen",
            "wachttijd_mediaan_dagen",
            "beeindigd_volgens_plan",
            "voortijdig_beeindigd",
            "zonder_hulp_verder",
            "zonder_hulp_verder_respons",
            "tevredenheid_gemiddeld",
            "tevredenheid_respons",
            "geen_nieuwe_start_cbs",
            "oe_volgens_plan");

    static {
        List<Indicator> all = new ArrayList<>();
        all.add(new Indicator("jeugdigen_jh", Kind.COUNT, "Jeugdigen met jeugdhulp", false, false));
        all.add(new Indicator(
                "jeugdigen_jh_per_1000",
                Kind.PER_1000,
                "Jeugdigen met jeugdhulp per 1.000 jeugdigen (0–17 jaar)",
                false,
                false));
        String[] categoryTitles = {
            "jeugdhulp zonder verblijf",
            "jeugdhulp met verblijf",
            "jeugdhulp (verblijf onbekend)",
            "jeugdbescherming",
            "jeugdreclassering"
        };
        for (int c = 0; c < CATEGORIES.size(); c++) {
            all.add(new Indicator(
                    "trajecten_actief." + CATEGORIES.get(c),
                    Kind.COUNT,
                    "Lopende trajecten " + categoryTitles[c],
                    false,
                    false));
        }
        for (int c = 0; c < CATEGORIES.size(); c++) {
            all.add(new Indicator(
                    "trajecten_gestart." + CATEGORIES.get(c),
                    Kind.COUNT,
                    "Gestarte trajecten " + categoryTitles[c],
                    false,
                    false));
        }
        for (int c = 0; c < CATEGORIES.size(); c++) {
            all.add(new Indicator(
                    "trajecten_beeindigd." + CATEGORIES.get(c),
                    Kind.COUNT,
                    "Beëindigde trajecten " + categoryTitles[c],
                    false,
                    false));
        }
        all.add(new Indicator("aandeel_met_verblijf", Kind.SHARE, "Aandeel jeugdhulp met verblijf", false, false));
        all.add(new Indicator(
                "aandeel_met_aanbieder", Kind.SHARE, "Aandeel lopende jeugdhulp met bekende aanbieder", false, false));
        all.add(new Indicator(
                "duur_mediaan_dagen", Kind.QUANTILE, "Mediane duur beëindigde jeugdhulp (dagen)", false, false));
        all.add(new Indicator(
                "wachttijd_mediaan_dagen",
                Kind.QUANTILE,
                "Mediane wachttijd tot start jeugdhulp (dagen)",
                false,
                false));
        all.add(new Indicator(
                "wachttijd_p90_dagen", Kind.QUANTILE, "Wachttijd waarbinnen 90% start (dagen)", false, false));
        all.add(new Indicator(
                "wachtend_einde_periode",
                Kind.COUNT,
                "Jeugdigen die op de laatste dag van het halfjaar wachten op jeugdhulp (iJw)",
                false,
                false));
        all.add(new Indicator(
                "wachtend_langer_dan_9_weken",
                Kind.COUNT,
                "Jeugdigen die dan langer dan 9 weken wachten (Treeknorm, iJw)",
                false,
                false));
        String[] verwijzerTitles = {
            "gemeentelijke toegang",
            "huisarts",
            "jeugdarts",
            "gecertificeerde instelling",
            "medisch specialist",
            "geen verwijzer",
            "rechter, OvJ of JJI"
        };
        for (int v = 0; v < VERWIJZERS.size(); v++) {
            all.add(new Indicator(
                    "verwijzer." + VERWIJZERS.get(v),
                    Kind.SHARE,
                    "Aandeel gestarte jeugdhulp verwezen door " + verwijzerTitles[v],
                    false,
                    false));
        }
        all.add(new Indicator(
                "kosten_per_jeugdige", Kind.AMOUNT, "Kosten jeugdhulp per jeugdige (euro)", false, false));
        all.add(new Indicator("beeindigd_volgens_plan", Kind.SHARE, "Jeugdhulp beëindigd volgens plan", true, false));
        all.add(new Indicator("voortijdig_beeindigd", Kind.SHARE, "Jeugdhulp voortijdig beëindigd", true, false));
        all.add(new Indicator(
                "zonder_hulp_verder", Kind.SHARE, "Cliënt kan zonder (zwaardere) hulp verder", true, false));
        all.add(new Indicator(
                "zonder_hulp_verder_respons", Kind.SHARE, "Respons: oordeel zonder hulp verder gevraagd", true, false));
        all.add(new Indicator("tevredenheid_gemiddeld", Kind.MEAN, "Gemiddelde tevredenheid (1–10)", true, false));
        all.add(new Indicator("tevredenheid_respons", Kind.SHARE, "Respons: tevredenheid gevraagd", true, false));
        all.add(new Indicator(
                "geen_nieuwe_hulp_6m",
                Kind.SHARE,
                "Geen nieuwe jeugdhulp binnen 6 maanden na afronding volgens plan",
                true,
                true));
        all.add(new Indicator(
                "geen_nieuwe_start_cbs",
                Kind.SHARE,
                "Geen nieuwe start jeugdhulp tot einde volgend halfjaar (CBS-variant)",
                true,
                true));
        all.add(new Indicator(
                "oe_volgens_plan",
                Kind.RATIO,
                "Volgens plan beëindigd: waargenomen / verwacht (case-mix)",
                true,
                false));
        ALL = Collections.unmodifiableList(all);
        List<Indicator> provider = new ArrayList<>();
        for (Indicator i : all) {
            if (PROVIDER_IDS.contains(i.id)) {
                provider.add(i);
            }
        }
        PROVIDER = Collections.unmodifiableList(provider);
    }

    /** Is this indicator computed at the provider levels? */
    public boolean forProviders() {
        return PROVIDER_IDS.contains(id);
    }

    /** Is the indicator with this id computed at the provider levels? */
    public static boolean providerIndicator(String id) {
        return PROVIDER_IDS.contains(id);
    }

    public static Indicator byId(String id) {
        if (DUBBEL_GELEVERD.id.equals(id)) {
            return DUBBEL_GELEVERD;
        }
        for (Indicator i : ALL) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no indicator " + id);
    }
}
