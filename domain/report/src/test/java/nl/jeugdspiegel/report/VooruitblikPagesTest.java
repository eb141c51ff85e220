package nl.jeugdspiegel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorOutputs;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.contract.VooruitblikTable.Grootheid;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vooruitblik on the site: what is shown (rounded as counts, euros to 10,000), what is not and why (a forecast
 * below 10, a gemeente whose latest count is not shown, the cost of youths not shown, the one part of a sum that would
 * give a hidden one away), the fan chart with the backtest sentence, the plain warning where the forecast did not
 * beat the naive one, and the downloads. Jeugdregio Groningen (JZ10): Groningen large, Stadskanaal with 7 active
 * trajectories (not shown), Veendam and Pekela medium.
 */
class VooruitblikPagesTest {

    private static final Periode BASIS = Periode.parse("2025H2");
    private static final Indicator ZONDER = Indicator.TRAJECTEN_ACTIEF.get(0);

    private static ReportData data;
    private static Map<String, byte[]> site;

    private static IndicatorRow count(Niveau niveau, String code, Indicator indicator, double value) {
        return new IndicatorRow(
                BASIS,
                niveau,
                code,
                code,
                indicator,
                value,
                null,
                value,
                null,
                null,
                IndicatorRow.Status.OK,
                null,
                null,
                null,
                null);
    }

    /** A forecast of four half-years: the given value each time, with bands of ±10 % and ±20 %. */
    private static List<VooruitblikTable.Forecast> forecast(Niveau niveau, String code, Grootheid g, double value) {
        List<VooruitblikTable.Forecast> out = new ArrayList<>();
        Periode p = BASIS;
        for (int k = 0; k < 4; k++) {
            p = p.next();
            out.add(new VooruitblikTable.Forecast(
                    BASIS, p, niveau, code, g, value, 0.9 * value, 1.1 * value, 0.8 * value, 1.2 * value));
        }
        return out;
    }

    @BeforeAll
    static void build() throws Exception {
        List<IndicatorRow> rows = new ArrayList<>();
        Map<String, Double> actief = Map.of("GM0014", 1_203.0, "GM0037", 7.0, "GM0047", 140.0, "GM0765", 60.0);
        List<VooruitblikTable.Forecast> forecasts = new ArrayList<>();
        double region = 0;
        for (Map.Entry<String, Double> e : actief.entrySet()) {
            rows.add(count(Niveau.GEMEENTE, e.getKey(), ZONDER, e.getValue()));
            rows.add(count(Niveau.GEMEENTE, e.getKey(), Indicator.JEUGDIGEN_JH, e.getValue()));
            // Stadskanaal's forecast is 12: above 10, but its latest count is not shown
            double next = e.getKey().equals("GM0037") ? 12 : e.getValue() * 1.02;
            forecasts.addAll(forecast(Niveau.GEMEENTE, e.getKey(), Grootheid.ACTIEF_JH_ZONDER_VERBLIJF, next));
            forecasts.addAll(forecast(Niveau.GEMEENTE, e.getKey(), Grootheid.JEUGDIGEN_JH, next));
            forecasts.addAll(forecast(Niveau.GEMEENTE, e.getKey(), Grootheid.KOSTEN_TOTAAL, 9_876.5 * next));
            region += next;
        }
        forecasts.addAll(forecast(Niveau.JEUGDREGIO, "JZ10", Grootheid.ACTIEF_JH_ZONDER_VERBLIJF, region));
        // a soort of which Groningen has almost none: its forecast is below 10
        forecasts.addAll(forecast(Niveau.GEMEENTE, "GM0014", Grootheid.ACTIEF_JR, 4));
        List<VooruitblikTable.Backtest> backtest = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            backtest.add(
                    new VooruitblikTable.Backtest(Niveau.GEMEENTE, Grootheid.JEUGDIGEN_JH, h, 300, 20, 30, 0.79, 0.94));
            // the starts: never better than the naive forecast
            backtest.add(new VooruitblikTable.Backtest(
                    Niveau.GEMEENTE, Grootheid.TRAJECTEN_GESTART_JH, h, 300, 31, 30, 0.81, 0.95));
        }
        forecasts.addAll(forecast(Niveau.GEMEENTE, "GM0014", Grootheid.TRAJECTEN_GESTART_JH, 400));
        // every other figure of these units: not available
        List<Unit> units = new ArrayList<>(List.of(Unit.NEDERLAND, new Unit(Niveau.JEUGDREGIO, "JZ10")));
        actief.keySet().forEach(code -> units.add(new Unit(Niveau.GEMEENTE, code)));
        for (Unit unit : units) {
            for (Indicator indicator : Indicator.ALL) {
                if (rows.stream().noneMatch(r -> r.code().equals(unit.code()) && r.indicator() == indicator)) {
                    rows.add(new IndicatorRow(
                            BASIS,
                            unit.niveau(),
                            unit.code(),
                            unit.code(),
                            indicator,
                            null,
                            null,
                            null,
                            null,
                            null,
                            IndicatorRow.Status.NIET_BESCHIKBAAR,
                            null,
                            null,
                            null,
                            null));
                }
            }
        }
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>(Map.of(BASIS, rows));
        Manifest manifest = Manifest.read("""
                {"perioden":{"2025H2":{"vervolg_beschikbaar":false,"leveringen":{"GM0014":"2026-02-01T10:00:00Z",
                "GM0037":"2026-02-01T10:00:00Z","GM0047":"2026-02-01T10:00:00Z","GM0765":"2026-02-01T10:00:00Z"},
                "grootteklassen":{}}},"bevolking":{}}""".getBytes(StandardCharsets.UTF_8));
        data = ReportData.of(
                new IndicatorOutputs(tables, Map.of(), new VooruitblikTable.Tables(forecasts, backtest)), manifest);
        site = new SiteBuilder().build(data);
    }

    private static PublishedForecasts.Series series(String code, Grootheid g) {
        return data.forecasts().series(new Unit(Niveau.GEMEENTE, code), g);
    }

    @Test
    void countsAreRoundedAsCountsAndHiddenWhereTheyWouldTellAHiddenCount() {
        PublishedForecasts.Series groningen = series("GM0014", Grootheid.JEUGDIGEN_JH);
        assertTrue(groningen.published());
        // 1,203 × 1.02 = 1,227.06 → 1,225; its 80 % band 1,104.4–1,349.8 → 1,105–1,350
        assertEquals(1_225, groningen.rows().get(0).voorspelling());
        assertEquals(1_105, groningen.rows().get(0).low80());
        assertEquals(1_350, groningen.rows().get(0).high80());
        // euros to the nearest 10,000
        assertEquals(
                12_120_000,
                series("GM0014", Grootheid.KOSTEN_TOTAAL).rows().get(0).voorspelling());
        assertEquals(
                Disclosure.REASON_SMALL_COUNT,
                series("GM0014", Grootheid.ACTIEF_JR).reason());
        // Stadskanaal: 7 active trajectories are not shown, so neither is a forecast of 12 that lies close to them,
        // nor the cost of youths whose forecast is not shown
        assertEquals(
                PublishedForecasts.REASON_PAST_SUPPRESSED,
                series("GM0037", Grootheid.ACTIEF_JH_ZONDER_VERBLIJF).reason());
        assertFalse(series("GM0037", Grootheid.KOSTEN_TOTAAL).published());
        // the region is the sum of its members: with Stadskanaal the only one hidden, the smallest other (Pekela)
        // is hidden too, so that the region minus the shown ones is no single gemeente's forecast
        assertEquals(
                Disclosure.REASON_SECONDARY,
                series("GM0765", Grootheid.ACTIEF_JH_ZONDER_VERBLIJF).reason());
        assertTrue(series("GM0047", Grootheid.ACTIEF_JH_ZONDER_VERBLIJF).published());
        assertTrue(data.forecasts()
                .series(new Unit(Niveau.JEUGDREGIO, "JZ10"), Grootheid.ACTIEF_JH_ZONDER_VERBLIJF)
                .published());
    }

    @Test
    void aGemeentePageShowsTheFanWithTheBacktestAndSaysPlainlyWhereTheForecastWasNotBetter() {
        String page = new String(site.get("gemeente/GM0014.html"), StandardCharsets.UTF_8);
        int section = page.indexOf("id=\"vooruitblik\"");
        assertTrue(section > 0, "a Vooruitblik section");
        String vooruitblik = page.substring(section, page.indexOf("<h2", section + 10));
        assertTrue(vooruitblik.contains("<polygon points="), "a fan with its bands");
        assertTrue(vooruitblik.contains("fill-opacity=\"0.35\""), "the dark 80 % band");
        assertTrue(
                vooruitblik.contains("In het verleden lag de werkelijke waarde bij gemeenten in 8 van de 10 gevallen"
                        + " binnen de donkere band en in 9 van de 10 binnen de lichte band"),
                vooruitblik);
        assertTrue(vooruitblik.contains("gemiddeld 33% minder naast"), "20 against 30");
        assertTrue(
                vooruitblik.contains("Let op: in het verleden deed deze vooruitblik het niet beter dan aannemen dat"
                        + " alles blijft zoals in het laatste halfjaar."),
                "the starts' warning");
        assertTrue(vooruitblik.contains("1.225"), "the forecast in the table");
        assertTrue(vooruitblik.contains("beleid niet verandert"), "what it assumes");
        // Stadskanaal's page says why there is no fan
        String stadskanaal = new String(site.get("gemeente/GM0037.html"), StandardCharsets.UTF_8);
        assertTrue(stadskanaal.contains(PublishedForecasts.REASON_PAST_SUPPRESSED), "why not shown");
        assertFalse(stadskanaal.contains(">12<"), "its forecast is nowhere");
        // a gemeente without a forecast (too few deliveries) says so
        String oldambt = new String(site.get("gemeente/GM1895.html"), StandardCharsets.UTF_8);
        assertTrue(oldambt.contains("Hier is geen vooruitblik"), "why there is none");
    }

    @Test
    void theWarningNamesTheHorizonsWhereTheForecastWasNotBetter() {
        List<VooruitblikTable.Backtest> backtest = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            double mae = h == 2 ? 40 : 20;
            backtest.add(
                    new VooruitblikTable.Backtest(Niveau.GEMEENTE, Grootheid.JEUGDIGEN_JH, h, 100, mae, 30, 0.8, 0.95));
        }
        assertEquals(
                "De vooruitblik zat er in het verleden gemiddeld 17% minder naast dan aannemen dat alles blijft zoals in"
                        + " het laatste halfjaar. Let op: bij 2 halfjaar vooruit deed hij het niet beter dan dat.",
                VooruitblikPages.naive(backtest));
        backtest.set(
                0, new VooruitblikTable.Backtest(Niveau.GEMEENTE, Grootheid.JEUGDIGEN_JH, 1, 100, 31, 30, 0.8, 0.95));
        backtest.set(
                3, new VooruitblikTable.Backtest(Niveau.GEMEENTE, Grootheid.JEUGDIGEN_JH, 4, 100, 31, 30, 0.8, 0.95));
        // worse on average, better only 3 half-years ahead: said as such, never as "-2 % minder naast"
        assertEquals(
                "Let op: in het verleden deed deze vooruitblik het gemiddeld niet beter dan aannemen dat alles blijft"
                        + " zoals in het laatste halfjaar; alleen bij 3 halfjaar vooruit wel.",
                VooruitblikPages.naive(backtest));
        backtest.set(
                1, new VooruitblikTable.Backtest(Niveau.GEMEENTE, Grootheid.JEUGDIGEN_JH, 2, 100, 10, 30, 0.8, 0.95));
        assertTrue(
                VooruitblikPages.naive(backtest)
                        .endsWith("Let op: bij 1 en 4 halfjaren vooruit deed hij het niet beter dan dat."),
                VooruitblikPages.naive(backtest));
        backtest.set(
                2, new VooruitblikTable.Backtest(Niveau.GEMEENTE, Grootheid.JEUGDIGEN_JH, 3, 100, 40, 30, 0.8, 0.95));
        assertTrue(
                VooruitblikPages.naive(backtest).contains("Let op: bij 1, 3 en 4 halfjaren vooruit"),
                VooruitblikPages.naive(backtest));
    }

    @Test
    void theDownloadsHoldWhatTheSiteShowsAndNothingHidden() {
        String csv = new String(site.get("downloads/vooruitblik.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("basis_periode,periode,niveau,code,grootheid,voorspelling,pi80_laag,pi80_hoog,"));
        assertTrue(csv.contains("2025H2,2026H1,gemeente,GM0014,jeugdigen_jh,1225,"), csv);
        assertFalse(csv.contains("GM0037"), "Stadskanaal is hidden");
        assertFalse(csv.contains(",GM0765,trajecten_actief"), "Pekela's active trajectories are hidden");
        assertNotNull(site.get("downloads/backtest.csv"));
        assertTrue(new String(site.get("methode.html"), StandardCharsets.UTF_8).contains("id=\"vooruitblik\""));
    }
}
