package nl.jeugdspiegel.functions.indicators;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.core.metrics.Metrics;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.RecomputeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final Metrics metrics = new Metrics("indicators");

    /** Used by Lambda: real clients, settings from the environment. */
    public IndicatorsHandler() {
        this(IndicatorService.fromEnvironment());
    }

    IndicatorsHandler(IndicatorService service) {
        this.service = service;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages = event.getRecords();
        RecomputeRequest.Batch batch = RecomputeRequest.read(
                messages.stream().map(SQSEvent.SQSMessage::getBody).toList());
        batch.malformed()
                .forEach((i, reason) -> LOG.warn(
                        "dropped malformed message {}: {}", messages.get(i).getMessageId(), reason));
        Metrics.Event run = metrics.event()
                .metric("MessagesDropped", batch.malformed().size(), Metrics.Unit.Count)
                .property("messages", Integer.toString(messages.size()));
        List<SQSBatchResponse.BatchItemFailure> retry = new ArrayList<>();
        try {
            IndicatorService.Result result = service.recompute(batch.request());
            run.metric("PeriodesComputed", result.computed().size(), Metrics.Unit.Count)
                    .metric("PeriodesRewritten", result.written().size(), Metrics.Unit.Count)
                    .metric("LakeObjectsSkipped", result.skipped().size(), Metrics.Unit.Count)
                    .metric("Trajectories", result.trajectories(), Metrics.Unit.Count)
                    .metric("Duration", result.time().toMillis(), Metrics.Unit.Milliseconds)
                    .metric("RunsFailed", 0, Metrics.Unit.Count);
        } catch (IOException | RuntimeException e) {
            LOG.error("indicator run failed; the batch's messages return to the queue: {}", Failures.describe(e));
            run.metric("RunsFailed", 1, Metrics.Unit.Count);
            for (int i = 0; i < messages.size(); i++) {
                if (!batch.malformed().containsKey(i)) {
                    retry.add(new SQSBatchResponse.BatchItemFailure(
                            messages.get(i).getMessageId()));
                }
            }
        }
        run.emit();
        return new SQSBatchResponse(retry);
    }
}
