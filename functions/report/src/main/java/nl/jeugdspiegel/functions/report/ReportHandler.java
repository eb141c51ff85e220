package nl.jeugdspiegel.functions.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.jeugdspiegel.report.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Report Lambda, triggered when the indicators function writes a new {@code indicators/manifest.json}
 * (it does only when a table changed). However many records the event holds, the site is built once
 * from the bucket's current tables: a repeated or late event publishes the same, current site.
 */
public final class ReportHandler implements RequestHandler<S3Event, String> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportHandler.class);

    private final ReportService service;
    private final Metrics metrics;

    /** Used by Lambda: real clients, the buckets from the environment (built once per instance). */
    public ReportHandler() {
        this(ReportService.fromEnvironment(), MetricsFactory.getMetricsInstance());
    }

    /** @param service the service over the data and site buckets (tests pass one over the embedded S3 server) */
    ReportHandler(ReportService service, Metrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        metrics.captureColdStartMetric(context);
        return PowertoolsLogging.withLogging(context, () -> publish(event));
    }

    private String publish(S3Event event) {
        if (event.getRecords().isEmpty()) {
            return "no records";
        }
        String bucket = event.getRecords().get(0).getS3().getBucket().getName();
        if (!bucket.equals(service.dataBucket())) {
            LOG.warn("event from bucket {}, not the data bucket {}: ignored", bucket, service.dataBucket());
            return "ignored: not the data bucket";
        }
        try {
            ReportService.Result result = service.publish();
            metrics.flushMetrics(m -> {
                m.addMetric("FilesUploaded", result.uploaded(), MetricUnit.COUNT);
                m.addMetric("FilesDeleted", result.deleted(), MetricUnit.COUNT);
                m.addMetric("LargestPage", result.largestPage(), MetricUnit.BYTES);
                m.addMetric("RenderTime", result.renderTime().toMillis(), MetricUnit.MILLISECONDS);
                m.addMetric("Duration", result.time().toMillis(), MetricUnit.MILLISECONDS);
            });
            return "site: " + result.files() + " files, " + result.uploaded() + " uploaded, " + result.deleted()
                    + " deleted";
        } catch (IOException e) {
            throw new UncheckedIOException("publishing the site failed", e);
        }
    }
}
