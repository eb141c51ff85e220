package nl.jeugdspiegel.functions.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.TestLake;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import nl.jeugdspiegel.s3local.Faults;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The handler with the events of events/*.json against an embedded S3 server whose storage is a folder. */
class IndicatorsHandlerIT {

    private static final String BUCKET = "jeugdspiegel-data-example"; // the bucket named in events/sqs-*.json
    private static final Periode H1 = Periode.parse("2024H1");
    private static final Periode H2 = Periode.parse("2024H2");

    @TempDir
    Path bucketDir;

    @TempDir
    Path cacheDir;

    private void lake() throws Exception {
        TestLake lake = new TestLake(bucketDir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-10", "2024-03-31").reden("01"));
        lake.delivery("2024H2", "GM0014").row(jh("b", "11", "2024-08-01", null));
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\n");
        lake.write();
    }

    @Test
    void lakeEventWritesTheAffectedTablesOnceAndAManifest() throws Exception {
        lake();
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET);
                S3Client s3 = server.client()) {
            ObjectStore store = new ObjectStore(s3, BUCKET);
            IndicatorsHandler handler = new IndicatorsHandler(
                    new IndicatorService(store, cacheDir, 2), MetricsFactory.getMetricsInstance());

            SQSBatchResponse response =
                    handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-lake-updated.json"), null);
            assertEquals(List.of(), response.getBatchItemFailures());
            // 2024H2 changed: it and 2024H1 (whose follow-up lies in 2024H2) are computed and written
            int units = ReferenceData.get().municipalities().size()
                    + ReferenceData.get().regions().size()
                    + 6
                    + 1;
            int perUnit = Indicator.ALL.size() + 1; // the catalogue and dubbel_geleverd
            for (Periode p : List.of(H1, H2)) {
                List<String> csv = Files.readAllLines(
                        bucketDir.resolve(BucketLayout.indicatorTable(p, BucketLayout.Format.CSV)),
                        StandardCharsets.UTF_8);
                assertEquals(1 + units * perUnit, csv.size());
                assertTrue(csv.get(0)
                        .startsWith("periode,niveau,code,naam,indicator,teller,noemer,waarde,ci_laag,ci_hoog,status"));
                try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(
                        bucketDir.resolve(BucketLayout.indicatorTable(p, BucketLayout.Format.PARQUET))))) {
                    assertEquals(units * perUnit, parquet.getRecordCount());
                }
            }
            List<String> h1 =
                    Files.readAllLines(bucketDir.resolve(BucketLayout.indicatorTable(H1, BucketLayout.Format.CSV)));
            // a ended volgens plan on 31 Mar and needed no new care: 1 of 1; follow-up available (2024H2 delivered)
            String row = h1.stream()
                    .filter(l -> l.startsWith("2024H1,gemeente,GM0014,Groningen,geen_nieuwe_hulp_6m,"))
                    .findFirst()
                    .orElseThrow();
            // teller, noemer, waarde, Wilson interval of 1/1 (0.2065..., 1), status
            assertTrue(
                    row.matches(
                            "2024H1,gemeente,GM0014,Groningen,geen_nieuwe_hulp_6m,1,1,1,0\\.20654931179\\d*,1,ok,.*"),
                    row);

            // the manifest's JSON field names, as docs/architecture.md lists them (the report reads it through
            // Manifest)
            JsonNode manifest = Json.MAPPER.readTree(
                    bucketDir.resolve(BucketLayout.MANIFEST).toFile());
            assertEquals(
                    "2025-01-15T10:00:00Z",
                    manifest.at("/perioden/2024H1/leveringen/GM0014").asText());
            assertTrue(manifest.at("/perioden/2024H1/vervolg_beschikbaar").asBoolean());
            assertTrue(!manifest.at("/perioden/2024H2/vervolg_beschikbaar").asBoolean());
            assertTrue(!manifest.at("/bevolking/2024/synthetisch").asBoolean());

            // the same event again (at-least-once delivery), and the scheduled full run: same figures, nothing
            // rewritten
            String tableETag = store.head(BucketLayout.indicatorTable(H1, BucketLayout.Format.CSV))
                    .orElseThrow()
                    .eTag();
            String manifestETag =
                    store.head(BucketLayout.MANIFEST).orElseThrow().eTag();
            assertEquals(
                    List.of(),
                    handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-lake-updated.json"), null)
                            .getBatchItemFailures());
            assertEquals(
                    List.of(),
                    handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-scheduled-recompute.json"), null)
                            .getBatchItemFailures());
            assertEquals(
                    tableETag,
                    store.head(BucketLayout.indicatorTable(H1, BucketLayout.Format.CSV))
                            .orElseThrow()
                            .eTag());
            assertEquals(
                    manifestETag,
                    store.head(BucketLayout.MANIFEST).orElseThrow().eTag());
        }
    }

    @Test
    void failedWriteReturnsTheBatchToTheQueueAndLeavesNoHalfTable() throws Exception {
        lake();
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET);
                S3Client s3 = server.clientBuilder()
                        .overrideConfiguration(AwsClients.overrides(1, Duration.ofSeconds(5)))
                        .build()) {
            IndicatorsHandler handler = new IndicatorsHandler(
                    new IndicatorService(new ObjectStore(s3, BUCKET), cacheDir, 2),
                    MetricsFactory.getMetricsInstance());
            server.faults().failAlways(Faults.Operation.PUT, 503);
            SQSEvent scheduled = EventLoader.loadSQSEvent("events/sqs-scheduled-recompute.json");
            assertEquals(
                    List.of(scheduled.getRecords().get(0).getMessageId()),
                    handler.handleRequest(scheduled, null).getBatchItemFailures().stream()
                            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                            .toList(),
                    "the message goes back to the queue");
            assertTrue(Files.notExists(bucketDir.resolve(BucketLayout.indicatorTable(H1, BucketLayout.Format.CSV))));
            assertTrue(
                    Files.notExists(bucketDir.resolve(BucketLayout.indicatorTable(H1, BucketLayout.Format.PARQUET))));
            // the retry (SQS delivers the batch again) succeeds once S3 does
            server.faults().clear();
            handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-scheduled-recompute.json"), null);
            assertTrue(Files.exists(bucketDir.resolve(BucketLayout.indicatorTable(H1, BucketLayout.Format.CSV))));
        }
    }

    @Test
    void aMalformedMessageIsDroppedAndTheRestOfTheBatchIsComputed() throws Exception {
        lake();
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET);
                S3Client s3 = server.client()) {
            IndicatorsHandler handler = new IndicatorsHandler(
                    new IndicatorService(new ObjectStore(s3, BUCKET), cacheDir, 2),
                    MetricsFactory.getMetricsInstance());
            SQSEvent batch = EventLoader.loadSQSEvent("events/sqs-malformed-messages.json");
            assertEquals(
                    List.of(),
                    handler.handleRequest(batch, null).getBatchItemFailures(),
                    "the two malformed messages are not retried until the batch dead-letters");
            assertTrue(
                    Files.exists(bucketDir.resolve(BucketLayout.indicatorTable(H2, BucketLayout.Format.CSV))),
                    "the good message was computed");

            // when the run itself fails (here: writing a table that changed), only the well-formed message returns to
            // the queue
            Files.delete(bucketDir.resolve(BucketLayout.MANIFEST));
            Files.delete(bucketDir.resolve(BucketLayout.indicatorTable(H2, BucketLayout.Format.CSV)));
        }
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET);
                S3Client s3 = server.clientBuilder()
                        .overrideConfiguration(AwsClients.overrides(1, Duration.ofSeconds(5)))
                        .build()) {
            server.faults().failAlways(Faults.Operation.PUT, 503);
            IndicatorsHandler handler = new IndicatorsHandler(
                    new IndicatorService(new ObjectStore(s3, BUCKET), cacheDir, 2),
                    MetricsFactory.getMetricsInstance());
            SQSEvent batch = EventLoader.loadSQSEvent("events/sqs-malformed-messages.json");
            assertEquals(
                    List.of(batch.getRecords().get(2).getMessageId()),
                    handler.handleRequest(batch, null).getBatchItemFailures().stream()
                            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                            .toList());
        }
    }

    @Test
    void aCorruptOrForeignLakeObjectIsLeftOutAndNamedTheRestIsComputed() throws Exception {
        lake();
        // a truncated Parquet file, a text file, and a Parquet file of another schema, each where a lake file belongs
        Path good = bucketDir.resolve("lake/trajecten/periode=2024H1/gemeente=GM0014/part-00000.parquet");
        byte[] bytes = Files.readAllBytes(good);
        write(
                "lake/trajecten/periode=2024H1/gemeente=GM0034/part-00000.parquet",
                Arrays.copyOf(bytes, bytes.length / 2));
        write(
                "lake/trajecten/periode=2024H1/gemeente=GM0037/part-00000.parquet",
                "bsn;naam\n123456782;Jansen\n".getBytes());
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET);
                S3Client s3 = server.client()) {
            ObjectStore store = new ObjectStore(s3, BUCKET);
            IndicatorsHandler handler = new IndicatorsHandler(
                    new IndicatorService(store, cacheDir, 2), MetricsFactory.getMetricsInstance());
            assertEquals(
                    List.of(),
                    handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-scheduled-recompute.json"), null)
                            .getBatchItemFailures());
            // an indicator table is a Parquet file, but not a lake file
            write(
                    "lake/trajecten/periode=2024H2/gemeente=GM0047/part-00000.parquet",
                    Files.readAllBytes(
                            bucketDir.resolve(BucketLayout.indicatorTable(H1, BucketLayout.Format.PARQUET))));
            assertEquals(
                    List.of(),
                    handler.handleRequest(EventLoader.loadSQSEvent("events/sqs-scheduled-recompute.json"), null)
                            .getBatchItemFailures());

            Manifest manifest = Manifest.read(Files.readAllBytes(bucketDir.resolve(BucketLayout.MANIFEST)));
            List<String> skipped = new ArrayList<>();
            manifest.overgeslagenLakeObjecten().forEach(o -> skipped.add(o.sleutel() + ": " + o.reden()));
            assertEquals(3, skipped.size(), skipped.toString());
            assertTrue(
                    skipped.get(0)
                            .startsWith(
                                    "lake/trajecten/periode=2024H1/gemeente=GM0034/part-00000.parquet: geen leesbaar Parquet-bestand"),
                    skipped.toString());
            assertTrue(skipped.get(1).startsWith("lake/trajecten/periode=2024H1/gemeente=GM0037/"), skipped.toString());
            assertTrue(
                    skipped.get(2)
                                    .equals("lake/trajecten/periode=2024H2/gemeente=GM0047/part-00000.parquet: "
                                            + "geen lake-bestand: kolom client ontbreekt of heeft een ander type")
                            || skipped.get(2).contains("geen lake-bestand"),
                    skipped.toString());
            assertFalse(
                    skipped.toString().contains("Jansen") || skipped.toString().contains("123456782"));
            // the rest is computed: Groningen's figures are there, the others count as not delivered
            assertTrue(manifest.periods().get(H1).leveringen().containsKey("GM0014"));
            assertFalse(manifest.periods().get(H1).leveringen().containsKey("GM0034"));
            List<String> h1 =
                    Files.readAllLines(bucketDir.resolve(BucketLayout.indicatorTable(H1, BucketLayout.Format.CSV)));
            assertTrue(h1.stream().anyMatch(l -> l.startsWith("2024H1,gemeente,GM0014,Groningen,jeugdigen_jh,1,")));
            assertTrue(
                    h1.stream()
                            .anyMatch(
                                    l -> l.startsWith("2024H1,gemeente,GM0034,") && l.endsWith("niet_beschikbaar,,,,")),
                    "Almere counts as not delivered");
        }
    }

    private void write(String key, byte[] content) throws IOException {
        Path file = bucketDir.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
