package nl.jeugdspiegel.functions.indicators;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.jeugdspiegel.core.metrics.Metrics;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.RecomputeRequest;

/**
 * Indicators Lambda, fed by one SQS queue that collects S3 notifications of new lake objects and the
 * scheduled {@code {"recompute":"all"}} message. The queue's batching window and the function's reserved
 * concurrency of 1 coalesce many uploads into one run at a time; the whole batch is one recompute. A
 * failure is thrown, so the batch returns to the queue and, after its retries, to the dead-letter queue.
 */
public final class IndicatorsHandler implements RequestHandler<SQSEvent, String> {

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
    public String handleRequest(SQSEvent event, Context context) {
        RecomputeRequest request = RecomputeRequest.fromMessages(
                event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
        try {
            IndicatorService.Result result = service.recompute(request);
            metrics.event().metric("PeriodesComputed", result.computed().size(), Metrics.Unit.Count)
                    .metric("PeriodesRewritten", result.written().size(), Metrics.Unit.Count)
                    .metric("Trajectories", result.trajectories(), Metrics.Unit.Count)
                    .metric("Duration", result.time().toMillis(), Metrics.Unit.Milliseconds)
                    .property("messages", Integer.toString(event.getRecords().size())).emit();
            return "computed " + result.computed() + ", rewritten " + result.written() + " from "
                    + result.lakeFiles() + " lake files";
        } catch (IOException e) {
            throw new UncheckedIOException("indicator run failed", e);
        }
    }
}
