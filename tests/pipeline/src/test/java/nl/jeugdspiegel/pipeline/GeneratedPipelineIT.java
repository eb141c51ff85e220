package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.IndicatorTable;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.oracle.DuckDbIndicators;
import nl.jeugdspiegel.oracle.LakeCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local flow as a user runs it ({@code ./jeugdspiegel generate} then {@code run}) on generated
 * data ({@link GeneratedCountry}). Then: the lake read by DuckDB with hive partitioning as docs/contract.md §6 promises,
 * and the indicator tables against an independent implementation of the definitions in DuckDB SQL, on
 * every gemeente, jeugdregio, size class and national value of every periode.
 */
class GeneratedPipelineIT {

    private static final Path dir = GeneratedCountry.DIR;

    @TempDir
    static Path work;

    private static String printed;

    @BeforeAll
    static void generateAndRun() {
        printed = GeneratedCountry.output();
    }

    @Test
    void lakeReadsInDuckDbWithHivePartitioning() throws Exception {
        assertTrue(printed.contains(" accepted, "), printed);
        Map<String, Long> perPeriode = LakeCheck.rowsPerPeriode(dir);
        assertEquals(10, perPeriode.size(), "2021H1..2025H2: " + perPeriode.keySet());
        long lakeRows = perPeriode.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(printed.contains(String.format("%,d in the lake", lakeRows)), printed);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT any_value(typeof(startdatum)), any_value(typeof(kosten)), min(hulpvorm), "
                                + "count(DISTINCT gemeente), min(length(client)), max(length(client)) FROM read_parquet('"
                                + LakeCheck.glob(dir) + "', hive_partitioning = true)")) {
            r.next();
            assertEquals("DATE", r.getString(1));
            assertEquals("DECIMAL(12,2)", r.getString(2));
            assertEquals("01", r.getString(3), "codes keep their leading zero");
            assertTrue(r.getLong(4) > 300, "most municipalities delivered");
            assertEquals(64, r.getInt(5));
            assertEquals(64, r.getInt(6));
        }
    }

    @Test
    void indicatorTablesAgreeWithTheDefinitionsInDuckDbSql() throws Exception {
        assertTrue(printed.contains("indicators: 10 periods (2021H1 to 2025H2)"), printed);
        List<IndicatorRow> java = new ArrayList<>();
        for (Periode p : Periode.range(Periode.parse("2021H1"), Periode.parse("2025H2"))) {
            Path csv = dir.resolve(BucketLayout.indicatorTable(p, BucketLayout.Format.CSV));
            assertTrue(
                    Files.exists(dir.resolve(BucketLayout.indicatorTable(p, BucketLayout.Format.PARQUET))),
                    "parquet of " + p);
            java.addAll(IndicatorTable.readCsv(csv));
        }
        Map<String, DuckDbIndicators.Value> sql = DuckDbIndicators.compute(dir, work, 2);
        List<String> differences = DuckDbIndicators.differences(sql, java);
        assertEquals(
                List.of(),
                differences.subList(0, Math.min(20, differences.size())),
                differences.size() + " differences");
        // the comparison covered every level and the follow-up indicators
        for (String niveau : List.of("gemeente", "jeugdregio", "grootteklasse", "nederland")) {
            assertTrue(sql.keySet().stream()
                    .anyMatch(k -> k.contains("|" + niveau + "|") && k.endsWith("|geen_nieuwe_hulp_6m")));
        }
        // and both provider levels, with a re-entry anywhere (geen_nieuwe_start_cbs) and the case-mix O/E
        for (String niveau : List.of("aanbieder", "aanbieder_jeugdregio")) {
            for (String indicator : List.of("geen_nieuwe_start_cbs", "oe_volgens_plan", "jeugdigen_jh")) {
                assertTrue(
                        sql.keySet().stream()
                                .anyMatch(k -> k.contains("|" + niveau + "|") && k.endsWith("|" + indicator)),
                        niveau + " " + indicator);
            }
        }
        // and the instroomcohorten (issue 27) at their five levels, with values: every cohort value agreed
        for (String niveau : List.of("gemeente", "jeugdregio", "grootteklasse", "nederland", "aanbieder")) {
            for (String indicator : List.of(
                    "instroom_jeugdigen",
                    "instroom_12m_terug",
                    "instroom_24m_in_zorg",
                    "instroom_duur_km_mediaan_dagen")) {
                assertTrue(
                        sql.entrySet().stream()
                                .anyMatch(e -> e.getKey().contains("|" + niveau + "|")
                                        && e.getKey().endsWith("|" + indicator)
                                        && "ok".equals(e.getValue().status())),
                        niveau + " " + indicator);
            }
        }
        assertTrue(sql.size() > 100_000, "values compared: " + sql.size());
        // the generator's register names the national providers; the others keep their AGB code
        Map<String, String> names = new java.util.HashMap<>();
        java.stream().filter(r -> r.niveau() == Niveau.AANBIEDER).forEach(r -> names.put(r.code(), r.naam()));
        assertEquals("Landelijke jeugdhulpaanbieder A (synthetisch)", names.get("73000001"));
        List<String> regional =
                names.keySet().stream().filter(code -> code.startsWith("7301")).toList();
        assertFalse(regional.isEmpty(), "a regional provider with a unit of its own: " + names.keySet());
        regional.forEach(code -> assertEquals(code, names.get(code), "named by its code"));
        // the signals of every periode are there, with the over-dispersion of each niveau and indicator
        for (Periode p : Periode.range(Periode.parse("2021H1"), Periode.parse("2025H2"))) {
            assertTrue(Files.exists(dir.resolve(BucketLayout.signals(p, BucketLayout.Format.CSV))), "signals of " + p);
            assertTrue(Files.exists(dir.resolve(BucketLayout.signals(p, BucketLayout.Format.PARQUET))));
            assertTrue(Files.exists(dir.resolve(BucketLayout.dispersion(p))), "overdispersie of " + p);
        }
        // the generator delivers some youths from two municipalities for the same days: the SQL agreed on the counts,
        // and each such municipality has its private overlap file, whose total is its table value
        DuckDbIndicators.Value doubled = sql.get(DuckDbIndicators.key("2025H1", "nederland", "NL", "dubbel_geleverd"));
        assertTrue(doubled.waarde() > 10, "youths delivered twice in 2025H1: " + doubled.waarde());
        IndicatorRow gemeente = java.stream()
                .filter(r -> r.periode().equals(Periode.parse("2025H1"))
                        && r.niveau() == Niveau.GEMEENTE
                        && r.indicator().equals(Indicator.DUBBEL_GELEVERD)
                        && r.waarde() != null
                        && r.waarde() > 0)
                .findFirst()
                .orElseThrow();
        nl.jeugdspiegel.indicators.OverlapFile overlap = nl.jeugdspiegel.indicators.OverlapFile.read(
                Files.readAllBytes(dir.resolve(BucketLayout.overlap(gemeente.code(), Periode.parse("2025H1")))));
        assertEquals(Math.round(gemeente.waarde()), overlap.dubbelGeleverd());
        assertTrue(
                overlap.andereGemeenten().stream().mapToLong(o -> o.jeugdigen()).sum() >= overlap.dubbelGeleverd());
        // and the last periode's follow-up is not yet available
        assertEquals(
                IndicatorRow.Status.NOG_NIET_BESCHIKBAAR.code(),
                sql.get(DuckDbIndicators.key("2025H2", "nederland", "NL", "geen_nieuwe_hulp_6m"))
                        .status());
    }

    /**
     * The vooruitblik (indicators v1.3) read back with DuckDB: forecasts from 2025H2 for every gemeente with figures
     * over the last six half-years, every jeugdregio of theirs and Nederland, coherent (Nederland's active
     * trajectories and cost the sums of its gemeenten's), and a backtest for every level, quantity and horizon.
     */
    @Test
    void vooruitblikForEveryGemeenteJeugdregioAndNederlandWithItsBacktest() throws Exception {
        String forecasts = dir.resolve(BucketLayout.vooruitblik(BucketLayout.Format.PARQUET))
                .toString();
        String backtest = dir.resolve(BucketLayout.backtest()).toString();
        String tables = dir.resolve("indicators/periode=*/indicators.parquet").toString();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            // every gemeente whose jeugdhulp zonder verblijf is ok in each of the last six half-years has a forecast
            ResultSet missing = s.executeQuery("SELECT count(*) FROM (SELECT code FROM read_parquet('" + tables
                    + "') WHERE niveau = 'gemeente' AND periode >= '2023H1'"
                    + " AND indicator = 'trajecten_actief.jeugdhulp_zonder_verblijf' AND status = 'ok'"
                    + " GROUP BY code HAVING count(*) = 6) t WHERE code NOT IN (SELECT code FROM read_parquet('"
                    + forecasts + "') WHERE niveau = 'gemeente')");
            missing.next();
            assertEquals(0, missing.getLong(1), "gemeenten with a complete history but no forecast");
            ResultSet levels = s.executeQuery("SELECT niveau, count(DISTINCT code), min(basis_periode),"
                    + " max(basis_periode), count(DISTINCT periode), count(DISTINCT grootheid) FROM read_parquet('"
                    + forecasts + "') GROUP BY niveau ORDER BY niveau");
            Map<String, Long> units = new java.util.TreeMap<>();
            while (levels.next()) {
                units.put(levels.getString(1), levels.getLong(2));
                assertEquals("2025H2", levels.getString(3));
                assertEquals("2025H2", levels.getString(4));
                assertEquals(4, levels.getInt(5), "2026H1 to 2027H2");
                assertEquals(8, levels.getInt(6), "youths, starts, five soorten, cost");
            }
            assertEquals(1, units.get("nederland"));
            assertTrue(units.get("gemeente") > 250, units.toString());
            assertTrue(units.get("jeugdregio") > 35, units.toString());
            // coherent: Nederland is the sum of its gemeenten for the additive quantities, not for the youths
            ResultSet sums = s.executeQuery("SELECT f.grootheid, f.periode, max(n.voorspelling), sum(f.voorspelling)"
                    + " FROM read_parquet('" + forecasts + "') f JOIN read_parquet('" + forecasts + "') n"
                    + " ON n.niveau = 'nederland' AND n.grootheid = f.grootheid AND n.periode = f.periode"
                    + " WHERE f.niveau = 'gemeente' GROUP BY ALL");
            int checked = 0;
            while (sums.next()) {
                if (!sums.getString(1).equals("jeugdigen_jh")) {
                    assertEquals(sums.getDouble(4), sums.getDouble(3), 1e-6 * Math.max(1, sums.getDouble(4)));
                    checked++;
                }
            }
            assertEquals(7 * 4, checked);
            // the bands nest, and the forecast (the mean of the simulated paths, so that sums add up) lies inside the
            // 95 % band; a handful of starts can have a mean beyond the 80 % band's quantiles
            ResultSet bands = s.executeQuery("SELECT count(*) FILTER (WHERE NOT (pi95_laag <= pi80_laag AND pi80_laag"
                    + " <= pi80_hoog AND pi80_hoog <= pi95_hoog)), count(*) FILTER (WHERE voorspelling < pi95_laag OR"
                    + " voorspelling > pi95_hoog), count(*) FILTER (WHERE voorspelling < pi80_laag OR voorspelling >"
                    + " pi80_hoog), count(*) FROM read_parquet('" + forecasts + "')");
            bands.next();
            assertEquals(0, bands.getLong(1), "bands that do not nest");
            assertEquals(0, bands.getLong(2), "forecasts outside their 95 % band");
            assertTrue(bands.getLong(3) < bands.getLong(4) / 100, bands.getLong(3) + " outside their 80 % band");
            // per niveau, grootheid and horizon (origins 2023H1 to 2025H1); Nederland's cost only where every
            // gemeente with kosten had them up to the half-year checked
            ResultSet checks = s.executeQuery("SELECT niveau, count(*), count(DISTINCT grootheid), count(DISTINCT"
                    + " horizon), min(n), max(dekking80) <= 1 FROM read_csv('" + backtest + "') GROUP BY niveau");
            Map<String, Long> rows = new java.util.TreeMap<>();
            while (checks.next()) {
                rows.put(checks.getString(1), checks.getLong(2));
                assertTrue(checks.getInt(3) >= 7, "quantities of " + checks.getString(1));
                assertEquals(4, checks.getInt(4));
                assertTrue(checks.getLong(5) > 0);
                assertTrue(checks.getBoolean(6));
            }
            assertEquals(8 * 4, rows.get("gemeente"), rows.toString());
            assertEquals(8 * 4, rows.get("jeugdregio"), rows.toString());
            assertTrue(rows.get("nederland") >= 7 * 4, rows.toString());
        }
        // the site publishes them: downloads and a fan chart with the backtest sentence on a gemeente's page
        Path site = dir.resolve(BucketLayout.SITE);
        assertTrue(Files.exists(site.resolve("downloads/vooruitblik.csv")));
        assertTrue(Files.exists(site.resolve("downloads/backtest.csv")));
        String page = Files.readString(site.resolve("gemeente/GM0363.html"));
        assertTrue(page.contains("id=\"vooruitblik\""), "Amsterdam's page has a Vooruitblik");
        assertTrue(page.contains("van de 10 gevallen binnen de donkere band"), "the backtest sentence");
        assertTrue(page.contains("fill-opacity=\"0.35\""), "a fan chart's 80 % band");
    }
}
