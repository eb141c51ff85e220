package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.ingest.TestUploads;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import org.junit.jupiter.api.Test;

/**
 * The ingest flow through the handler, driven by events/*.json, against a real S3 API. Run against the
 * embedded server ({@link IngestHandlerIT}) and against LocalStack ({@link IngestLocalStackIT}).
 */
abstract class IngestFlowContract extends S3TestSupport {

    @Test
    void anAcceptedUploadLandsInTheLakeWithAReceipt() throws IOException {
        put(Events.key(UPLOAD), validUpload(25));
        assertEquals("ingested 1 object(s)", handler().handleRequest(UPLOAD, null));

        Receipt receipt = receipt(UPLOAD);
        assertEquals("geaccepteerd", receipt.status());
        assertTrue(receipt.toegepast());
        assertEquals("GM0363", receipt.gemeente());
        assertEquals("Amsterdam", receipt.gemeentenaam());
        assertEquals("2024H1", receipt.periode());
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv",
                receipt.bron().sleutel(),
                "the + of the event key is a space");
        assertEquals(64, receipt.bron().sha256().length());
        assertEquals(25, receipt.aantallen().rijenInLake());
        assertEquals("1.2", receipt.contractversie());
        assertEquals(25, lakeRows().size());
        assertTrue(get("quarantine/GM0363/2024H1/trajecten 2024H1.csv").isEmpty());
        assertEquals(25, receipt.kenmerken().rijen());
        assertNull(receipt.vergelijkingVorige(), "nothing to compare with yet");
        assertNotNull(receipt.publicatie());
        String page = page(UPLOAD);
        assertTrue(page.contains("<html lang=\"nl\">") && page.contains("Content-Security-Policy"), page);
        assertTrue(page.contains("Geaccepteerd") && page.contains("Wat deze levering mogelijk maakt"), page);
        assertFalse(page.contains("<script"), page);
    }

    /**
     * A client number in the AGB column (indicators v1.3): as many distinct "AGB codes" as rows. The delivery is
     * accepted unchanged and the receipt warns, in the JSON and on its page; with a provider register that knows none
     * of the codes it says so too. A tidy column (one provider) gives no warning.
     */
    @Test
    void aClientNumberInTheAgbColumnIsAcceptedWithAWarning() throws IOException {
        put(Events.key(UPLOAD), validUpload(25));
        handler().handleRequest(UPLOAD, null);
        assertTrue(
                receipt(UPLOAD).waarschuwingen().stream().noneMatch(w -> w.contains("aanbieder_agb")),
                "one provider for 25 rows is plausible");

        List<Map<String, String>> rows = TestUploads.rows(40);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("aanbieder_agb", String.format("%08d", 70_000_000 + i));
        }
        put("reference/aanbieders.csv", "agb;naam\n12345678;Zorg & Co\n");
        put(Events.key(REPLACEMENT), TestUploads.csv(rows));
        handler().handleRequest(REPLACEMENT, null);

        Receipt receipt = receipt(REPLACEMENT);
        assertEquals("geaccepteerd", receipt.status());
        assertEquals(40, lakeRows().size(), "nothing is changed or dropped");
        List<String> warnings = receipt.waarschuwingen();
        assertTrue(
                warnings.stream().anyMatch(w -> w.contains("40 verschillende codes bij 40 regels jeugdhulp")),
                warnings.toString());
        assertTrue(
                warnings.stream().anyMatch(w -> w.contains("40 van de 40 regels jeugdhulp met een AGB-code")),
                warnings.toString());
        assertTrue(page(REPLACEMENT).contains("cliëntnummer of dossiernummer"), "the warning is on the page");
    }

    @Test
    void aRejectedUploadIsQuarantinedAndLeavesTheLakeAsItWas() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        handler().handleRequest(UPLOAD, null);
        byte[] lakeBefore = get(LAKE_KEY).orElseThrow();

        String bad = TestUploads.csv(';', "\n", List.of("bsn", "soort"), List.of(Map.of("bsn", "123456782")));
        put(Events.key(REPLACEMENT), bad);
        handler().handleRequest(REPLACEMENT, null);

        Receipt receipt = receipt(REPLACEMENT);
        assertEquals("afgewezen", receipt.status());
        assertEquals("kolom_ontbreekt", receipt.afwijzing().code());
        assertTrue(receipt.afwijzing().melding().contains("geboortedatum"));
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv",
                receipt.leveringInGebruik().sleutel());
        assertEquals(
                bad,
                new String(get("quarantine/GM0363/2024H1/trajecten 2024H1 (gecorrigeerd).csv")
                        .orElseThrow()));
        assertTrue(Arrays.equals(lakeBefore, get(LAKE_KEY).orElseThrow()), "the lake is unchanged");
        String page = page(REPLACEMENT);
        assertTrue(page.contains("Afgewezen") && page.contains("Wat u kunt doen"), page);
        assertTrue(page.contains(receipt.afwijzing().advies()), "the advice is on the page");
        assertNull(receipt.vergelijkingVorige());
    }

    @Test
    void aLaterDeliveryReplacesTheEarlierOneWhateverItsName() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        handler().handleRequest(UPLOAD, null);
        put(Events.key(REPLACEMENT), validUpload(7));
        handler().handleRequest(REPLACEMENT, null);

        assertEquals(7, lakeRows().size());
        Receipt receipt = receipt(REPLACEMENT);
        assertTrue(receipt.toegepast());
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv", receipt.vervangt().sleutel());
        Receipt.Vergelijking compared = receipt.vergelijkingVorige();
        assertEquals(Receipt.Vergelijking.VERVANGEN, compared.grond());
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv",
                compared.levering().sleutel());
        assertEquals(10.0, compared.metingen().get(0).vorige());
        assertEquals(7.0, compared.metingen().get(0).nu());
        // a replay of the event finds itself in force: its receipt keeps the comparison with what it replaced
        handler().handleRequest(REPLACEMENT, null);
        assertEquals(compared, receipt(REPLACEMENT).vergelijkingVorige());
        assertTrue(page(REPLACEMENT).contains("Vergeleken met de vorige levering"));
    }

    @Test
    void aDuplicateEventGivesTheSameResult() throws IOException {
        put(Events.key(UPLOAD), validUpload(12));
        handler().handleRequest(UPLOAD, null);
        byte[] first = get(LAKE_KEY).orElseThrow();
        Receipt firstReceipt = receipt(UPLOAD);

        handler().handleRequest(UPLOAD, null);
        assertTrue(Arrays.equals(first, get(LAKE_KEY).orElseThrow()), "same lake bytes");
        Receipt again = receipt(UPLOAD);
        assertEquals(firstReceipt.aantallen(), again.aantallen());
        assertEquals(firstReceipt.bron().sha256(), again.bron().sha256());
        assertEquals(Events.key(UPLOAD), again.identiekAan(), "the receipt says it is a redelivery");
    }

    @Test
    void aStaleDeliveryDoesNotOverwriteANewerOne() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        put(Events.key(REPLACEMENT), validUpload(7));
        handler().handleRequest(REPLACEMENT, null); // the newer one is processed first
        handler().handleRequest(UPLOAD, null); // the older one arrives late

        assertEquals(7, lakeRows().size());
        Receipt stale = receipt(UPLOAD);
        assertEquals("geaccepteerd", stale.status());
        assertFalse(stale.toegepast());
        assertEquals(0, stale.aantallen().rijenInLake());
        assertEquals(Events.key(REPLACEMENT), stale.leveringInGebruik().sleutel());
        assertTrue(stale.vervangt() == null, "it replaced nothing: " + stale.vervangt());
        assertTrue(stale.melding().contains("niet toegepast"), stale.melding());
        assertTrue(receipt(REPLACEMENT).toegepast(), "the receipt of the delivery in force is untouched");
    }

    @Test
    void anOlderUploadOfTheSameKeyKeepsItsReceiptBesideTheNewerOne() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        S3Event newer = Events.later("s3-put-upload.json", "2024-07-20T08:00:00.000Z", "0066950A1B2C3D4E6A");
        handler().handleRequest(newer, null); // the second upload of the key is processed first
        handler().handleRequest(UPLOAD, null); // the event of the first upload arrives late
        Receipt atKey = receipt(UPLOAD);
        assertEquals("2024-07-20T08:00:00Z", atKey.bron().ontvangenOp().toString(), "the newer receipt stays in place");
        assertTrue(atKey.toegepast());
        String besideKey = "receipts/GM0363/2024H1/eerdere-versies/trajecten 2024H1@20240715T093000000Z.json";
        Receipt beside =
                Receipts.read(get(besideKey).orElseThrow(() -> new AssertionError("no receipt at " + besideKey)));
        assertEquals("2024-07-15T09:30:00Z", beside.bron().ontvangenOp().toString());
        assertFalse(beside.toegepast());
        assertEquals(Events.key(UPLOAD), beside.leveringInGebruik().sleutel());
        assertTrue(beside.vervangt() == null);
        // each readable receipt belongs to the JSON beside it
        assertTrue(page(UPLOAD).contains("20 juli 2024"), "the page at the key is the newer delivery's");
        String besidePage = new String(get(BucketLayout.receiptPage(besideKey)).orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(besidePage.contains("15 juli 2024") && !besidePage.contains("20 juli 2024"), besidePage);
        // a replay of the newer event writes its receipt in place again, and the older one stays beside it
        handler().handleRequest(newer, null);
        assertEquals(
                "2024-07-20T08:00:00Z", receipt(UPLOAD).bron().ontvangenOp().toString());
        assertTrue(get(besideKey).isPresent());
    }

    @Test
    void anInvalidKeyGetsAMirroredReceiptAndQuarantine() throws IOException {
        put(Events.key(INVALID_KEY), validUpload(3));
        handler().handleRequest(INVALID_KEY, null);
        Receipt receipt = receipt(INVALID_KEY);
        assertEquals("afgewezen", receipt.status());
        assertEquals("sleutel_ongeldig", receipt.afwijzing().code());
        assertNull(receipt.gemeente());
        assertNotNull(
                get(BucketLayout.quarantine(Events.key(INVALID_KEY), g -> true)).orElse(null));
        assertTrue(get(BucketLayout.receipt(Events.key(INVALID_KEY), g -> true)).isPresent());
        assertTrue(get(LAKE_KEY).isEmpty());
    }

    /**
     * Contract v1.3 §1, as an attacker tries it: no upload key makes its receipt land on another output (the private
     * overlap file stays as it was), every upload gets a receipt with a specific code, and the lake is not touched.
     */
    @Test
    void noUploadKeyOverwritesAnotherOutputAndEveryUploadIsAnswered() throws IOException {
        String overlap = "receipts/GM0014/overlap/2024H2.json";
        put(overlap, "{\"dubbel_geleverd\":12}");
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("uploads/GM0014/overlap/2024H2.csv", "sleutel_ongeldig");
        expected.put("uploads/GM0363/2024H1/levering.xlsx", "bestandstype_niet_ondersteund");
        expected.put("uploads/GM0363/2024H1/sub/levering.csv", "sleutel_ongeldig");
        expected.put("uploads/GM0363/2024H1/" + "x".repeat(214) + ".csv", "sleutel_ongeldig");
        expected.put("uploads/GM0363/2024H1/eerdere-versies/levering.csv", "sleutel_ongeldig");
        expected.put("uploads/GM9999/2024H1/levering.csv", "gemeente_onbekend");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            put(e.getKey(), validUpload(3));
            handler().handleRequest(Events.upload(e.getKey()), null);
            Receipt receipt = receipt(Events.upload(e.getKey()));
            assertEquals("afgewezen", receipt.status(), e.getKey());
            assertEquals(e.getValue(), receipt.afwijzing().code(), e.getKey());
            assertEquals(e.getKey(), receipt.bron().sleutel(), "the receipt quotes the key");
        }
        assertEquals("{\"dubbel_geleverd\":12}", new String(get(overlap).orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(get(LAKE_KEY).isEmpty(), "no rejected key changed the lake");
        assertTrue(get("receipts/GM0014/_ongeldig/"
                        + nl.jeugdspiegel.core.Hashes.sha256Hex(
                                "uploads/GM0014/overlap/2024H2.csv".getBytes(StandardCharsets.UTF_8))
                        + ".json")
                .isPresent());
    }

    /**
     * A delivery dated in the future is in force until then and keeps every later one out: its receipt says so
     * (contract v1.3 §7), and a delivery of today is not applied, with its own receipt beside it.
     */
    @Test
    void aDeliveryDatedInTheFutureIsAcceptedWithAWarning() throws IOException {
        S3Event future = Events.later("s3-put-upload.json", "2030-01-01T00:00:00.000Z", "0066950A1B2C3D4E61");
        put(Events.key(future), validUpload(10));
        handler().handleRequest(future, null);
        Receipt receipt = receipt(future);
        assertEquals("geaccepteerd", receipt.status());
        assertTrue(
                receipt.waarschuwingen().stream().anyMatch(w -> w.contains("in de toekomst")),
                receipt.waarschuwingen().toString());
        assertTrue(page(future).contains("in de toekomst"));
        put(Events.key(UPLOAD), validUpload(20));
        handler().handleRequest(UPLOAD, null);
        assertEquals(10, lakeRows().size(), "the delivery dated 2030 stays in force");
        assertEquals(
                java.time.Instant.parse("2030-01-01T00:00:00Z"),
                receipt(UPLOAD).bron().ontvangenOp(),
                "the receipt at the key stays the one in force; today's is beside it, not applied");
    }

    /** A name in capitals is a CSV like any other (contract v1.3 §1): accepted, its receipt beside the others. */
    @Test
    void anUploadNamedInCapitalsIsACsv() throws IOException {
        S3Event event = Events.upload("uploads/GM0363/2024H1/LEVERING.CSV");
        put(Events.key(event), validUpload(5));
        handler().handleRequest(event, null);
        assertEquals("geaccepteerd", receipt(event).status());
        assertTrue(get("receipts/GM0363/2024H1/LEVERING.json").isPresent());
        assertEquals(5, lakeRows().size());
    }
}
