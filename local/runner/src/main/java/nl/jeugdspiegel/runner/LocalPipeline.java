package nl.jeugdspiegel.runner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.pseudonym.PseudonymKeys;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.functions.indicators.IndicatorsHandler;
import nl.jeugdspiegel.functions.ingest.IngestHandler;
import nl.jeugdspiegel.functions.report.ReportHandler;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import nl.jeugdspiegel.report.ReportService;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./jeugdspiegel run DIR}: serves DIR as bucket {@value #BUCKET} through an embedded S3 server,
 * configures the environment as the SAM template does in AWS, constructs the real handlers with their
 * no-argument constructors (as Lambda does) and delivers one S3 ObjectCreated event per upload, with
 * the file's modification time as event time. Like Lambda, several handler instances run at once (one
 * per core); the uploads of one municipality go to one instance, in key order.
 */
final class LocalPipeline {

    static final String BUCKET = "jeugdspiegel-local";
    /** Locally the site bucket is DIR/site: the same bucket, this prefix. */

    /** Counts of the ingest stage; {@code failed} lists the uploads whose processing failed on every attempt. */
    record Summary(
            int files,
            int accepted,
            int rejected,
            int notApplied,
            long rowsRead,
            long rowsAccepted,
            long rowsRejected,
            long rowsInLake,
            Duration ingestTime,
            List<String> failed,
            List<Rejection> rejections) {}

    /** A rejected delivery: its upload key, the one-line reason and where its readable receipt is. */
    record Rejection(String upload, String reason, Path receipt) {

        /** From a rejected receipt read at {@code receiptFile}. */
        static Rejection of(String upload, Receipt receipt, Path receiptFile) {
            Receipt.Afwijzing a = receipt.afwijzing();
            String reason = a == null ? receipt.melding() : a.code() + ": " + a.melding();
            return new Rejection(upload, reason, pageOf(receiptFile));
        }
    }

    /** The readable receipt beside a receipt's JSON file. */
    static Path pageOf(Path receiptJson) {
        return receiptJson.resolveSibling(
                BucketLayout.receiptPage(receiptJson.getFileName().toString()));
    }

    /** A receipt and the file it was read from. */
    record ReadReceipt(Receipt receipt, Path file) {}

    /** As the template's EventInvokeConfig: the first attempt and two retries. */
    static final int INGEST_ATTEMPTS = 3;

    /** What the indicators stage did; {@code skipped} are lake objects left out as unreadable. */
    record IndicatorSummary(List<String> periods, int lakeFiles, List<String> skipped, Duration time) {}

    private final PrintStream out;
    private final int workers;
    private final Supplier<RequestHandler<S3Event, String>> ingestHandlers;

    LocalPipeline(PrintStream out) {
        this(out, IngestHandler::new);
    }

    /** @param ingestHandlers makes one ingest handler per worker (tests pass one that fails on purpose) */
    LocalPipeline(PrintStream out, Supplier<RequestHandler<S3Event, String>> ingestHandlers) {
        this.out = out;
        this.ingestHandlers = ingestHandlers;
        // handler instances: S3 round trips leave the cores idle part of the time, so two per core
        this.workers = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** What the report stage did. */
    record ReportSummary(String result, Path index, Duration time) {}

    /** Runs every stage: ingest, indicators, report. */
    void run(
            Path dir,
            Consumer<Summary> ingestDone,
            Consumer<IndicatorSummary> indicatorsDone,
            Consumer<ReportSummary> reportDone)
            throws IOException {
        String key = LocalKey.resolve(dir);
        try (EmbeddedS3 server = EmbeddedS3.onFolder(dir, BUCKET, 0, created -> {}, BucketLayout::served);
                S3Client s3 = server.client()) {
            configureEnvironment(server, key);
            ObjectStore store = new ObjectStore(s3, BUCKET);
            // the template's S3 trigger: every object under uploads/ (each gets a receipt, contract v1.3 section 1)
            List<ObjectInfo> uploads = store.list(BucketLayout.UPLOADS);
            out.printf(
                    Locale.ROOT,
                    "ingest: %d uploads in %s (bucket %s at %s, %d handler instances)%n",
                    uploads.size(),
                    dir,
                    BUCKET,
                    server.endpoint(),
                    workers);
            ingestDone.accept(ingest(dir, uploads));
            indicatorsDone.accept(indicators(store));
            reportDone.accept(report(dir, store));
        }
    }

    /**
     * As in AWS: the new indicators manifest triggers the report function. Locally the site bucket is the
     * same folder under the prefix {@code site/}, so the site lands in DIR/site.
     */
    static ReportSummary report(Path dir, ObjectStore store) {
        long started = System.nanoTime();
        Optional<ObjectInfo> manifest = store.head(BucketLayout.MANIFEST);
        if (manifest.isEmpty()) {
            return new ReportSummary("no indicators, no site", null, Duration.ofNanos(System.nanoTime() - started));
        }
        String event = S3Events.objectCreatedJson(
                "jeugdspiegel-report-on-manifest",
                BUCKET,
                BucketLayout.MANIFEST,
                manifest.get().size(),
                manifest.get().eTag(),
                manifest.get().lastModified(),
                1);
        String result = new ReportHandler().handleRequest(S3Events.parse(event), null);
        return new ReportSummary(
                result,
                dir.resolve(BucketLayout.SITE).resolve("index.html"),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * As in AWS: every lake object written sends an S3 notification to the indicators queue; the queue's
     * batching window gathers them and the function (reserved concurrency 1) gets them as one batch.
     */
    IndicatorSummary indicators(ObjectStore store) {
        long started = System.nanoTime();
        List<String> notifications = new ArrayList<>();
        long sequence = 1;
        for (ObjectInfo lakeObject : store.list(BucketLayout.LAKE_TRAJECTEN)) {
            notifications.add(S3Events.objectCreatedJson(
                    "jeugdspiegel-lake-to-indicators",
                    BUCKET,
                    lakeObject.key(),
                    lakeObject.size(),
                    lakeObject.eTag(),
                    lakeObject.lastModified(),
                    sequence++));
        }
        out.printf(Locale.ROOT, "indicators: %d lake notifications in one queue batch%n", notifications.size());
        SQSBatchResponse response = new IndicatorsHandler()
                .handleRequest(S3Events.sqsBatch("jeugdspiegel-indicators-local", notifications), null);
        List<String> periods = store.list(BucketLayout.INDICATORS).stream()
                .flatMap(o -> BucketLayout.indicatorTableOf(o.key()).stream())
                .filter(t -> t.format() == BucketLayout.Format.CSV)
                .map(t -> t.periode().toString())
                .toList();
        if (!response.getBatchItemFailures().isEmpty()) {
            // in AWS the messages go back to the queue; locally the run has failed
            throw new IllegalStateException("the indicators run failed (its log says why)");
        }
        return new IndicatorSummary(
                periods,
                notifications.size(),
                skippedLakeObjects(store),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The lake objects the indicators left out, as the manifest names them. */
    private static List<String> skippedLakeObjects(ObjectStore store) {
        List<String> skipped = new ArrayList<>();
        store.readIfExists(BucketLayout.MANIFEST).ifPresent(manifest -> {
            try {
                Manifest.read(manifest)
                        .overgeslagenLakeObjecten()
                        .forEach(o -> skipped.add(o.sleutel() + ": " + o.reden()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return skipped;
    }

    private Summary ingest(Path dir, List<ObjectInfo> uploads) throws IOException {
        Map<String, List<ObjectInfo>> byGemeente = new LinkedHashMap<>();
        for (ObjectInfo upload : uploads) {
            String[] parts = upload.key().split("/");
            byGemeente
                    .computeIfAbsent(parts.length > 1 ? parts[1] : "", k -> new ArrayList<>())
                    .add(upload);
        }
        Progress progress = new Progress(out, "ingest", uploads.size());
        // accepted, rejected, not applied, rows read, rows accepted, rows rejected
        AtomicLongArray counts = new AtomicLongArray(6);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
        // rows of the delivery in force per lake partition (a later delivery replaces an earlier one)
        Map<String, Long> lakeRows = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ThreadLocal<RequestHandler<S3Event, String>> handlers = ThreadLocal.withInitial(ingestHandlers);
        try {
            List<Future<?>> work = new ArrayList<>();
            long[] sequence = {1};
            for (List<ObjectInfo> group : byGemeente.values()) {
                long firstSequence = sequence[0];
                sequence[0] += group.size();
                work.add(pool.submit(() -> {
                    long seq = firstSequence;
                    for (ObjectInfo upload : group) {
                        S3Event event = S3Events.parse(S3Events.objectCreatedJson(
                                BUCKET, upload.key(), upload.size(), upload.eTag(), eventTime(dir, upload), seq++));
                        RuntimeException failure = null;
                        // as Lambda does: retried twice, then given up on, and the next event is handled
                        for (int attempt = 1; attempt <= INGEST_ATTEMPTS; attempt++) {
                            try {
                                handlers.get().handleRequest(event, null);
                                failure = null;
                                break;
                            } catch (RuntimeException e) {
                                failure = e;
                            }
                        }
                        if (failure != null) {
                            failed.add(failure.getMessage()); // carries no value of the upload
                        }
                        Instant eventTime = event.getRecords()
                                .get(0)
                                .getEventTime()
                                .toDate()
                                .toInstant();
                        readReceipt(dir, upload.key(), eventTime).ifPresent(r -> {
                            count(r.receipt(), counts, lakeRows);
                            if (Receipt.AFGEWEZEN.equals(r.receipt().status())) {
                                rejections.add(Rejection.of(upload.key(), r.receipt(), r.file()));
                            }
                        });
                        progress.step(upload.key());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        return new Summary(
                uploads.size(),
                (int) counts.get(0),
                (int) counts.get(1),
                (int) counts.get(2),
                counts.get(3),
                counts.get(4),
                counts.get(5),
                lakeRows.values().stream().mapToLong(Long::longValue).sum(),
                Duration.ofNanos(System.nanoTime() - started),
                List.copyOf(failed),
                rejections.stream()
                        .sorted(java.util.Comparator.comparing(Rejection::upload))
                        .toList());
    }

    /**
     * An upload's event time: its file's modification time, in milliseconds (S3's listing has whole seconds, which
     * would let the file name, not the arrival, decide between two deliveries within one second).
     */
    static Instant eventTime(Path dir, ObjectInfo upload) {
        try {
            return Files.getLastModifiedTime(dir.resolve(upload.key()))
                    .toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (IOException | RuntimeException e) {
            return upload.lastModified() == null ? Instant.now() : upload.lastModified();
        }
    }

    /**
     * DIR is the bucket, so the receipt is read straight from its file: at the upload's receipt key, or beside it
     * when a newer upload of the same key holds that place. Empty when there is none (the object was gone, or
     * not even a failure receipt could be written).
     */
    static Optional<ReadReceipt> readReceipt(Path dir, String uploadKey, Instant eventTime) {
        try {
            Path file = dir.resolve(BucketLayout.receipt(uploadKey, ReferenceData.get()::isMunicipality));
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Receipt receipt = Receipts.read(Files.readAllBytes(file));
            if (!receipt.bron().ontvangenOp().equals(eventTime)) {
                Path beside = dir.resolve(BucketLayout.earlierVersionReceipt(
                        uploadKey, ReferenceData.get()::isMunicipality, eventTime, null));
                return Files.exists(beside)
                        ? Optional.of(new ReadReceipt(Receipts.read(Files.readAllBytes(beside)), beside))
                        : Optional.empty();
            }
            return Optional.of(new ReadReceipt(receipt, file));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable receipt for " + uploadKey, e);
        }
    }

    private static void count(Receipt receipt, AtomicLongArray counts, Map<String, Long> lakeRows) {
        if (Receipt.AFGEWEZEN.equals(receipt.status())) {
            counts.incrementAndGet(1);
        } else if (!receipt.toegepast()) {
            counts.incrementAndGet(2);
        } else {
            counts.incrementAndGet(0);
            lakeRows.put(receipt.lakeSleutel(), receipt.aantallen().rijenInLake());
        }
        counts.addAndGet(3, receipt.aantallen().rijenGelezen());
        counts.addAndGet(4, receipt.aantallen().rijenGeaccepteerd());
        counts.addAndGet(5, receipt.aantallen().rijenAfgewezen());
    }

    /** What the SAM template sets in AWS, pointed at the embedded server. */
    static void configureEnvironment(EmbeddedS3 server, String pseudonymKey) {
        System.setProperty(
                Settings.propertyName("S3_ENDPOINT_URL"), server.endpoint().toString());
        System.setProperty(Settings.propertyName(PseudonymKeys.LOCAL_KEY_SETTING), pseudonymKey);
        System.setProperty(Settings.propertyName(Settings.DATA_BUCKET), BUCKET);
        System.setProperty(Settings.propertyName(ReportService.SITE_BUCKET_SETTING), BUCKET);
        System.setProperty(Settings.propertyName(ReportService.SITE_PREFIX_SETTING), BucketLayout.SITE);
        System.setProperty("aws.accessKeyId", EmbeddedS3.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", EmbeddedS3.SECRET_KEY);
        System.setProperty("aws.region", EmbeddedS3.REGION.id());
        LocalMetrics.install(); // the functions' metrics are CloudWatch's: none here
    }
}
