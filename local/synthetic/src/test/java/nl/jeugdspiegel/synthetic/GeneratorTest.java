package nl.jeugdspiegel.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    static Path dir;

    static Generator.Summary summary;

    @BeforeAll
    static void generate() throws IOException {
        summary = Generator.generate(dir.resolve("a"), 7, 0.02, s -> {});
    }

    private static List<Path> uploads(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("uploads"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void isDeterministicForASeed() throws IOException {
        Generator.generate(dir.resolve("b"), 7, 0.02, s -> {});
        List<Path> a = uploads(dir.resolve("a"));
        List<Path> b = uploads(dir.resolve("b"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(dir.resolve("a").relativize(a.get(i)), dir.resolve("b").relativize(b.get(i)));
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)));
            assertEquals(Files.getLastModifiedTime(a.get(i)), Files.getLastModifiedTime(b.get(i)));
        }
    }

    @Test
    void coversEveryMunicipalityAndPeriodAndLabelsThePopulationSynthetic() throws IOException {
        long periods = Periode.range(Generator.FIRST, Generator.LAST).size();
        assertTrue(summary.files() >= 342 * periods * 0.9, "almost every municipality delivers every period");
        String population = Files.readString(dir.resolve("a/reference/bevolking/2024.csv"));
        assertTrue(population.startsWith("gemeentecode;inwoners_totaal;inwoners_0_17;bron\n"));
        assertEquals(343, population.lines().count());
        assertTrue(population.lines().skip(1).allMatch(l -> l.endsWith(";synthetisch")));
        assertTrue(Files.exists(dir.resolve("a/reference/bevolking/LEESMIJ-SYNTHETISCH.txt")));
    }

    @Test
    void deliveriesPassIngestExceptTheDeliberatelyFaultyOnes() throws IOException {
        DeliveryProcessor processor = new DeliveryProcessor(
                new CodeRules(ReferenceData.get()),
                PseudonymKey.fromSecretText("generator-test-key-0123456789abcdefgh"),
                RejectionThreshold.DEFAULT);
        Map<ReasonCode, Integer> rejected = new EnumMap<>(ReasonCode.class);
        long rowsRead = 0;
        long rowsRejected = 0;
        int accepted = 0;
        for (Path file : uploads(dir.resolve("a"))) {
            Path rel = dir.resolve("a/uploads").relativize(file);
            var periode = Periode.tryParse(rel.getName(1).toString());
            if (periode.isEmpty()) {
                rejected.merge(ReasonCode.SLEUTEL_ONGELDIG, 1, Integer::sum);
                continue;
            }
            Path work = Files.createTempDirectory(dir, "w");
            DeliveryResult result;
            try (InputStream in = Files.newInputStream(file)) {
                result = processor.process(in, Files.size(file), periode.get(), work, Map.of());
            }
            if (result.accepted()) {
                accepted++;
                rowsRead += result.report().rowsRead();
                rowsRejected += result.report().rowsRejected();
                assertEquals(0, result.report().duplicates(), file + " has no duplicate keys");
            } else {
                rejected.merge(result.problem().code(), 1, Integer::sum);
                assertTrue(file.getFileName().toString().contains("_v1"), file + " was rejected: " + result.problem());
            }
        }
        assertTrue(accepted > summary.files() * 0.95, "accepted " + accepted + " of " + summary.files());
        assertTrue(rowsRejected > 0 && rowsRejected < rowsRead * 0.01, rowsRejected + " of " + rowsRead);
        assertTrue(
                rejected.keySet()
                        .containsAll(List.of(
                                ReasonCode.TE_VEEL_FOUTEN, ReasonCode.CODERING_ONGELDIG, ReasonCode.KOLOM_ONTBREEKT)),
                rejected.toString());
    }
}
