package nl.jeugdspiegel.functions.indicators;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.RecomputeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Indicators Lambda, fed by one SQS queue that collects S3 notifications of new lake objects and the
 * scheduled {@code {"recompute":"all"}} message. The queue's batching window and the function's reserved
 * concurrency of 1 coalesce many uploads into one run at a time; the whole batch is one recompute. It answers
 * with a partial batch response ({@code ReportBatchItemFailures}): a malformed message is reported and dropped;
 * when the run fails, every other message is returned to the queue, and after its retries to the dead-letter queue.
 */
public final class IndicatorsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorsHandler.class);
    private final IndicatorService service;
    private final Metrics metrics;

    /** Used by Lambda: real clients, settings from the environment. */
    public IndicatorsHandler() {
        this(IndicatorService.fromEnvironment(), MetricsFactory.getMetricsInstance());
    }

    IndicatorsHandler(IndicatorService service, Metrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        metrics.captureColdStartMetric(context);
        return PowertoolsLogging.withLogging(context, () -> recompute(event.getRecords()));
    }

    private SQSBatchResponse recompute(List<SQSEvent.SQSMessage> messages) {
        RecomputeRequest.Batch batch = RecomputeRequest.of(
                messages.stream().map(m -> QueueMessages.read(m.getBody())).toList());
        batch.malformed()
                .forEach((i, reason) -> LOG.warn(
                        "dropped malformed message {}: {}", messages.get(i).getMessageId(), reason));
        List<SQSBatchResponse.BatchItemFailure> retry = new ArrayList<>();
        metrics.flushMetrics(run -> {
            run.addMetric("MessagesDropped", batch.malformed().size(), MetricUnit.COUNT);
            run.addMetadata("messages", messages.size());
            try {
                IndicatorService.Result result = service.recompute(batch.request());
                run.addMetric("PeriodesComputed", result.computed().size(), MetricUnit.COUNT);
                run.addMetric("PeriodesRewritten", result.written().size(), MetricUnit.COUNT);
                run.addMetric("LakeObjectsSkipped", result.skipped().size(), MetricUnit.COUNT);
                run.addMetric("Trajectories", result.trajectories(), MetricUnit.COUNT);
                run.addMetric("Duration", result.time().toMillis(), MetricUnit.MILLISECONDS);
                run.addMetric("RunsFailed", 0, MetricUnit.COUNT);
            } catch (IOException | RuntimeException e) {
                LOG.error("indicator run failed; the batch's messages return to the queue: {}", Failures.describe(e));
                run.addMetric("RunsFailed", 1, MetricUnit.COUNT);
                for (int i = 0; i < messages.size(); i++) {
                    if (!batch.malformed().containsKey(i)) {
                        retry.add(new SQSBatchResponse.BatchItemFailure(
                                messages.get(i).getMessageId()));
                    }
                }
            }
        });
        return new SQSBatchResponse(retry);
    }
}
