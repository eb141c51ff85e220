package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.ingest.TestUploads;
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

        JsonNode receipt = receipt(UPLOAD);
        assertEquals("geaccepteerd", receipt.get("status").asText());
        assertTrue(receipt.get("toegepast").asBoolean());
        assertEquals("GM0363", receipt.get("gemeente").asText());
        assertEquals("Amsterdam", receipt.get("gemeentenaam").asText());
        assertEquals("2024H1", receipt.get("periode").asText());
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv",
                receipt.at("/bron/sleutel").asText(),
                "the + of the event key is a space");
        assertEquals(64, receipt.at("/bron/sha256").asText().length());
        assertEquals(25, receipt.at("/aantallen/rijen_in_lake").asLong());
        assertEquals("1.1", receipt.get("contractversie").asText());
        assertEquals(25, lakeRows().size());
        assertTrue(get("quarantine/GM0363/2024H1/trajecten 2024H1.csv").isEmpty());
    }

    @Test
    void aRejectedUploadIsQuarantinedAndLeavesTheLakeAsItWas() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        handler().handleRequest(UPLOAD, null);
        byte[] lakeBefore = get(LAKE_KEY).orElseThrow();

        String bad = TestUploads.csv(';', "\n", List.of("bsn", "soort"), List.of(Map.of("bsn", "123456782")));
        put(Events.key(REPLACEMENT), bad);
        handler().handleRequest(REPLACEMENT, null);

        JsonNode receipt = receipt(REPLACEMENT);
        assertEquals("afgewezen", receipt.get("status").asText());
        assertEquals("kolom_ontbreekt", receipt.at("/afwijzing/code").asText());
        assertTrue(receipt.at("/afwijzing/melding").asText().contains("geboortedatum"));
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv",
                receipt.at("/levering_in_gebruik/sleutel").asText());
        assertEquals(
                bad,
                new String(get("quarantine/GM0363/2024H1/trajecten 2024H1 (gecorrigeerd).csv")
                        .orElseThrow()));
        assertTrue(Arrays.equals(lakeBefore, get(LAKE_KEY).orElseThrow()), "the lake is unchanged");
    }

    @Test
    void aLaterDeliveryReplacesTheEarlierOneWhateverItsName() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        handler().handleRequest(UPLOAD, null);
        put(Events.key(REPLACEMENT), validUpload(7));
        handler().handleRequest(REPLACEMENT, null);

        assertEquals(7, lakeRows().size());
        JsonNode receipt = receipt(REPLACEMENT);
        assertTrue(receipt.get("toegepast").asBoolean());
        assertEquals(
                "uploads/GM0363/2024H1/trajecten 2024H1.csv",
                receipt.at("/vervangt/sleutel").asText());
    }

    @Test
    void aDuplicateEventGivesTheSameResult() throws IOException {
        put(Events.key(UPLOAD), validUpload(12));
        handler().handleRequest(UPLOAD, null);
        byte[] first = get(LAKE_KEY).orElseThrow();
        JsonNode firstReceipt = receipt(UPLOAD);

        handler().handleRequest(UPLOAD, null);
        assertTrue(Arrays.equals(first, get(LAKE_KEY).orElseThrow()), "same lake bytes");
        JsonNode again = receipt(UPLOAD);
        assertEquals(firstReceipt.get("aantallen"), again.get("aantallen"));
        assertEquals(firstReceipt.at("/bron/sha256"), again.at("/bron/sha256"));
        assertEquals(Events.key(UPLOAD), again.get("identiek_aan").asText(), "the receipt says it is a redelivery");
    }

    @Test
    void aStaleDeliveryDoesNotOverwriteANewerOne() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        put(Events.key(REPLACEMENT), validUpload(7));
        handler().handleRequest(REPLACEMENT, null); // the newer one is processed first
        handler().handleRequest(UPLOAD, null); // the older one arrives late

        assertEquals(7, lakeRows().size());
        JsonNode stale = receipt(UPLOAD);
        assertEquals("geaccepteerd", stale.get("status").asText());
        assertFalse(stale.get("toegepast").asBoolean());
        assertEquals(0, stale.at("/aantallen/rijen_in_lake").asLong());
        assertEquals(
                Events.key(REPLACEMENT),
                stale.at("/levering_in_gebruik/sleutel").asText());
        assertTrue(stale.get("vervangt") == null, "it replaced nothing: " + stale.get("vervangt"));
        assertTrue(
                stale.get("melding").asText().contains("niet toegepast"),
                stale.get("melding").asText());
        assertTrue(
                receipt(REPLACEMENT).get("toegepast").asBoolean(), "the receipt of the delivery in force is untouched");
    }

    @Test
    void anOlderUploadOfTheSameKeyKeepsItsReceiptBesideTheNewerOne() throws IOException {
        put(Events.key(UPLOAD), validUpload(10));
        S3Event newer = Events.later("s3-put-upload.json", "2024-07-20T08:00:00.000Z", "0066950A1B2C3D4E6A");
        handler().handleRequest(newer, null); // the second upload of the key is processed first
        handler().handleRequest(UPLOAD, null); // the event of the first upload arrives late
        JsonNode atKey = receipt(UPLOAD);
        assertEquals(
                "2024-07-20T08:00:00Z", atKey.at("/bron/ontvangen_op").asText(), "the newer receipt stays in place");
        assertTrue(atKey.get("toegepast").asBoolean());
        String besideKey = "receipts/GM0363/2024H1/eerdere-versies/trajecten 2024H1@20240715T093000000Z.json";
        JsonNode beside = Json.MAPPER.readTree(
                get(besideKey).orElseThrow(() -> new AssertionError("no receipt at " + besideKey)));
        assertEquals("2024-07-15T09:30:00Z", beside.at("/bron/ontvangen_op").asText());
        assertFalse(beside.get("toegepast").asBoolean());
        assertEquals(
                Events.key(UPLOAD), beside.at("/levering_in_gebruik/sleutel").asText());
        assertTrue(beside.get("vervangt") == null);
        // a replay of the newer event writes its receipt in place again, and the older one stays beside it
        handler().handleRequest(newer, null);
        assertEquals(
                "2024-07-20T08:00:00Z", receipt(UPLOAD).at("/bron/ontvangen_op").asText());
        assertTrue(get(besideKey).isPresent());
    }

    @Test
    void anInvalidKeyGetsAMirroredReceiptAndQuarantine() throws IOException {
        put(Events.key(INVALID_KEY), validUpload(3));
        handler().handleRequest(INVALID_KEY, null);
        JsonNode receipt = receipt(INVALID_KEY);
        assertEquals("afgewezen", receipt.get("status").asText());
        assertEquals("sleutel_ongeldig", receipt.at("/afwijzing/code").asText());
        assertNull(receipt.get("gemeente"));
        assertNotNull(get("quarantine/GM0363/2024-1/trajecten.csv").orElse(null));
        assertTrue(get(LAKE_KEY).isEmpty());
    }
}
