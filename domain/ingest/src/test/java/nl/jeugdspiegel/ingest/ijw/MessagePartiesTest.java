package nl.jeugdspiegel.ingest.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.validation.Bsn;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract v1.3 §2, as an attacker (or a careless export) tries it: a zip uploaded as GM0363 that holds messages of
 * other municipalities. Only the messages to which GM0363 is a party count; the others are counted per municipality
 * and left out; when they are the majority the delivery is rejected.
 */
class MessagePartiesTest {

    private static final PseudonymKey KEY = PseudonymKey.fromSecretText("message-parties-test-key-0123456789");
    private static final List<String> TYPES = List.of("JW301", "JW305", "JW307", "JW323");

    @TempDir
    Path work;

    /** The example chain for one youth, addressed to (or sent by) municipality {@code gemeente} (4 digits). */
    private static void chain(ZipOutputStream zip, int youth, String gemeente) throws IOException {
        long bsn = 100_000_000L + youth * 97L;
        while (!Bsn.passesElfproef(Long.toString(bsn))) {
            bsn++;
        }
        for (String type : TYPES) {
            String message;
            try (InputStream in = MessagePartiesTest.class.getResourceAsStream("/ijw-voorbeeld/" + type + ".xml")) {
                message = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            message = message.replace("999900006", Long.toString(bsn))
                    .replace("30020", Integer.toString(7000 + youth))
                    .replaceAll("(Afzender>|Ontvanger>)0363<", "$1" + gemeente + "<");
            zip.putNextEntry(new ZipEntry(youth + "/" + type + ".xml"));
            zip.write(message.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private MessageOutcome read(String... gemeenten) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int youth = 0; youth < gemeenten.length; youth++) {
                chain(zip, youth, gemeenten[youth]);
            }
        }
        byte[] zip = bytes.toByteArray();
        MessageDelivery messages = new MessageDelivery(
                new SafeZip(),
                new DeliveryProcessor(new CodeRules(ReferenceData.get()), KEY, RejectionThreshold.DEFAULT),
                RejectionThreshold.DEFAULT,
                KEY,
                0);
        return messages.readMessages(
                new ByteArrayInputStream(zip),
                zip.length,
                Periode.parse("2025H1"),
                Files.createTempDirectory(work, "w"),
                "GM0363",
                ProductMapping.NONE);
    }

    @Test
    void messagesOfAnotherMunicipalityAreLeftOutAndCounted() throws IOException {
        MessageOutcome outcome = read("0363", "0363", "0014");
        assertNull(outcome.problem());
        assertEquals(8, outcome.messages(), "the two chains of GM0363");
        assertEquals(Map.of("GM0014", 4L), outcome.otherMunicipality());
        assertEquals(4, outcome.trajectories(), "two products per chain, of GM0363's two youths only");
        assertEquals(1 + 4, Files.readString(outcome.csv()).lines().count(), "the header and four trajectories");
        assertTrue(
                outcome.warnings().stream()
                        .anyMatch(w ->
                                w.startsWith("4 bericht(en) zijn niet van deze gemeente") && w.contains("GM0014: 4")),
                outcome.warnings().toString());
    }

    @Test
    void aDeliveryMostlyOfOtherMunicipalitiesIsRejected() throws IOException {
        MessageOutcome outcome = read("0363", "0014", "0034", "0014");
        assertEquals(ReasonCode.BERICHTEN_ANDERE_GEMEENTE, outcome.problem().code());
        assertTrue(outcome.problem().melding().startsWith("12 van de 16 geldige berichten hebben GM0363 niet"));
        assertTrue(
                outcome.problem().melding().contains("GM0014: 8, GM0034: 4"),
                outcome.problem().melding());
    }

    /**
     * A message without a municipality party (an AGB where the schema wants a gemeentecode) does not reach the party
     * check: the iJw 3.2 schema refuses it, so it is counted as refused, not as another municipality's.
     */
    @Test
    void aMessageWithoutAMunicipalityIsRefusedByTheSchema() throws IOException {
        String[] gemeenten = new String[20];
        java.util.Arrays.fill(gemeenten, "0363");
        gemeenten[19] = "73010001"; // 4 of 80 messages: 5 %, not more than the threshold
        MessageOutcome outcome = read(gemeenten);
        assertEquals(Map.of(), outcome.otherMunicipality());
        assertEquals(4, outcome.rejected(), "the four messages of the last chain");
        assertTrue(
                outcome.problems().stream().allMatch(p -> p.file().startsWith("19/")),
                outcome.problems().toString());
    }
}
