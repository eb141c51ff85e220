package nl.jeugdspiegel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.jeugdspiegel.contract.IndicatorRow.Status;
import org.junit.jupiter.api.Test;

/** The catalogue is the one source of each indicator's facts: what docs/indicatoren.md and the tables say. */
class CatalogueTest {

    @Test
    void everyIdIsUniqueAndReadsBackAsTheSameConstant() {
        Set<String> ids = new HashSet<>();
        for (Indicator i : Indicator.ALL) {
            assertTrue(ids.add(i.id()), "twice: " + i.id());
            assertSame(i, Indicator.byId(i.id()));
            assertEquals(i.id(), i.toString(), "the tables write the id");
        }
        assertSame(Indicator.DUBBEL_GELEVERD, Indicator.byId("dubbel_geleverd"));
        assertEquals(55, Indicator.ALL.size(), "the table of docs/indicatoren.md");
        assertEquals(14, Indicator.INSTROOM.size(), "the cohort indicators of v1.3");
        assertThrows(IllegalArgumentException.class, () -> Indicator.byId("beëindigd_volgens_plan"));
    }

    @Test
    void everyIndicatorIsComputedForTheFourMunicipalLevels() {
        for (Indicator i : Indicator.ALL) {
            for (Niveau n : List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND)) {
                assertTrue(i.at(n), i.id() + " at " + n);
            }
            // cohorts have no aanbieder_jeugdregio level (indicators v1.3)
            assertEquals(
                    i.at(Niveau.AANBIEDER) && !Indicator.INSTROOM.contains(i),
                    i.at(Niveau.AANBIEDER_JEUGDREGIO),
                    i.id());
        }
        assertTrue(!Indicator.DUBBEL_GELEVERD.at(Niveau.AANBIEDER));
    }

    /**
     * Indicators v1.2 "providers": the jeugdhulp counts, youths, outcomes, duration, waiting time, CBS and O/E; and the
     * cohorts of v1.3.
     */
    @Test
    void theProviderIndicatorsAreThoseOfTheDefinitions() {
        Set<String> cohorts = Indicator.INSTROOM.stream().map(Indicator::id).collect(Collectors.toSet());
        assertEquals(
                Set.of(
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
                        "oe_volgens_plan"),
                Indicator.PROVIDER.stream()
                        .map(Indicator::id)
                        .filter(id -> !cohorts.contains(id))
                        .collect(Collectors.toSet()));
        assertEquals(14, cohorts.size());
        assertTrue(cohorts.contains("instroom_12m_uit_volgens_plan"), cohorts.toString());
    }

    /** Indicators v1.2 "signals": the outcomes, then the median waiting time, each with its direction of better. */
    @Test
    void onlyIndicatorsWithADirectionAreSignalled() {
        assertEquals(
                List.of(
                        "beeindigd_volgens_plan",
                        "voortijdig_beeindigd",
                        "zonder_hulp_verder",
                        "tevredenheid_gemiddeld",
                        "geen_nieuwe_hulp_6m",
                        "geen_nieuwe_start_cbs",
                        "oe_volgens_plan",
                        "wachttijd_mediaan_dagen"),
                Indicator.SIGNALLED.stream().map(Indicator::id).toList());
        assertEquals(Indicator.Better.LOWER, Indicator.WACHTTIJD_MEDIAAN_DAGEN.better());
        assertEquals(Indicator.Better.LOWER, Indicator.VOORTIJDIG_BEEINDIGD.better());
        assertEquals(Indicator.Better.HIGHER, Indicator.OE_VOLGENS_PLAN.better());
        assertEquals(Indicator.Better.NEITHER, Indicator.DUUR_MEDIAAN_DAGEN.better(), "zo lang als nodig");
    }

    @Test
    void unitsFollowTheKind() {
        assertEquals("percentage", Indicator.BEEINDIGD_VOLGENS_PLAN.eenheid());
        assertEquals("dagen", Indicator.WACHTTIJD_P90_DAGEN.eenheid());
        assertEquals("per 1.000 jeugdigen", Indicator.JEUGDIGEN_JH_PER_1000.eenheid());
        assertEquals("euro", Indicator.KOSTEN_PER_JEUGDIGE.eenheid());
        assertTrue(Indicator.GEEN_NIEUWE_HULP_6M.followUp() && Indicator.GEEN_NIEUWE_START_CBS.followUp());
        assertEquals(2, Indicator.ALL.stream().filter(Indicator::followUp).count(), "only the two re-entry outcomes");
    }

    @Test
    void niveausAndStatusesReadBackFromTheirTableCodes() {
        for (Niveau n : Niveau.values()) {
            assertSame(n, Niveau.of(n.code()));
        }
        assertEquals("aanbieder_jeugdregio", Niveau.AANBIEDER_JEUGDREGIO.code());
        for (Status s : Status.values()) {
            assertSame(s, Status.of(s.code()));
        }
        assertEquals("nog_niet_beschikbaar", Status.NOG_NIET_BESCHIKBAAR.code());
        assertThrows(IllegalArgumentException.class, () -> Niveau.of("Gemeente"));
        assertThrows(IllegalArgumentException.class, () -> Status.of("OK"));
    }
}
