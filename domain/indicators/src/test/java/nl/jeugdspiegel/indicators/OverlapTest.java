package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jb;
import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dubbel_geleverd}, worked out by hand. Groningen (GM0014) and Stadskanaal (GM0037) are in JZ10, Almere
 * (GM0034) in JZ06; Veendam (GM0047, JZ10) did not deliver for 2025H1.
 */
class OverlapTest {

    private static final Periode P = Periode.parse("2025H1");

    @TempDir
    Path dir;

    @Test
    void youthsDeliveredForTheSameDayByTwoMunicipalities() {
        TestLake lake = new TestLake(dir);
        lake.delivery("2025H1", "GM0014")
                // x: Groningen January–March, Almere from February: both on 1 February–31 March
                .row(jh("x", "01", "2025-01-01", "2025-03-31").reden("01"))
                // y moved: Groningen until 31 January, Almere from 1 February: never the same day
                .row(jh("y", "01", "2024-10-01", "2025-01-31").reden("01"))
                // z: in three municipalities (Almere's from 30 June, Stadskanaal's March: those two never on one day)
                .row(jh("z", "11", "2024-06-01", null))
                // w: jeugdbescherming in Groningen next to jeugdhulp in Almere is not double jeugdhulp
                .row(jb("w", "11", "2025-01-01", null))
                // v: twice in Groningen itself (two trajectories) is not double either
                .row(jh("v", "01", "2025-01-01", null))
                .row(jh("v", "12", "2025-02-01", null));
        lake.delivery("2025H1", "GM0034")
                .row(jh("x", "01", "2025-02-01", null))
                .row(jh("y", "01", "2025-02-01", null))
                .row(jh("z", "01", "2025-06-30", null))
                .row(jh("w", "01", "2025-01-01", null));
        lake.delivery("2025H1", "GM0037")
                .row(jh("z", "02", "2025-03-01", "2025-04-01").reden("01"));
        // Veendam delivered z only for the half-year before: not in the deliveries for P
        lake.delivery("2024H2", "GM0047").row(jh("z", "01", "2024-07-01", null));

        IndicatorEngine.Computed computed = lake.engine().computeAll(P);
        List<IndicatorRow> rows = computed.rows();
        assertEquals(2.0, value(rows, Niveau.GEMEENTE, "GM0014"), "x and z");
        assertEquals(2.0, value(rows, Niveau.GEMEENTE, "GM0034"), "x and z (with Groningen)");
        assertEquals(1.0, value(rows, Niveau.GEMEENTE, "GM0037"), "z");
        assertEquals(2.0, value(rows, Niveau.JEUGDREGIO, "JZ10"), "x and z, z once");
        assertEquals(2.0, value(rows, Niveau.JEUGDREGIO, "JZ06"));
        assertEquals(2.0, value(rows, Niveau.NEDERLAND, "NL"), "distinct youths, not a sum of gemeenten (5)");
        assertEquals(
                IndicatorRow.Status.NIET_BESCHIKBAAR,
                TestLake.find(rows, Niveau.GEMEENTE, "GM0047", "dubbel_geleverd")
                        .status());
        assertEquals(
                Map.of(
                        "GM0014", Map.of("GM0034", 2L, "GM0037", 1L),
                        "GM0034", Map.of("GM0014", 2L),
                        "GM0037", Map.of("GM0014", 1L)),
                computed.overlap());
        // no provider rows for it
        assertEquals(
                0,
                rows.stream()
                        .filter(r -> r.indicator() == Indicator.DUBBEL_GELEVERD
                                && r.niveau().provider())
                        .count());
    }

    private static double value(List<IndicatorRow> rows, Niveau niveau, String code) {
        return TestLake.find(rows, niveau, code, "dubbel_geleverd").waarde();
    }
}
