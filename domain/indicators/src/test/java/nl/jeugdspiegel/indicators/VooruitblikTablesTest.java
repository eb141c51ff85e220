package nl.jeugdspiegel.indicators;

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
        return new IndicatorRow(
                p,
                Niveau.GEMEENTE,
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
        double[] carried = new double[12];
        for (int m = 0; m < 12; m++) {
            region.put("GM" + (1000 + m), m < 6 ? "JZ01" : "JZ02");
            carried[m] = 100 + 40 * m;
        }
        Periode p = first;
        for (int t = 0; t < 10; t++, p = p.next()) {
            List<IndicatorRow> rows = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                String code = "GM" + (1000 + m);
                double started = Vooruitblik.gammaPoisson(r, (60 + 30 * m) * Math.pow(1.06, t), 1);
                double active = carried[m] + started;
                double stay = 0;
                for (int i = 0; i < active; i++) {
                    stay += r.nextDouble() < 0.6 ? 1 : 0;
                }
                boolean ok = !(m == 3 && t == 2); // one missed delivery
                rows.add(row(p, code, Indicator.TRAJECTEN_ACTIEF.get(0), active, ok));
                rows.add(row(p, code, Indicator.TRAJECTEN_GESTART.get(0), started, ok));
                rows.add(row(p, code, Indicator.TRAJECTEN_BEEINDIGD.get(0), active - stay, ok));
                carried[m] = stay;
            }
            tables.put(p, rows);
        }
        VooruitblikTables.Result result = VooruitblikTables.of(tables, region);
        List<VooruitblikTable.Forecast> latest = result.forecasts().stream()
                .filter(f -> f.basis().equals(Periode.parse("2025H2")))
                .toList();
        // 12 gemeenten, 2 regions and Nederland, 4 half-years each, for the one soort with figures
        assertEquals((12 + 2 + 1) * 4, latest.size());
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
                        .filter(x -> x.niveau() == niveau && x.horizon() == horizon)
                        .findFirst()
                        .orElseThrow();
                assertTrue(b.n() > 0);
                assertTrue(b.mae() < b.maeNaief(), b.toString());
            }
        }
        VooruitblikTable.Backtest gemeenten = result.backtest().stream()
                .filter(x -> x.niveau() == Niveau.GEMEENTE && x.horizon() == 1)
                .findFirst()
                .orElseThrow();
        System.out.println("vooruitblik tables backtest, gemeente, 1 half-year ahead: " + gemeenten);
        assertTrue(gemeenten.dekking80() > 0.6 && gemeenten.dekking95() > 0.8, gemeenten.toString());
    }
}
