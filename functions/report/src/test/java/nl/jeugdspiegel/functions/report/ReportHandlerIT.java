package nl.jeugdspiegel.functions.report;

import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.RecomputeRequest;
import nl.jeugdspiegel.indicators.TestLake;
import nl.jeugdspiegel.report.ReportService;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The handler with events/s3-put-indicators-manifest.json against the embedded S3 server: the data
 * bucket is a folder with a small lake and its indicator tables, the site bucket is a second bucket.
 */
class ReportHandlerIT {

    private static final String DATA = "jeugdspiegel-data-example"; // the bucket named in the event
    private static final String SITE = "jeugdspiegel-site";

    @TempDir
    Path root;

    @TempDir
    Path cacheDir;

    @Test
    void manifestEventPublishesTheSiteOnceAndRemovesStalePages() throws Exception {
        // the data bucket is root/data; the server keeps other buckets (the site) next to it, inside root
        Path bucketDir = root.resolve("data");
        TestLake lake = new TestLake(bucketDir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("a", "01", "2024-01-10", "2024-03-31").reden("01"));
        lake.delivery("2024H2", "GM0014").row(jh("b", "11", "2024-08-01", null));
        lake.write();
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, DATA);
                S3Client s3 = server.client()) {
            s3.createBucket(b -> b.bucket(SITE));
            ObjectStore data = new ObjectStore(s3, DATA);
            ObjectStore site = new ObjectStore(s3, SITE);
            new IndicatorService(data, cacheDir, 2).recompute(RecomputeRequest.ALL);
            ReportHandler handler =
                    new ReportHandler(new ReportService(data, site, ""), MetricsFactory.getMetricsInstance());

            // 342 gemeente, 42 regio pages, two pages per indicator (by name and by value; 41 indicators since issue 15
            // added aandeel_met_aanbieder, 55 since issue 27 added the 14 of the instroomcohorten), home, methode,
            // downloads and their three files, the index of providers (no provider pages: the fixture's lake names no
            // AGB codes); since issue 26 the list of all gemeenten, the codebook and three downloads for Dutch Excel
            assertEquals(
                    "site: 506 files, 506 uploaded, 0 deleted",
                    handler.handleRequest(EventLoader.loadS3Event("events/s3-put-indicators-manifest.json"), null));
            List<String> keys = site.list("").stream().map(ObjectInfo::key).toList();
            assertTrue(keys.containsAll(List.of(
                    "index.html",
                    "gemeente/GM0014.html",
                    "regio/JZ10.html",
                    "indicator/oe_volgens_plan.html",
                    "methode.html",
                    "downloads/cijfers.csv",
                    ReportService.SITE_LIST)));
            assertTrue(s3.headObject(h -> h.bucket(SITE).key("index.html"))
                    .contentType()
                    .replace(" ", "")
                    .equals("text/html;charset=utf-8"));
            // CloudFront and browsers check again before showing a page: a correction is never served stale
            assertEquals(
                    "no-cache",
                    s3.headObject(h -> h.bucket(SITE).key("index.html")).cacheControl());
            assertEquals(
                    "no-cache",
                    s3.headObject(h -> h.bucket(SITE).key("downloads/cijfers.csv"))
                            .cacheControl());
            String home = new String(site.readIfExists("index.html").orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(home.contains("Jeugdspiegel"));

            // the same event again (at-least-once): nothing changed, nothing uploaded
            assertEquals(
                    "site: 506 files, 0 uploaded, 0 deleted",
                    handler.handleRequest(EventLoader.loadS3Event("events/s3-put-indicators-manifest.json"), null));

            // a page of an earlier publication that no longer exists is deleted
            site.putBytes("gemeente/GM9999.html", "old".getBytes(StandardCharsets.UTF_8), "text/html");
            String list = new String(site.readIfExists(ReportService.SITE_LIST).orElseThrow(), StandardCharsets.UTF_8);
            site.putBytes(
                    ReportService.SITE_LIST,
                    list.replaceFirst("\\{", "{\"gemeente/GM9999.html\":\"x\",").getBytes(StandardCharsets.UTF_8),
                    "application/json");
            assertEquals(
                    "site: 506 files, 0 uploaded, 1 deleted",
                    handler.handleRequest(EventLoader.loadS3Event("events/s3-put-indicators-manifest.json"), null));
            assertFalse(site.head("gemeente/GM9999.html").isPresent());
            // nothing of the data bucket's private tables reaches the site
            assertTrue(keys.stream().noneMatch(k -> k.startsWith("indicators/") || k.startsWith("lake/")));
        }
    }
}
