package nl.jeugdspiegel.indicators;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The indicator table as files: {@code indicators.csv} (UTF-8, comma, header, plain decimal numbers,
 * empty for null) and {@code indicators.parquet} (strings and nullable doubles), same columns, same rows.
 */
public final class IndicatorTable {

    private record Column(String name, Function<IndicatorRow, Object> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("periode", IndicatorRow::periode),
            new Column("niveau", IndicatorRow::niveau),
            new Column("code", IndicatorRow::code),
            new Column("naam", IndicatorRow::naam),
            new Column("indicator", IndicatorRow::indicator),
            new Column("teller", IndicatorRow::teller),
            new Column("noemer", IndicatorRow::noemer),
            new Column("waarde", IndicatorRow::waarde),
            new Column("ci_laag", IndicatorRow::ciLaag),
            new Column("ci_hoog", IndicatorRow::ciHoog),
            new Column("status", IndicatorRow::status),
            new Column("funnel_95_laag", IndicatorRow::funnel95Laag),
            new Column("funnel_95_hoog", IndicatorRow::funnel95Hoog),
            new Column("funnel_998_laag", IndicatorRow::funnel998Laag),
            new Column("funnel_998_hoog", IndicatorRow::funnel998Hoog));

    /** The Parquet schema of the table. */
    public static final MessageType SCHEMA;

    static {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : COLUMNS) {
            if (column.name.equals("teller")
                    || column.name.equals("noemer")
                    || column.name.equals("waarde")
                    || column.name.startsWith("ci_")
                    || column.name.startsWith("funnel_")) {
                builder.optional(DOUBLE).named(column.name);
            } else {
                builder.required(BINARY).as(stringType()).named(column.name);
            }
        }
        SCHEMA = builder.named("indicators");
    }

    private IndicatorTable() {}

    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    public static void writeCsv(List<IndicatorRow> rows, Path file) throws IOException {
        try (Writer writer = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
                CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer)) {
            csv.writeRecord(header());
            List<String> fields = new ArrayList<>(COLUMNS.size());
            for (IndicatorRow row : rows) {
                fields.clear();
                for (Column column : COLUMNS) {
                    fields.add(format(column.value.apply(row)));
                }
                csv.writeRecord(fields);
            }
        }
    }

    /** Reads a table written by {@link #writeCsv}. */
    public static List<IndicatorRow> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(reader, file.toString());
        }
    }

    /** Reads a table written by {@link #writeCsv}; {@code source} names it in errors. */
    public static List<IndicatorRow> readCsv(Reader reader, String source) throws IOException {
        List<IndicatorRow> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    if (!r.getFields().equals(header())) {
                        throw new IOException(source + " does not have the header of an indicator table");
                    }
                    header = false;
                    continue;
                }
                rows.add(new IndicatorRow(
                        r.getField(0),
                        r.getField(1),
                        r.getField(2),
                        r.getField(3),
                        r.getField(4),
                        number(r.getField(5)),
                        number(r.getField(6)),
                        number(r.getField(7)),
                        number(r.getField(8)),
                        number(r.getField(9)),
                        r.getField(10),
                        number(r.getField(11)),
                        number(r.getField(12)),
                        number(r.getField(13)),
                        number(r.getField(14))));
            }
        }
        return rows;
    }

    private static Double number(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    /** Plain decimals: "12", "0.25", never "1.0E-5"; the shortest text that reads back as the same double. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    public static void writeParquet(List<IndicatorRow> rows, Path file, Map<String, String> metadata)
            throws IOException {
        writeParquet(rows, new LocalOutputFile(file), metadata);
    }

    static void writeParquet(List<IndicatorRow> rows, OutputFile file, Map<String, String> metadata)
            throws IOException {
        try (ParquetWriter<IndicatorRow> writer = new Builder(file, metadata)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (IndicatorRow row : rows) {
                writer.write(row);
            }
        }
    }

    private static final class Builder extends ParquetWriter.Builder<IndicatorRow, Builder> {
        private final Map<String, String> metadata;

        Builder(OutputFile file, Map<String, String> metadata) {
            super(file);
            this.metadata = Map.copyOf(metadata);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<IndicatorRow> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(metadata);
        }

        @Override
        protected WriteSupport<IndicatorRow> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(metadata);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<IndicatorRow> {
        private final Map<String, String> metadata;
        private RecordConsumer out;

        RowWriteSupport(Map<String, String> metadata) {
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SCHEMA, metadata);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(IndicatorRow row) {
            out.startMessage();
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column column = COLUMNS.get(i);
                Object value = column.value.apply(row);
                if (value == null) {
                    continue;
                }
                out.startField(column.name, i);
                if (value instanceof Double d) {
                    out.addDouble(d);
                } else {
                    out.addBinary(Binary.fromString(value.toString()));
                }
                out.endField(column.name, i);
            }
            out.endMessage();
        }
    }
}
