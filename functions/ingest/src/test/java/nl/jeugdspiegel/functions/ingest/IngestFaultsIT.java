package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.ingest.IngestService;
import nl.jeugdspiegel.ingest.TestUploads;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import nl.jeugdspiegel.s3local.Faults.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * S3 faults injected by the embedded server: throttling, 5xx and time-outs are retried with back-off by
 * the production client configuration; a fault that persists fails the invocation and leaves nothing
 * half-written, and a retry of the same event then succeeds.
 */
class IngestFaultsIT extends S3TestSupport {

    @RegisterExtension
    static final EmbeddedS3Extension S3 = new EmbeddedS3Extension();
    /** The production retry policy, with a short attempt time-out so a held request times out quickly. */
    private static S3Client ingestClient;

    private static EmbeddedS3 server;

    @BeforeAll
    static void start() {
        server = S3.server();
        ingestClient = server.clientBuilder()
                .overrideConfiguration(AwsClients.overrides(6, Duration.ofSeconds(2)))
                .build();
    }

    @AfterAll
    static void stop() {
        ingestClient.close();
    }

    @AfterEach
    void noFaultsLeft() {
        server.faults().clear();
    }

    @Override
    S3Client s3() {
        return S3.client();
    }

    @Override
    IngestHandler handler() {
        return new IngestHandler(
                new IngestService(ingestClient, KEY, RejectionThreshold.DEFAULT, Clock.systemUTC()),
                MetricsFactory.getMetricsInstance());
    }

    @Test
    void throttlingServerErrorsAndTimeOutsAreRetried() throws IOException {
        put(Events.key(UPLOAD), validUpload(20));
        int before = server.faults().injected();
        server.faults()
                .failNext(Operation.GET, 2, 503)
                .delayNext(Operation.HEAD, 1, Duration.ofSeconds(4))
                .failNext(Operation.HEAD, 1, 500)
                .failNext(Operation.PUT, 2, 503);
        handler().handleRequest(UPLOAD, null);
        assertEquals(6, server.faults().injected() - before, "every fault was hit and survived");
        assertEquals("geaccepteerd", receipt(UPLOAD).status());
        assertEquals(20, lakeRows().size());
    }

    @Test
    void aPersistentFaultFailsTheInvocationWithoutHalfWrittenOutput() throws IOException {
        put(Events.key(UPLOAD), validUpload(20));
        server.faults().failAlways(Operation.PUT, 500);
        assertThrows(
                RuntimeException.class,
                () -> handler().handleRequest(UPLOAD, null),
                "the failure is visible: Lambda retries the event and then sends it to the DLQ");
        server.faults().clear();
        assertTrue(get(LAKE_KEY).isEmpty(), "no lake file");
        assertTrue(get("receipts/GM0363/2024H1/trajecten 2024H1.json").isEmpty(), "no receipt");
        assertEquals(
                List.of(),
                server.client()
                        .listObjectsV2(r -> r.bucket(BUCKET).prefix("lake/"))
                        .contents());

        handler().handleRequest(UPLOAD, null); // Lambda's retry of the same event
        assertEquals("geaccepteerd", receipt(UPLOAD).status());
        assertEquals(20, lakeRows().size());
    }

    @Test
    void aFailureThatPersistsEndsInAReceiptThatSaysSo() throws IOException {
        String upload = validUpload(20);
        put(Events.key(UPLOAD), upload);
        server.faults().failAlways(Operation.PUT, 500, "lake/");
        RuntimeException failure =
                assertThrows(RuntimeException.class, () -> handler().handleRequest(UPLOAD, null));
        // what Lambda logs of the failure: the upload key and where it failed, no message that could quote the upload
        assertTrue(
                failure.getMessage()
                        .startsWith("ingest of uploads/GM0363/2024H1/trajecten 2024H1.csv failed (kenmerk "),
                failure.getMessage());
        assertEquals(null, failure.getCause());
        Receipt receipt = receipt(UPLOAD);
        assertEquals("afgewezen", receipt.status());
        assertEquals("verwerking_mislukt", receipt.afwijzing().code());
        String melding = receipt.afwijzing().melding();
        assertTrue(
                melding.contains("kenmerk")
                        && failure.getMessage().contains(melding.replaceAll(".*kenmerk ([0-9a-f]+).*", "$1")),
                "the receipt and the log share the reference: " + melding);
        assertTrue(get(LAKE_KEY).isEmpty(), "nothing in the lake");
        assertTrue(get("quarantine/GM0363/2024H1/trajecten 2024H1.csv").isEmpty());

        server.faults().clear();
        handler().handleRequest(UPLOAD, null); // Lambda's retry: the receipt is replaced by the real outcome
        assertEquals("geaccepteerd", receipt(UPLOAD).status());
        assertEquals(20, lakeRows().size());
    }

    @Test
    void aQuarantineCopyIsRetriedToo() throws IOException {
        put(Events.key(UPLOAD), TestUploads.csv('\t', "\n", TestUploads.HEADER, List.of(Map.of("bsn", "1"))));
        server.faults().failNext(Operation.COPY, 2, 503);
        handler().handleRequest(UPLOAD, null);
        assertEquals("scheidingsteken_onbekend", receipt(UPLOAD).afwijzing().code());
        assertTrue(get("quarantine/GM0363/2024H1/trajecten 2024H1.csv").isPresent());
    }
}
