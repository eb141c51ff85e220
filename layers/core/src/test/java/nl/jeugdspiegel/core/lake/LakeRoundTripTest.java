package nl.jeugdspiegel.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        return new Trajectory("ab".repeat(32), 2010, 13, "2", "jeugdhulp", "01",
                (int) LocalDate.of(2024, 2, 1).toEpochDay(), (int) LocalDate.of(2024, 5, 31).toEpochDay(),
                "01", "02", (int) LocalDate.of(2024, 1, 5).toEpochDay(), "04", 8, 123456L, "12345678", "45");
    }

    static Trajectory sparse() {
        return new Trajectory("cd".repeat(32), 2008, 16, "1", "jeugdbescherming", "11",
                (int) LocalDate.of(2023, 3, 1).toEpochDay(), Trajectory.NO_DATE, null, null, Trajectory.NO_DATE,
                null, Trajectory.NO_SCORE, Trajectory.NO_AMOUNT, null, null);
    }

    @Test
    void writesAndReadsEveryColumnIncludingNulls(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("part-00000.parquet");
        try (ParquetWriter<Trajectory> writer = LakeWriter.open(file, Map.of("jeugdspiegel.bron_sleutel", "x"))) {
            writer.write(full());
            writer.write(sparse());
        }
        assertEquals(List.of(full(), sparse()), LakeReader.readAll(file));
        assertEquals("x", LakeReader.metadata(new LocalInputFile(file)).get("jeugdspiegel.bron_sleutel"));
    }

    @Test
    void readsAProjection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.parquet");
        try (ParquetWriter<Trajectory> writer = LakeWriter.open(file, Map.of())) {
            writer.write(full());
        }
        List<Trajectory> rows = new java.util.ArrayList<>();
        LakeReader.forEach(new LocalInputFile(file), Set.of("client", "startdatum"), rows::add);
        Trajectory t = rows.get(0);
        assertEquals(full().client(), t.client());
        assertEquals(full().startdatum(), t.startdatum());
        assertEquals(Trajectory.NO_DATE, t.einddatum());
        assertEquals(null, t.hulpvorm());
    }
}
