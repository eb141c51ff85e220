package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The lake's second table (docs/lake.md): who is waiting at the end of a periode, from a delivery of iJw messages.
 * One row per client whose request (JW315) or allocation (JW301) for jeugdhulp had not led to a start (JW305) by
 * the periode's last day: the pseudonym, the earliest date the open request was made, and its product category.
 * It lies at {@code lake/wachtend/periode=P/gemeente=G/part-00000.parquet}, written with the trajecten file of the
 * same delivery and carrying the same footer; the indicators use it only when that footer matches the trajecten
 * file's (so it never outlives the delivery it came from).
 */
public final class Waiting {

    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message wachtend {
              required binary client (STRING);
              required int32 wachtend_sinds (DATE);
              optional binary productcategorie (STRING);
            }
            """);

    /** One waiting client: pseudonym, since when (epoch day), and the request's product category (or null). */
    public record Request(String client, int sinds, String productcategorie) {}

    /** A waiting file read back: its rows and its footer (the delivery's provenance). */
    public record Contents(List<Request> requests, Map<String, String> footer) {}

    private Waiting() {}

    public static void write(Path file, List<Request> requests, Map<String, String> footer) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(footer)
                .build()) {
            for (Request r : requests) {
                Group g = groups.newGroup().append("client", r.client()).append("wachtend_sinds", r.sinds());
                if (r.productcategorie() != null) {
                    g.append("productcategorie", r.productcategorie());
                }
                writer.write(g);
            }
        }
    }

    /** @throws LakeReader.NotALakeFileException when the file is not a waiting file */
    public static Contents read(InputFile file) throws IOException {
        Map<String, String> footer;
        try (ParquetFileReader reader = ParquetFileReader.open(file)) {
            MessageType schema = reader.getFileMetaData().getSchema();
            if (!schema.containsField("client") || !schema.containsField("wachtend_sinds")) {
                throw new LakeReader.NotALakeFileException(
                        "geen wachtend-bestand: kolom client of wachtend_sinds ontbreekt");
            }
            footer = Map.copyOf(reader.getFileMetaData().getKeyValueMetaData());
        }
        List<Request> requests = new ArrayList<>();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(file, new PlainParquetConfiguration()) {
            @Override
            protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            for (Group g; (g = reader.read()) != null; ) {
                requests.add(new Request(
                        g.getString("client", 0),
                        g.getInteger("wachtend_sinds", 0),
                        g.getFieldRepetitionCount("productcategorie") == 0
                                ? null
                                : g.getString("productcategorie", 0)));
            }
        }
        return new Contents(requests, footer);
    }
}
