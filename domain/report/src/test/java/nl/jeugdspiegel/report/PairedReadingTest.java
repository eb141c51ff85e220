package nl.jeugdspiegel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;

/**
 * Figures to read together, on hand-made tables of four half-years (2023H1–2024H2; the follow-up of 2024H2 is not
 * there). Groningen: the median duration of ended care fell from 200 to 150 days (2024H2 against 2023H2) while geen
 * nieuwe hulp within 6 months fell from 80 % to 70 % (2024H1 against 2023H1), and volgens plan rose from 50 % to 60 %
 * while voortijdig rose from 20 % to 25 %. Both pairs are named, with their figures; a gemeente whose duration fell
 * with fewer returns gets none.
 */
class PairedReadingTest {

    private static IndicatorRow row(String p, String code, Indicator indicator, Double teller, double noemer) {
        double waarde = teller == null ? noemer : teller / noemer;
        return new IndicatorRow(
                Periode.parse(p),
                code.equals("NL") ? Niveau.NEDERLAND : Niveau.GEMEENTE,
                code,
                code,
                indicator,
                teller,
                teller == null ? 400.0 : noemer,
                waarde,
                null,
                null,
                IndicatorRow.Status.OK,
                null,
                null,
                null,
                null);
    }

    @Test
    void shorterCareWithMoreReturnsAndMorePlannedWithMoreEarlyEndsAreReadTogether() throws Exception {
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        String[] periods = {"2023H1", "2023H2", "2024H1", "2024H2"};
        for (int i = 0; i < periods.length; i++) {
            boolean late = i >= 2;
            List<IndicatorRow> rows = new ArrayList<>();
            for (String code : List.of("GM0014", "GM0034", "NL")) {
                boolean groningen = !code.equals("GM0034");
                // the median duration (teller empty, noemer the observations, waarde the days)
                rows.add(row(periods[i], code, Indicator.DUUR_MEDIAAN_DAGEN, null, late ? 150 : 200));
                rows.add(row(periods[i], code, Indicator.GEEN_NIEUWE_HULP_6M, groningen && late ? 280.0 : 320.0, 400));
                rows.add(row(periods[i], code, Indicator.BEEINDIGD_VOLGENS_PLAN, late ? 240.0 : 200.0, 400));
                rows.add(row(periods[i], code, Indicator.VOORTIJDIG_BEEINDIGD, groningen && late ? 100.0 : 80.0, 400));
            }
            tables.put(Periode.parse(periods[i]), rows);
        }
        StringBuilder json = new StringBuilder("{\"perioden\":{");
        for (int i = 0; i < periods.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(periods[i])
                    .append("\":{\"vervolg_beschikbaar\":")
                    .append(i < 3)
                    .append(
                            ",\"leveringen\":{\"GM0014\":\"2025-01-01T00:00:00Z\",\"GM0034\":\"2025-01-01T00:00:00Z\"},")
                    .append("\"grootteklassen\":{}}");
        }
        json.append("},\"bevolking\":{}}");
        ReportData data = ReportData.of(tables, Manifest.read(json.toString().getBytes(StandardCharsets.UTF_8)));

        List<String> groningen = PairedReading.of(data, new Unit(Niveau.GEMEENTE, "GM0014"));
        assertEquals(2, groningen.size(), groningen.toString());
        assertTrue(groningen.get(0).contains("mediaan 200 → 150 dagen"), groningen.get(0));
        assertTrue(groningen.get(0).contains("80,0% → 70,0%"), groningen.get(0));
        assertTrue(
                groningen.get(1).contains("50,0% → 60,0%") && groningen.get(1).contains("20,0% → 25,0%"));
        // Almere: shorter care, but as few returns as before, and no more early ends: nothing to read together
        assertEquals(List.of(), PairedReading.of(data, new Unit(Niveau.GEMEENTE, "GM0034")));
    }
}
