package nl.jeugdspiegel.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                "45",
                Boolean.FALSE);
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
                null,
                null);
    }

    /** An iJw row of category 43: no hulpvorm, verblijf known from the category. */
    static Trajectory fromMessagesWithoutHulpvorm() {
        return new Trajectory(
                "01".repeat(32),
                2011,
                12,
                "0",
                "jeugdhulp",
                null,
                (int) LocalDate.of(2024, 3, 1).toEpochDay(),
                Trajectory.NO_DATE,
                null,
                "01",
                Trajectory.NO_DATE,
                null,
                Trajectory.NO_SCORE,
                Trajectory.NO_AMOUNT,
                "87654321",
                "43",
                Boolean.TRUE);
    }

    @Test
    void writesAndReadsEveryColumnIncludingNulls(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("part-00000.parquet");
        try (LakeWriter writer = LakeWriter.open(file, Map.of("jeugdspiegel.bron_sleutel", "x"))) {
            writer.write(full());
            writer.write(sparse());
            writer.write(fromMessagesWithoutHulpvorm());
        }
        assertEquals(List.of(full(), sparse(), fromMessagesWithoutHulpvorm()), LakeReader.readAll(file));
        Map<String, String> footer =
                LakeReader.read(new LocalInputFile(file), Set.of(LakeSchema.Column.SOORT), 1, batch -> {});
        assertEquals("x", footer.get("jeugdspiegel.bron_sleutel"));
    }

    /**
     * The writer closes a row group at its size limit (32 MiB in the lake, 1 MiB here) as parquet-java's ParquetWriter
     * does, so memory stays flat for any file; every row comes back, in order, across the row groups.
     */
    @Test
    void splitsLargeFilesIntoRowGroupsAndLosesNoRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.parquet");
        int rows = 100_000;
        java.util.Random pseudonyms = new java.util.Random(25);
        try (LakeWriter writer = LakeWriter.open(file, 1024 * 1024)) {
            for (int i = 0; i < rows; i++) {
                Trajectory t = i % 3 == 0 ? sparse() : full();
                writer.write(new Trajectory(
                        randomPseudonym(pseudonyms),
                        t.geboortejaar(),
                        t.leeftijdStart(),
                        t.geslacht(),
                        t.soort(),
                        t.hulpvorm(),
                        t.startdatum() + i % 700,
                        t.einddatum(),
                        t.redenBeeindiging(),
                        t.verwijzer(),
                        t.aanmelddatum(),
                        t.zonderHulpVerder(),
                        t.tevredenheid(),
                        t.hasKosten() ? t.kostenCent() + i : Trajectory.NO_AMOUNT,
                        t.aanbiederAgb(),
                        t.productcategorie(),
                        t.verblijf()));
            }
        }
        try (org.apache.parquet.hadoop.ParquetFileReader reader =
                org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(file))) {
            List<org.apache.parquet.hadoop.metadata.BlockMetaData> groups =
                    reader.getFooter().getBlocks();
            assertTrue(groups.size() >= 3, groups.size() + " row groups of at most 1 MiB");
            for (org.apache.parquet.hadoop.metadata.BlockMetaData group : groups) {
                assertTrue(group.getCompressedSize() <= 1024 * 1024, group.getCompressedSize() + " bytes");
            }
            assertEquals(rows, groups.stream().mapToLong(g -> g.getRowCount()).sum());
        }
        java.util.Random again = new java.util.Random(25);
        long[] read = {0};
        LakeReader.read(new LocalInputFile(file), Set.of(LakeSchema.Column.CLIENT), 8192, batch -> {
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(randomPseudonym(again), batch.pseudonym(i));
                read[0]++;
            }
        });
        assertEquals(rows, read[0]);
    }

    private static String randomPseudonym(java.util.Random random) {
        return String.format(
                java.util.Locale.ROOT,
                "%016x%016x%016x%016x",
                random.nextLong(),
                random.nextLong(),
                random.nextLong(),
                random.nextLong());
    }

    /** A row that cannot be written (a required column empty) leaves no lake file that claims to be whole. */
    @Test
    void aFailedRowAbandonsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("failed.parquet");
        LakeWriter writer = LakeWriter.open(file, Map.of());
        writer.write(full());
        Trajectory sparse = sparse();
        Trajectory noClient = new Trajectory(
                null,
                sparse.geboortejaar(),
                sparse.leeftijdStart(),
                sparse.geslacht(),
                sparse.soort(),
                sparse.hulpvorm(),
                sparse.startdatum(),
                sparse.einddatum(),
                sparse.redenBeeindiging(),
                sparse.verwijzer(),
                sparse.aanmelddatum(),
                sparse.zonderHulpVerder(),
                sparse.tevredenheid(),
                sparse.kostenCent(),
                sparse.aanbiederAgb(),
                sparse.productcategorie(),
                sparse.verblijf());
        assertThrows(NullPointerException.class, () -> writer.write(noClient));
        assertThrows(java.io.IOException.class, () -> writer.write(full()));
        writer.close();
        assertThrows(RuntimeException.class, () -> LakeReader.readAll(file));
    }

    @Test
    void readsInBatchesWithCodeIndicesThatHoldAcrossBatches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.parquet");
        try (LakeWriter writer = LakeWriter.open(file, Map.of())) {
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
                  optional binary hulpvorm (STRING);
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
                  optional boolean verblijf;
                }
                """, LakeSchema.TRAJECTEN.toString());
    }

    /** The lake schema of contract 1.1: no verblijf, hulpvorm required. */
    private static final String SCHEMA_1_1 = """
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
            """;

    /** Migration (contract v1.2 §6): files already in the lake have no verblijf; the reader derives it. */
    @Test
    void readsALakeFileOfContract11WithVerblijfDerived(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.parquet");
        org.apache.parquet.schema.MessageType schema =
                org.apache.parquet.schema.MessageTypeParser.parseMessageType(SCHEMA_1_1);
        String[][] rows = {
            {"jeugdhulp", "02", null},
            {"jeugdhulp", "13", "37"},
            {"jeugdbescherming", "11", null},
            {"jeugdhulp", "04", "45"}
        };
        try (ParquetWriter<org.apache.parquet.example.data.Group> writer =
                org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                                new org.apache.parquet.io.LocalOutputFile(file))
                        .withType(schema)
                        .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .build()) {
            org.apache.parquet.example.data.simple.SimpleGroupFactory groups =
                    new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
            for (String[] row : rows) {
                org.apache.parquet.example.data.Group g = groups.newGroup()
                        .append("client", "ef".repeat(32))
                        .append("geboortejaar", 2012)
                        .append("leeftijd_start", 11)
                        .append("geslacht", "1")
                        .append("soort", row[0])
                        .append("hulpvorm", row[1])
                        .append("startdatum", (int) LocalDate.of(2024, 1, 10).toEpochDay());
                if (row[2] != null) {
                    g.append("productcategorie", row[2]);
                }
                writer.write(g);
            }
        }
        List<Trajectory> read = LakeReader.readAll(file);
        assertEquals(4, read.size());
        assertEquals(Boolean.FALSE, read.get(0).verblijf());
        assertEquals(Boolean.TRUE, read.get(1).verblijf());
        assertEquals(null, read.get(2).verblijf(), "a measure's type 11 is not hulpvorm 11");
        assertEquals(Boolean.FALSE, read.get(3).verblijf());
        // a projection of verblijf alone derives it too
        List<Boolean> projected = new java.util.ArrayList<>();
        LakeReader.read(new LocalInputFile(file), Set.of(LakeSchema.Column.VERBLIJF), 10, batch -> {
            for (int i = 0; i < batch.size(); i++) {
                projected.add(batch.verblijf(i));
            }
        });
        assertEquals(java.util.Arrays.asList(false, true, null, false), projected);
    }

    @Test
    void verblijfFollowsHulpvormThenProductCategory() {
        assertEquals(Boolean.FALSE, Verblijf.of("jeugdhulp", "03", "43"), "the hulpvorm wins");
        assertEquals(Boolean.TRUE, Verblijf.of("jeugdhulp", null, "43"));
        assertEquals(Boolean.TRUE, Verblijf.of("jeugdhulp", null, "44"));
        assertEquals(Boolean.FALSE, Verblijf.of("jeugdhulp", null, "40"));
        assertEquals(Boolean.FALSE, Verblijf.of("jeugdhulp", null, "45"));
        assertEquals(Boolean.FALSE, Verblijf.of("jeugdhulp", null, "41"));
        for (String unknown : List.of("46", "50", "51", "52", "53", "54", "55")) {
            assertEquals(null, Verblijf.of("jeugdhulp", null, unknown), unknown);
        }
        assertEquals(null, Verblijf.of("jeugdhulp", null, null));
        assertEquals(null, Verblijf.of("jeugdreclassering", "41", "47"));
        assertEquals(null, Verblijf.of("jeugdbescherming", "12", "48"));
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
        try (LakeWriter writer = LakeWriter.open(file, Map.of())) {
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
