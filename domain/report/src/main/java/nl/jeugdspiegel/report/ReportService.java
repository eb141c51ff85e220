package nl.jeugdspiegel.report;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.IndicatorOutputs;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.concurrent.Parallel;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Regenerates the site from the indicator tables in the data bucket and publishes it to the site bucket
 * (under a prefix: empty in AWS, {@code site/} locally). Publication is ordered so a reader sees a mix of
 * old and new pages only for the seconds of the upload: changed pages first (in parallel), the home page
 * last, then pages that no longer exist are deleted. {@code _site.json} lists every file with its hash,
 * so unchanged files are not uploaded again and stale ones are known.
 */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    public static final String SITE_LIST = "_site.json";
    private static final int UPLOAD_THREADS = 16;
    public static final String SITE_BUCKET_SETTING = "SITE_BUCKET";
    public static final String SITE_PREFIX_SETTING = "SITE_PREFIX";
    /**
     * Every published file may be kept, but must be checked with the site bucket before it is shown again
     * (a conditional request, answered 304 while unchanged): after a correction, CloudFront and browsers
     * serve the new figures at the next request, never a stale page.
     */
    public static final String CACHE_CONTROL = "no-cache";

    /** What one publication did. */
    public record Result(int files, int uploaded, int deleted, long largestPage, Duration renderTime, Duration time) {}

    private final ObjectStore data;
    private final ObjectStore site;
    private final String prefix;
    private final SiteBuilder builder = new SiteBuilder();

    public ReportService(ObjectStore data, ObjectStore site, String prefix) {
        this.data = data;
        this.site = site;
        this.prefix = prefix;
    }

    /** Used by the function: the data bucket, site bucket and prefix from the environment. */
    public static ReportService fromEnvironment() {
        S3Client s3 = AwsClients.s3();
        return new ReportService(
                new ObjectStore(s3, Settings.require(Settings.DATA_BUCKET)),
                new ObjectStore(s3, Settings.require(SITE_BUCKET_SETTING)),
                Settings.get(SITE_PREFIX_SETTING).orElse(""));
    }

    /** The bucket the tables are read from. */
    public String dataBucket() {
        return data.bucket();
    }

    public Result publish() throws IOException {
        long started = System.nanoTime();
        Optional<byte[]> json = data.readIfExists(BucketLayout.MANIFEST);
        if (json.isEmpty()) {
            LOG.info("no indicators yet ({} missing): nothing to publish", BucketLayout.MANIFEST);
            return new Result(0, 0, 0, 0, Duration.ZERO, Duration.ofNanos(System.nanoTime() - started));
        }
        Manifest manifest = Manifest.read(json.get());
        IndicatorOutputs outputs = IndicatorOutputs.read(manifest, data::readIfExists);
        if (outputs.tables().isEmpty()) {
            return new Result(0, 0, 0, 0, Duration.ZERO, Duration.ofNanos(System.nanoTime() - started));
        }
        long renderStart = System.nanoTime();
        ReportData data = ReportData.of(outputs, manifest);
        Map<String, byte[]> files = builder.build(data);
        Duration render = Duration.ofNanos(System.nanoTime() - renderStart);
        LOG.info("disclosure: {} figures suppressed by the differencing audit", data.suppressedAgainstDifferencing());
        Result result = upload(files, render, started);
        LOG.info(
                "site: {} files, {} uploaded, {} deleted, render {} ms, total {} ms",
                result.files(),
                result.uploaded(),
                result.deleted(),
                render.toMillis(),
                result.time().toMillis());
        return result;
    }

    private Result upload(Map<String, byte[]> files, Duration render, long started) throws IOException {
        Map<String, String> previous = site.readIfExists(prefix + SITE_LIST)
                .map(ReportService::readList)
                .orElse(Map.of());
        Map<String, String> hashes = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        long largestPage = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String hash = Hashes.sha256Hex(f.getValue());
            hashes.put(f.getKey(), hash);
            if (!hash.equals(previous.get(f.getKey())) && !f.getKey().equals("index.html")) {
                changed.add(f.getKey());
            }
            if (f.getKey().endsWith(".html")) {
                largestPage = Math.max(largestPage, f.getValue().length);
            }
        }
        Parallel.forEach(
                changed,
                UPLOAD_THREADS,
                path -> site.putBytes(prefix + path, files.get(path), contentType(path), CACHE_CONTROL));
        boolean homeChanged = !hashes.get("index.html").equals(previous.get("index.html"));
        if (homeChanged) {
            site.putBytes(prefix + "index.html", files.get("index.html"), contentType("index.html"), CACHE_CONTROL);
        }
        List<String> stale = previous.keySet().stream()
                .filter(path -> !files.containsKey(path))
                .toList();
        Parallel.forEach(stale, UPLOAD_THREADS, path -> site.delete(prefix + path));
        site.putBytes(
                prefix + SITE_LIST,
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(hashes),
                "application/json");
        return new Result(
                files.size(),
                changed.size() + (homeChanged ? 1 : 0),
                stale.size(),
                largestPage,
                render,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, String> readList(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            LOG.warn("{} unreadable: every file is uploaded again", SITE_LIST);
            return Map.of();
        }
    }

    static String contentType(String path) {
        if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (path.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        return path.endsWith(".json") ? "application/json" : "application/octet-stream";
    }
}
