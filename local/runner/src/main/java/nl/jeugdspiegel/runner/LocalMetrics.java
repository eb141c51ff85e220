package nl.jeugdspiegel.runner;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The functions' metrics where there is no CloudWatch: discarded. In Lambda they are EMF lines that CloudWatch
 * turns into metrics; the runner prints its own summary instead, and a line of JSON per upload would bury it.
 */
final class LocalMetrics implements Metrics {

    private LocalMetrics() {}

    /** Makes {@link MetricsFactory} hand this to the handlers' no-argument constructors; call before building them. */
    static void install() {
        MetricsFactory.setMetricsProvider(LocalMetrics::new);
    }

    @Override
    public void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {}

    @Override
    public void addDimension(DimensionSet dimensionSet) {}

    @Override
    public void setTimestamp(Instant timestamp) {}

    @Override
    public void addMetadata(String key, Object value) {}

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {}

    @Override
    public DimensionSet getDefaultDimensions() {
        return DimensionSet.of(Map.of());
    }

    @Override
    public void setNamespace(String namespace) {}

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {}

    @Override
    public void clearDefaultDimensions() {}

    @Override
    public void flush() {}

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {}

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {}

    @Override
    public void flushMetrics(Consumer<Metrics> metricsConsumer) {
        metricsConsumer.accept(this);
    }
}
