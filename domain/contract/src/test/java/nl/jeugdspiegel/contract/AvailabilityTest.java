package nl.jeugdspiegel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reason of the receipt's publicatie block, with the figures it quotes. */
class AvailabilityTest {

    /** 100 JH rows, all filled: 40 started (all with aanmelddatum), 30 ended (20 volgens plan, all responses). */
    private static final Availability.Counts FULL = new Availability.Counts(100, 100, 40, 40, 30, 20, 30, 30, true);

    @Test
    void aFullIjwDeliveryLeavesNothing() {
        assertEquals(List.of(), Availability.unavailable(FULL));
    }

    @Test
    void kostenBelowNinetyPercentQuotesBothFigures() {
        Availability.Unavailable u = only(new Availability.Counts(100, 72, 40, 40, 30, 20, 30, 30, true));
        assertEquals(List.of("kosten_per_jeugdige"), ids(u));
        assertEquals(
                "kosten zijn ingevuld bij 72% van de jeugdhulpregels; de regel vraagt minstens 90% (0 telt als ingevuld)",
                u.reden());
        // 89.6 % is not shown as the 90 % the rule needs
        assertTrue(only(new Availability.Counts(1000, 896, 40, 40, 30, 20, 30, 30, true))
                .reden()
                .contains("bij 89%"));
        assertTrue(Availability.kostenAvailable(10, 9));
        assertFalse(Availability.kostenAvailable(10, 8));
        assertFalse(Availability.kostenAvailable(0, 0));
    }

    @Test
    void noAanmelddatumMeansNoWaitingTime() {
        Availability.Unavailable u = only(new Availability.Counts(100, 100, 40, 0, 30, 20, 30, 30, true));
        assertEquals(List.of("wachttijd_mediaan_dagen", "wachttijd_p90_dagen"), ids(u));
        assertTrue(u.reden().contains("geen van de 40 jeugdhulptrajecten"), u.reden());
    }

    @Test
    void aCsvDeliveryDoesNotTellWhoWaits() {
        Availability.Unavailable u = only(new Availability.Counts(100, 100, 40, 40, 30, 20, 30, 30, false));
        assertEquals(List.of("wachtend_einde_periode", "wachtend_langer_dan_9_weken"), ids(u));
        assertTrue(u.reden().contains("iJw-berichten"));
    }

    @Test
    void noStartsMeansNoVerwijzerAndNoWaitingTime() {
        List<Availability.Unavailable> all =
                Availability.unavailable(new Availability.Counts(100, 100, 0, 0, 30, 20, 30, 30, true));
        assertEquals(2, all.size());
        assertTrue(all.get(0)
                .reden()
                .startsWith("er is in dit halfjaar geen jeugdhulp gestart, dus is er geen wachttijd"));
        assertEquals(7, all.get(1).indicatoren().size());
        assertTrue(ids(all.get(1)).contains("verwijzer.08"));
    }

    @Test
    void noEndsMeansNoOutcomes() {
        List<Availability.Unavailable> all =
                Availability.unavailable(new Availability.Counts(100, 100, 40, 40, 0, 0, 0, 0, true));
        assertEquals(1, all.size(), "not also the separate response reasons");
        assertTrue(all.get(0).indicatoren().stream()
                .map(Indicator::id)
                .toList()
                .containsAll(List.of("beeindigd_volgens_plan", "oe_volgens_plan", "geen_nieuwe_start_cbs")));
        assertTrue(all.get(0).reden().contains("geen jeugdhulp beëindigd"));
    }

    @Test
    void noZonderHulpVerderNoTevredenheidNoPlanEndings() {
        assertEquals(
                List.of("zonder_hulp_verder"),
                only(new Availability.Counts(100, 100, 40, 40, 30, 20, 0, 30, true)).indicatoren().stream()
                        .map(Indicator::id)
                        .toList());
        assertEquals(
                List.of("tevredenheid_gemiddeld"),
                only(new Availability.Counts(100, 100, 40, 40, 30, 20, 30, 0, true)).indicatoren().stream()
                        .map(Indicator::id)
                        .toList());
        Availability.Unavailable plan = only(new Availability.Counts(100, 100, 40, 40, 30, 0, 30, 30, true));
        assertEquals(List.of("geen_nieuwe_hulp_6m"), ids(plan));
        assertTrue(plan.reden().contains("reden 01"));
    }

    @Test
    void noJeugdhulpAtAll() {
        List<Availability.Unavailable> all =
                Availability.unavailable(new Availability.Counts(0, 0, 0, 0, 0, 0, 0, 0, false));
        assertEquals(List.of("aandeel_met_verblijf", "aandeel_met_aanbieder"), ids(all.get(0)));
        assertTrue(all.stream().anyMatch(u -> u.reden().equals("de levering bevat geen jeugdhulp")));
    }

    private static Availability.Unavailable only(Availability.Counts counts) {
        List<Availability.Unavailable> all = Availability.unavailable(counts);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static List<String> ids(Availability.Unavailable u) {
        return u.indicatoren().stream().map(Indicator::id).toList();
    }
}
