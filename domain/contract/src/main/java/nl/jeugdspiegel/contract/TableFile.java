package nl.jeugdspiegel.contract;

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
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * A table of typed rows as files: CSV (UTF-8, comma, header, plain decimal numbers, empty for null) and Parquet
 * (strings and nullable doubles), same columns, same rows. The indicator table, the signals and the dispersions are
 * instances.
 *
 * @param <T> the row type
 */
public final class TableFile<T> {

    /** A column: its name, the value of a row (a String or a Double) and whether it is a number. */
    public record Column<T>(String name, Function<T, Object> value, boolean number) {}

    private final String name;
    private final List<Column<T>> columns;
    private final Function<List<String>, T> parse;
    private final MessageType schema;

    /**
     * @param name    the Parquet message name and what errors call the table
     * @param parse   a row from its CSV fields, in column order (numbers parsed with {@link #number})
     */
    public TableFile(String name, List<Column<T>> columns, Function<List<String>, T> parse) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.parse = parse;
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column<T> column : columns) {
            if (column.number()) {
                builder.optional(DOUBLE).named(column.name());
            } else {
                builder.required(BINARY).as(stringType()).named(column.name());
            }
        }
        schema = builder.named(name);
    }

    public MessageType schema() {
        return schema;
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    public void writeCsv(List<T> rows, Path file) throws IOException {
        writeCsv(rows, new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
    }

    /** The table as CSV (header, then a line per row, LF) to {@code writer}; closes it. */
    public void writeCsv(List<T> rows, Writer writer) throws IOException {
        writeCsv(rows, writer, Dialect.PLAIN);
    }

    /**
     * How a CSV is written: {@link #PLAIN} for analysts (comma, decimal point, LF), or {@link #DUTCH_EXCEL} as Dutch
     * Excel opens it with a double click (a UTF-8 byte-order mark, else Excel reads Windows-1252; semicolons, decimal
     * commas in the number columns, CRLF).
     */
    public enum Dialect {
        PLAIN,
        DUTCH_EXCEL
    }

    /** The table as CSV in {@code dialect} to {@code writer}; closes it. */
    public void writeCsv(List<T> rows, Writer writer, Dialect dialect) throws IOException {
        if (dialect == Dialect.DUTCH_EXCEL) {
            writer.write('\uFEFF');
            write(rows, writer, ';', LineDelimiter.CRLF, true);
        } else {
            write(rows, writer, ',', LineDelimiter.LF, false);
        }
    }

    private void write(List<T> rows, Writer writer, char separator, LineDelimiter lineEnd, boolean decimalComma)
            throws IOException {
        try (CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(separator)
                .lineDelimiter(lineEnd)
                .build(writer)) {
            csv.writeRecord(header());
            List<String> fields = new ArrayList<>(columns.size());
            for (T row : rows) {
                fields.clear();
                for (Column<T> column : columns) {
                    String text = format(column.value().apply(row));
                    fields.add(decimalComma && column.number() ? text.replace('.', ',') : text);
                }
                csv.writeRecord(fields);
            }
        }
    }

    /** Reads a table written by {@link #writeCsv}; {@code source} names it in errors. */
    public List<T> readCsv(Reader reader, String source) throws IOException {
        List<T> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    if (!r.getFields().equals(header())) {
                        throw new IOException(source + " does not have the header of the " + name + " table");
                    }
                    header = false;
                    continue;
                }
                rows.add(parse.apply(r.getFields()));
            }
        }
        return rows;
    }

    /**
     * Reads a table written by {@link #writeParquet}, row by row into typed rows; {@code source} names it in errors. The
     * file must have this table's columns (by name and type); other columns are ignored.
     */
    public List<T> readParquet(InputFile file, String source) throws IOException {
        List<T> rows = new ArrayList<>();
        try (ParquetReader<List<String>> reader =
                new ParquetReader.Builder<List<String>>(file, new PlainParquetConfiguration()) {
                    @Override
                    protected ReadSupport<List<String>> getReadSupport() {
                        return new FieldsReadSupport(source);
                    }
                }.build()) {
            for (List<String> fields = reader.read(); fields != null; fields = reader.read()) {
                rows.add(parse.apply(fields));
            }
        } catch (RuntimeException e) {
            throw new IOException(source + " is not a readable " + name + " table: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Reads a Parquet table held in memory (an object read from the bucket). */
    public List<T> readParquet(byte[] bytes, String source) throws IOException {
        return readParquet(new BytesInputFile(bytes), source);
    }

    /** A number field: empty is null. */
    public static Double number(String text) {
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

    public void writeParquet(List<T> rows, Path file, Map<String, String> metadata) throws IOException {
        writeParquet(rows, new LocalOutputFile(file), metadata);
    }

    void writeParquet(List<T> rows, OutputFile file, Map<String, String> metadata) throws IOException {
        try (ParquetWriter<T> writer = new Builder(file, metadata)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (T row : rows) {
                writer.write(row);
            }
        }
    }

    private final class Builder extends ParquetWriter.Builder<T, Builder> {
        private final Map<String, String> metadata;

        Builder(OutputFile file, Map<String, String> metadata) {
            super(file);
            // sorted: the footer is the same bytes in every run (Map.of iterates in a per-JVM order)
            this.metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(metadata);
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(metadata);
        }
    }

    /**
     * Materialises a row as its fields in column order, as the CSV would hold them (numbers by {@link Double#toString},
     * which reads back as the same double; null as empty), so that one parser serves both formats.
     */
    private final class FieldsReadSupport extends ReadSupport<List<String>> {
        private final String source;

        FieldsReadSupport(String source) {
            this.source = source;
        }

        @Override
        public ReadContext init(InitContext context) {
            MessageType fileSchema = context.getFileSchema();
            for (Column<T> column : columns) {
                if (!fileSchema.containsField(column.name())
                        || !fileSchema.getType(column.name()).equals(schema.getType(column.name()))) {
                    throw new IllegalStateException(source + " lacks the column " + column.name() + " of the " + name
                            + " table, or has it in another type");
                }
            }
            return new ReadContext(schema);
        }

        @Override
        public RecordMaterializer<List<String>> prepareForRead(
                ParquetConfiguration configuration,
                Map<String, String> keyValueMetaData,
                MessageType fileSchema,
                ReadContext readContext) {
            return materializer();
        }

        @Override
        public RecordMaterializer<List<String>> prepareForRead(
                Configuration configuration,
                Map<String, String> keyValueMetaData,
                MessageType fileSchema,
                ReadContext readContext) {
            return materializer();
        }

        private RecordMaterializer<List<String>> materializer() {
            String[] fields = new String[columns.size()];
            Converter[] converters = new Converter[columns.size()];
            for (int i = 0; i < converters.length; i++) {
                int index = i;
                converters[i] = new PrimitiveConverter() {
                    @Override
                    public void addBinary(Binary value) {
                        fields[index] = value.toStringUsingUTF8();
                    }

                    @Override
                    public void addDouble(double value) {
                        fields[index] = Double.toString(value);
                    }
                };
            }
            GroupConverter root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    java.util.Arrays.fill(fields, "");
                }

                @Override
                public void end() {}
            };
            return new RecordMaterializer<>() {
                @Override
                public List<String> getCurrentRecord() {
                    return List.of(fields.clone());
                }

                @Override
                public GroupConverter getRootConverter() {
                    return root;
                }
            };
        }
    }

    /** A Parquet file held in memory. */
    private static final class BytesInputFile implements InputFile {
        private final byte[] bytes;

        BytesInputFile(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            SeekableByteArray in = new SeekableByteArray(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long newPos) {
                    in.seek(newPos);
                }
            };
        }
    }

    private static final class SeekableByteArray extends java.io.ByteArrayInputStream {
        SeekableByteArray(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long position) {
            pos = (int) position;
        }
    }

    private final class RowWriteSupport extends WriteSupport<T> {
        private final Map<String, String> metadata;
        private RecordConsumer out;

        RowWriteSupport(Map<String, String> metadata) {
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(T row) {
            out.startMessage();
            for (int i = 0; i < columns.size(); i++) {
                Column<T> column = columns.get(i);
                Object value = column.value().apply(row);
                if (value == null) {
                    continue;
                }
                out.startField(column.name(), i);
                if (value instanceof Double d) {
                    out.addDouble(d);
                } else {
                    out.addBinary(Binary.fromString(value.toString()));
                }
                out.endField(column.name(), i);
            }
            out.endMessage();
        }
    }
}
