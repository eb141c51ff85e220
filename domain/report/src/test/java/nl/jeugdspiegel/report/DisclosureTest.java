package nl.jeugdspiegel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import nl.jeugdspiegel.indicators.IndicatorRow;
import org.junit.jupiter.api.Test;

/** Contract §8 rule by rule. */
class DisclosureTest {

    private static IndicatorRow row(String indicator, Double teller, Double noemer, Double waarde) {
        return new IndicatorRow("2024H1", "gemeente", "GM0014", "Groningen", indicator, teller, noemer, waarde,
                waarde == null ? null : waarde - 0.01234, waarde == null ? null : waarde + 0.01234, IndicatorRow.OK,
                null, null, null, null);
    }

    private static Map<String, Disclosure.Figure> publish(IndicatorRow... rows) {
        Map<String, IndicatorRow> byId = new HashMap<>();
        for (IndicatorRow r : rows) {
            byId.put(r.indicator(), r);
        }
        return Disclosure.publish(byId);
    }

    @Test
    void countsAreRoundedToFives() {
        assertEquals(15.0, publish(row("jeugdigen_jh", 13.0, null, 13.0)).get("jeugdigen_jh").value());
        assertEquals(10.0, publish(row("jeugdigen_jh", 12.0, null, 12.0)).get("jeugdigen_jh").value());
        assertEquals(1235.0, publish(row("jeugdigen_jh", 1234.0, null, 1234.0)).get("jeugdigen_jh").value());
        assertEquals("1.235", Text.value(publish(row("jeugdigen_jh", 1234.0, null, 1234.0)).get("jeugdigen_jh")));
    }

    @Test
    void countsBelowTenAreShownAsLessThanTen() {
        Disclosure.Figure nine = publish(row("jeugdigen_jh", 9.0, null, 9.0)).get("jeugdigen_jh");
        assertFalse(nine.published());
        assertEquals(Disclosure.REASON_SMALL_COUNT, nine.reason());
        assertEquals("<10", Text.value(nine));
        assertTrue(publish(row("jeugdigen_jh", 10.0, null, 10.0)).get("jeugdigen_jh").published());
        // zero is a count below ten too
        assertEquals("<10", Text.value(publish(row("jeugdigen_jh", 0.0, null, 0.0)).get("jeugdigen_jh")));
    }

    @Test
    void sharesAndMeansNeedTwentyObservations() {
        Disclosure.Figure small = publish(row("beeindigd_volgens_plan", 12.0, 19.0, 12.0 / 19)).get("beeindigd_volgens_plan");
        assertFalse(small.published());
        assertEquals(Disclosure.REASON_SMALL_DENOMINATOR, small.reason());
        assertEquals("–", Text.value(small));
        Disclosure.Figure enough = publish(row("beeindigd_volgens_plan", 13.0, 20.0, 0.65)).get("beeindigd_volgens_plan");
        assertEquals(0.65, enough.value());
        assertEquals("65,0%", Text.value(enough));
        // the share's counts are published as counts: rounded to five, none below ten
        assertEquals(15.0, enough.teller());
        assertEquals(20.0, enough.noemer());
        assertNull(publish(row("beeindigd_volgens_plan", 8.0, 40.0, 0.2)).get("beeindigd_volgens_plan").teller());
        assertFalse(publish(row("tevredenheid_gemiddeld", 130.0, 19.0, 6.84)).get("tevredenheid_gemiddeld").published());
        assertEquals(6.8, publish(row("tevredenheid_gemiddeld", 137.0, 20.0, 6.85 - 1e-9)).get("tevredenheid_gemiddeld").value());
        assertFalse(publish(row("duur_mediaan_dagen", null, 19.0, 120.0)).get("duur_mediaan_dagen").published());
        assertFalse(publish(row("kosten_per_jeugdige", 190000.0, 19.0, 10000.0)).get("kosten_per_jeugdige").published());
    }

    @Test
    void valuesAndIntervalsAreRounded() {
        Disclosure.Figure f = publish(row("aandeel_met_verblijf", 33.0, 100.0, 0.33333)).get("aandeel_met_verblijf");
        assertEquals(0.333, f.value());
        assertEquals(0.321, f.low());
        assertEquals(0.346, f.high());
        assertEquals("33,3%", Text.value(f));
        assertEquals("32,1–34,6%", Text.interval(f));
    }

    @Test
    void ratesPerThousandNeedTenYouths() {
        assertFalse(publish(row("jeugdigen_jh_per_1000", 9.0, 4000.0, 2.25)).get("jeugdigen_jh_per_1000").published());
        assertEquals(2.5, publish(row("jeugdigen_jh_per_1000", 10.0, 4000.0, 2.5)).get("jeugdigen_jh_per_1000").value());
    }

    @Test
    void observedOverExpectedNeedsTwentyEndedTrajectories() {
        IndicatorRow oe = row("oe_volgens_plan", 10.0, 9.5, 10 / 9.5);
        assertFalse(publish(oe, row("beeindigd_volgens_plan", 10.0, 19.0, 10 / 19.0)).get("oe_volgens_plan").published());
        assertEquals(1.05, publish(oe, row("beeindigd_volgens_plan", 10.0, 20.0, 0.5)).get("oe_volgens_plan").value());
    }

    @Test
    void oneSuppressedCellInABreakdownTakesTheNextSmallestWithIt() {
        Map<String, Disclosure.Figure> f = publish(
                row("trajecten_actief.jeugdhulp_zonder_verblijf", 120.0, null, 120.0),
                row("trajecten_actief.jeugdhulp_met_verblijf", 40.0, null, 40.0),
                row("trajecten_actief.jeugdbescherming", 25.0, null, 25.0),
                row("trajecten_actief.jeugdreclassering", 4.0, null, 4.0));
        assertEquals(Disclosure.REASON_SMALL_COUNT, f.get("trajecten_actief.jeugdreclassering").reason());
        // 25 is the next smallest: suppressed, so 4 cannot be recovered from a total
        assertEquals(Disclosure.REASON_SECONDARY, f.get("trajecten_actief.jeugdbescherming").reason());
        assertEquals("–", Text.value(f.get("trajecten_actief.jeugdbescherming")));
        assertEquals(40.0, f.get("trajecten_actief.jeugdhulp_met_verblijf").value());
        assertEquals(120.0, f.get("trajecten_actief.jeugdhulp_zonder_verblijf").value());
    }

    @Test
    void twoSuppressedCellsProtectEachOther() {
        Map<String, Disclosure.Figure> f = publish(
                row("trajecten_gestart.jeugdhulp_zonder_verblijf", 120.0, null, 120.0),
                row("trajecten_gestart.jeugdhulp_met_verblijf", 40.0, null, 40.0),
                row("trajecten_gestart.jeugdbescherming", 3.0, null, 3.0),
                row("trajecten_gestart.jeugdreclassering", 4.0, null, 4.0));
        assertEquals(40.0, f.get("trajecten_gestart.jeugdhulp_met_verblijf").value());
        assertEquals(Disclosure.REASON_SMALL_COUNT, f.get("trajecten_gestart.jeugdbescherming").reason());
    }

    @Test
    void unavailableAndNotYetAvailableSayWhy() {
        IndicatorRow notYet = new IndicatorRow("2025H2", "gemeente", "GM0014", "Groningen", "geen_nieuwe_hulp_6m", null, null,
                null, null, null, IndicatorRow.NOG_NIET_BESCHIKBAAR, null, null, null, null);
        assertEquals(Disclosure.REASON_NOT_YET, publish(notYet).get("geen_nieuwe_hulp_6m").reason());
        IndicatorRow missing = new IndicatorRow("2025H2", "gemeente", "GM0014", "Groningen", "jeugdigen_jh_per_1000", null, null,
                null, null, null, IndicatorRow.NIET_BESCHIKBAAR, null, null, null, null);
        assertEquals(Disclosure.REASON_NOT_AVAILABLE, publish(missing).get("jeugdigen_jh_per_1000").reason());
    }
}
