package nl.jeugdspiegel.functions.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import nl.jeugdspiegel.core.metrics.Metrics;
import nl.jeugdspiegel.report.ReportService;

/**
 * Report Lambda, triggered when the indicators function writes a new {@code indicators/manifest.json}
 * (it does only when a table changed). However many records the event holds, the site is built once
 * from the bucket's current tables: a repeated or late event publishes the same, current site.
 */
public final class ReportHandler implements RequestHandler<S3Event, String> {

    private final Function<String, ReportService> services;
    private final Metrics metrics = new Metrics("report");

    /** Used by Lambda: real clients, the site bucket from the environment. */
    public ReportHandler() {
        this(ReportService::fromEnvironment);
    }

    /** @param services the service for a data bucket (tests pass one over the embedded S3 server) */
    ReportHandler(Function<String, ReportService> services) {
        this.services = services;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        if (event.getRecords().isEmpty()) {
            return "no records";
        }
        S3EventNotificationRecord record = event.getRecords().get(0);
        try {
            ReportService.Result result = services.apply(record.getS3().getBucket().getName()).publish();
            metrics.event().metric("FilesUploaded", result.uploaded(), Metrics.Unit.Count)
                    .metric("FilesDeleted", result.deleted(), Metrics.Unit.Count)
                    .metric("LargestPage", result.largestPage(), Metrics.Unit.Bytes)
                    .metric("RenderTime", result.renderTime().toMillis(), Metrics.Unit.Milliseconds)
                    .metric("Duration", result.time().toMillis(), Metrics.Unit.Milliseconds).emit();
            return "site: " + result.files() + " files, " + result.uploaded() + " uploaded, " + result.deleted() + " deleted";
        } catch (IOException e) {
            throw new UncheckedIOException("publishing the site failed", e);
        }
    }
}
