package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;

/**
 * The vooruitblik from indicator tables: 12 municipalities in 2 jeugdregio's over 10 half-years (2021H1–2025H2) whose
 * jeugdhulp zonder verblijf starts grow 6 % a half-year (60 % of active care continuing); one municipality misses a
 * delivery. Forecasts for 2026H1–2027H2 per gemeente, jeugdregio and Nederland, coherent; a backtest per niveau and
 * horizon that beats the naive forecast on this trend.
 */
class VooruitblikTablesTest {

    private static IndicatorRow row(Periode p, String code, Indicator indicator, double value, boolean ok) {
        return row(p, Niveau.GEMEENTE, code, indicator, value, ok);
    }

    private static IndicatorRow row(
            Periode p, Niveau niveau, String code, Indicator indicator, double value, boolean ok) {
        return new IndicatorRow(
                p,
                niveau,
                code,
                code,
                indicator,
                ok ? value : null,
                null,
                ok ? value : null,
                null,
                null,
                ok ? IndicatorRow.Status.OK : IndicatorRow.Status.NIET_BESCHIKBAAR,
                null,
                null,
                null,
                null);
    }

    @Test
    void forecastsPerLevelAreCoherentAndTheBacktestBeatsTheNaiveForecastOnATrend() {
        SplittableRandom r = new SplittableRandom(6);
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        Map<String, String> region = new HashMap<>();
        Periode first = Periode.parse("2021H1");
        int categories = Indicator.CATEGORIES.size();
        double[][] carried = new double[12][categories];
        for (int m = 0; m < 12; m++) {
            region.put("GM" + (1000 + m), m < 6 ? "JZ01" : "JZ02");
            for (int c = 0; c < categories; c++) {
                carried[m][c] = (100 + 40 * m) / (c == 0 ? 1.0 : 5.0 * c);
            }
        }
        Periode p = first;
        for (int t = 0; t < 10; t++, p = p.next()) {
            List<IndicatorRow> rows = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                String code = "GM" + (1000 + m);
                boolean ok = !(m == 3 && t == 2); // one missed delivery
                double activeJh = 0;
                for (int c = 0; c < categories; c++) {
                    // jeugdhulp zonder verblijf grows 6 % a half-year, the other categories stay level
                    double rate = (60 + 30 * m) * (c == 0 ? Math.pow(1.06, t) : 1.0 / (5 * c));
                    double started = Draws.gammaPoisson(r, rate, 1);
                    double active = carried[m][c] + started;
                    double stay = 0;
                    for (int i = 0; i < active; i++) {
                        stay += r.nextDouble() < 0.6 ? 1 : 0;
                    }
                    rows.add(row(p, code, Indicator.TRAJECTEN_ACTIEF.get(c), active, ok));
                    rows.add(row(p, code, Indicator.TRAJECTEN_GESTART.get(c), started, ok));
                    rows.add(row(p, code, Indicator.TRAJECTEN_BEEINDIGD.get(c), active - stay, ok));
                    carried[m][c] = stay;
                    activeJh += c < 3 ? active : 0;
                }
                rows.add(row(p, code, Indicator.JEUGDIGEN_JH, Math.round(0.85 * activeJh), ok));
                // half of the municipalities deliver kosten: 22 euro per active jeugdhulp trajectory-day
                double days = p.lastEpochDay() - p.firstEpochDay() + 1;
                rows.add(row(p, code, Indicator.KOSTEN_PER_JEUGDIGE, 22 * days * activeJh, ok && m % 2 == 0));
            }
            // the jeugdregio's and Nederland's own rows of what the youths' forecast reads
            for (String unit : List.of("JZ01", "JZ02", "NL")) {
                Niveau niveau = unit.equals("NL") ? Niveau.NEDERLAND : Niveau.JEUGDREGIO;
                for (Indicator indicator : List.of(
                        Indicator.JEUGDIGEN_JH,
                        Indicator.TRAJECTEN_ACTIEF.get(0),
                        Indicator.TRAJECTEN_ACTIEF.get(1),
                        Indicator.TRAJECTEN_ACTIEF.get(2))) {
                    double total = rows.stream()
                            .filter(x -> x.niveau() == Niveau.GEMEENTE
                                    && x.indicator() == indicator
                                    && x.ok()
                                    && (unit.equals("NL")
                                            || region.get(x.code()).equals(unit)))
                            .mapToDouble(IndicatorRow::waarde)
                            .sum();
                    // distinct youths: a few have care in two municipalities of the region
                    rows.add(row(
                            p,
                            niveau,
                            unit,
                            indicator,
                            indicator == Indicator.JEUGDIGEN_JH ? 0.98 * total : total,
                            true));
                }
            }
            tables.put(p, rows);
        }
        VooruitblikTables.Result result = VooruitblikTables.of(tables, region);
        List<VooruitblikTable.Forecast> latest = result.forecasts().stream()
                .filter(f -> f.basis().equals(Periode.parse("2025H2")))
                .toList();
        // 12 gemeenten, 2 regions and Nederland, 4 half-years each, for the 5 active counts, the starts and the youths;
        // the cost for the 6 municipalities with kosten, their 2 regions and Nederland
        assertEquals((12 + 2 + 1) * 4 * 7 + (6 + 2 + 1) * 4, latest.size());
        // the ratio quantities follow their ratios: 22 euro per trajectory-day (2026H1 has 181 days) and 0.85 youths
        // per active jeugdhulp trajectory, the region's youths its own 0.98 of that
        double activeJh = forecast(latest, "GM1000", VooruitblikTable.Grootheid.ACTIEF_JH_ZONDER_VERBLIJF)
                + forecast(latest, "GM1000", VooruitblikTable.Grootheid.ACTIEF_JH_MET_VERBLIJF)
                + forecast(latest, "GM1000", VooruitblikTable.Grootheid.ACTIEF_JH_VERBLIJF_ONBEKEND);
        assertEquals(
                22 * 181,
                forecast(latest, "GM1000", VooruitblikTable.Grootheid.KOSTEN_TOTAAL) / activeJh,
                0.01 * 22 * 181);
        assertEquals(0.85, forecast(latest, "GM1000", VooruitblikTable.Grootheid.JEUGDIGEN_JH) / activeJh, 0.02);
        double regionJh = forecast(latest, "JZ01", VooruitblikTable.Grootheid.ACTIEF_JH_ZONDER_VERBLIJF)
                + forecast(latest, "JZ01", VooruitblikTable.Grootheid.ACTIEF_JH_MET_VERBLIJF)
                + forecast(latest, "JZ01", VooruitblikTable.Grootheid.ACTIEF_JH_VERBLIJF_ONBEKEND);
        assertEquals(0.98 * 0.85, forecast(latest, "JZ01", VooruitblikTable.Grootheid.JEUGDIGEN_JH) / regionJh, 0.02);
        assertTrue(forecast(latest, "GM1001", VooruitblikTable.Grootheid.KOSTEN_TOTAAL) < 0, "no kosten, no cost");
        latest = latest.stream()
                .filter(f -> f.grootheid() == VooruitblikTable.Grootheid.ACTIEF_JH_ZONDER_VERBLIJF)
                .toList();
        double sum = latest.stream()
                .filter(f -> f.niveau() == Niveau.GEMEENTE && f.periode().equals(Periode.parse("2027H2")))
                .mapToDouble(VooruitblikTable.Forecast::voorspelling)
                .sum();
        VooruitblikTable.Forecast nl = latest.stream()
                .filter(f -> f.niveau() == Niveau.NEDERLAND && f.periode().equals(Periode.parse("2027H2")))
                .findFirst()
                .orElseThrow();
        assertEquals(sum, nl.voorspelling(), 1e-6 * sum, "Nederland is the sum of its municipalities");
        assertTrue(nl.pi80Laag() < nl.voorspelling() && nl.voorspelling() < nl.pi80Hoog());
        assertTrue(nl.pi95Laag() <= nl.pi80Laag() && nl.pi80Hoog() <= nl.pi95Hoog());
        // the backtest: per niveau and horizon 1-4, origins 2023H1 (4 earlier half-years) onwards
        for (Niveau niveau : List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.NEDERLAND)) {
            for (int h = 1; h <= 4; h++) {
                final int horizon = h;
                VooruitblikTable.Backtest b = result.backtest().stream()
                        .filter(x -> x.niveau() == niveau
                                && x.horizon() == horizon
                                && x.grootheid() == VooruitblikTable.Grootheid.ACTIEF_JH_ZONDER_VERBLIJF)
                        .findFirst()
                        .orElseThrow();
                assertTrue(b.n() > 0);
                assertTrue(b.mae() < b.maeNaief(), b.toString());
            }
        }
        VooruitblikTable.Backtest gemeenten = result.backtest().stream()
                .filter(x -> x.niveau() == Niveau.GEMEENTE
                        && x.horizon() == 1
                        && x.grootheid() == VooruitblikTable.Grootheid.ACTIEF_JH_ZONDER_VERBLIJF)
                .findFirst()
                .orElseThrow();
        System.out.println("vooruitblik tables backtest, gemeente, 1 half-year ahead: " + gemeenten);
        assertTrue(gemeenten.dekking80() > 0.6 && gemeenten.dekking95() > 0.8, gemeenten.toString());
    }

    /** The forecast one half-year ahead of a unit's quantity; -1 when there is none. */
    private static double forecast(List<VooruitblikTable.Forecast> rows, String code, VooruitblikTable.Grootheid g) {
        return rows.stream()
                .filter(f -> f.code().equals(code)
                        && f.grootheid() == g
                        && f.periode().equals(Periode.parse("2026H1")))
                .mapToDouble(VooruitblikTable.Forecast::voorspelling)
                .findFirst()
                .orElse(-1);
    }

    /**
     * Data the model was not designed for: one or two half-years of history (no backtest origin), a gemeente with no
     * care at all, one ten times the others, and counts that jump: every forecast finite, its bands nested.
     */
    @Test
    void shortHistoriesEmptyAndHugeMunicipalitiesGiveFiniteNestedForecasts() {
        for (int length : new int[] {1, 2, 7}) {
            SplittableRandom r = new SplittableRandom(length);
            Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
            Map<String, String> region = Map.of("GM2000", "JZ01", "GM2001", "JZ01", "GM2002", "JZ01");
            Periode p = Periode.parse("2022H1");
            for (int t = 0; t < length; t++, p = p.next()) {
                List<IndicatorRow> rows = new ArrayList<>();
                for (int m = 0; m < 3; m++) {
                    String code = "GM" + (2000 + m);
                    for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
                        // GM2000 has nothing; GM2002 is ten times GM2001 and jumps every other half-year
                        double scale = m == 0 ? 0 : m == 1 ? 30 : 300 * (t % 2 == 0 ? 1 : 2.5);
                        double started = Draws.gammaPoisson(r, scale, 1);
                        double active = started * 2;
                        rows.add(row(p, code, Indicator.TRAJECTEN_ACTIEF.get(c), active, true));
                        rows.add(row(p, code, Indicator.TRAJECTEN_GESTART.get(c), started, true));
                        rows.add(row(p, code, Indicator.TRAJECTEN_BEEINDIGD.get(c), started, true));
                    }
                    rows.add(row(p, code, Indicator.JEUGDIGEN_JH, m == 0 ? 0 : 50 * m, true));
                    rows.add(row(p, code, Indicator.KOSTEN_PER_JEUGDIGE, m == 0 ? 0 : 1e6 * m, true));
                }
                tables.put(p, rows);
            }
            VooruitblikTables.Result result = VooruitblikTables.of(tables, region);
            assertTrue(!result.forecasts().isEmpty(), "forecasts from " + length + " half-years");
            for (VooruitblikTable.Forecast f : result.forecasts()) {
                double[] values = {f.pi95Laag(), f.pi80Laag(), f.voorspelling(), f.pi80Hoog(), f.pi95Hoog()};
                for (int i = 0; i < values.length; i++) {
                    assertTrue(Double.isFinite(values[i]) && values[i] >= 0, f.toString());
                }
                assertTrue(values[0] <= values[1] && values[1] <= values[2] + 1e-9, f.toString());
                assertTrue(values[2] <= values[3] + 1e-9 && values[3] <= values[4], f.toString());
                if (f.code().equals("GM2000") && f.grootheid() != VooruitblikTable.Grootheid.JEUGDIGEN_JH) {
                    assertEquals(0, f.voorspelling(), f.toString());
                }
            }
            assertEquals(
                    length > VooruitblikTables.MIN_ORIGIN, !result.backtest().isEmpty(), "backtest from " + length);
        }
    }

    /** A missed delivery in the window is filled in from its neighbours, so the gemeente keeps its forecast. */
    @Test
    void aMissedHalfYearIsFilledInFromItsNeighbours() {
        double nan = Double.NaN;
        assertArrayEquals(
                new double[] {4, 4, 6, 8, 8}, VooruitblikTables.filled(new double[] {0, nan, 4, nan, 8, nan}, 1, 5));
        assertArrayEquals(new double[] {2, 3, 4}, VooruitblikTables.filled(new double[] {2, nan, 4}, 0, 2));
    }
}
