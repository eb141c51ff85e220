package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.find;
import static nl.jeugdspiegel.indicators.TestLake.jb;
import static nl.jeugdspiegel.indicators.TestLake.jh;
import static nl.jeugdspiegel.indicators.TestLake.jr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.contract.Stats;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed fixtures for every indicator of docs/indicatoren.md. Each expected value is worked out in
 * the comment above it from the rows of the fixture. GM0014 Groningen and GM0037 Stadskanaal are in
 * jeugdregio JZ10; GM0034 Almere is in JZ06.
 */
class IndicatorEngineTest {

    private static final double EXACT = 1e-9;
    private static final Periode H1 = Periode.parse("2024H1");
    private static final Periode H2 = Periode.parse("2024H2");

    @TempDir
    Path dir;

    private static void assertFigure(
            List<IndicatorRow> rows,
            Niveau niveau,
            String code,
            String indicator,
            Double teller,
            Double noemer,
            Double waarde,
            IndicatorRow.Status status) {
        IndicatorRow row = find(rows, niveau, code, indicator);
        String what = niveau + " " + code + " " + indicator;
        assertEquals(status, row.status(), what + " status");
        assertClose(teller, row.teller(), what + " teller");
        assertClose(noemer, row.noemer(), what + " noemer");
        assertClose(waarde, row.waarde(), what + " waarde");
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertTrue(
                    actual != null && Math.abs(expected - actual) < EXACT,
                    what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void ok(
            List<IndicatorRow> rows, String code, String indicator, Double teller, Double noemer, double waarde) {
        assertFigure(rows, Niveau.GEMEENTE, code, indicator, teller, noemer, waarde, IndicatorRow.Status.OK);
    }

    /** One gemeente, one periode: every output indicator and the outcome shares from six rows. */
    @Test
    void outputAndOutcomeIndicatorsOfOneGemeente() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                // a: JH 01 since 2023, still running -> active, not started, not ended
                .row(jh("a", "01", "2023-10-01", null).kosten(50_00))
                // b: JH met verblijf (11), 1 Feb - 1 May 2024: 90 days; waited 2 Jan -> 1 Feb = 30 days
                .row(jh("b", "11", "2024-02-01", "2024-05-01")
                        .reden("01")
                        .verwijzer("02")
                        .aanmeld("2024-01-02")
                        .zonderHulpVerder("04")
                        .tevredenheid(8)
                        .kosten(1000_00))
                // c: JH 02, 1 Mar - 30 Jun 2024: 121 days; waited 20 Feb -> 1 Mar = 10 days (leap year); voortijdig
                // (03)
                .row(jh("c", "02", "2024-03-01", "2024-06-30")
                        .reden("03")
                        .verwijzer("01")
                        .aanmeld("2024-02-20")
                        .zonderHulpVerder("01")
                        .kosten(0))
                // a also has a maatregel (JB 11) started in the periode
                .row(jb("a", "11", "2024-01-15", null))
                // d starts after the periode, e's JR ended before it: neither counts
                .row(jh("d", "01", "2024-07-05", null).kosten(10_00))
                .row(jr("e", "41", "2022-01-01", "2023-12-31"));
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;30000\n");
        List<IndicatorRow> rows = lake.engine().compute(H1);
        String g = "GM0014";

        // distinct clients with active JH: a, b, c
        ok(rows, g, "jeugdigen_jh", 3.0, null, 3);
        // all three born 2014 (< 18 in 2024): 3 × 1000 / 30000
        ok(rows, g, "jeugdigen_jh_per_1000", 3.0, 30000.0, 0.1);
        // active: JH zonder verblijf a, c; met verblijf b; JB a; JR none
        ok(rows, g, "trajecten_actief.jeugdhulp_zonder_verblijf", 2.0, null, 2);
        ok(rows, g, "trajecten_actief.jeugdhulp_met_verblijf", 1.0, null, 1);
        ok(rows, g, "trajecten_actief.jeugdbescherming", 1.0, null, 1);
        ok(rows, g, "trajecten_actief.jeugdreclassering", 0.0, null, 0);
        ok(rows, g, "trajecten_gestart.jeugdhulp_zonder_verblijf", 1.0, null, 1);
        ok(rows, g, "trajecten_gestart.jeugdhulp_met_verblijf", 1.0, null, 1);
        ok(rows, g, "trajecten_gestart.jeugdbescherming", 1.0, null, 1);
        ok(rows, g, "trajecten_beeindigd.jeugdhulp_zonder_verblijf", 1.0, null, 1);
        ok(rows, g, "trajecten_beeindigd.jeugdhulp_met_verblijf", 1.0, null, 1);
        ok(rows, g, "trajecten_beeindigd.jeugdreclassering", 0.0, null, 0);
        // 1 met verblijf of 3 active JH
        ok(rows, g, "aandeel_met_verblijf", 1.0, 3.0, 1.0 / 3);
        // median of 90 and 121
        ok(rows, g, "duur_mediaan_dagen", null, 2.0, 105.5);
        // waits 10 and 30: median 20, p90 = 10 + 0.9 × (30 − 10) = 28
        ok(rows, g, "wachttijd_mediaan_dagen", null, 2.0, 20);
        ok(rows, g, "wachttijd_p90_dagen", null, 2.0, 28);
        // started JH: b (02), c (01); codes keep their leading zero
        ok(rows, g, "verwijzer.01", 1.0, 2.0, 0.5);
        ok(rows, g, "verwijzer.02", 1.0, 2.0, 0.5);
        ok(rows, g, "verwijzer.08", 0.0, 2.0, 0);
        // delivered JH rows a, b, c, d all have kosten (0 counts): 50 + 1000 + 0 + 10 = 1060 euro / 3 youths
        ok(rows, g, "kosten_per_jeugdige", 1060.0, 3.0, 1060.0 / 3);
        // ended JH: b (01 volgens plan), c (03 voortijdig)
        ok(rows, g, "beeindigd_volgens_plan", 1.0, 2.0, 0.5);
        ok(rows, g, "voortijdig_beeindigd", 1.0, 2.0, 0.5);
        // zonder_hulp_verder filled for b (04: yes) and c (01: no)
        ok(rows, g, "zonder_hulp_verder", 1.0, 2.0, 0.5);
        ok(rows, g, "zonder_hulp_verder_respons", 2.0, 2.0, 1);
        // one score (8) among two ended
        ok(rows, g, "tevredenheid_gemiddeld", 8.0, 1.0, 8);
        ok(rows, g, "tevredenheid_respons", 1.0, 2.0, 0.5);
        // no delivery for 2024H2 at all: follow-up not yet available
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                g,
                "geen_nieuwe_hulp_6m",
                null,
                null,
                null,
                IndicatorRow.Status.NOG_NIET_BESCHIKBAAR);
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                g,
                "geen_nieuwe_start_cbs",
                null,
                null,
                null,
                IndicatorRow.Status.NOG_NIET_BESCHIKBAAR);
        // one gemeente: the national rates are its own, so O = E = 1
        ok(rows, g, "oe_volgens_plan", 1.0, 1.0, 1);

        // the Wilson interval of 1/3 (n = 3), z = 1.959964
        IndicatorRow share = find(rows, Niveau.GEMEENTE, g, "aandeel_met_verblijf");
        assertEquals(0.0615, share.ciLaag(), 1e-4);
        assertEquals(0.7923, share.ciHoog(), 1e-4);
        // higher levels from the same rows: region and country equal the only delivering gemeente
        assertFigure(rows, Niveau.JEUGDREGIO, "JZ10", "jeugdigen_jh", 3.0, null, 3.0, IndicatorRow.Status.OK);
        assertFigure(
                rows, Niveau.GROOTTEKLASSE, "150-250k", "duur_mediaan_dagen", null, 2.0, 105.5, IndicatorRow.Status.OK);
        assertFigure(
                rows, Niveau.NEDERLAND, "NL", "kosten_per_jeugdige", 1060.0, 3.0, 1060.0 / 3, IndicatorRow.Status.OK);
    }

    /** Every (niveau, code, indicator) has exactly one row; undelivered units are niet_beschikbaar. */
    /** Contract v1.2 §6: iJw rows without hulpvorm; verblijf known from the category or unknown (its own cell). */
    @Test
    void jeugdhulpWithUnknownVerblijfCountsInEveryTotalAndInItsOwnCell() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-10", "2024-03-31").reden("01"))
                .row(jh("b", null, "2024-02-01", "2024-05-31").product("46").reden("01"))
                .row(jh("b", null, "2024-02-01", null).product("43"))
                .row(jh("c", null, "2024-03-01", "2024-06-01").product("55").reden("03"))
                .row(jh("d", null, "2024-03-01", null).product("45"));
        List<IndicatorRow> rows = lake.engine().compute(Periode.parse("2024H1"));
        assertEquals(2.0, value(rows, "trajecten_actief.jeugdhulp_zonder_verblijf"), "01 and category 45");
        assertEquals(1.0, value(rows, "trajecten_actief.jeugdhulp_met_verblijf"), "category 43");
        assertEquals(2.0, value(rows, "trajecten_actief.jeugdhulp_verblijf_onbekend"), "categories 46 and 55");
        assertEquals(4.0, value(rows, "jeugdigen_jh"));
        IndicatorRow share = find(rows, Niveau.GEMEENTE, "GM0014", "aandeel_met_verblijf");
        assertEquals(1.0, share.teller());
        assertEquals(5.0, share.noemer(), "every active JH, unknown verblijf included");
        IndicatorRow plan = find(rows, Niveau.GEMEENTE, "GM0014", "beeindigd_volgens_plan");
        assertEquals(2.0, plan.teller());
        assertEquals(3.0, plan.noemer(), "the ended trajectory of unknown verblijf counts");
        // b's two products start on the same day: two trajectories (the category stands in for the hulpvorm)
        assertEquals(2.0, value(rows, "trajecten_gestart.jeugdhulp_verblijf_onbekend"));
    }

    /** Indicators v1.2 "waiting now": distinct clients at each level, known only where every member delivered iJw. */
    @Test
    void whoIsWaitingAtTheEndOfThePeriode() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-10", null))
                .waits("s", "2024-06-01") // 29 days at 30 June
                .waits("r", "2024-02-01") // 150 days
                .waits("u", "2024-04-27"); // 64 days: more than 9 weeks (63)
        lake.delivery("2024H1", "GM0037").row(jh("b", "01", "2024-01-10", null)).waits("r", "2024-06-20");
        lake.delivery("2024H1", "GM0034").row(jh("c", "01", "2024-01-10", null)).staleWaiting();
        lake.delivery("2024H1", "GM0050").row(jh("e", "01", "2024-01-10", null)).fromMessages();
        lake.delivery("2024H1", "GM0171").row(jh("f", "01", "2024-01-10", null)).corruptWaiting();
        List<IndicatorRow> rows = lake.engine().compute(Periode.parse("2024H1"));
        assertEquals(
                3.0,
                find(rows, Niveau.GEMEENTE, "GM0014", "wachtend_einde_periode").waarde());
        assertEquals(
                2.0,
                find(rows, Niveau.GEMEENTE, "GM0014", "wachtend_langer_dan_9_weken")
                        .waarde());
        assertEquals(
                1.0,
                find(rows, Niveau.GEMEENTE, "GM0037", "wachtend_einde_periode").waarde());
        assertEquals(
                0.0,
                find(rows, Niveau.GEMEENTE, "GM0037", "wachtend_langer_dan_9_weken")
                        .waarde());
        assertEquals(
                0.0,
                find(rows, Niveau.GEMEENTE, "GM0050", "wachtend_einde_periode").waarde(),
                "iJw, nobody");
        assertEquals(
                3.0,
                find(rows, Niveau.JEUGDREGIO, "JZ10", "wachtend_einde_periode").waarde(),
                "r once");
        assertEquals(
                2.0,
                find(rows, Niveau.JEUGDREGIO, "JZ10", "wachtend_langer_dan_9_weken")
                        .waarde());
        IndicatorRow stale = find(rows, Niveau.GEMEENTE, "GM0034", "wachtend_einde_periode");
        assertEquals(IndicatorRow.Status.NIET_BESCHIKBAAR, stale.status(), "a waiting file of another delivery");
        assertEquals(
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                find(rows, Niveau.GEMEENTE, "GM0171", "wachtend_einde_periode").status(),
                "a waiting file whose client is no pseudonym is left out, and the run goes on");
        assertEquals(1.0, find(rows, Niveau.GEMEENTE, "GM0171", "jeugdigen_jh").waarde());
        assertEquals(
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                find(rows, Niveau.NEDERLAND, "NL", "wachtend_einde_periode").status(),
                "not every delivering gemeente delivered iJw");
    }

    private static Double value(List<IndicatorRow> rows, String indicator) {
        return find(rows, Niveau.GEMEENTE, "GM0014", indicator).waarde();
    }

    @Test
    void tableHasOneRowPerUnitAndIndicator() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014").row(jh("a", "01", "2024-01-01", null));
        List<IndicatorRow> rows = lake.engine().compute(H1);
        ReferenceData reference = ReferenceData.get();
        int units = reference.municipalities().size() + reference.regions().size() + SizeClass.values().length + 1;
        assertEquals(units * (Indicator.ALL.size() + 1), rows.size(), "the catalogue and dubbel_geleverd");
        assertEquals(
                rows.size(),
                rows.stream()
                        .map(r -> r.niveau() + r.code() + r.indicator())
                        .collect(Collectors.toSet())
                        .size());
        assertTrue(rows.stream().allMatch(r -> r.periode().equals(Periode.parse("2024H1"))));
        // Almere and its region did not deliver: every indicator niet_beschikbaar, nothing filled in
        for (Indicator indicator : Indicator.ALL) {
            assertFigure(
                    rows,
                    Niveau.GEMEENTE,
                    "GM0034",
                    indicator.id(),
                    null,
                    null,
                    null,
                    IndicatorRow.Status.NIET_BESCHIKBAAR);
            assertFigure(
                    rows,
                    Niveau.JEUGDREGIO,
                    "JZ06",
                    indicator.id(),
                    null,
                    null,
                    null,
                    IndicatorRow.Status.NIET_BESCHIKBAAR);
        }
        // no population file: per-1000 and the size classes are not available
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                "GM0014",
                "jeugdigen_jh_per_1000",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        assertFigure(
                rows,
                Niveau.NEDERLAND,
                "NL",
                "jeugdigen_jh_per_1000",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        assertTrue(rows.stream().filter(r -> r.niveau() == Niveau.GROOTTEKLASSE).allMatch(r -> r.status()
                .equals(IndicatorRow.Status.NIET_BESCHIKBAAR)));
    }

    /** Empty denominators give niet_beschikbaar with an empty waarde; counts of zero stay ok. */
    @Test
    void emptyDenominators() {
        TestLake lake = new TestLake(dir);
        // only a running JB measure: no JH at all
        lake.delivery("2024H1", "GM0014").row(jb("a", "11", "2023-01-01", null));
        List<IndicatorRow> rows = lake.engine().compute(H1);
        String g = "GM0014";
        ok(rows, g, "jeugdigen_jh", 0.0, null, 0);
        for (String share : List.of(
                "aandeel_met_verblijf",
                "verwijzer.01",
                "beeindigd_volgens_plan",
                "voortijdig_beeindigd",
                "zonder_hulp_verder",
                "zonder_hulp_verder_respons",
                "tevredenheid_respons")) {
            assertFigure(rows, Niveau.GEMEENTE, g, share, 0.0, 0.0, null, IndicatorRow.Status.NIET_BESCHIKBAAR);
        }
        for (String quantile : List.of("duur_mediaan_dagen", "wachttijd_mediaan_dagen", "wachttijd_p90_dagen")) {
            assertFigure(rows, Niveau.GEMEENTE, g, quantile, null, 0.0, null, IndicatorRow.Status.NIET_BESCHIKBAAR);
        }
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                g,
                "tevredenheid_gemiddeld",
                0.0,
                0.0,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        // no JH rows delivered: no cost coverage, and no youths to divide by
        assertFigure(
                rows, Niveau.GEMEENTE, g, "kosten_per_jeugdige", 0.0, 0.0, null, IndicatorRow.Status.NIET_BESCHIKBAAR);
        // no ended JH: expected 0
        assertFigure(rows, Niveau.GEMEENTE, g, "oe_volgens_plan", 0.0, 0.0, null, IndicatorRow.Status.NIET_BESCHIKBAAR);
    }

    /** kosten_per_jeugdige needs kosten on at least 90 % of the delivered JH rows. */
    @Test
    void costsNeedNinetyPercentCoverage() {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery almere = lake.delivery("2024H1", "GM0034");
        TestLake.Delivery groningen = lake.delivery("2024H1", "GM0014");
        // Almere: 10 JH rows, 9 with kosten (90 %): available. Groningen: 10 rows, 8 with kosten: not.
        for (int i = 0; i < 10; i++) {
            almere.row(jh("a" + i, "01", "2024-01-01", null).kosten(i < 9 ? 100_00 : Long.MIN_VALUE));
            groningen.row(jh("g" + i, "01", "2024-01-01", null).kosten(i < 8 ? 100_00 : Long.MIN_VALUE));
        }
        List<IndicatorRow> rows = lake.engine().compute(H1);
        ok(rows, "GM0034", "kosten_per_jeugdige", 900.0, 10.0, 90);
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                "GM0014",
                "kosten_per_jeugdige",
                800.0,
                10.0,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        // the country pools the rows: 17 of 20 = 85 % -> not available
        assertFigure(
                rows,
                Niveau.NEDERLAND,
                "NL",
                "kosten_per_jeugdige",
                1700.0,
                20.0,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
    }

    /**
     * A youth in care in two municipalities in one periode counts once at every level above them; a move
     * followed by new care elsewhere is a new start for the follow-up indicators.
     */
    @Test
    void followUpAcrossMunicipalities() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                // x ends volgens plan on 31 Mar; moves to Almere and starts there on 1 Aug (within 181 days)
                .row(jh("x", "01", "2024-01-10", "2024-03-31").reden("01"))
                // y ends volgens plan on 30 Apr and needs nothing after
                .row(jh("y", "01", "2024-01-10", "2024-04-30").reden("01"))
                // z ends voortijdig: not in the cohort, but in the CBS variant
                .row(jh("z", "01", "2024-01-10", "2024-05-31").reden("02"))
                // w ends one JH volgens plan while another keeps running: not in the cohort (active on e + 1)
                .row(jh("w", "01", "2024-01-10", "2024-02-28").reden("01"))
                .row(jh("w", "02", "2023-06-01", null))
                // v is in care in Groningen and in Stadskanaal, both ending volgens plan on 10 Jun
                .row(jh("v", "01", "2024-03-01", "2024-06-10").reden("01"));
        lake.delivery("2024H1", "GM0037")
                .row(jh("v", "03", "2024-04-01", "2024-06-10").reden("01"));
        lake.delivery("2024H2", "GM0034").row(jh("x", "02", "2024-08-01", null));
        // a delivery for 2025H1 exists, so 2024H2's follow-up is available too
        lake.delivery("2025H1", "GM0034");
        IndicatorEngine engine = lake.engine();
        List<IndicatorRow> rows = engine.compute(H1);

        // cohort of Groningen: x (new care -> no), y (yes), v (tie on 10 Jun: lowest code GM0014 -> yes)
        ok(rows, "GM0014", "geen_nieuwe_hulp_6m", 2.0, 3.0, 2.0 / 3);
        // Stadskanaal's trajectory of v ends on e too, but v is counted for Groningen: empty cohort
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                "GM0037",
                "geen_nieuwe_hulp_6m",
                0.0,
                0.0,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        // CBS, per trajectory ended in H1: Groningen x (new start 1 Aug <= 31 Dec: no), y, z, w, v -> 4 of 5
        ok(rows, "GM0014", "geen_nieuwe_start_cbs", 4.0, 5.0, 0.8);
        ok(rows, "GM0037", "geen_nieuwe_start_cbs", 1.0, 1.0, 1);
        // the region JZ10 holds both; v is one youth there
        assertFigure(rows, Niveau.JEUGDREGIO, "JZ10", "geen_nieuwe_hulp_6m", 2.0, 3.0, 2.0 / 3, IndicatorRow.Status.OK);
        assertFigure(
                rows, Niveau.JEUGDREGIO, "JZ10", "geen_nieuwe_start_cbs", 5.0, 6.0, 5.0 / 6, IndicatorRow.Status.OK);
        // active JH clients: Groningen x y z w v = 5, Stadskanaal v = 1, JZ10 and NL: 5 distinct
        ok(rows, "GM0014", "jeugdigen_jh", 5.0, null, 5);
        ok(rows, "GM0037", "jeugdigen_jh", 1.0, null, 1);
        assertFigure(rows, Niveau.JEUGDREGIO, "JZ10", "jeugdigen_jh", 5.0, null, 5.0, IndicatorRow.Status.OK);
        assertFigure(rows, Niveau.NEDERLAND, "NL", "jeugdigen_jh", 5.0, null, 5.0, IndicatorRow.Status.OK);
        // Almere did not deliver for 2024H1: x's later care there counts for follow-up, not for Almere's H1
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                "GM0034",
                "jeugdigen_jh",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);

        // 2024H2: Almere's x is running; nothing ended, so the follow-up shares have empty denominators
        List<IndicatorRow> h2 = engine.compute(H2);
        ok(h2, "GM0034", "jeugdigen_jh", 1.0, null, 1);
        assertFigure(
                h2,
                Niveau.GEMEENTE,
                "GM0034",
                "geen_nieuwe_hulp_6m",
                0.0,
                0.0,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        // 2025H1 has no 2025H2 delivery: not yet available
        assertFigure(
                engine.compute(Periode.parse("2025H1")),
                Niveau.GEMEENTE,
                "GM0034",
                "geen_nieuwe_hulp_6m",
                null,
                null,
                null,
                IndicatorRow.Status.NOG_NIET_BESCHIKBAAR);
    }

    /** The merge rule: a later delivery of the same trajectory fills its end date. */
    @Test
    void laterDeliveryFillsEndDate() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014").row(jh("u", "01", "2024-01-10", null)).row(jh("t", "01", "2024-02-01", null));
        lake.delivery("2024H2", "GM0014")
                // u ended in H2 (delivered then); t is not in the H2 delivery: its H1 row stays as it was
                .row(jh("u", "01", "2024-01-10", "2024-09-30").reden("01"));
        IndicatorEngine engine = lake.engine();
        List<IndicatorRow> h1 = engine.compute(H1);
        ok(h1, "GM0014", "trajecten_actief.jeugdhulp_zonder_verblijf", 2.0, null, 2);
        ok(h1, "GM0014", "trajecten_beeindigd.jeugdhulp_zonder_verblijf", 0.0, null, 0);
        List<IndicatorRow> h2 = engine.compute(H2);
        // both active in H2 (t still without an end), u ended in H2: 10 Jan - 30 Sep = 264 days
        ok(h2, "GM0014", "trajecten_actief.jeugdhulp_zonder_verblijf", 2.0, null, 2);
        ok(h2, "GM0014", "trajecten_beeindigd.jeugdhulp_zonder_verblijf", 1.0, null, 1);
        ok(h2, "GM0014", "duur_mediaan_dagen", null, 1.0, 264);
        ok(h2, "GM0014", "beeindigd_volgens_plan", 1.0, 1.0, 1);
    }

    /** Per 1,000: youths under 18 in the year of the periode, over the summed population of the deliverers. */
    @Test
    void perThousandAndMissingPopulation() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-01", null).age(2010, 13, "2"))
                // born 2006: 2024 − 2006 = 18, not < 18: counted in jeugdigen_jh, not per 1000
                .row(jh("b", "01", "2024-01-01", null).age(2006, 17, "1"));
        lake.delivery("2024H1", "GM0037").row(jh("c", "01", "2024-01-01", null));
        lake.delivery("2024H1", "GM0034").row(jh("d", "01", "2024-01-01", null));
        // 2024: Almere (GM0034) is missing from the file
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\nGM0037;31000;6000\n");
        List<IndicatorRow> rows = lake.engine().compute(H1);
        ok(rows, "GM0014", "jeugdigen_jh", 2.0, null, 2);
        ok(rows, "GM0014", "jeugdigen_jh_per_1000", 1.0, 40000.0, 0.025);
        ok(rows, "GM0037", "jeugdigen_jh_per_1000", 1.0, 6000.0, 1.0 / 6);
        // JZ10 = Groningen + Stadskanaal: 2 / 46000
        assertFigure(
                rows,
                Niveau.JEUGDREGIO,
                "JZ10",
                "jeugdigen_jh_per_1000",
                2.0,
                46000.0,
                2000.0 / 46000,
                IndicatorRow.Status.OK);
        // Almere delivered but has no population: it, its region and the country are not available
        assertFigure(
                rows,
                Niveau.GEMEENTE,
                "GM0034",
                "jeugdigen_jh_per_1000",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        assertFigure(
                rows,
                Niveau.JEUGDREGIO,
                "JZ06",
                "jeugdigen_jh_per_1000",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        assertFigure(
                rows,
                Niveau.NEDERLAND,
                "NL",
                "jeugdigen_jh_per_1000",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
        // size classes from the same file: Groningen 150-250k, Stadskanaal 20-50k; Almere in none
        assertFigure(rows, Niveau.GROOTTEKLASSE, "150-250k", "jeugdigen_jh", 2.0, null, 2.0, IndicatorRow.Status.OK);
        assertFigure(rows, Niveau.GROOTTEKLASSE, "20-50k", "jeugdigen_jh", 1.0, null, 1.0, IndicatorRow.Status.OK);
        assertFigure(
                rows,
                Niveau.GROOTTEKLASSE,
                ">=250k",
                "jeugdigen_jh",
                null,
                null,
                null,
                IndicatorRow.Status.NIET_BESCHIKBAAR);
    }

    /**
     * O/E volgens plan: expected = Σ strata ended × national rate. Strata here: age 4–11 man zonder verblijf
     * (national 3 of 4 volgens plan) and age 12–17 vrouw zonder verblijf (0 of 2).
     */
    @Test
    void observedOverExpected() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-01", "2024-03-01").age(2019, 5, "1").reden("01"))
                .row(jh("b", "01", "2024-01-01", "2024-03-01").age(2019, 5, "1").reden("02"));
        lake.delivery("2024H1", "GM0034")
                .row(jh("c", "01", "2024-01-01", "2024-03-01").age(2019, 5, "1").reden("01"))
                .row(jh("d", "01", "2024-01-01", "2024-03-01").age(2019, 5, "1").reden("01"))
                .row(jh("e", "01", "2024-01-01", "2024-03-01")
                        .age(2010, 14, "2")
                        .reden("02"))
                .row(jh("f", "01", "2024-01-01", "2024-03-01")
                        .age(2010, 14, "2")
                        .reden("05"));
        List<IndicatorRow> rows = lake.engine().compute(H1);
        // Groningen: O = 1, E = 2 × 0.75 = 1.5
        ok(rows, "GM0014", "oe_volgens_plan", 1.0, 1.5, 1 / 1.5);
        // Almere: O = 2, E = 2 × 0.75 + 2 × 0 = 1.5
        ok(rows, "GM0034", "oe_volgens_plan", 2.0, 1.5, 2 / 1.5);
        assertFigure(rows, Niveau.NEDERLAND, "NL", "oe_volgens_plan", 3.0, 3.0, 1.0, IndicatorRow.Status.OK);
        // exact Poisson interval of O = 1: [0.02532, 5.57164], divided by E = 1.5
        IndicatorRow groningen = find(rows, Niveau.GEMEENTE, "GM0014", "oe_volgens_plan");
        assertEquals(0.025318 / 1.5, groningen.ciLaag(), 1e-5);
        assertEquals(5.571643 / 1.5, groningen.ciHoog(), 1e-5);
        // funnel limits around 1 for E = 1.5: 1 ± 1.959964 / √1.5 (the lower one cut at 0)
        assertEquals(0.0, groningen.funnel95Laag(), EXACT);
        assertEquals(1 + 1.959964 / Math.sqrt(1.5), groningen.funnel95Hoog(), EXACT);
        // voortijdig: 02, 03, 04 only — 05 (externe omstandigheden) is not voortijdig
        ok(rows, "GM0034", "voortijdig_beeindigd", 1.0, 4.0, 0.25);
    }

    /** Funnel limits of a share are drawn around the national value, by the unit's denominator. */
    @Test
    void funnelLimitsAroundTheNationalShare() {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery groningen = lake.delivery("2024H1", "GM0014");
        TestLake.Delivery almere = lake.delivery("2024H1", "GM0034");
        for (int i = 0; i < 40; i++) {
            groningen.row(jh("g" + i, i < 10 ? "11" : "01", "2024-01-01", null));
        }
        for (int i = 0; i < 60; i++) {
            almere.row(jh("a" + i, i < 30 ? "11" : "01", "2024-01-01", null));
        }
        List<IndicatorRow> rows = lake.engine().compute(H1);
        IndicatorRow g = find(rows, Niveau.GEMEENTE, "GM0014", "aandeel_met_verblijf");
        // national 40 / 100 = 0.4; Groningen n = 40: 0.4 ± z √(0.4 × 0.6 / 40)
        double half95 = 1.959964 * Math.sqrt(0.4 * 0.6 / 40);
        double half998 = 3.090232 * Math.sqrt(0.4 * 0.6 / 40);
        assertEquals(0.4 - half95, g.funnel95Laag(), EXACT);
        assertEquals(0.4 + half95, g.funnel95Hoog(), EXACT);
        assertEquals(0.4 - half998, g.funnel998Laag(), EXACT);
        assertEquals(0.4 + half998, g.funnel998Hoog(), EXACT);
        assertEquals(0.25, g.waarde(), EXACT);
        Set<Niveau> niveaus = rows.stream().map(IndicatorRow::niveau).collect(Collectors.toSet());
        assertEquals(Set.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND), niveaus);
    }

    /**
     * The provider levels (indicators v1.2): A = 11111111, B = 22222222. In 2024H1 GM0014 (JZ10) delivers a (A, plan),
     * b (A, voortijdig), c (B, met verblijf, open) and d (an invalid AGB: no provider); GM0037 (JZ10) delivers e (A,
     * plan) and b again, at B, the day after b ended at A (re-entry at another provider in another municipality);
     * GM0034 (JZ06) delivers f (A, plan). In 2024H2 a starts again at B in GM0034. All ended rows share one O/E
     * stratum (age 10, geslacht 1, zonder verblijf): nationally 4 of the 5 ended (a, b, d, e, f) volgens plan, 0.8.
     * Seven more youths (f1..f7) have open care at A in GM0047 (JZ10), begun before H1, so that A has 11 youths
     * nationally and 10 in JZ10 (v1.3: an own unit from 10); A has 1 youth in JZ06 and B 2 everywhere, so those pool
     * into {@code JZ06-overig}, {@code overig} and {@code JZ10-overig}.
     */
    @Test
    void providerLevelsCountTheirOwnTrajectoriesAndReEntryAnywhere() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-10", "2024-03-31")
                        .reden("01")
                        .aanmeld("2023-12-01")
                        .agb("11111111"))
                .row(jh("b", "01", "2024-02-01", "2024-05-31")
                        .reden("02")
                        .zonderHulpVerder("03")
                        .tevredenheid(8)
                        .agb("11111111"))
                .row(jh("c", "12", "2023-06-01", null).agb("22222222"))
                .row(jh("d", "01", "2024-03-01", "2024-04-30").reden("01").agb("1234"));
        lake.delivery("2024H1", "GM0037")
                .row(jh("e", "01", "2024-01-01", "2024-06-30").reden("01").agb("11111111"))
                .row(jh("b", "03", "2024-06-01", null).agb("22222222"));
        lake.delivery("2024H1", "GM0034")
                .row(jh("f", "01", "2024-02-01", "2024-04-01").reden("01").agb("11111111"));
        TestLake.Delivery fillers = lake.delivery("2024H1", "GM0047");
        for (int f = 1; f <= 7; f++) {
            fillers.row(jh("f" + f, "01", "2023-01-01", null).agb("11111111"));
        }
        lake.delivery("2024H2", "GM0034").row(jh("a", "02", "2024-09-01", null).agb("22222222"));
        List<IndicatorRow> rows = lake.engine().compute(H1);

        Niveau aanbieder = Niveau.AANBIEDER;
        String a = "11111111";
        // A nationally: a, b, e, f started and ended in H1, all zonder verblijf; f1..f7 only active
        assertFigure(
                rows,
                aanbieder,
                a,
                "trajecten_actief.jeugdhulp_zonder_verblijf",
                11.0,
                null,
                11.0,
                IndicatorRow.Status.OK);
        assertFigure(
                rows, aanbieder, a, "trajecten_actief.jeugdhulp_met_verblijf", 0.0, null, 0.0, IndicatorRow.Status.OK);
        assertFigure(
                rows,
                aanbieder,
                a,
                "trajecten_gestart.jeugdhulp_zonder_verblijf",
                4.0,
                null,
                4.0,
                IndicatorRow.Status.OK);
        assertFigure(
                rows,
                aanbieder,
                a,
                "trajecten_beeindigd.jeugdhulp_zonder_verblijf",
                4.0,
                null,
                4.0,
                IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "jeugdigen_jh", 11.0, null, 11.0, IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "beeindigd_volgens_plan", 3.0, 4.0, 0.75, IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "voortijdig_beeindigd", 1.0, 4.0, 0.25, IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "zonder_hulp_verder", 1.0, 1.0, 1.0, IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "zonder_hulp_verder_respons", 1.0, 4.0, 0.25, IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "tevredenheid_gemiddeld", 8.0, 1.0, 8.0, IndicatorRow.Status.OK);
        assertFigure(rows, aanbieder, a, "tevredenheid_respons", 1.0, 4.0, 0.25, IndicatorRow.Status.OK);
        // durations: f 60, a 81 (21 + 29 + 31), b 120, e 181: median (81 + 120) / 2
        assertFigure(rows, aanbieder, a, "duur_mediaan_dagen", null, 4.0, 100.5, IndicatorRow.Status.OK);
        // only a has an aanmelddatum: 2023-12-01 to 2024-01-10 is 40 days
        assertFigure(rows, aanbieder, a, "wachttijd_mediaan_dagen", null, 1.0, 40.0, IndicatorRow.Status.OK);
        // a starts again in GM0034 (2024-09-01, at B) and b the next day in GM0037: only e and f have no new start
        assertFigure(rows, aanbieder, a, "geen_nieuwe_start_cbs", 2.0, 4.0, 0.5, IndicatorRow.Status.OK);
        // expected 4 × 0.8 = 3.2 volgens plan, observed 3
        assertFigure(rows, aanbieder, a, "oe_volgens_plan", 3.0, 3.2, 3 / 3.2, IndicatorRow.Status.OK);

        // A in JZ10 (GM0014 and GM0037: a, b, e; GM0047: f1..f7) and in JZ06 (GM0034: f, pooled)
        Niveau regional = Niveau.AANBIEDER_JEUGDREGIO;
        assertFigure(rows, regional, "JZ10-" + a, "jeugdigen_jh", 10.0, null, 10.0, IndicatorRow.Status.OK);
        assertFigure(rows, regional, "JZ10-" + a, "beeindigd_volgens_plan", 2.0, 3.0, 2 / 3.0, IndicatorRow.Status.OK);
        assertFigure(rows, regional, "JZ10-" + a, "duur_mediaan_dagen", null, 3.0, 120.0, IndicatorRow.Status.OK);
        assertFigure(rows, regional, "JZ10-" + a, "geen_nieuwe_start_cbs", 1.0, 3.0, 1 / 3.0, IndicatorRow.Status.OK);
        assertFigure(rows, regional, "JZ10-" + a, "oe_volgens_plan", 2.0, 2.4, 2 / 2.4, IndicatorRow.Status.OK);
        assertEquals(a, find(rows, regional, "JZ10-" + a, "jeugdigen_jh").naam());
        // f is A's only youth in JZ06: pooled, and the pool holds nothing else there
        assertFigure(rows, regional, "JZ06-overig", "oe_volgens_plan", 1.0, 0.8, 1.25, IndicatorRow.Status.OK);
        assertFigure(rows, regional, "JZ06-overig", "jeugdigen_jh", 1.0, null, 1.0, IndicatorRow.Status.OK);
        assertEquals(
                "Kleine aanbieders (minder dan 10 jeugdigen)",
                find(rows, regional, "JZ06-overig", "jeugdigen_jh").naam());

        // B (pooled everywhere): c (met verblijf) and b's new care, both active, nothing ended; both in JZ10
        String b = "overig";
        assertFigure(rows, aanbieder, b, "jeugdigen_jh", 2.0, null, 2.0, IndicatorRow.Status.OK);
        assertFigure(
                rows, aanbieder, b, "trajecten_actief.jeugdhulp_met_verblijf", 1.0, null, 1.0, IndicatorRow.Status.OK);
        assertFigure(
                rows,
                aanbieder,
                b,
                "trajecten_gestart.jeugdhulp_zonder_verblijf",
                1.0,
                null,
                1.0,
                IndicatorRow.Status.OK);
        assertFigure(
                rows, aanbieder, b, "beeindigd_volgens_plan", 0.0, 0.0, null, IndicatorRow.Status.NIET_BESCHIKBAAR);
        assertFigure(rows, aanbieder, b, "duur_mediaan_dagen", null, 0.0, null, IndicatorRow.Status.NIET_BESCHIKBAAR);
        assertFigure(rows, regional, "JZ10-overig", "jeugdigen_jh", 2.0, null, 2.0, IndicatorRow.Status.OK);
        // the invalid AGB "1234" is no provider; B has no unit in JZ06 in H1 (its care there starts in H2)
        Set<String> providerCodes = rows.stream()
                .filter(r -> r.niveau().provider())
                .map(IndicatorRow::code)
                .collect(Collectors.toSet());
        assertEquals(Set.of(a, "overig", "JZ10-" + a, "JZ06-overig", "JZ10-overig"), providerCodes);
        // only the provider indicators
        Set<String> providerIndicators = rows.stream()
                .filter(r -> r.niveau() == Niveau.AANBIEDER && r.code().equals(a))
                .map(r -> r.indicator().id())
                .collect(Collectors.toSet());
        assertEquals(Indicator.PROVIDER.stream().map(Indicator::id).collect(Collectors.toSet()), providerIndicators);
        assertTrue(!providerIndicators.contains("geen_nieuwe_hulp_6m")
                && !providerIndicators.contains("kosten_per_jeugdige"));

        // how complete the provider view is (pooled AGBs are known providers too): GM0014 a, b, c of a, b, c, d;
        // GM0037 2 of 2; Nederland 13 of 14
        ok(rows, "GM0014", "aandeel_met_aanbieder", 3.0, 4.0, 0.75);
        ok(rows, "GM0037", "aandeel_met_aanbieder", 2.0, 2.0, 1.0);
        assertFigure(
                rows, Niveau.NEDERLAND, "NL", "aandeel_met_aanbieder", 13.0, 14.0, 13 / 14.0, IndicatorRow.Status.OK);
        // provider funnel limits lie around the national value: volgens plan nationally 4 / 5
        IndicatorRow plan = find(rows, aanbieder, a, "beeindigd_volgens_plan");
        assertTrue(plan.funnel95Laag() < 0.8 && plan.funnel95Hoog() > 0.8, plan.toString());
        IndicatorRow gemeentePlan = find(rows, Niveau.GEMEENTE, "GM0014", "beeindigd_volgens_plan");
        assertEquals(Stats.funnelProportion(0.8, 3, Stats.Z95).low(), gemeentePlan.funnel95Laag(), EXACT);
        assertEquals(Stats.funnelProportion(0.8, 4, Stats.Z95).low(), plan.funnel95Laag(), EXACT);
    }

    /**
     * The v1.3 unit rule over time: C (33333333) has 9 distinct youths in 2024H1 (one of them with two trajectories),
     * so it is pooled in {@code overig}; in 2024H2 a tenth youth starts and C is a unit of its own, nationally and in
     * JZ10, while the pool keeps D (44444444, one youth). Youths count once however many trajectories they have.
     */
    @Test
    void anAgbIsItsOwnUnitFromTenDistinctYouths() {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery h1 = lake.delivery("2024H1", "GM0014");
        for (int y = 1; y <= 9; y++) {
            h1.row(jh("c" + y, "01", "2024-01-01", null).agb("33333333"));
        }
        h1.row(jh("c1", "02", "2024-02-01", null).agb("33333333"));
        h1.row(jh("d1", "01", "2024-01-01", null).agb("44444444"));
        TestLake.Delivery h2 = lake.delivery("2024H2", "GM0014");
        for (int y = 1; y <= 10; y++) {
            h2.row(jh("c" + y, "01", y <= 9 ? "2024-01-01" : "2024-08-01", null).agb("33333333"));
        }
        h2.row(jh("d1", "01", "2024-01-01", null).agb("44444444"));
        IndicatorEngine engine = lake.engine();

        List<IndicatorRow> first = engine.compute(H1);
        assertEquals(Set.of("overig", "JZ10-overig"), providerCodes(first));
        assertFigure(first, Niveau.AANBIEDER, "overig", "jeugdigen_jh", 10.0, null, 10.0, IndicatorRow.Status.OK);
        assertFigure(
                first,
                Niveau.AANBIEDER,
                "overig",
                "trajecten_actief.jeugdhulp_zonder_verblijf",
                11.0,
                null,
                11.0,
                IndicatorRow.Status.OK);

        List<IndicatorRow> second = engine.compute(Periode.parse("2024H2"));
        assertEquals(Set.of("33333333", "overig", "JZ10-33333333", "JZ10-overig"), providerCodes(second));
        assertFigure(second, Niveau.AANBIEDER, "33333333", "jeugdigen_jh", 10.0, null, 10.0, IndicatorRow.Status.OK);
        assertFigure(
                second,
                Niveau.AANBIEDER_JEUGDREGIO,
                "JZ10-33333333",
                "jeugdigen_jh",
                10.0,
                null,
                10.0,
                IndicatorRow.Status.OK);
        assertFigure(second, Niveau.AANBIEDER, "overig", "jeugdigen_jh", 1.0, null, 1.0, IndicatorRow.Status.OK);
        assertFigure(
                second,
                Niveau.AANBIEDER,
                "33333333",
                "trajecten_gestart.jeugdhulp_zonder_verblijf",
                1.0,
                null,
                1.0,
                IndicatorRow.Status.OK);
    }

    private static Set<String> providerCodes(List<IndicatorRow> rows) {
        return rows.stream()
                .filter(r -> r.niveau().provider())
                .map(IndicatorRow::code)
                .collect(Collectors.toSet());
    }

    /**
     * A population file that is wrong for a gemeente (fewer youths live there than are in care, as with a scaled
     * synthetic population and a real delivery): the per-1,000 value is still written, with no interval, never NaN
     * (which the tables cannot hold).
     */
    @Test
    void moreYouthsInCareThanLiveThereGivesAValueWithoutInterval() {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery d = lake.delivery("2024H1", "GM0014");
        for (int y = 1; y <= 30; y++) {
            d.row(jh("y" + y, "01", "2024-01-01", null));
        }
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;100;20\n");
        IndicatorRow row = find(lake.engine().compute(H1), Niveau.GEMEENTE, "GM0014", "jeugdigen_jh_per_1000");
        assertEquals(1500.0, row.waarde());
        assertNull(row.ciLaag());
        assertNull(row.ciHoog());
        assertNull(row.funnel95Laag(), "no funnel around a national 'share' above 1 either");
        assertNull(row.funnel998Hoog());
    }
}
