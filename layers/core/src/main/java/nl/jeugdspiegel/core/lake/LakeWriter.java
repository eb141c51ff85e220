package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Opens Parquet writers for lake files: ZSTD level 1 (smaller and faster than SNAPPY on this data: the
 * pseudonyms are hex, which only an entropy coder compresses), 32 MiB row groups (so memory stays flat for any file
 * size), no Hadoop configuration. Key/value metadata (the delivery's provenance) goes into the footer.
 */
public final class LakeWriter {

    static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    static final long ROW_GROUP_SIZE = 32L * 1024 * 1024;
    static final int PAGE_SIZE = 1024 * 1024;

    private LakeWriter() {}

    public static ParquetWriter<Trajectory> open(Path file, Map<String, String> metadata) throws IOException {
        return open(new LocalOutputFile(file), metadata);
    }

    public static ParquetWriter<Trajectory> open(OutputFile file, Map<String, String> metadata) throws IOException {
        return open(file, metadata, CODEC);
    }

    public static ParquetWriter<Trajectory> open(
            OutputFile file, Map<String, String> metadata, CompressionCodecName codec) throws IOException {
        PlainParquetConfiguration configuration = new PlainParquetConfiguration();
        // level 1: faster than the default 3 and, on this data, no larger
        configuration.set("parquet.compression.codec.zstd.level", "1");
        Builder builder = new Builder(file, metadata)
                .withConf(configuration)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(ROW_GROUP_SIZE)
                .withPageSize(PAGE_SIZE)
                .withDictionaryEncoding(true)
                // pseudonyms are nearly unique per file: a dictionary would be tried and dropped
                .withDictionaryEncoding(LakeSchema.Column.CLIENT.parquetName(), false)
                .withSizeStatisticsEnabled(false);
        // min/max statistics of the text columns prune nothing (codes, random hex) and cost a third of
        // the write time; the int and date columns keep theirs
        for (Type column : LakeSchema.TRAJECTEN.getFields()) {
            if (column.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
                builder = builder.withStatisticsEnabled(column.getName(), false);
            }
        }
        return builder.build();
    }

    private static final class Builder extends ParquetWriter.Builder<Trajectory, Builder> {
        private final Map<String, String> metadata;

        private Builder(OutputFile file, Map<String, String> metadata) {
            super(file);
            this.metadata = metadata;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Trajectory> getWriteSupport(Configuration conf) {
            return new TrajectoryWriteSupport(metadata);
        }

        @Override
        protected WriteSupport<Trajectory> getWriteSupport(ParquetConfiguration conf) {
            return new TrajectoryWriteSupport(metadata);
        }
    }
}
