package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The one way to read lake files: decodes the requested columns into {@link LakeColumns} batches, without Hadoop
 * configuration. Ingest reads every column of its draft file to rewrite it; the indicators read the columns
 * they use, a whole file at a time.
 */
public final class LakeReader {

    /** Read the whole file into one batch. */
    public static final int WHOLE_FILE = Integer.MAX_VALUE;

    /**
     * One codec factory per reader thread, on a Hadoop configuration without default resources: the factory
     * Parquet would otherwise make per file builds a full Hadoop configuration (parsing core-default.xml) for
     * every one of the thousands of small lake files.
     */
    private static final ThreadLocal<CodecFactory> CODECS =
            ThreadLocal.withInitial(() -> new CodecFactory(new Configuration(false), 1024 * 1024));

    private LakeReader() {}

    /** A Parquet file that is not a lake file: a requested column is missing or of another type, or a pseudonym is not one. */
    public static final class NotALakeFileException extends IllegalStateException {
        NotALakeFileException(String message) {
            super(message);
        }
    }

    /**
     * Decodes {@code columns} of a lake file and hands them to {@code batches} in batches of at most
     * {@code batchRows} rows (the same {@link LakeColumns} instance each time, refilled). Returns the footer's
     * key/value metadata ({@link Provenance#fromFooter}).
     *
     * @throws NotALakeFileException when the file does not have the requested columns in the lake's types
     */
    public static Map<String, String> read(
            InputFile file, Set<Column> columns, int batchRows, Consumer<LakeColumns> batches) throws IOException {
        Set<Column> toRead = columns;
        if (columns.contains(Column.VERBLIJF)) {
            // what Verblijf.of needs when the file predates the column
            toRead = EnumSet.copyOf(columns);
            toRead.addAll(EnumSet.of(Column.SOORT, Column.HULPVORM, Column.PRODUCTCATEGORIE));
        }
        LakeColumns rows = new LakeColumns(toRead, Math.min(batchRows, 4096));
        ColumnsReadSupport support = new ColumnsReadSupport(rows, toRead);
        try (ParquetReader<LakeColumns> reader =
                new ParquetReader.Builder<LakeColumns>(file, new PlainParquetConfiguration()) {
                    @Override
                    protected ReadSupport<LakeColumns> getReadSupport() {
                        return support;
                    }
                }.withCodecFactory(CODECS.get()).build()) {
            while (reader.read() != null) {
                if (rows.size() >= batchRows) {
                    batches.accept(rows);
                    rows.clearRows();
                }
            }
        }
        if (rows.size() > 0) {
            batches.accept(rows);
        }
        return support.footer;
    }

    /** Every row of a local lake file, as {@link Trajectory} records (for tests and tools; no projection). */
    public static List<Trajectory> readAll(Path file) throws IOException {
        List<Trajectory> all = new ArrayList<>();
        read(new LocalInputFile(file), EnumSet.allOf(Column.class), 8192, batch -> {
            for (int i = 0; i < batch.size(); i++) {
                all.add(batch.trajectory(i));
            }
        });
        return all;
    }

    private static final class ColumnsReadSupport extends ReadSupport<LakeColumns> {
        private final LakeColumns rows;
        private final Set<Column> columns;
        private Map<String, String> footer = Map.of();

        ColumnsReadSupport(LakeColumns rows, Set<Column> columns) {
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public ReadContext init(InitContext context) {
            MessageType file = context.getFileSchema();
            Types.MessageTypeBuilder projection = Types.buildMessage();
            for (Column column : columns) {
                String name = column.parquetName();
                if (column == Column.VERBLIJF && !file.containsField(name)) {
                    rows.deriveVerblijf(); // a file of contract 1.1: readers accept both
                    continue;
                }
                if (!file.containsField(name)
                        || !file.getType(name).isPrimitive()
                        || file.getType(name).asPrimitiveType().getPrimitiveTypeName()
                                != column.kind().physical()) {
                    throw new NotALakeFileException(
                            "geen lake-bestand: kolom " + name + " ontbreekt of heeft een ander type");
                }
            }
            for (Type field : file.getFields()) {
                if (columns.stream().anyMatch(c -> c.parquetName().equals(field.getName()))) {
                    projection.addField(field);
                }
            }
            return new ReadContext(projection.named(file.getName()));
        }

        @Override
        public RecordMaterializer<LakeColumns> prepareForRead(
                Configuration configuration,
                Map<String, String> metadata,
                MessageType fileSchema,
                ReadContext context) {
            return prepare(metadata, context);
        }

        @Override
        public RecordMaterializer<LakeColumns> prepareForRead(
                ParquetConfiguration configuration,
                Map<String, String> metadata,
                MessageType fileSchema,
                ReadContext context) {
            return prepare(metadata, context);
        }

        private RecordMaterializer<LakeColumns> prepare(Map<String, String> metadata, ReadContext context) {
            footer = metadata == null ? Map.of() : Map.copyOf(metadata);
            MessageType requested = context.getRequestedSchema();
            Converter[] converters = new Converter[requested.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                converters[i] =
                        converter(columnNamed(requested.getFields().get(i).getName()));
            }
            GroupConverter root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    rows.beginRow();
                }

                @Override
                public void end() {
                    rows.endRow();
                }
            };
            return new RecordMaterializer<>() {
                @Override
                public LakeColumns getCurrentRecord() {
                    return rows;
                }

                @Override
                public GroupConverter getRootConverter() {
                    return root;
                }
            };
        }

        private static Column columnNamed(String name) {
            for (Column c : Column.values()) {
                if (c.parquetName().equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown lake column " + name);
        }

        private PrimitiveConverter converter(Column column) {
            return switch (column.kind()) {
                case PSEUDONYM -> new PseudonymConverter(rows);
                case CODE -> new CodeConverter(rows, column);
                case INT, DATE ->
                    new PrimitiveConverter() {
                        @Override
                        public void addInt(int value) {
                            rows.setInt(column, value);
                        }
                    };
                case EURO_CENTS ->
                    new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            rows.setLong(column, value);
                        }
                    };
                case BOOLEAN ->
                    new PrimitiveConverter() {
                        @Override
                        public void addBoolean(boolean value) {
                            rows.setInt(column, value ? 1 : 0);
                        }
                    };
            };
        }
    }

    /** 64 hex characters into four longs, from the page's bytes without a copy. */
    private static final class PseudonymConverter extends PrimitiveConverter {
        private final LakeColumns rows;

        PseudonymConverter(LakeColumns rows) {
            this.rows = rows;
        }

        @Override
        public void addBinary(Binary value) {
            if (value.length() != 64) {
                throw new NotALakeFileException("geen lake-bestand: een pseudoniem is geen 64 hexadecimale tekens");
            }
            ByteBuffer view = value.toByteBuffer();
            byte[] bytes;
            int at;
            if (view.hasArray()) {
                bytes = view.array();
                at = view.arrayOffset() + view.position();
            } else {
                bytes = value.getBytes();
                at = 0;
            }
            for (int w = 0; w < 4; w++) {
                rows.setPseudonymWord(w, hexLong(bytes, at + 16 * w));
            }
        }

        private static long hexLong(byte[] hex, int from) {
            long value = 0;
            for (int i = from; i < from + 16; i++) {
                int c = hex[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                if (digit < 0 || digit > 15) {
                    throw new NotALakeFileException("geen lake-bestand: een pseudoniem is niet hexadecimaal");
                }
                value = value << 4 | digit;
            }
            return value;
        }
    }

    /** Codes by dictionary id: each distinct value is decoded once per dictionary page, not once per row. */
    private static final class CodeConverter extends PrimitiveConverter {
        private final LakeColumns rows;
        private final Column column;
        private final Map<Binary, Integer> plain = new HashMap<>();
        private int[] byDictionaryId = new int[0];

        CodeConverter(LakeColumns rows, Column column) {
            this.rows = rows;
            this.column = column;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            byDictionaryId = new int[dictionary.getMaxId() + 1];
            for (int id = 0; id <= dictionary.getMaxId(); id++) {
                byDictionaryId[id] =
                        rows.indexOf(column, dictionary.decodeToBinary(id).toStringUsingUTF8());
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            rows.setInt(column, byDictionaryId[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            Integer index = plain.get(value);
            if (index == null) {
                index = rows.indexOf(column, value.toStringUsingUTF8());
                plain.put(value.copy(), index);
            }
            rows.setInt(column, index);
        }
    }
}
