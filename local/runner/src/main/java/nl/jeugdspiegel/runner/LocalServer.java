package nl.jeugdspiegel.runner;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.functions.ingest.IngestHandler;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./jeugdspiegel serve DIR}: keeps DIR served as bucket {@value LocalPipeline#BUCKET} and acts as S3's event
 * notifications would: every object created under {@code uploads/} (.csv or .zip) goes, as the same S3 event JSON,
 * to the ingest handler, one at a time in arrival order. As in the stack, a recompute follows a change of the lake, not
 * an upload: when a lake file ({@code lake/trajecten/…parquet}, as the template's queue notification, and
 * {@code lake/wachtend/}, which the stack's nightly run picks up) was written and no other has been for the batch
 * window (the indicators queue's batching), the indicators run, then the report. A rejected upload changes no lake file
 * and so triggers nothing. The recompute runs on a thread of its own, so an upload's receipt never waits behind it (in
 * Lambda each upload is its own invocation). Anything that speaks S3 can deliver: the AWS CLI, an SDK, a
 * municipality's own tooling. Stopped by {@link #close} (Ctrl-C: the shutdown hook), after the upload being handled and
 * the recompute under way.
 */
final class LocalServer implements AutoCloseable {

    static final Duration DEFAULT_BATCH_WINDOW = Duration.ofSeconds(5);

    private final Path dir;
    private final Duration batchWindow;
    private final PrintStream out;
    private final EmbeddedS3 server;
    private final S3Client s3;
    private final ObjectStore store;
    private final LinkedBlockingQueue<EmbeddedS3.Created> uploads = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Thread worker;
    private final Thread publisher;
    /** When a lake file was last written (System.nanoTime), and how many were written: a recompute is owed while
     * the publisher has seen fewer. */
    private volatile long lastLakeChange;

    private final AtomicLong lakeChanges = new AtomicLong();
    private volatile boolean running = true;
    private volatile int handled;
    private volatile int published;
    /** One handler instance for the worker, as a warm Lambda keeps its instance. */
    private IngestHandler handler;

    LocalServer(Path dir, int port, Duration batchWindow, PrintStream out) throws IOException {
        this.dir = dir;
        this.batchWindow = batchWindow;
        this.out = out;
        Files.createDirectories(dir.resolve(BucketLayout.UPLOADS));
        String key = LocalKey.resolve(dir);
        this.server = EmbeddedS3.onFolder(
                dir,
                LocalPipeline.BUCKET,
                port,
                created -> {
                    if (isUpload(created.key())) {
                        uploads.add(created);
                    } else if (changesTheLake(created.key())) {
                        lastLakeChange = System.nanoTime();
                        lakeChanges.incrementAndGet();
                    }
                },
                BucketLayout::served);
        LocalPipeline.configureEnvironment(server, key);
        this.s3 = server.client();
        this.store = new ObjectStore(s3, LocalPipeline.BUCKET);
        this.worker = new Thread(this::work, "jeugdspiegel-serve");
        this.publisher = new Thread(this::publishWhenQuiet, "jeugdspiegel-recompute");
    }

    /** A lake file: what makes the stack recompute (a trajectory file by the queue, a waiting list by the night). */
    private static boolean changesTheLake(String key) {
        return (key.startsWith(BucketLayout.LAKE_TRAJECTEN) || key.startsWith(BucketLayout.LAKE_WACHTEND))
                && key.endsWith(".parquet");
    }

    /** As the template's S3 trigger: every object under uploads/ (each gets a receipt, contract v1.3 section 1). */
    private static boolean isUpload(String key) {
        return BucketLayout.isUpload(key);
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** Uploads handled so far. */
    int handled() {
        return handled;
    }

    /** Times the indicators and the report ran. */
    int published() {
        return published;
    }

    LocalServer start() {
        int waiting = queueUnanswered();
        if (waiting > 0) {
            out.println(waiting + " upload(s) without a receipt (from before a stop or a crash): handled first");
        }
        worker.start();
        publisher.start();
        return this;
    }

    /**
     * Durable serving (contract v1.3 §7): every upload in the folder that has no receipt yet, in key order, is queued
     * as if it had just arrived. An upload acknowledged just before a kill is then answered after the restart.
     */
    private int queueUnanswered() {
        int queued = 0;
        for (ObjectInfo upload : store.list(BucketLayout.UPLOADS)) {
            String receipt = BucketLayout.receipt(upload.key(), ReferenceData.get()::isMunicipality);
            if (!Files.exists(dir.resolve(receipt))) {
                uploads.add(new EmbeddedS3.Created(LocalPipeline.BUCKET, upload.key(), upload.eTag()));
                queued++;
            }
        }
        return queued;
    }

    /** Serves until the JVM is stopped (Ctrl-C); the shutdown hook stops cleanly. */
    static void serve(Path dir, int port, Duration batchWindow, PrintStream out) throws IOException {
        LocalServer server = new LocalServer(dir, port, batchWindow, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "jeugdspiegel-serve-stop"));
        server.printHowTo();
        server.start();
        try {
            server.worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printHowTo() {
        String url = endpoint().toString();
        String bucket = LocalPipeline.BUCKET;
        out.println("serving " + dir.toAbsolutePath().normalize() + " as bucket " + bucket);
        out.println("  endpoint: " + url);
        out.println("  bucket:   " + bucket);
        out.println("  credentials (any client): AWS_ACCESS_KEY_ID=" + EmbeddedS3.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
                + EmbeddedS3.SECRET_KEY + " AWS_DEFAULT_REGION=" + EmbeddedS3.REGION.id());
        out.println("deliver as a municipality would, e.g.:");
        out.println("  aws s3 cp levering.csv s3://" + bucket + "/uploads/GM0363/2025H2/levering.csv --endpoint-url "
                + url);
        out.println("and read the receipt back:");
        out.println("  aws s3 cp s3://" + bucket + "/receipts/GM0363/2025H2/levering.html . --endpoint-url " + url);
        out.printf(
                Locale.ROOT,
                "indicators and report run %.0f s after the last change of the lake (a rejected upload changes "
                        + "nothing); Ctrl-C stops%n",
                batchWindow.toMillis() / 1000.0);
    }

    private void work() {
        while (running) {
            EmbeddedS3.Created created;
            try {
                created = uploads.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (created != null) {
                ingest(created.key());
                handled++;
            }
        }
    }

    /**
     * Recomputes once the lake has been quiet for the batch window; polled in short steps so that a stop is not kept
     * waiting for the window to run out. A lake change during a recompute makes another one follow.
     */
    private void publishWhenQuiet() {
        long seen = 0;
        while (running) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                break;
            }
            long changes = lakeChanges.get();
            if (changes != seen && running && System.nanoTime() - lastLakeChange >= batchWindow.toNanos()) {
                seen = changes; // a change from here on makes the next recompute
                publish();
            }
        }
    }

    /** One upload through the ingest handler, as its S3 notification; prints the outcome and the receipt. */
    private void ingest(String key) {
        Optional<ObjectInfo> object = store.head(key);
        if (object.isEmpty()) {
            return; // removed again before it was handled: S3 would deliver the event, ingest finds nothing
        }
        ObjectInfo info = object.get();
        Instant eventTime = LocalPipeline.eventTime(dir, info);
        S3Event event = S3Events.parse(S3Events.objectCreatedJson(
                LocalPipeline.BUCKET, key, info.size(), info.eTag(), eventTime, sequence.incrementAndGet()));
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= LocalPipeline.INGEST_ATTEMPTS; attempt++) {
            try {
                if (handler == null) {
                    handler = new IngestHandler();
                }
                handler.handleRequest(event, null);
                failure = null;
                break;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            out.println("ingest FAILED for " + key + ": " + failure.getMessage());
        }
        LocalPipeline.readReceipt(dir, key, eventTime).ifPresent(r -> {
            Receipt receipt = r.receipt();
            String outcome = Receipt.AFGEWEZEN.equals(receipt.status())
                    ? LocalPipeline.Rejection.of(key, receipt, r.file()).reason()
                    : receipt.melding();
            out.printf(Locale.ROOT, "%s: %s — %s%n", key, receipt.status(), outcome);
            out.println("  receipt: " + r.file() + " (readable: "
                    + LocalPipeline.pageOf(r.file()).getFileName() + ")");
        });
    }

    private void publish() {
        try {
            LocalPipeline.IndicatorSummary indicators = new LocalPipeline(out).indicators(store);
            out.printf(
                    Locale.ROOT,
                    "indicators: %d periods in %.1f s%n",
                    indicators.periods().size(),
                    indicators.time().toMillis() / 1000.0);
            LocalPipeline.ReportSummary report = LocalPipeline.report(dir, store);
            out.println("report: " + report.result() + (report.index() == null ? "" : "; site: " + report.index()));
            published++;
        } catch (RuntimeException e) {
            out.println("indicators or report FAILED: " + e.getMessage());
        }
    }

    /** Stops after the upload being handled; the bucket folder keeps everything. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            worker.join(Duration.ofMinutes(2).toMillis());
            publisher.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> pending =
                uploads.stream().map(EmbeddedS3.Created::key).distinct().toList();
        if (!pending.isEmpty()) {
            out.println(pending.size() + " upload(s) not yet handled; the next serve or run handles them:");
            pending.forEach(key -> out.println("  " + key));
        }
        s3.close();
        server.close();
        out.println("stopped; everything is in " + dir);
    }
}
