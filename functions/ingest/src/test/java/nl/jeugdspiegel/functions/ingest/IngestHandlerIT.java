package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.jeugdspiegel.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The ingest flow against the in-process S3 server (S3Proxy) through the real SDK. */
class IngestHandlerIT extends IngestFlowContract {

    @RegisterExtension
    static final EmbeddedS3Extension S3 = new EmbeddedS3Extension();

    @Override
    S3Client s3() {
        return S3.client();
    }

    /**
     * In a versioned bucket (as the template creates it) S3 events carry the version id; ingest reads
     * exactly that version, also when the key was overwritten before the event was handled.
     */
    @Test
    void readsTheVersionNamedInTheEvent() throws IOException {
        s3().putBucketVersioning(
                        r -> r.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        try {
            String first = s3().putObject(
                            r -> r.bucket(BUCKET).key(Events.key(UPLOAD)), RequestBody.fromString(validUpload(9)))
                    .versionId();
            put(Events.key(UPLOAD), validUpload(4)); // overwritten before the first event is handled
            S3Event event = Events.withVersionId("s3-put-upload.json", first);

            handler().handleRequest(event, null);
            assertEquals(9, lakeRows().size());
            assertEquals(first, receipt(UPLOAD).bron().versie());
        } finally {
            s3().putBucketVersioning(r ->
                    r.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        }
    }

    /**
     * Each receipt becomes one set of metrics in CloudWatch's embedded metric format (Powertools metrics; the tests
     * run with the template's namespace and the EMF library's Local environment, i.e. standard output): the counts
     * of the receipt, with the gemeente, periode and status as searchable properties.
     */
    @Test
    void eachReceiptIsOneLineOfEmbeddedMetrics() throws Exception {
        put(Events.key(UPLOAD), validUpload(7));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler().handleRequest(UPLOAD, null);
        } finally {
            System.setOut(original);
        }
        List<JsonNode> emf = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("{") && l.contains("\"_aws\""))
                .map(l -> {
                    try {
                        return Json.MAPPER.readTree(l);
                    } catch (IOException e) {
                        throw new IllegalStateException(l, e);
                    }
                })
                .filter(n -> n.has("RowsAccepted"))
                .toList();
        assertEquals(1, emf.size(), captured.toString(StandardCharsets.UTF_8));
        JsonNode line = emf.get(0);
        assertEquals(7, line.path("RowsAccepted").asInt());
        assertEquals(0, line.path("RowsRejected").asInt());
        assertEquals(
                "Jeugdspiegel", line.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("GM0363", line.path("gemeente").asText());
        assertEquals("geaccepteerd", line.path("status").asText());
        assertTrue(line.path("Duration").asDouble() > 0);
        assertFalse(line.toString().contains("bsn"), line.toString());
    }
}
