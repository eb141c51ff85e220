package nl.jeugdspiegel.oracle;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;

/** Reads a local lake with DuckDB exactly as an analyst would (docs/contract.md §6). */
public final class LakeCheck {

    private LakeCheck() {}

    /** Rows per periode, as DuckDB counts them over {@code DIR/lake/trajecten/*}{@code /*}{@code /*.parquet}. */
    public static Map<String, Long> rowsPerPeriode(Path dir) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT periode, count(*) FROM read_parquet('" + glob(dir)
                        + "', hive_partitioning = true) GROUP BY periode ORDER BY periode")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    public static String glob(Path dir) {
        return dir.toAbsolutePath()
                        .resolve(BucketLayout.LAKE_TRAJECTEN)
                        .toString()
                        .replace("'", "''") + "/*/*/*.parquet";
    }

    public static void print(Path dir, PrintStream out) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            String from = "read_parquet('" + glob(dir) + "', hive_partitioning = true)";
            try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
                out.println("columns:");
                while (r.next()) {
                    out.printf("  %-20s %s%n", r.getString(1), r.getString(2));
                }
            }
            try (ResultSet r =
                    s.executeQuery("SELECT periode, count(*) AS rijen, count(DISTINCT gemeente) AS gemeenten, "
                            + "count(DISTINCT client) AS jeugdigen FROM " + from
                            + " GROUP BY periode ORDER BY periode")) {
                out.println("periode   rijen      gemeenten  jeugdigen");
                while (r.next()) {
                    out.printf("%-9s %,10d %9d %,10d%n", r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4));
                }
            }
        }
    }
}
