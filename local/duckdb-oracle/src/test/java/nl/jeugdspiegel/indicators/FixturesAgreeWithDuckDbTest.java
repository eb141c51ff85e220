package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jb;
import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.oracle.DuckDbIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL of the definitions on the edge cases of the fixtures (the full comparison runs on generated data). */
class FixturesAgreeWithDuckDbTest {

    @TempDir
    Path dir;

    @TempDir
    Path work;

    @Test
    void edgeCasesAgree() throws Exception {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("x", "01", "2024-01-10", "2024-03-31")
                        .reden("01")
                        .verwijzer("08")
                        .aanmeld("2023-12-01")
                        .kosten(10_00)
                        .agb("11111111"))
                .row(jh("w", "01", "2024-01-10", "2024-02-28")
                        .reden("01")
                        .zonderHulpVerder("03")
                        .tevredenheid(7)
                        .agb("11111111"))
                .row(jh("w", "12", "2023-06-01", null).age(2006, 17, "0"))
                .row(jh("v", "01", "2024-03-01", "2024-06-10")
                        .reden("01")
                        .age(2021, 3, "2")
                        .agb("22222222"))
                .row(jb("v", "21", "2024-03-01", null))
                // iJw rows: verblijf unknown (46) and known from the category (43), both without hulpvorm
                .row(jh("u", null, "2024-02-01", "2024-05-31")
                        .product("46")
                        .reden("01")
                        .agb("1234"))
                .row(jh("u", null, "2024-02-01", null).product("43"))
                .row(jh("t", null, "2024-03-01", "2024-06-01")
                        .product("55")
                        .reden("03")
                        .age(2011, 12, "1"))
                .waits("s", "2024-06-01")
                .waits("r", "2024-02-01")
                .waits("u", "2024-04-27");
        lake.delivery("2024H1", "GM0037")
                .row(jh("v", "03", "2024-04-01", "2024-06-10").reden("02").agb("22222222"))
                .waits("r", "2024-06-20");
        lake.delivery("2024H1", "GM0034")
                .row(jh("q", null, "2024-01-05", null).product("45"))
                .staleWaiting();
        // x's care at provider 11111111 in GM0014 ended in 2024H1; x starts again at another provider in another
        // municipality
        lake.delivery("2024H2", "GM0034")
                .row(jh("x", "02", "2024-08-01", null).verwijzer("01").agb("33333333"));
        // a delivery already in the lake before contract 1.2: no verblijf column, both readers derive it
        lake.delivery("2024H2", "GM0037")
                .row(jh("v", "03", "2024-04-01", "2024-08-10").reden("02"))
                .row(jh("p", "13", "2024-07-01", "2024-12-01")
                        .reden("01")
                        .age(2009, 15, "2")
                        .agb("22222222"))
                .row(jb("p", "12", "2024-07-01", null))
                .inContract11();
        // dubbel_geleverd: x also in GM0014 while in GM0034; v starts in GM0014 on the day it ends in GM0037 (one
        // shared day); m moves from GM0014 to GM0047 without a shared day
        lake.delivery("2024H2", "GM0014")
                .row(jh("w", "12", "2023-06-01", "2024-12-31").reden("04").age(2006, 17, "0"))
                .row(jh("x", "01", "2024-09-01", "2024-10-01").reden("01"))
                .row(jh("v", "01", "2024-08-10", null))
                .row(jh("m", "01", "2024-05-01", "2024-09-30").reden("01"));
        lake.delivery("2024H2", "GM0047").row(jh("m", "01", "2024-10-01", null));
        // provider unit rule v1.3: 55555555 has 9 youths in 2024H1 (pooled in overig, JZ10-overig) and 10 in 2024H2
        // (its own unit, nationally and in JZ10)
        for (int y = 1; y <= 10; y++) {
            if (y <= 9) {
                lake.delivery("2024H1", "GM0014")
                        .row(jh("n" + y, "01", "2024-01-01", null).agb("55555555"));
            }
            lake.delivery("2024H2", "GM0014")
                    .row(jh("n" + y, "01", y <= 9 ? "2024-01-01" : "2024-08-01", y == 3 ? "2024-11-30" : null)
                            .reden("01")
                            .agb("55555555"));
        }
        lake.delivery("2025H1", "GM0014");
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\nGM0037;31000;6000\n");
        lake.population(
                2025,
                "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;241000;40100\nGM0037;31000;6000\nGM0034;220000;50000\n");
        IndicatorEngine engine = lake.engine();
        List<IndicatorRow> java = new ArrayList<>();
        for (String p : List.of("2024H1", "2024H2", "2025H1")) {
            java.addAll(engine.compute(Periode.parse(p)));
        }
        Map<String, DuckDbIndicators.Value> sql = DuckDbIndicators.compute(dir, work, 1);
        assertTrue(sql.size() > 300, "SQL values: " + sql.size());
        assertTrue(
                sql.containsKey(DuckDbIndicators.key("2024H1", "aanbieder", "overig", "geen_nieuwe_start_cbs")),
                "provider units in the SQL");
        assertEquals(List.of(), DuckDbIndicators.differences(sql, java));
        assertTrue(sql.containsKey(DuckDbIndicators.key("2024H1", "aanbieder", "overig", "jeugdigen_jh")));
        assertTrue(!sql.containsKey(DuckDbIndicators.key("2024H1", "aanbieder", "55555555", "jeugdigen_jh")));
        assertEquals(
                10.0,
                sql.get(DuckDbIndicators.key("2024H2", "aanbieder_jeugdregio", "JZ10-55555555", "jeugdigen_jh"))
                        .waarde());
        assertEquals(
                2.0,
                sql.get(DuckDbIndicators.key("2024H2", "gemeente", "GM0014", "dubbel_geleverd"))
                        .waarde(),
                "x and v");
        // the migration case really is a file without the column, and both read p's hulpvorm 13 as met verblijf
        try (org.apache.parquet.hadoop.ParquetFileReader old =
                org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(dir.resolve(
                        nl.jeugdspiegel.contract.BucketLayout.trajecten(Periode.parse("2024H2"), "GM0037"))))) {
            assertTrue(!old.getFileMetaData().getSchema().containsField("verblijf"));
        }
        for (String[] expected :
                new String[][] {{"met_verblijf", "1.0"}, {"zonder_verblijf", "1.0"}, {"verblijf_onbekend", "0.0"}}) {
            String key =
                    DuckDbIndicators.key("2024H2", "gemeente", "GM0037", "trajecten_actief.jeugdhulp_" + expected[0]);
            assertEquals(Double.valueOf(expected[1]), sql.get(key).waarde(), key);
        }
    }
}
