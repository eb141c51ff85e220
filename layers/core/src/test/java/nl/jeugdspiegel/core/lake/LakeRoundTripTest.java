package nl.jeugdspiegel.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeRoundTripTest {

    static Trajectory full() {
        return new Trajectory(
                "ab".repeat(32),
                2010,
                13,
                "2",
                "jeugdhulp",
                "01",
                (int) LocalDate.of(2024, 2, 1).toEpochDay(),
                (int) LocalDate.of(2024, 5, 31).toEpochDay(),
                "01",
                "02",
                (int) LocalDate.of(2024, 1, 5).toEpochDay(),
                "04",
                8,
                123456L,
                "12345678",
                "45");
    }

    static Trajectory sparse() {
        return new Trajectory(
                "cd".repeat(32),
                2008,
                16,
                "1",
                "jeugdbescherming",
                "11",
                (int) LocalDate.of(2023, 3, 1).toEpochDay(),
                Trajectory.NO_DATE,
                null,
                null,
                Trajectory.NO_DATE,
                null,
                Trajectory.NO_SCORE,
                Trajectory.NO_AMOUNT,
                null,
                null);
    }

    @Test
    void writesAndReadsEveryColumnIncludingNulls(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("part-00000.parquet");
        try (ParquetWriter<Trajectory> writer = LakeWriter.open(file, Map.of("jeugdspiegel.bron_sleutel", "x"))) {
            writer.write(full());
            writer.write(sparse());
        }
        assertEquals(List.of(full(), sparse()), LakeReader.readAll(file));
        Map<String, String> footer =
                LakeReader.read(new LocalInputFile(file), Set.of(LakeSchema.Column.SOORT), 1, batch -> {});
        assertEquals("x", footer.get("jeugdspiegel.bron_sleutel"));
    }

    @Test
    void readsInBatchesWithCodeIndicesThatHoldAcrossBatches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.parquet");
        try (ParquetWriter<Trajectory> writer = LakeWriter.open(file, Map.of())) {
            for (int i = 0; i < 5; i++) {
                writer.write(i % 2 == 0 ? full() : sparse());
            }
        }
        List<String> soorten = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        LakeReader.read(
                new LocalInputFile(file), Set.of(LakeSchema.Column.SOORT, LakeSchema.Column.CLIENT), 2, batch -> {
                    sizes.add(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        soorten.add(
                                batch.codeValues(LakeSchema.Column.SOORT).get(batch.code(LakeSchema.Column.SOORT, i)));
                        assertEquals(i % 2 == 0 ? full().client() : sparse().client(), batch.pseudonym(i));
                    }
                });
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(List.of("jeugdhulp", "jeugdbescherming", "jeugdhulp", "jeugdbescherming", "jeugdhulp"), soorten);
    }

    @Test
    void theSchemaIsTheOneOfContractSection6() {
        assertEquals("""
                message trajecten {
                  required binary client (STRING);
                  required int32 geboortejaar;
                  required int32 leeftijd_start;
                  required binary geslacht (STRING);
                  required binary soort (STRING);
                  required binary hulpvorm (STRING);
                  required int32 startdatum (DATE);
                  optional int32 einddatum (DATE);
                  optional binary reden_beeindiging (STRING);
                  optional binary verwijzer (STRING);
                  optional int32 aanmelddatum (DATE);
                  optional binary zonder_hulp_verder (STRING);
                  optional int32 tevredenheid;
                  optional int64 kosten (DECIMAL(12,2));
                  optional binary aanbieder_agb (STRING);
                  optional binary productcategorie (STRING);
                }
                """, LakeSchema.TRAJECTEN.toString());
    }

    @Test
    void refusesAParquetFileOfAnotherSchema(@TempDir Path dir) throws Exception {
        assertThrows(
                LakeReader.NotALakeFileException.class,
                () -> LakeReader.read(
                        new LocalInputFile(writeForeign(dir)), Set.of(LakeSchema.Column.CLIENT), 10, batch -> {}));
    }

    /** A Parquet file with a {@code client} column of INT32: what the lake reader must not take for a lake file. */
    private static Path writeForeign(Path dir) throws Exception {
        Path file = dir.resolve("foreign.parquet");
        org.apache.parquet.schema.MessageType schema = org.apache.parquet.schema.Types.buildMessage()
                .required(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32)
                .named("client")
                .named("other");
        try (ParquetWriter<org.apache.parquet.example.data.Group> writer =
                org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                                new org.apache.parquet.io.LocalOutputFile(file))
                        .withType(schema)
                        .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .build()) {
            writer.write(new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema)
                    .newGroup()
                    .append("client", 1));
        }
        return file;
    }

    @Test
    void readsAProjection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.parquet");
        try (ParquetWriter<Trajectory> writer = LakeWriter.open(file, Map.of())) {
            writer.write(full());
        }
        List<Trajectory> rows = new java.util.ArrayList<>();
        LakeReader.read(
                new LocalInputFile(file),
                Set.of(LakeSchema.Column.CLIENT, LakeSchema.Column.STARTDATUM),
                10,
                batch -> rows.add(batch.trajectory(0)));
        Trajectory t = rows.get(0);
        assertEquals(full().client(), t.client());
        assertEquals(full().startdatum(), t.startdatum());
        assertEquals(Trajectory.NO_DATE, t.einddatum());
        assertEquals(null, t.hulpvorm());
    }
}
