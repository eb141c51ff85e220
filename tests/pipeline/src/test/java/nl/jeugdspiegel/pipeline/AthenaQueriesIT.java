package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.IndicatorTable;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.oracle.LakeCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Athena named queries of template.yaml, written in the SQL that Athena (Trino) and DuckDB share, run
 * unchanged on DuckDB over the generated lake (a view {@code trajecten} stands for the Glue table), and
 * agree with the indicator tables of the Java engine.
 */
class AthenaQueriesIT {

    private static Map<String, String> queries;
    private static Map<String, IndicatorRow> java;

    @BeforeAll
    static void load() throws Exception {
        GeneratedCountry.output();
        queries = namedQueries();
        java = new HashMap<>();
        for (Periode p : Periode.range(Periode.parse("2021H1"), Periode.parse("2025H2"))) {
            Path csv = GeneratedCountry.DIR.resolve(BucketLayout.indicatorTable(p, BucketLayout.Format.CSV));
            for (IndicatorRow row : IndicatorTable.readCsv(csv)) {
                java.put(row.periode() + "|" + row.code() + "|" + row.indicator(), row);
            }
        }
    }

    /** The template's Athena named queries, by resource name. */
    static Map<String, String> namedQueries() throws java.io.IOException {
        JsonNode resources = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../../template.yaml").toFile())
                .get("Resources");
        Map<String, String> named = new HashMap<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Athena::NamedQuery")) {
                named.put(e.getKey(), e.getValue().at("/Properties/QueryString").asText());
            }
        });
        return named;
    }

    private static List<Map<String, Object>> run(String query) throws Exception {
        return run(query, "trajecten", LakeCheck.glob(GeneratedCountry.DIR));
    }

    /** Runs a query on DuckDB with a view {@code table} over the Parquet files of {@code glob} (as the Glue table). */
    static List<Map<String, Object>> run(String query, String table, String glob) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + glob
                    + "', hive_partitioning = true, hive_types = {'periode': VARCHAR, 'gemeente': VARCHAR})");
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery(query)) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void templateHasTheNamedQueries() {
        assertEquals(4, queries.size(), queries.keySet().toString());
        assertTrue(Files.exists(GeneratedCountry.DIR.resolve("lake/trajecten")));
    }

    @Test
    void outcomesPerGemeenteAgreeWithTheEngine() throws Exception {
        List<Map<String, Object>> rows = run(queries.get("UitkomstenNamedQuery"));
        assertTrue(rows.size() > 3000, "rows: " + rows.size());
        for (Map<String, Object> r : rows) {
            String key = r.get("periode") + "|" + r.get("gemeente") + "|";
            assertEquals(java.get(key + "jeugdigen_jh").teller(), number(r.get("jeugdigen_jh")), key + "jeugdigen_jh");
            IndicatorRow plan = java.get(key + "beeindigd_volgens_plan");
            assertEquals(plan.noemer(), number(r.get("beeindigd_jh")), key + "beeindigd_jh");
            assertEquals(plan.teller(), number(r.get("volgens_plan")), key + "volgens_plan");
            if (plan.waarde() != null) {
                assertEquals(plan.waarde(), number(r.get("beeindigd_volgens_plan")), 1e-12, key);
            }
            assertEquals(
                    java.get(key + "voortijdig_beeindigd").teller(), number(r.get("voortijdig")), key + "voortijdig");
        }
    }

    @Test
    void noNewStartAgreesWithTheEngine() throws Exception {
        List<Map<String, Object>> rows = run(queries.get("GeenNieuweStartNamedQuery"));
        assertTrue(rows.size() > 2500, "rows: " + rows.size());
        for (Map<String, Object> r : rows) {
            String key = r.get("periode") + "|" + r.get("gemeente") + "|geen_nieuwe_start_cbs";
            assertEquals(java.get(key).noemer(), number(r.get("beeindigd_jh")), key);
            assertEquals(java.get(key).teller(), number(r.get("geen_nieuwe_start")), key);
        }
        // 2025H2 has no next half-year: the query leaves it out, the engine says nog_niet_beschikbaar
        assertTrue(rows.stream().noneMatch(r -> "2025H2".equals(r.get("periode"))));
    }

    @Test
    void trajectoriesPerCategoryAgreeWithTheEngine() throws Exception {
        List<Map<String, Object>> rows = run(queries.get("TrajectenPerSoortNamedQuery"));
        assertEquals(40, rows.size(), "10 periods x 4 categories");
        for (Map<String, Object> r : rows) {
            for (String kind : List.of("actief", "gestart", "beeindigd")) {
                String key = r.get("periode") + "|NL|trajecten_" + kind + "." + r.get("categorie");
                assertEquals(java.get(key).teller(), number(r.get(kind)), key);
            }
        }
    }
}
