package nl.jeugdspiegel.ingest.ijw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.validation.Bsn;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking messages on several threads gives exactly what checking them on one gives: the same counts, the
 * refused messages in the zip's order, the same trajectories in the same order, the same waiting clients.
 */
class ParallelCheckingTest {

    private static final PseudonymKey KEY = PseudonymKey.fromSecretText("parallel-checking-test-key-0123456789");

    /** 400 youths with the example chain each (their own BSN and numbers), with refused entries in between. */
    private static byte[] zip() throws IOException {
        String[] chain = new String[4];
        String[] types = {"JW301", "JW305", "JW307", "JW323"};
        for (int i = 0; i < types.length; i++) {
            try (InputStream in =
                    ParallelCheckingTest.class.getResourceAsStream("/ijw-voorbeeld/" + types[i] + ".xml")) {
                chain[i] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long candidate = 100_000_000L;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int youth = 0; youth < 400; youth++) {
                while (!Bsn.passesElfproef(Long.toString(++candidate))) {
                    // the next valid BSN
                }
                for (int i = 0; i < types.length; i++) {
                    String message = chain[i].replace("999900006", Long.toString(candidate))
                            .replace("30020", Integer.toString(7000 + youth));
                    if (youth % 37 == 5 && i == 1) {
                        message = message.replace("2025-04-03", "2025-04-31"); // refused by the schema
                    }
                    put(zip, "berichten/" + youth + "/" + types[i] + ".xml", message);
                }
                if (youth % 53 == 7) {
                    put(zip, "berichten/" + youth + "/notitie.txt", "geen bericht");
                    put(zip, "../buiten/" + youth + ".xml", chain[0]);
                }
                if (youth % 61 == 3) {
                    put(
                            zip,
                            "berichten/" + youth + "/JW317.xml",
                            "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw317/schema\"/>");
                }
                if (youth % 29 == 11) { // a request that is still waiting at the end of 2025H1
                    put(
                            zip,
                            "berichten/" + youth + "/JW301-open.xml",
                            chain[0].replace("999900006", Long.toString(candidate))
                                    .replace("30020", Integer.toString(8000 + youth))
                                    .replace("2025-03-28", "2025-05-02"));
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static MessageOutcome read(byte[] zip, int checkers, Path work) throws IOException {
        MessageDelivery messages = new MessageDelivery(
                new SafeZip(),
                new DeliveryProcessor(new CodeRules(ReferenceData.get()), KEY, RejectionThreshold.DEFAULT),
                new RejectionThreshold(0.2),
                KEY,
                checkers);
        return messages.readMessages(
                new ByteArrayInputStream(zip),
                zip.length,
                Periode.parse("2025H1"),
                work,
                "GM0363",
                ProductMapping.NONE);
    }

    @Test
    void threeCheckersGiveWhatOneThreadGives(@TempDir Path dir) throws IOException {
        byte[] zip = zip();
        Path alone = Files.createDirectory(dir.resolve("alone"));
        Path parallel = Files.createDirectory(dir.resolve("parallel"));
        MessageOutcome one = read(zip, 0, alone);
        MessageOutcome three = read(zip, 3, parallel);
        assertEquals(null, one.problem());
        assertTrue(one.rejected() > 20, one.rejected() + " refused");
        assertEquals(one.messages(), three.messages());
        assertEquals(one.rejected(), three.rejected());
        assertEquals(one.perType(), three.perType());
        assertEquals(one.skipped(), three.skipped());
        assertEquals(one.problems(), three.problems(), "refused messages in the zip's order");
        assertEquals(one.trajectories(), three.trajectories());
        assertEquals(one.warnings(), three.warnings());
        assertEquals(one.waiting(), three.waiting());
        assertTrue(one.waiting().size() > 5, one.waiting().size() + " waiting");
        assertArrayEquals(Files.readAllBytes(one.csv()), Files.readAllBytes(three.csv()), "the same trajectory rows");
        assertArrayEquals(Files.readAllBytes(one.sources()), Files.readAllBytes(three.sources()));
        List<String> names = new ArrayList<>();
        one.problems().forEach(p -> names.add(p.file()));
        assertTrue(names.indexOf("../buiten/7.xml") < names.indexOf("berichten/42/JW305.xml"), names.toString());
    }
}
