package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;

/**
 * What a gemeente page says after its signals: "Wat kunt u hiermee?" (the signals turned into the next questions: which
 * providers, which age group, which form of care) and why the share ended volgens plan and its O/E ratio can disagree.
 */
final class NextQuestions {

    private NextQuestions() {}

    private static final String PROVIDERS =
            "Bij welke aanbieders? Zie 'Uw aanbieders' hieronder en hun eigen pagina's.";
    private static final String CARE_FORM =
            "Bij welke vorm van hulp? Vergelijk de trajecten met en zonder verblijf onder "
                    + "'Wat is er geleverd?' met die van de jeugdregio.";
    private static final String AGE =
            "Bij welke jeugdigen? De O/E-verhouding rekent met leeftijd, geslacht en verblijf: "
                    + "wijkt die niet af, dan verklaart de samenstelling van de jeugdigen het verschil.";

    /** The next questions for a gemeente or jeugdregio, from its signals; general ones when it has none. */
    static List<String> of(ReportData data, Unit unit) {
        Set<String> questions = new LinkedHashSet<>();
        for (Indicator indicator : Indicator.SIGNALLED) {
            Periode p = PageParts.periodeFor(data, indicator);
            for (SignalRows.Signal s : data.signals(p, unit)) {
                if (s.indicator().equals(indicator)) {
                    questions.addAll(questions(indicator, s));
                }
            }
        }
        if (questions.isEmpty()) {
            questions.add("Geen uitkomst wijkt af van wat verwacht mag worden. Hoe verhouden uw aanbieders zich tot "
                    + "elkaar? Zie 'Uw aanbieders'.");
            questions.add("Blijft dat zo? De grafieken onder 'Ontwikkeling' tonen elk halfjaar naast de jeugdregio en "
                    + "Nederland.");
        }
        return new ArrayList<>(questions);
    }

    private static List<String> questions(Indicator indicator, SignalRows.Signal s) {
        boolean worse = SignalRows.SLECHTER.equals(s.richting());
        List<String> out = new ArrayList<>();
        if (s.soort() == SignalRows.Soort.TREND) {
            out.add(indicator.titel() + " wordt al vijf of meer halfjaren steeds " + (worse ? "slechter" : "beter")
                    + ": welk beleid of welke verandering in het aanbod valt daarmee samen?");
            return out;
        }
        if (!s.afwijking()) {
            out.add(indicator.titel() + " is " + (worse ? "verslechterd" : "verbeterd") + " sinds vorig jaar: wat "
                    + "veranderde er (inkoop, toegang, nieuwe of vertrokken aanbieders)?");
            return out;
        }
        if (!worse) {
            out.add(indicator.titel() + " is beter dan verwacht: wat werkt hier, en bij welke aanbieders? Deel het met "
                    + "de jeugdregio.");
            return out;
        }
        if (indicator.equals(Indicator.BEEINDIGD_VOLGENS_PLAN)
                || indicator.equals(Indicator.VOORTIJDIG_BEEINDIGD)
                || indicator.equals(Indicator.OE_VOLGENS_PLAN)) {
            out.add("Minder hulp eindigt volgens plan dan verwacht. " + PROVIDERS);
            out.add(CARE_FORM);
            out.add(AGE);
        } else if (indicator.equals(Indicator.GEEN_NIEUWE_HULP_6M)
                || indicator.equals(Indicator.GEEN_NIEUWE_START_CBS)) {
            out.add("Meer jeugdigen hebben na de hulp opnieuw hulp nodig. Na welke hulp, en bij welke aanbieders? Zie "
                    + "'Uw aanbieders' (kolom geen nieuwe start).");
            out.add(CARE_FORM);
        } else if (indicator.equals(Indicator.TEVREDENHEID_GEMIDDELD)) {
            out.add(
                    "Jeugdigen en ouders zijn minder tevreden dan elders. Wat zeggen de cliëntervaringen per aanbieder?");
        } else {
            out.add(indicator.titel() + " is slechter dan verwacht. " + PROVIDERS);
        }
        return out;
    }

    /**
     * Why the share ended volgens plan and its O/E ratio tell different stories, when their signals disagree; empty
     * when they agree.
     */
    static List<String> shareAndRatio(ReportData data, Unit unit) {
        Periode p = PageParts.periodeFor(data, Indicator.OE_VOLGENS_PLAN);
        SignalRows.Signal share = deviation(data, p, unit, Indicator.BEEINDIGD_VOLGENS_PLAN);
        SignalRows.Signal ratio = deviation(data, p, unit, Indicator.OE_VOLGENS_PLAN);
        if (share != null && ratio == null) {
            return List.of("Het aandeel beëindigd volgens plan wijkt af van Nederland, maar de O/E-verhouding niet. "
                    + "O/E vergelijkt met wat bij dezelfde leeftijden, geslachten en verblijf verwacht mag worden: het "
                    + "verschil komt dus vooral door wie er hulp krijgt, niet door hoe de hulp afloopt.");
        }
        if (share == null && ratio != null) {
            return List.of("De O/E-verhouding wijkt af, het ruwe aandeel beëindigd volgens plan niet. Bij deze "
                    + "jeugdigen (leeftijd, geslacht, verblijf) mocht een ander aandeel worden verwacht: de O/E is hier "
                    + "de eerlijkere vergelijking.");
        }
        if (share != null && !share.richting().equals(ratio.richting())) {
            return List.of("Het aandeel volgens plan en de O/E-verhouding wijken in tegengestelde richting af: de "
                    + "samenstelling van de jeugdigen (leeftijd, geslacht, verblijf) verklaart meer dan het hele "
                    + "verschil. Houd de O/E aan.");
        }
        return List.of();
    }

    private static SignalRows.Signal deviation(ReportData data, Periode p, Unit unit, Indicator indicator) {
        return data.signals(p, unit).stream()
                .filter(s -> s.indicator().equals(indicator) && s.afwijking())
                .findFirst()
                .orElse(null);
    }
}
