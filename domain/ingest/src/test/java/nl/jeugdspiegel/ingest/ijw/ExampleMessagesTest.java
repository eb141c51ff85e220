package nl.jeugdspiegel.ingest.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.lake.Waiting;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example messages of the iJw 3.2 standard (src/test/resources/ijw-voorbeeld, see its README): a
 * JW301 → JW305 → JW307 → JW323 chain of two category-55 products, as Amsterdam would deliver it for 2025H1.
 */
class ExampleMessagesTest {

    private static final Periode H1_2025 = Periode.parse("2025H1");
    private static final PseudonymKey KEY = PseudonymKey.fromSecretText("example-messages-test-key-0123456789");
    private static final CodeRules RULES = new CodeRules(ReferenceData.get());

    static byte[] exampleZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String type : List.of("JW301", "JW305", "JW307", "JW323")) {
                zip.putNextEntry(new ZipEntry(type + ".xml"));
                try (InputStream in =
                        ExampleMessagesTest.class.getResourceAsStream("/ijw-voorbeeld/" + type + ".xml")) {
                    zip.write(in.readAllBytes());
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ProcessedMessages deliver(Path work, ProductMapping mapping) throws IOException {
        byte[] zip = exampleZip();
        MessageDelivery messages = new MessageDelivery(
                new SafeZip(),
                new DeliveryProcessor(RULES, KEY, RejectionThreshold.DEFAULT),
                RejectionThreshold.DEFAULT,
                KEY);
        return messages.process(new ByteArrayInputStream(zip), zip.length, H1_2025, work, Map.of(), "GM0363", mapping);
    }

    @Test
    void theChainLandsAsJeugdhulpWithVerblijfUnknown(@TempDir Path work) throws IOException {
        ProcessedMessages processed = deliver(work, ProductMapping.NONE);
        assertTrue(
                processed.result().accepted(), String.valueOf(processed.result().problem()));
        assertEquals(4, processed.outcome().messages());
        assertEquals(0, processed.outcome().rejected(), "every example message passes its XSD");
        List<Trajectory> rows = LakeReader.readAll(processed.result().lakeFile());
        assertEquals(2, rows.size());
        for (Trajectory t : rows) {
            assertEquals(Trajectory.JEUGDHULP, t.soort());
            assertNull(t.hulpvorm(), "category 55 does not determine the hulpvorm");
            assertNull(t.verblijf(), "nor verblijf");
            assertEquals("55", t.productcategorie());
            assertEquals("01", t.redenBeeindiging(), "JZ588 31 volgens plan → BIJ 01");
            assertEquals("01", t.verwijzer(), "allocated by the municipality without a JW315");
            assertEquals("65656055", t.aanbiederAgb());
            assertEquals(2010, t.geboortejaar());
            assertEquals(java.time.LocalDate.of(2025, 7, 19), t.end());
        }
        assertEquals(
                List.of(5000L, 24000L),
                rows.stream().map(Trajectory::kostenCent).sorted().toList());
        Receipt.Berichten receipt = processed.receiptPart();
        assertEquals(List.of(new Receipt.ZonderHulpvorm("55", 2, List.of("55A11", "55A12"))), receipt.zonderHulpvorm());
        assertNull(receipt.productcodes(), "no mapping file");
        assertEquals(0, receipt.wachtendEindePeriode(), "both products started");
        assertTrue(Waiting.read(new org.apache.parquet.io.LocalInputFile(
                        processed.result().waitingFile()))
                .requests()
                .isEmpty());
        String json = new String(nl.jeugdspiegel.core.json.Json.bytes(receipt), StandardCharsets.UTF_8);
        assertTrue(!json.contains("999900006") && !json.contains("Wit"), "no personal value in the receipt part");
    }

    @Test
    void aProductMappingGivesThemTheirHulpvormAndSoVerblijf(@TempDir Path work) throws IOException {
        ProductMapping mapping = ProductMapping.read(
                "reference/productcodes/GM0363.csv",
                new ByteArrayInputStream("productcategorie;productcode;hulpvorm\n55;55A11;02\n55;55A12;12\n"
                        .getBytes(StandardCharsets.UTF_8)),
                RULES);
        ProcessedMessages processed = deliver(work, mapping);
        List<Trajectory> rows = LakeReader.readAll(processed.result().lakeFile());
        Map<String, Boolean> verblijf = new java.util.TreeMap<>();
        rows.forEach(t -> verblijf.put(t.hulpvorm(), t.verblijf()));
        assertEquals(Map.of("02", false, "12", true), verblijf);
        Receipt.Berichten receipt = processed.receiptPart();
        assertEquals(List.of(), receipt.zonderHulpvorm());
        assertEquals(new Receipt.Productcodes("reference/productcodes/GM0363.csv", 2, 0, 2), receipt.productcodes());
    }
}
