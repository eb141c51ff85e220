package nl.jeugdspiegel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import nl.jeugdspiegel.runner.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local flow as a user runs it ({@code ./jeugdspiegel generate} then {@code run}), and the lake
 * read by DuckDB with hive partitioning as contract §6 promises, with DATE columns and codes with their
 * leading zeros.
 */
class LakeReadableByDuckDbIT {

    @Test
    void generateRunAndReadTheLakeWithDuckDb(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[] {"generate", dir.toString(), "--scale", "0.01", "--seed", "3"}, out));
        assertEquals(0, Main.run(new String[] {"run", dir.toString()}, out));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains(" accepted, "), printed);

        Map<String, Long> perPeriode = LakeCheck.rowsPerPeriode(dir);
        assertEquals(10, perPeriode.size(), "2021H1..2025H2: " + perPeriode.keySet());
        long lakeRows = perPeriode.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(printed.contains(String.format("%,d in the lake", lakeRows)), printed);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT any_value(typeof(startdatum)), any_value(typeof(kosten)), min(hulpvorm), "
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
}
