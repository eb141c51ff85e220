package nl.jeugdspiegel.functions.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.indicators.Indicator;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.TestLake;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import nl.jeugdspiegel.s3local.Faults;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

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
        lake.delivery("2024H1", "GM0014").row(jh("a", "01", "2024-01-10", "2024-03-31").reden("01"));
        lake.delivery("2024H2", "GM0014").row(jh("b", "11", "2024-08-01", null));
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\n");
        lake.write();
    }

    @Test
    void lakeEventWritesTheAffectedTablesOnceAndAManifest() throws Exception {
        lake();
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET); S3Client s3 = server.client()) {
            ObjectStore store = new ObjectStore(s3, BUCKET);
            IndicatorsHandler handler = new IndicatorsHandler(new IndicatorService(store, cacheDir, 2));

            String result = handler.handleRequest(Events.load("sqs-lake-updated.json"), null);
            // 2024H2 changed: it and 2024H1 (whose follow-up lies in 2024H2) are computed and written
            assertEquals("computed [2024H1, 2024H2], rewritten [2024H1, 2024H2] from 2 lake files", result);
            int units = ReferenceData.get().municipalities().size() + ReferenceData.get().regions().size() + 6 + 1;
            for (Periode p : List.of(H1, H2)) {
                List<String> csv = Files.readAllLines(bucketDir.resolve(IndicatorService.tableKey(p, "csv")), StandardCharsets.UTF_8);
                assertEquals(1 + units * Indicator.ALL.size(), csv.size());
                assertTrue(csv.get(0).startsWith("periode,niveau,code,naam,indicator,teller,noemer,waarde,ci_laag,ci_hoog,status"));
                try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(
                        bucketDir.resolve(IndicatorService.tableKey(p, "parquet"))))) {
                    assertEquals(units * Indicator.ALL.size(), parquet.getRecordCount());
                }
            }
            List<String> h1 = Files.readAllLines(bucketDir.resolve(IndicatorService.tableKey(H1, "csv")));
            // a ended volgens plan on 31 Mar and needed no new care: 1 of 1; follow-up available (2024H2 delivered)
            String row = h1.stream().filter(l -> l.startsWith("2024H1,gemeente,GM0014,Groningen,geen_nieuwe_hulp_6m,"))
                    .findFirst().orElseThrow();
            // teller, noemer, waarde, Wilson interval of 1/1 (0.2065..., 1), status
            assertTrue(row.matches("2024H1,gemeente,GM0014,Groningen,geen_nieuwe_hulp_6m,1,1,1,0\\.20654931179\\d*,1,ok,.*"), row);

            JsonNode manifest = Json.MAPPER.readTree(bucketDir.resolve(IndicatorService.MANIFEST_KEY).toFile());
            assertEquals("2025-01-15T10:00:00Z", manifest.at("/perioden/2024H1/leveringen/GM0014").asText());
            assertTrue(manifest.at("/perioden/2024H1/vervolg_beschikbaar").asBoolean());
            assertTrue(!manifest.at("/perioden/2024H2/vervolg_beschikbaar").asBoolean());
            assertTrue(!manifest.at("/bevolking/2024/synthetisch").asBoolean());

            // the same event again (at-least-once delivery): same figures, nothing rewritten
            assertEquals("computed [2024H1, 2024H2], rewritten [] from 2 lake files",
                    handler.handleRequest(Events.load("sqs-lake-updated.json"), null));
            // the scheduled full run covers every periode in the lake
            assertEquals("computed [2024H1, 2024H2], rewritten [] from 2 lake files",
                    handler.handleRequest(Events.load("sqs-scheduled-recompute.json"), null));
        }
    }

    @Test
    void failedWriteFailsTheInvocationAndLeavesNoHalfTable() throws Exception {
        lake();
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, BUCKET);
             S3Client s3 = server.clientBuilder().overrideConfiguration(AwsClients.overrides(1, Duration.ofSeconds(5))).build()) {
            IndicatorsHandler handler = new IndicatorsHandler(new IndicatorService(new ObjectStore(s3, BUCKET), cacheDir, 2));
            server.faults().failAlways(Faults.Operation.PUT, 503);
            assertThrows(RuntimeException.class, () -> handler.handleRequest(Events.load("sqs-scheduled-recompute.json"), null));
            assertTrue(Files.notExists(bucketDir.resolve(IndicatorService.tableKey(H1, "csv"))));
            assertTrue(Files.notExists(bucketDir.resolve(IndicatorService.tableKey(H1, "parquet"))));
            // the retry (SQS delivers the batch again) succeeds once S3 does
            server.faults().clear();
            handler.handleRequest(Events.load("sqs-scheduled-recompute.json"), null);
            assertTrue(Files.exists(bucketDir.resolve(IndicatorService.tableKey(H1, "csv"))));
        }
    }
}
