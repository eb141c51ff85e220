package nl.jeugdspiegel.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.ijw.MessageCheck;
import nl.jeugdspiegel.ingest.ijw.MessageDelivery;
import nl.jeugdspiegel.ingest.ijw.MessageFacts;
import nl.jeugdspiegel.ingest.ijw.MessageOutcome;
import nl.jeugdspiegel.ingest.ijw.ProcessedMessages;
import nl.jeugdspiegel.ingest.ijw.ProductMapping;
import nl.jeugdspiegel.ingest.ijw.SafeZip;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iJw form of the generated deliveries: valid messages of each type, refused broken ones, and the proof
 * that the CSV and the iJw delivery of the same trajectories give the same lake rows.
 */
class IjwDeliveryTest {

    private static final IjwMessages.Client CLIENT =
            new IjwMessages.Client("123456782", "2011-03-04", "1", "Zorgvlietsma");
    private static final IjwMessages.Parties PARTIES = new IjwMessages.Parties("73010001", "0363");
    private static final PseudonymKey KEY = PseudonymKey.fromSecretText("ijw-equivalence-test-key-0123456789");
    private static final DeliveryProcessor PROCESSOR =
            new DeliveryProcessor(new CodeRules(ReferenceData.get()), KEY, RejectionThreshold.DEFAULT);

    private static final Set<Periode> COMPARED = Set.of(Periode.parse("2024H1"), Periode.parse("2024H2"));

    private final MessageCheck check = new MessageCheck();

    private static Map<MessageCheck.Type, String> oneOfEach() {
        Map<MessageCheck.Type, String> messages = new TreeMap<>();
        messages.put(
                MessageCheck.Type.JW315,
                IjwMessages.jw315(
                        new IjwMessages.Envelope(PARTIES, "A1", "2024-01-05", CLIENT),
                        "R1",
                        "32",
                        "32A01",
                        "2024-02-01",
                        "02"));
        messages.put(
                MessageCheck.Type.JW301,
                IjwMessages.jw301(
                        new IjwMessages.Envelope(PARTIES, "T1", "2024-01-20", CLIENT),
                        4711,
                        "R1",
                        "32",
                        "32A01",
                        "2024-01-20",
                        "2024-02-01"));
        messages.put(
                MessageCheck.Type.JW305,
                IjwMessages.jw305(
                        new IjwMessages.Envelope(PARTIES, "S1", "2024-02-01", CLIENT),
                        4711,
                        "32",
                        "32A01",
                        "2024-02-01"));
        messages.put(
                MessageCheck.Type.JW307,
                IjwMessages.jw307(
                        new IjwMessages.Envelope(PARTIES, "E1", "2024-05-31", CLIENT),
                        4711,
                        "32",
                        "32A01",
                        "2024-02-01",
                        "31",
                        "2024-05-31"));
        messages.put(
                MessageCheck.Type.JW323,
                IjwMessages.jw323(
                        PARTIES,
                        "F1",
                        "2024-07-14",
                        "D1241",
                        "2024-01-01",
                        "2024-06-30",
                        CLIENT.bsn(),
                        new IjwMessages.Prestatie(4711, "32", "32A01", "2024-02-01", "2024-05-31", 121, 125050, false),
                        new IjwMessages.Prestatie(4711, "32", "32A01", "2024-02-01", "2024-05-31", 0, 5000, true)));
        return messages;
    }

    @Test
    void messagesOfEachTypeAreValidAndTheirFactsHoldNoNamesOrAddresses() throws Exception {
        for (Map.Entry<MessageCheck.Type, String> m : oneOfEach().entrySet()) {
            byte[] xml = m.getValue().getBytes(StandardCharsets.UTF_8);
            MessageCheck.Result result = check.check(m.getKey() + ".xml", xml);
            assertEquals(Optional.empty(), result.problem(), m.getKey().toString());
            assertEquals(m.getKey(), result.type().orElseThrow());
            for (MessageFacts.Fact fact : new MessageFacts().read(m.getKey(), m.getKey() + ".xml", xml)) {
                assertEquals(CLIENT.bsn(), fact.get("Client/Bsn"));
                String kept = fact.values().toString();
                for (String personal :
                        List.of("Zorgvlietsma", "Kastanjelaan", "Jeugdstad", "1234AB", "Dokter Verwijsma")) {
                    assertFalse(kept.contains(personal), m.getKey() + " keeps " + personal);
                }
            }
        }
    }

    @Test
    void brokenMessagesOfEachTypeAreRefusedWithFileLineAndReason() {
        for (Map.Entry<MessageCheck.Type, String> m : oneOfEach().entrySet()) {
            String impossibleDate =
                    m.getValue().replaceFirst("<ijw:Dagtekening>\\d{4}-\\d{2}-\\d{2}<", "<ijw:Dagtekening>2024-02-30<");
            MessageCheck.Problem problem = check.check("broken.xml", impossibleDate.getBytes(StandardCharsets.UTF_8))
                    .problem()
                    .orElseThrow();
            assertEquals("broken.xml", problem.file());
            assertEquals(11, problem.line(), m.getKey() + ": the line of the Dagtekening");
            assertTrue(
                    problem.reason().contains("Dagtekening") && problem.reason().contains("geen geldige datum"),
                    problem.reason());
            String withoutBsn = m.getValue().replaceFirst("<Bsn>\\d+</Bsn>", "");
            MessageCheck.Problem missing = check.check("no-bsn.xml", withoutBsn.getBytes(StandardCharsets.UTF_8))
                    .problem()
                    .orElseThrow();
            assertTrue(
                    missing.reason().contains("Bsn") || missing.reason().contains("Prestaties"),
                    m.getKey() + ": " + missing.reason());
        }
    }

    @Test
    void spillingOverManyBucketsGivesTheSameTrajectoriesAsOne(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("groot.zip");
        long written = LargeUpload.writeIjw(zip, 400, Periode.parse("2024H1"), 5);
        MessageDelivery messages = new MessageDelivery(new SafeZip(), PROCESSOR, RejectionThreshold.DEFAULT, KEY);
        List<List<String>> results = new ArrayList<>();
        // the bucket count follows the zip's size: claiming 200 MB spreads the clients over 48 buckets
        for (long claimedSize : new long[] {Files.size(zip), 200L << 20}) {
            Path work = Files.createTempDirectory(dir, "w");
            MessageOutcome outcome;
            try (InputStream in = Files.newInputStream(zip)) {
                outcome = messages.readMessages(
                        in, claimedSize, Periode.parse("2024H1"), work, "GM0363", ProductMapping.NONE);
            }
            assertEquals(null, outcome.problem());
            assertEquals(written, outcome.messages());
            List<String> lines = new ArrayList<>(Files.readAllLines(outcome.csv()));
            lines.sort(null);
            results.add(lines);
            try (Stream<Path> left = Files.list(work)) {
                assertTrue(
                        left.noneMatch(p -> p.getFileName().toString().startsWith("berichtfeiten-")),
                        "every bucket is read and removed");
            }
        }
        assertEquals(401, results.get(0).size(), "400 trajectories and the header");
        assertEquals(results.get(0), results.get(1));
    }

    /** The lake rows of every delivery in force, per gemeente and periode folder, and why first versions were rejected. */
    private record Ingested(Map<String, List<String>> rows, Set<ReasonCode> rejections, List<String> warnings) {}

    private static Ingested ingest(Path root, Path work) throws IOException {
        MessageDelivery messages = new MessageDelivery(new SafeZip(), PROCESSOR, RejectionThreshold.DEFAULT, KEY);
        Map<String, List<String>> rows = new TreeMap<>();
        Set<ReasonCode> rejections = EnumSet.noneOf(ReasonCode.class);
        List<String> warnings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("uploads"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Optional<Periode> periode =
                    Periode.tryParse(file.getParent().getFileName().toString());
            if (periode.isEmpty()) {
                continue; // the deliberately bad key, refused before it is read
            }
            String name = file.getFileName().toString();
            if (!name.contains("_v1") && !COMPARED.contains(periode.get())) {
                continue; // ~8 ms per delivery: all faulty first versions, but the rest of two half-years only
            }
            Path dir = Files.createTempDirectory(work, "w");
            DeliveryResult result;
            try (InputStream in = Files.newInputStream(file)) {
                if (file.toString().endsWith(".zip")) {
                    String gemeente = file.getParent().getParent().getFileName().toString();
                    ProductMapping mapping;
                    try (InputStream csv =
                            Files.newInputStream(root.resolve("reference/productcodes/" + gemeente + ".csv"))) {
                        mapping = ProductMapping.read(gemeente, csv, new CodeRules(ReferenceData.get()));
                    }
                    ProcessedMessages processed =
                            messages.process(in, Files.size(file), periode.get(), dir, Map.of(), gemeente, mapping);
                    result = processed.result();
                    warnings.addAll(processed.outcome().warnings());
                } else {
                    result = PROCESSOR.process(in, Files.size(file), periode.get(), dir, Map.of());
                }
            }
            if (name.contains("_v1")) {
                // faulty on purpose and replaced a week later by _v2 (a tiny CSV can slip through: too few rows
                // to hold a Latin-1 character)
                if (!result.accepted()) {
                    rejections.add(result.problem().code());
                }
                continue;
            }
            List<String> lake = new ArrayList<>();
            assertTrue(result.accepted(), file + ": " + result.problem());
            for (Trajectory t : LakeReader.readAll(result.lakeFile())) {
                lake.add(shared(t));
            }
            lake.sort(null);
            rows.put(root.relativize(file.getParent()).toString(), lake);
        }
        return new Ingested(rows, rejections, warnings);
    }

    /**
     * A lake row without the fields iJw does not carry (tevredenheid, zonder_hulp_verder, a measure's
     * reden_beeindiging and verwijzer: measures come without a JW315) or codes differently (productcategorie).
     */
    private static String shared(Trajectory t) {
        return String.join(
                        "|",
                        t.client(),
                        Integer.toString(t.geboortejaar()),
                        Integer.toString(t.leeftijdStart()),
                        t.geslacht(),
                        t.soort(),
                        t.hulpvorm(),
                        String.valueOf(t.verblijf()),
                        Integer.toString(t.startdatum()),
                        Integer.toString(t.einddatum()),
                        t.soort().equals(Trajectory.JEUGDHULP) ? String.valueOf(t.redenBeeindiging()) : "-",
                        t.soort().equals(Trajectory.JEUGDHULP) ? String.valueOf(t.verwijzer()) : "-",
                        Integer.toString(t.aanmelddatum()),
                        Long.toString(t.kostenCent()))
                + AGB
                + t.aanbiederAgb();
    }

    /** Separates the AGB code from the other fields of {@link #shared}: a CSV row may lack it, an iJw row never does. */
    private static final String AGB = "#agb=";

    /** The rows of one delivery by their fields without the AGB code, to that code ("null" when absent). */
    private static Map<String, String> byFields(List<String> rows) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String row : rows) {
            int at = row.indexOf(AGB);
            out.put(row.substring(0, at), row.substring(at + AGB.length()));
        }
        return out;
    }

    @Test
    void csvAndIjwDeliveriesOfTheSameTrajectoriesGiveIdenticalLakeRows(@TempDir Path dir) throws IOException {
        Generator.generate(dir.resolve("csv"), 11, 0.002, Generator.Format.CSV, s -> {});
        Generator.generate(dir.resolve("ijw"), 11, 0.002, Generator.Format.IJW, true, s -> {});
        Ingested csv = ingest(dir.resolve("csv"), dir);
        Ingested ijw = ingest(dir.resolve("ijw"), dir);
        assertEquals(csv.rows().keySet(), ijw.rows().keySet(), "the same deliveries are in force");
        long compared = 0;
        long withoutAgb = 0;
        for (String delivery : csv.rows().keySet()) {
            Map<String, String> fromCsv = byFields(csv.rows().get(delivery));
            Map<String, String> fromIjw = byFields(ijw.rows().get(delivery));
            assertEquals(fromCsv.keySet(), fromIjw.keySet(), delivery);
            for (Map.Entry<String, String> row : fromCsv.entrySet()) {
                String agb = fromIjw.get(row.getKey());
                assertTrue(agb.matches("[0-9]{8}"), "an iJw row always names its provider: " + agb);
                if (row.getValue().equals("null")) {
                    withoutAgb++;
                } else {
                    assertEquals(row.getValue(), agb, delivery + " " + row.getKey());
                }
            }
            compared += fromCsv.size();
        }
        assertTrue(compared > 1_000, "compared " + compared + " rows");
        assertTrue(withoutAgb > 0 && withoutAgb < compared / 10, "CSV rows without an AGB code: " + withoutAgb);
        for (String soort : List.of(Trajectory.JEUGDHULP, Trajectory.JEUGDBESCHERMING, Trajectory.JEUGDRECLASSERING)) {
            assertTrue(
                    csv.rows().values().stream().flatMap(List::stream).anyMatch(r -> r.contains("|" + soort + "|")),
                    "the comparison covers " + soort);
        }
        assertTrue(
                ijw.rejections().containsAll(List.of(ReasonCode.TE_VEEL_FOUTEN, ReasonCode.ZIP_ONGELDIG)),
                ijw.rejections().toString());
        assertTrue(
                ijw.warnings().stream().anyMatch(w -> w.contains("categorie 42 (vervoerdiensten) overgeslagen")),
                "vervoer (42) is counted, not a trajectory");
    }
}
