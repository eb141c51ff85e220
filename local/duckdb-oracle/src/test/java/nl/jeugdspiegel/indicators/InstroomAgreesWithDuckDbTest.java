package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.oracle.DuckDbIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort members of the Java rules ({@link Instroom}) and of the independent DuckDB SQL
 * ({@code sql/instroom.duckdb.sql}) agree on a lake with the hard cases: an episode continued in another municipality
 * on the next day, a return after a gap, an open episode, a tie between two municipalities starting the same day, two
 * trajectories ending on the same day with different reasons, and care that started before the half-year.
 */
class InstroomAgreesWithDuckDbTest {

    @TempDir
    Path dir;

    @TempDir
    Path work;

    @Test
    void membersAgree() throws Exception {
        TestLake lake = new TestLake(dir);
        lake.delivery("2023H2", "GM0014")
                .row(jh("d", "01", "2023-09-01", null)) // in care since 2023H2: no member of 2024H1
                .row(jh("b", "01", "2023-08-01", "2023-08-31").reden("01"));
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-10", "2024-03-31").reden("01").agb("11111111"))
                .row(jh("b", "01", "2024-02-01", "2024-02-28").reden("01"))
                .row(jh("c", "03", "2024-03-05", "2024-05-01").reden("01").agb("33333333"))
                .row(jh("c", "01", "2024-03-05", "2024-04-01").reden("01").agb("22222222"))
                .row(jh("d", "01", "2023-09-01", null))
                .row(jh("e", "01", "2024-01-15", "2024-04-30").reden("01"))
                .row(jh("e", "03", "2024-02-15", "2024-04-30").reden("02"));
        lake.delivery("2024H1", "GM0034")
                .row(jh("a", "01", "2024-04-01", "2024-06-20").reden("02")) // the next day, elsewhere
                .row(jh("c", "01", "2024-03-05", null).agb("00000001")); // the same start, a higher code
        lake.delivery("2024H2", "GM0014")
                .row(jh("b", "01", "2024-09-01", null)) // back after a gap
                .row(jh("f", "01", "2024-07-01", "2024-07-31").reden("01"));

        lake.population(2023, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\nGM0034;220000;45000\n");
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\nGM0034;220000;45000\n");
        LakeData data = lake.data();
        IndicatorEngine engine = lake.engine();
        boolean[] everyGemeente = new boolean[data.gemeenten.size()];
        java.util.Arrays.fill(everyGemeente, true);
        List<String> java = new ArrayList<>();
        for (Periode p : data.periods) {
            for (Instroom.Member m : engine.instroom()
                    .of(p.firstEpochDay(), p.lastEpochDay(), everyGemeente)
                    .members()) {
                java.add(p + "|" + data.gemeenten.get(m.gemeente()) + "|" + (m.agb() == null ? "" : m.agb()) + "|"
                        + m.start() + "|" + (m.open() ? "" : m.end()) + "|"
                        + (m.returnStart() == Instroom.OPEN ? "" : m.returnStart()) + "|" + m.volgensPlan());
            }
        }
        List<String> sql = new ArrayList<>(DuckDbIndicators.instroomMembers(dir, work));
        java.sort(null);
        sql.sort(null);
        assertEquals(sql, java);
        // the fixture's members: b and d in 2023H2, a, b (again after a gap), c and e in 2024H1, b and f in 2024H2
        assertEquals(8, java.size(), java.toString());
        // by hand: a from 2024-01-10 (day 19732) to 2024-06-20 (19894) across GM0014 and GM0034, not ending volgens
        // plan; b from 2024-02-01 to 02-28, back on 2024-09-01 (19967); c attributed to GM0014 (lower code than GM0034)
        // and its lowest AGB there, its episode open (GM0034's trajectory has no end)
        assertTrue(java.contains("2024H1|GM0014|11111111|19732|19894||false"), java.toString());
        assertTrue(java.contains("2024H1|GM0014||19754|19781|19967|true"), java.toString());
        assertTrue(java.contains("2024H1|GM0014|22222222|19787|||false"), java.toString());

        // the cohort rows of the indicator table, every level and periode, agree with the SQL's
        List<IndicatorRow> rows = new ArrayList<>();
        for (Periode p : data.periods) {
            rows.addAll(engine.compute(p));
        }
        Map<String, DuckDbIndicators.Value> values = DuckDbIndicators.compute(dir, work, 1);
        assertEquals(List.of(), DuckDbIndicators.differences(values, rows));
        Map<String, String> cohort = new java.util.TreeMap<>();
        for (IndicatorRow r : rows) {
            if (Indicator.INSTROOM.contains(r.indicator())) {
                cohort.put(
                        r.periode() + "|" + r.niveau().code() + "|" + r.code() + "|"
                                + r.indicator().id(),
                        r.status().code() + "|" + r.teller() + "|" + r.noemer() + "|" + r.waarde());
            }
        }
        // by hand: the lake reaches 2024-12-31, so 2023H2 (ending 2023-12-31) has its 6 and 12 months due (up to
        // 2024-12-30), not its 24; b started 2023-08-01, ended volgens plan on 08-31 and came back on 2024-02-01: out
        // at 6 months (2024-01-29), back at 12 (2024-07-31); d is still in care
        assertEquals("ok|2.0|null|2.0", cohort.get("2023H2|gemeente|GM0014|instroom_jeugdigen"));
        assertEquals("ok|1.0|2.0|0.5", cohort.get("2023H2|gemeente|GM0014|instroom_6m_uit_volgens_plan"));
        assertEquals("ok|1.0|2.0|0.5", cohort.get("2023H2|gemeente|GM0014|instroom_12m_terug"));
        assertEquals("ok|1.0|2.0|0.5", cohort.get("2023H2|nederland|NL|instroom_12m_in_zorg"));
        assertEquals("nog_niet_beschikbaar|null|null|null", cohort.get("2023H2|gemeente|GM0014|instroom_24m_terug"));
        // 2024H1 (ending 2024-06-30): 6 months due (2024-12-27), 12 not
        assertEquals("nog_niet_beschikbaar|null|null|null", cohort.get("2024H1|nederland|NL|instroom_12m_in_zorg"));
        assertEquals("ok", cohort.get("2024H1|nederland|NL|instroom_6m_in_zorg").split("\\|")[0]);
        // GM0034 delivered only 2024H1 and had no member attributed to it there: none, and shares not available
        assertEquals("ok|0.0|null|0.0", cohort.get("2024H1|gemeente|GM0034|instroom_jeugdigen"));
        assertEquals("niet_beschikbaar|0.0|0.0|null", cohort.get("2024H1|gemeente|GM0034|instroom_6m_in_zorg"));
        assertEquals(
                "niet_beschikbaar|0.0|0.0|null", cohort.get("2024H1|gemeente|GM0034|instroom_duur_km_mediaan_dagen"));
        // the providers: 11111111 and 22222222 have fewer than 10 youths, so their members count for 'overig'
        assertEquals("ok|2.0|null|2.0", cohort.get("2024H1|aanbieder|overig|instroom_jeugdigen"));
        assertFalse(cohort.keySet().stream().anyMatch(k -> k.contains("aanbieder_jeugdregio")));
    }
}
