package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/** Reads lake files (local or in memory) without Hadoop configuration. */
public final class LakeReader {

    private LakeReader() {
    }

    /** Calls {@code consumer} for every row; {@code columns} null reads all columns. */
    public static long forEach(InputFile file, Set<String> columns, Consumer<Trajectory> consumer) throws IOException {
        long rows = 0;
        try (ParquetReader<Trajectory> reader = new ParquetReader.Builder<Trajectory>(file,
                new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Trajectory> getReadSupport() {
                return new TrajectoryReadSupport(columns);
            }
        }.build()) {
            for (Trajectory t = reader.read(); t != null; t = reader.read()) {
                consumer.accept(t);
                rows++;
            }
        }
        return rows;
    }

    public static List<Trajectory> readAll(Path file) throws IOException {
        List<Trajectory> rows = new ArrayList<>();
        forEach(new LocalInputFile(file), null, rows::add);
        return rows;
    }

    /** The footer's key/value metadata (the provenance of the delivery). */
    public static Map<String, String> metadata(InputFile file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(file)) {
            return reader.getFooter().getFileMetaData().getKeyValueMetaData();
        }
    }
}
