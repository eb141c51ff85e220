package nl.jeugdspiegel.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.ingest.IngestService;
import nl.jeugdspiegel.ingest.UploadEvent;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Ingest Lambda, triggered by S3 ObjectCreated events on {@code uploads/…} (any name: a CSV, a zip of iJw messages, or
 * anything else, which gets a receipt saying why not). Each record becomes one {@link IngestService#ingest} call with
 * the URL-decoded key; the receipt is the service's. An unexpected failure is thrown (after the service wrote a
 * {@code verwerking_mislukt} receipt), so the invocation fails, Lambda retries it and finally sends the event
 * to the on-failure destination. Logs are JSON with the request id (Powertools logging); each receipt becomes one
 * set of metrics (Powertools metrics, CloudWatch EMF). SnapStart priming is the separate {@link Resource} part below.
 */
public final class IngestHandler implements RequestHandler<S3Event, String>, Resource {

    private final IngestService service;
    private final Metrics metrics;

    /** Used by Lambda: real clients, settings from the environment (run once per execution environment). */
    public IngestHandler() {
        this(IngestService.fromEnvironment(ReceiptNotifier.fromEnvironment()), MetricsFactory.getMetricsInstance());
        Core.getGlobalContext().register(this);
    }

    IngestHandler(IngestService service, Metrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        metrics.captureColdStartMetric(context);
        return PowertoolsLogging.withLogging(context, () -> ingest(event));
    }

    private String ingest(S3Event event) {
        int ingested = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            S3ObjectEntity object = record.getS3().getObject();
            long started = System.nanoTime();
            Optional<Receipt> written = service.ingest(new UploadEvent(
                    record.getS3().getBucket().getName(),
                    object.getUrlDecodedKey(),
                    object.getVersionId(),
                    object.geteTag(),
                    object.getSizeAsLong() == null ? 0 : object.getSizeAsLong(),
                    Instant.ofEpochMilli(record.getEventTime().getMillis()),
                    object.getSequencer()));
            written.ifPresent(receipt -> metrics.flushMetrics(m -> receiptMetrics(m, receipt, started)));
            ingested++;
        }
        return "ingested " + ingested + " object(s)";
    }

    /** One receipt's metrics; gemeente, periode and status searchable beside them (a refused key has no gemeente). */
    private static void receiptMetrics(Metrics m, Receipt receipt, long started) {
        m.addMetric("RowsAccepted", receipt.aantallen().rijenGeaccepteerd(), MetricUnit.COUNT);
        m.addMetric("RowsRejected", receipt.aantallen().rijenAfgewezen(), MetricUnit.COUNT);
        m.addMetric("DeliveriesRejected", Receipt.AFGEWEZEN.equals(receipt.status()) ? 1 : 0, MetricUnit.COUNT);
        m.addMetric("Duration", (System.nanoTime() - started) / 1e6, MetricUnit.MILLISECONDS);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("gemeente", receipt.gemeente());
        metadata.put("periode", receipt.periode());
        metadata.put("status", receipt.status());
        metadata.forEach((name, value) -> {
            if (value != null) {
                m.addMetadata(name, value);
            }
        });
    }

    // --- SnapStart priming: before the snapshot, the ingest path runs on made-up rows, without S3 ---

    /** Primes on {@code PRIMING_ROWS} made-up rows (default 1,000,000): classes loaded, hot methods compiled. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        service.prime(Settings.getInt("PRIMING_ROWS", 1_000_000));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing cached depends on the moment of restore: no random state, no temp files, clients are re-used
    }
}
