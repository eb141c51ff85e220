package nl.jeugdspiegel.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.IndicatorRow;

/**
 * Runs {@code sql/indicators.duckdb.sql}, the definitions written independently as DuckDB SQL, over a
 * folder that stands for the bucket, and compares its values with the Java engine's.
 */
public final class DuckDbIndicators {

    /** One value of the SQL result. */
    public record Value(Double teller, Double noemer, Double waarde, String status) {}

    private DuckDbIndicators() {}

    /** The whole script: the period indicators, then the instroomcohorten ({@code sql/instroom.duckdb.sql}). */
    public static String script() {
        return resource("/sql/indicators.duckdb.sql") + "\n;;\n" + resource("/sql/instroom.duckdb.sql");
    }

    private static String resource(String name) {
        try (InputStream in = DuckDbIndicators.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SQL statements for a bucket folder, placeholders filled in. */
    public static List<String> statements(Path bucketDir, Path workDir) throws IOException {
        Path municipalities = workDir.resolve("municipalities.csv");
        try (InputStream in = DuckDbIndicators.class.getResourceAsStream("/reference/municipalities.csv")) {
            Files.copy(in, municipalities, StandardCopyOption.REPLACE_EXISTING);
        }
        String lakeGlob = bucketDir.toAbsolutePath().resolve(BucketLayout.LAKE_TRAJECTEN) + "/*/*/*.parquet";
        String waitingGlob = bucketDir.toAbsolutePath().resolve(BucketLayout.LAKE_WACHTEND) + "/*/*/*.parquet";
        boolean anyWaiting;
        try (Stream<Path> files = Files.exists(bucketDir.resolve(BucketLayout.LAKE_WACHTEND))
                ? Files.walk(bucketDir.resolve(BucketLayout.LAKE_WACHTEND))
                : Stream.empty()) {
            anyWaiting = files.anyMatch(f -> f.toString().endsWith(".parquet"));
        }
        String sql = script().replace(
                        "${waiting_rows}",
                        anyWaiting
                                ? "read_parquet('" + waitingGlob + "', hive_partitioning = true, "
                                        + "hive_types = {'periode': VARCHAR, 'gemeente': VARCHAR})"
                                : "(SELECT NULL::VARCHAR AS periode, NULL::VARCHAR AS gemeente, NULL::VARCHAR AS client, "
                                        + "NULL::DATE AS wachtend_sinds WHERE false)")
                .replace(
                        "${waiting_footers}",
                        anyWaiting
                                ? "parquet_kv_metadata('" + waitingGlob + "')"
                                : "(SELECT NULL::VARCHAR AS file_name, NULL::BLOB AS key, NULL::BLOB AS value WHERE false)")
                .replace("${lake_footers}", "parquet_kv_metadata('" + lakeGlob + "')")
                .replace("${lake_glob}", lakeGlob)
                .replace(
                        "${population_glob}",
                        bucketDir
                                        .toAbsolutePath()
                                        .resolve(BucketLayout.POPULATION)
                                        .toString() + "/*.csv")
                .replace("${municipalities}", municipalities.toAbsolutePath().toString());
        List<String> statements = new ArrayList<>();
        for (String statement : sql.split("\n;;\n")) {
            if (!statement.strip().replaceAll("(?m)^--.*$", "").isBlank()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** Runs the script in an in-memory DuckDB; the values keyed by {@link #key}. */
    public static Map<String, Value> compute(Path bucketDir, Path workDir, int threads)
            throws IOException, SQLException {
        return compute(bucketDir, workDir, threads, null);
    }

    /** As {@link #compute(Path, Path, int)}, printing each statement's time to {@code timings} when not null. */
    public static Map<String, Value> compute(Path bucketDir, Path workDir, int threads, java.io.PrintStream timings)
            throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            for (String sql : statements(bucketDir, workDir)) {
                long started = System.nanoTime();
                statement.execute(sql);
                if (timings != null) {
                    String name = sql.replaceAll("(?s).*CREATE OR REPLACE TEMP TABLE (\\w+).*", "$1");
                    timings.printf(Locale.ROOT, "  %-20s %6.2f s%n", name, (System.nanoTime() - started) / 1e9);
                }
            }
            Map<String, Value> values = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT periode, niveau, code, indicator, teller, noemer, waarde, status FROM indicator_values")) {
                while (rs.next()) {
                    values.put(
                            key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            new Value(number(rs, 5), number(rs, 6), number(rs, 7), rs.getString(8)));
                }
            }
            return values;
        }
    }

    /**
     * The instroomcohort members of the bucket's lake by the SQL: one line per member, {@code
     * periode|gemeente|agb|s|e|r|plan} with days since 1970-01-01 and empty for none.
     */
    public static List<String> instroomMembers(Path bucketDir, Path workDir) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            for (String sql : statements(bucketDir, workDir)) {
                statement.execute(sql);
            }
            List<String> members = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT periode, gemeente, coalesce(agb, ''), "
                    + "datediff('day', DATE '1970-01-01', s), "
                    + "coalesce(CAST(datediff('day', DATE '1970-01-01', e) AS VARCHAR), ''), "
                    + "coalesce(CAST(datediff('day', DATE '1970-01-01', r) AS VARCHAR), ''), plan "
                    + "FROM instroom_members")) {
                while (rs.next()) {
                    members.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4)
                            + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getBoolean(7));
                }
            }
            return members;
        }
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    public static String key(String periode, String niveau, String code, String indicator) {
        return periode + "|" + niveau + "|" + code + "|" + indicator;
    }

    /**
     * The differences between the SQL values and the Java rows: every SQL value must equal its Java row
     * (relative 1e-9); every Java row the SQL has no value for must be a unit without deliveries, with
     * status niet_beschikbaar and nothing filled in.
     */
    public static List<String> differences(Map<String, Value> sql, List<IndicatorRow> java) {
        List<String> differences = new ArrayList<>();
        int matched = 0;
        for (IndicatorRow row : java) {
            String key = key(
                    row.periode().toString(),
                    row.niveau().code(),
                    row.code(),
                    row.indicator().id());
            Value expected = sql.get(key);
            if (expected == null) {
                if (row.status() != IndicatorRow.Status.NIET_BESCHIKBAAR
                        || row.teller() != null
                        || row.noemer() != null) {
                    differences.add(key + ": only in Java: " + row);
                }
                continue;
            }
            matched++;
            if (!expected.status().equals(row.status().code())
                    || !close(expected.teller(), row.teller())
                    || !close(expected.noemer(), row.noemer())
                    || !close(expected.waarde(), row.waarde())) {
                differences.add(String.format(
                        Locale.ROOT,
                        "%s: SQL %s, Java teller=%s noemer=%s waarde=%s status=%s",
                        key,
                        expected,
                        row.teller(),
                        row.noemer(),
                        row.waarde(),
                        row.status()));
            }
        }
        if (matched != sql.size()) {
            differences.add((sql.size() - matched) + " SQL values have no Java row");
        }
        return differences;
    }

    private static boolean close(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
