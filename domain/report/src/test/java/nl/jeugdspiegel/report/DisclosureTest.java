package nl.jeugdspiegel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;

/** Contract §8 rule by rule. */
class DisclosureTest {

    private static IndicatorRow row(String indicator, Double teller, Double noemer, Double waarde) {
        return new IndicatorRow(
                Periode.parse("2024H1"),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId(indicator),
                teller,
                noemer,
                waarde,
                waarde == null ? null : waarde - 0.01234,
                waarde == null ? null : waarde + 0.01234,
                IndicatorRow.Status.OK,
                null,
                null,
                null,
                null);
    }

    /** The published figures, by indicator id (as the tests name them). */
    private static Map<String, Disclosure.Figure> publish(IndicatorRow... rows) {
        Map<Indicator, IndicatorRow> byIndicator = new HashMap<>();
        for (IndicatorRow r : rows) {
            byIndicator.put(r.indicator(), r);
        }
        Map<String, Disclosure.Figure> byId = new HashMap<>();
        new Disclosure(Map.of()).publish(byIndicator).forEach((i, f) -> byId.put(i.id(), f));
        return byId;
    }

    @Test
    void countsAreRoundedToFives() {
        assertEquals(
                15.0,
                publish(row("jeugdigen_jh", 13.0, null, 13.0))
                        .get("jeugdigen_jh")
                        .value());
        assertEquals(
                10.0,
                publish(row("jeugdigen_jh", 12.0, null, 12.0))
                        .get("jeugdigen_jh")
                        .value());
        assertEquals(
                1235.0,
                publish(row("jeugdigen_jh", 1234.0, null, 1234.0))
                        .get("jeugdigen_jh")
                        .value());
        assertEquals(
                "1.235",
                Text.value(publish(row("jeugdigen_jh", 1234.0, null, 1234.0)).get("jeugdigen_jh")));
    }

    @Test
    void countsBelowTenAreShownAsLessThanTen() {
        Disclosure.Figure nine = publish(row("jeugdigen_jh", 9.0, null, 9.0)).get("jeugdigen_jh");
        assertFalse(nine.published());
        assertEquals(Disclosure.REASON_SMALL_COUNT, nine.reason());
        assertEquals("<10", Text.value(nine));
        assertTrue(publish(row("jeugdigen_jh", 10.0, null, 10.0))
                .get("jeugdigen_jh")
                .published());
        // zero is a count below ten too
        assertEquals(
                "<10", Text.value(publish(row("jeugdigen_jh", 0.0, null, 0.0)).get("jeugdigen_jh")));
    }

    @Test
    void sharesAndMeansNeedTwentyObservations() {
        Disclosure.Figure small =
                publish(row("beeindigd_volgens_plan", 12.0, 19.0, 12.0 / 19)).get("beeindigd_volgens_plan");
        assertFalse(small.published());
        assertEquals(Disclosure.REASON_SMALL_DENOMINATOR, small.reason());
        assertEquals("–", Text.value(small));
        Disclosure.Figure enough =
                publish(row("beeindigd_volgens_plan", 13.0, 26.0, 0.5)).get("beeindigd_volgens_plan");
        assertTrue(enough.published());
        // the share's counts are published as counts: rounded to five
        assertEquals(15.0, enough.teller());
        assertEquals(25.0, enough.noemer());
        assertFalse(publish(row("tevredenheid_gemiddeld", 130.0, 19.0, 6.84))
                .get("tevredenheid_gemiddeld")
                .published());
        assertEquals(
                6.8,
                publish(row("tevredenheid_gemiddeld", 137.0, 20.0, 6.85 - 1e-9))
                        .get("tevredenheid_gemiddeld")
                        .value());
        assertFalse(publish(row("duur_mediaan_dagen", null, 19.0, 120.0))
                .get("duur_mediaan_dagen")
                .published());
        assertFalse(publish(row("kosten_per_jeugdige", 190000.0, 19.0, 10000.0))
                .get("kosten_per_jeugdige")
                .published());
    }

    @Test
    void aDenominatorOfZeroIsFewerThanTwentyNotUnavailable() {
        // "niet beschikbaar" for a delivering gemeente would tell that nobody ended, started or answered
        IndicatorRow none = new IndicatorRow(
                Periode.parse("2024H1"),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId("beeindigd_volgens_plan"),
                0.0,
                0.0,
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                null,
                null,
                null,
                null);
        assertEquals(
                Disclosure.REASON_SMALL_DENOMINATOR,
                publish(none).get("beeindigd_volgens_plan").reason());
        IndicatorRow noWaits = new IndicatorRow(
                Periode.parse("2024H1"),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId("wachttijd_mediaan_dagen"),
                null,
                0.0,
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                null,
                null,
                null,
                null);
        assertEquals(
                Disclosure.REASON_SMALL_DENOMINATOR,
                publish(noWaits).get("wachttijd_mediaan_dagen").reason());
        IndicatorRow noEnded = new IndicatorRow(
                Periode.parse("2024H1"),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId("oe_volgens_plan"),
                0.0,
                0.0,
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                null,
                null,
                null,
                null);
        assertEquals(
                Disclosure.REASON_SMALL_DENOMINATOR,
                publish(
                                noEnded,
                                new IndicatorRow(
                                        Periode.parse("2024H1"),
                                        Niveau.GEMEENTE,
                                        "GM0014",
                                        "Groningen",
                                        Indicator.byId("beeindigd_volgens_plan"),
                                        0.0,
                                        0.0,
                                        null,
                                        null,
                                        null,
                                        IndicatorRow.Status.NIET_BESCHIKBAAR,
                                        null,
                                        null,
                                        null,
                                        null))
                        .get("oe_volgens_plan")
                        .reason());
    }

    @Test
    void aShareNeedsTenInItsTellerAndTenInTheRest() {
        // 8 of 40: the teller is below 10
        Disclosure.Figure fewYes = publish(row("verwijzer.08", 8.0, 40.0, 0.2)).get("verwijzer.08");
        assertFalse(fewYes.published());
        assertEquals(Disclosure.REASON_SMALL_CELL, fewYes.reason());
        // 33 of 40: noemer − teller = 7, which 1 − share would give back
        Disclosure.Figure fewNo =
                publish(row("geen_nieuwe_hulp_6m", 33.0, 40.0, 33 / 40.0)).get("geen_nieuwe_hulp_6m");
        assertEquals(Disclosure.REASON_SMALL_CELL, fewNo.reason());
        assertTrue(publish(row("geen_nieuwe_hulp_6m", 30.0, 40.0, 0.75))
                .get("geen_nieuwe_hulp_6m")
                .published());
        // the O/E ratio's observed count is the volgens plan teller: the same rule
        IndicatorRow oe = row("oe_volgens_plan", 33.0, 25.0, 33 / 25.0);
        assertEquals(
                Disclosure.REASON_SMALL_CELL,
                publish(oe, row("beeindigd_volgens_plan", 33.0, 40.0, 33 / 40.0))
                        .get("oe_volgens_plan")
                        .reason());
    }

    @Test
    void sharesAndIntervalsAreComputedFromTheRoundedCounts() {
        // 33 of 100 is published as 35 of 100: 35.0 %, Wilson interval of 35/100, never the exact 33.0 %
        Disclosure.Figure f =
                publish(row("aandeel_met_verblijf", 33.0, 100.0, 0.33)).get("aandeel_met_verblijf");
        assertEquals(0.35, f.value());
        assertEquals(0.264, f.low());
        assertEquals(0.447, f.high());
        assertEquals(35.0, f.teller());
        assertEquals(100.0, f.noemer());
        assertEquals("35,0%", Text.value(f));
        assertEquals("26,4–44,7%", Text.interval(f));
        // every teller that rounds to the same five gives the same figure: the exact one cannot be recovered
        for (double teller = 33; teller <= 37; teller++) {
            assertEquals(
                    f,
                    publish(row("aandeel_met_verblijf", teller, 100.0, teller / 100))
                            .get("aandeel_met_verblijf"));
        }
    }

    @Test
    void ratesAndRatiosAreComputedFromTheRoundedCounts() {
        assertFalse(publish(row("jeugdigen_jh_per_1000", 9.0, 4000.0, 2.25))
                .get("jeugdigen_jh_per_1000")
                .published());
        // 12 youths are published as 10: 2.5 per 1,000 of 4,000
        assertEquals(
                2.5,
                publish(row("jeugdigen_jh_per_1000", 12.0, 4000.0, 3.0))
                        .get("jeugdigen_jh_per_1000")
                        .value());
        // observed 22 is used as 20: 20 / 16.0 = 1.25
        IndicatorRow oe = row("oe_volgens_plan", 22.0, 16.04, 22 / 16.04);
        Disclosure.Figure ratio =
                publish(oe, row("beeindigd_volgens_plan", 22.0, 40.0, 0.55)).get("oe_volgens_plan");
        assertEquals(1.25, ratio.value());
        assertEquals(16.0, ratio.noemer());
    }

    @Test
    void funnelLimitsLieAroundThePublishedNationalValueForThePublishedDenominator() {
        Map<Indicator, IndicatorRow> nl = Map.of(
                Indicator.BEEINDIGD_VOLGENS_PLAN,
                new IndicatorRow(
                        Periode.parse("2024H1"),
                        Niveau.NEDERLAND,
                        "NL",
                        "Nederland",
                        Indicator.byId("beeindigd_volgens_plan"),
                        6001.0,
                        10002.0,
                        0.59998,
                        0.59,
                        0.61,
                        IndicatorRow.Status.OK,
                        null,
                        null,
                        null,
                        null));
        Disclosure disclosure = new Disclosure(nl);
        assertEquals(
                0.6, disclosure.national().get(Indicator.BEEINDIGD_VOLGENS_PLAN).value());
        Disclosure.Figure f = disclosure
                .publish(Map.of(Indicator.BEEINDIGD_VOLGENS_PLAN, row("beeindigd_volgens_plan", 31.0, 52.0, 31 / 52.0)))
                .get(Indicator.BEEINDIGD_VOLGENS_PLAN);
        // around 0.6 for a noemer of 50 (52 rounded): 0.6 ± 1.96·√(0.24/50)
        assertEquals(0.464, f.funnel95Low());
        assertEquals(0.736, f.funnel95High());
        assertEquals(0.386, f.funnel998Low());
        assertEquals(0.814, f.funnel998High());
    }

    @Test
    void observedOverExpectedNeedsTwentyEndedTrajectories() {
        IndicatorRow oe = row("oe_volgens_plan", 10.0, 9.5, 10 / 9.5);
        assertFalse(publish(oe, row("beeindigd_volgens_plan", 10.0, 19.0, 10 / 19.0))
                .get("oe_volgens_plan")
                .published());
        assertEquals(
                1.05,
                publish(oe, row("beeindigd_volgens_plan", 10.0, 20.0, 0.5))
                        .get("oe_volgens_plan")
                        .value());
    }

    @Test
    void oneSuppressedCellInABreakdownTakesTheNextSmallestWithIt() {
        Map<String, Disclosure.Figure> f = publish(
                row("trajecten_actief.jeugdhulp_zonder_verblijf", 120.0, null, 120.0),
                row("trajecten_actief.jeugdhulp_met_verblijf", 40.0, null, 40.0),
                row("trajecten_actief.jeugdbescherming", 25.0, null, 25.0),
                row("trajecten_actief.jeugdreclassering", 4.0, null, 4.0));
        assertEquals(
                Disclosure.REASON_SMALL_COUNT,
                f.get("trajecten_actief.jeugdreclassering").reason());
        // 25 is the next smallest: suppressed, so 4 cannot be recovered from a total
        assertEquals(
                Disclosure.REASON_SECONDARY,
                f.get("trajecten_actief.jeugdbescherming").reason());
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
        assertEquals(
                Disclosure.REASON_SMALL_COUNT,
                f.get("trajecten_gestart.jeugdbescherming").reason());
    }

    @Test
    void unavailableAndNotYetAvailableSayWhy() {
        IndicatorRow notYet = new IndicatorRow(
                Periode.parse("2025H2"),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId("geen_nieuwe_hulp_6m"),
                null,
                null,
                null,
                null,
                null,
                IndicatorRow.Status.NOG_NIET_BESCHIKBAAR,
                null,
                null,
                null,
                null);
        assertEquals(
                Disclosure.REASON_NOT_YET,
                publish(notYet).get("geen_nieuwe_hulp_6m").reason());
        IndicatorRow missing = new IndicatorRow(
                Periode.parse("2025H2"),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId("jeugdigen_jh_per_1000"),
                null,
                null,
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                null,
                null,
                null,
                null);
        assertEquals(
                Disclosure.REASON_NO_POPULATION,
                publish(missing).get("jeugdigen_jh_per_1000").reason());
    }
}
