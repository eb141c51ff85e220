package nl.jeugdspiegel.contract;

import static nl.jeugdspiegel.contract.TableFile.number;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.TableFile.Column;
import nl.jeugdspiegel.core.Periode;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * The indicator table as files: {@code indicators.csv} (UTF-8, comma, header, plain decimal numbers,
 * empty for null) and {@code indicators.parquet} (strings and nullable doubles), same columns, same rows.
 */
public final class IndicatorTable {

    private static final TableFile<IndicatorRow> FILE = new TableFile<>(
            "indicators",
            List.of(
                    new Column<>("periode", r -> r.periode().toString(), false),
                    new Column<>("niveau", r -> r.niveau().code(), false),
                    new Column<>("code", IndicatorRow::code, false),
                    new Column<>("naam", IndicatorRow::naam, false),
                    new Column<>("indicator", r -> r.indicator().id(), false),
                    new Column<>("teller", IndicatorRow::teller, true),
                    new Column<>("noemer", IndicatorRow::noemer, true),
                    new Column<>("waarde", IndicatorRow::waarde, true),
                    new Column<>("ci_laag", IndicatorRow::ciLaag, true),
                    new Column<>("ci_hoog", IndicatorRow::ciHoog, true),
                    new Column<>("status", r -> r.status().code(), false),
                    new Column<>("funnel_95_laag", IndicatorRow::funnel95Laag, true),
                    new Column<>("funnel_95_hoog", IndicatorRow::funnel95Hoog, true),
                    new Column<>("funnel_998_laag", IndicatorRow::funnel998Laag, true),
                    new Column<>("funnel_998_hoog", IndicatorRow::funnel998Hoog, true)),
            f -> new IndicatorRow(
                    Periode.parse(f.get(0)),
                    Niveau.of(f.get(1)),
                    f.get(2),
                    f.get(3),
                    Indicator.byId(f.get(4)),
                    number(f.get(5)),
                    number(f.get(6)),
                    number(f.get(7)),
                    number(f.get(8)),
                    number(f.get(9)),
                    IndicatorRow.Status.of(f.get(10)),
                    number(f.get(11)),
                    number(f.get(12)),
                    number(f.get(13)),
                    number(f.get(14))));

    /** The Parquet schema of the table. */
    public static final MessageType SCHEMA = FILE.schema();

    private IndicatorTable() {}

    public static List<String> header() {
        return FILE.header();
    }

    public static void writeCsv(List<IndicatorRow> rows, Path file) throws IOException {
        FILE.writeCsv(rows, file);
    }

    /** Reads a table written by {@link #writeCsv}. */
    public static List<IndicatorRow> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(reader, file.toString());
        }
    }

    /** Reads a table written by {@link #writeCsv}; {@code source} names it in errors. */
    public static List<IndicatorRow> readCsv(Reader reader, String source) throws IOException {
        return FILE.readCsv(reader, source);
    }

    /** Reads a table written by {@link #writeParquet}, held in memory; {@code source} names it in errors. */
    public static List<IndicatorRow> readParquet(byte[] bytes, String source) throws IOException {
        return FILE.readParquet(bytes, source);
    }

    static String format(Object value) {
        return TableFile.format(value);
    }

    public static void writeParquet(List<IndicatorRow> rows, Path file, Map<String, String> metadata)
            throws IOException {
        FILE.writeParquet(rows, file, metadata);
    }

    static void writeParquet(List<IndicatorRow> rows, OutputFile file, Map<String, String> metadata)
            throws IOException {
        FILE.writeParquet(rows, file, metadata);
    }
}
