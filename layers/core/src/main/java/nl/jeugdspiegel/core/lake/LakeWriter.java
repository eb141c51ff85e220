package nl.jeugdspiegel.core.lake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Writes a lake file ({@link LakeSchema#TRAJECTEN}): ZSTD level 1 (smaller and faster than SNAPPY on this data: the
 * pseudonyms are hex, which only an entropy coder compresses), 32 MiB row groups (so memory stays flat for any file
 * size), no Hadoop configuration. Key/value metadata (the delivery's provenance) goes into the footer.
 *
 * <p>Rows go straight into parquet-java's column writers, one per column, as its {@code InternalParquetRecordWriter}
 * does after its record-assembly layer ({@code MessageColumnIO}): the lake is flat, so that layer only tracked which
 * fields a row had. Leaving it out took a fifth off the write time of a 1,000,000-row delivery and much of the JIT's
 * work on it (issue 25). Pages, dictionaries, statistics, row-group boundaries and the footer are parquet-java's own:
 * the files are byte for byte what {@code ParquetWriter} wrote, but for the order of the footer's keys (now sorted).
 */
public final class LakeWriter implements Closeable {

    static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    static final long ROW_GROUP_SIZE = 32L * 1024 * 1024;
    static final int PAGE_SIZE = 1024 * 1024;

    /**
     * Codes repeat on every row: their UTF-8 bytes are made once per String instance (ingest hands over one
     * canonical instance per code). Bounded, so a caller with fresh Strings per row costs no memory.
     */
    private static final int MAX_CACHED_CODES = 4096;

    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final CompressionCodecFactory.BytesInputCompressor compressor;
    private final ParquetFileWriter file;
    private final Map<String, String> metadata;
    private final Map<String, Binary> codeBinaries = new IdentityHashMap<>();
    private final ColumnDescriptor[] descriptors = new ColumnDescriptor[Column.values().length];
    /** Definition level of a present value per column: 0 for a required column, 1 for an optional one. */
    private final int[] present = new int[Column.values().length];

    private final ColumnWriter[] writers = new ColumnWriter[Column.values().length];
    private final long rowGroupSize;

    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private long rowsInGroup;
    private long rowsForNextSizeCheck;
    private long nextRowGroupSize;
    private int rowGroups;
    private boolean failed;
    private boolean closed;

    private LakeWriter(OutputFile output, Map<String, String> metadata, CompressionCodecName codec, long rowGroupSize)
            throws IOException {
        this.metadata = Map.copyOf(metadata);
        this.rowGroupSize = rowGroupSize;
        this.nextRowGroupSize = rowGroupSize;
        ParquetProperties.Builder builder = ParquetProperties.builder()
                .withPageSize(PAGE_SIZE)
                .withDictionaryEncoding(true)
                // pseudonyms are nearly unique per file: a dictionary would be tried and dropped
                .withDictionaryEncoding(Column.CLIENT.parquetName(), false)
                .withSizeStatisticsEnabled(false);
        // min/max statistics of the text columns prune nothing (codes, random hex) and cost a third of
        // the write time; the int and date columns keep theirs
        for (Type column : LakeSchema.TRAJECTEN.getFields()) {
            if (column.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
                builder.withStatisticsEnabled(column.getName(), false);
            }
        }
        this.properties = builder.build();
        for (Column column : Column.values()) {
            descriptors[column.ordinal()] =
                    LakeSchema.TRAJECTEN.getColumnDescription(new String[] {column.parquetName()});
            present[column.ordinal()] = descriptors[column.ordinal()].getMaxDefinitionLevel();
        }
        PlainParquetConfiguration configuration = new PlainParquetConfiguration();
        // level 1: faster than the default 3 and, on this data, no larger
        configuration.set("parquet.compression.codec.zstd.level", "1");
        this.codecs = new CodecFactory(configuration, properties.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(codec);
        this.rowsForNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
        try {
            this.file = new ParquetFileWriter(
                    output,
                    LakeSchema.TRAJECTEN,
                    ParquetFileWriter.Mode.OVERWRITE,
                    rowGroupSize,
                    ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                    null,
                    properties);
            file.start();
            startRowGroup(0);
        } catch (IOException | RuntimeException e) {
            codecs.release();
            throw e;
        }
    }

    public static LakeWriter open(Path file, Map<String, String> metadata) throws IOException {
        return open(new LocalOutputFile(file), metadata);
    }

    public static LakeWriter open(OutputFile file, Map<String, String> metadata) throws IOException {
        return open(file, metadata, CODEC);
    }

    public static LakeWriter open(OutputFile file, Map<String, String> metadata, CompressionCodecName codec)
            throws IOException {
        return new LakeWriter(file, metadata, codec, ROW_GROUP_SIZE);
    }

    /** With smaller row groups, for tests that look at more than one without writing 32 MiB each. */
    static LakeWriter open(Path file, long rowGroupSize) throws IOException {
        return new LakeWriter(new LocalOutputFile(file), Map.of(), CODEC, rowGroupSize);
    }

    /** Adds one row. */
    public void write(Trajectory t) throws IOException {
        if (failed || closed) {
            throw new IOException("the lake writer " + (closed ? "is closed" : "failed on an earlier row"));
        }
        try {
            // String.getBytes has a fast path for ASCII; Binary.fromString goes through a CharsetEncoder
            binary(Column.CLIENT, Binary.fromConstantByteArray(t.client().getBytes(StandardCharsets.UTF_8)));
            int32(Column.GEBOORTEJAAR, t.geboortejaar(), true);
            int32(Column.LEEFTIJD_START, t.leeftijdStart(), true);
            code(Column.GESLACHT, t.geslacht());
            code(Column.SOORT, t.soort());
            code(Column.HULPVORM, t.hulpvorm());
            int32(Column.STARTDATUM, t.startdatum(), true);
            int32(Column.EINDDATUM, t.einddatum(), t.hasEinddatum());
            code(Column.REDEN_BEEINDIGING, t.redenBeeindiging());
            code(Column.VERWIJZER, t.verwijzer());
            int32(Column.AANMELDDATUM, t.aanmelddatum(), t.hasAanmelddatum());
            code(Column.ZONDER_HULP_VERDER, t.zonderHulpVerder());
            int32(Column.TEVREDENHEID, t.tevredenheid(), t.hasTevredenheid());
            if (t.hasKosten()) {
                writers[Column.KOSTEN.ordinal()].write(t.kostenCent(), 0, present[Column.KOSTEN.ordinal()]);
            } else {
                absent(Column.KOSTEN);
            }
            // thousands of providers: not cached
            binary(
                    Column.AANBIEDER_AGB,
                    t.aanbiederAgb() == null
                            ? null
                            : Binary.fromConstantByteArray(t.aanbiederAgb().getBytes(StandardCharsets.UTF_8)));
            code(Column.PRODUCTCATEGORIE, t.productcategorie());
            if (t.verblijf() != null) {
                writers[Column.VERBLIJF.ordinal()].write(t.verblijf(), 0, present[Column.VERBLIJF.ordinal()]);
            } else {
                absent(Column.VERBLIJF);
            }
            columns.endRecord();
            rowsInGroup++;
            closeRowGroupWhenFull();
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    private void int32(Column column, int value, boolean has) {
        if (has) {
            writers[column.ordinal()].write(value, 0, present[column.ordinal()]);
        } else {
            absent(column);
        }
    }

    /** A null in an optional column: definition level 0. */
    private void absent(Column column) {
        writers[column.ordinal()].writeNull(0, 0);
    }

    private void code(Column column, String value) {
        if (value == null) {
            binary(column, null);
            return;
        }
        Binary bytes = codeBinaries.get(value);
        if (bytes == null) {
            bytes = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            if (codeBinaries.size() < MAX_CACHED_CODES) {
                codeBinaries.put(value, bytes);
            }
        }
        binary(column, bytes);
    }

    private void binary(Column column, Binary value) {
        if (value != null) {
            writers[column.ordinal()].write(value, 0, present[column.ordinal()]);
        } else {
            absent(column);
        }
    }

    private void startRowGroup(int ordinal) {
        pages = ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(column -> compressor)
                .withSchema(LakeSchema.TRAJECTEN)
                .withAllocator(properties.getAllocator())
                .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled())
                .withRowGroupOrdinal(ordinal)
                .build();
        columns = properties.newColumnWriteStore(LakeSchema.TRAJECTEN, pages, pages);
        for (Column column : Column.values()) {
            writers[column.ordinal()] = columns.getColumnWriter(descriptors[column.ordinal()]);
        }
    }

    /**
     * parquet-java's rule ({@code InternalParquetRecordWriter.checkBlockSizeReached}): the buffered size is looked at
     * now and then, and the row group is closed when it is within about two rows of the limit.
     */
    private void closeRowGroupWhenFull() throws IOException {
        if (rowsInGroup >= properties.getRowGroupRowCountLimit()) {
            flushRowGroup();
            rowsForNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
        } else if (rowsInGroup >= rowsForNextSizeCheck) {
            long buffered = columns.getBufferedSize();
            long rowSize = buffered / rowsInGroup;
            if (buffered > nextRowGroupSize - 2 * rowSize) {
                flushRowGroup();
                rowsForNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
            } else {
                rowsForNextSizeCheck = Math.min(
                        Math.max(
                                properties.getMinRowCountForPageSizeCheck(),
                                (rowsInGroup + (long) (nextRowGroupSize / ((float) rowSize))) / 2),
                        rowsInGroup + properties.getMaxRowCountForPageSizeCheck());
            }
        }
    }

    private void flushRowGroup() throws IOException {
        writeRowGroup();
        startRowGroup(rowGroups);
    }

    private void writeRowGroup() throws IOException {
        try {
            if (rowsInGroup > 0) {
                rowGroups++;
                file.startBlock(rowsInGroup);
                columns.flush();
                pages.flushToFileWriter(file);
                rowsInGroup = 0;
                file.endBlock();
                nextRowGroupSize = Math.min(file.getNextRowGroupSize(), rowGroupSize);
            }
        } finally {
            columns.close();
            pages.close();
        }
    }

    /** Writes the last row group and the footer; after a failed row the file is abandoned instead. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failed) {
                columns.close();
                pages.close();
                file.abort();
                return;
            }
            writeRowGroup();
            // sorted: the same delivery makes the same bytes in every JVM (ParquetWriter passed a HashMap filled from a
            // Map.copyOf, whose order changes from JVM to JVM, and so did the footer's when two keys shared a bucket)
            file.end(new TreeMap<>(metadata));
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        } finally {
            file.close();
            codecs.release();
        }
    }
}
