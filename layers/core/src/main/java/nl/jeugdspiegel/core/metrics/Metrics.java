package nl.jeugdspiegel.core.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.jeugdspiegel.core.json.Json;

/**
 * Structured log lines in CloudWatch embedded metric format (EMF): one JSON object per line on standard
 * output, which Lambda sends to CloudWatch Logs and CloudWatch turns into metrics (namespace
 * {@value #NAMESPACE}, dimension {@code function}). Only counts, durations and keys go in: never personal data.
 */
public final class Metrics {

    public static final String NAMESPACE = "Jeugdspiegel";

    /** Units CloudWatch knows. */
    public enum Unit {
        Count,
        Milliseconds,
        Bytes
    }

    private final String function;
    private final PrintStream out;
    private final Clock clock;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    /**
     * Metrics to standard output inside Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} is set); elsewhere (the
     * local runner, tests) none, so the runner's own output stays readable.
     */
    public Metrics(String function) {
        this(function, System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? System.out : null, Clock.systemUTC());
    }

    /** @param out where the lines go; null for nowhere */
    Metrics(String function, PrintStream out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    /** One event: metrics with their units, plus properties (keys, statuses) that are searchable in the log. */
    public final class Event {
        private final Map<String, Object[]> metrics = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        public Event metric(String name, double value, Unit unit) {
            metrics.put(name, new Object[] {value, unit});
            return this;
        }

        public Event property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /** Writes the line; the first event of an execution environment carries ColdStart = 1. */
        public void emit() {
            if (out == null) {
                return;
            }
            if (coldStart.getAndSet(false)) {
                metric("ColdStart", 1, Unit.Count);
            }
            ObjectNode line = Json.MAPPER.createObjectNode();
            ObjectNode aws = line.putObject("_aws");
            aws.put("Timestamp", clock.millis());
            ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
            directive.put("Namespace", NAMESPACE);
            directive.putArray("Dimensions").addArray().add("function");
            ArrayNode definitions = directive.putArray("Metrics");
            line.put("function", function);
            metrics.forEach((name, valueAndUnit) -> {
                definitions.addObject().put("Name", name).put("Unit", valueAndUnit[1].toString());
                line.put(name, (double) valueAndUnit[0]);
            });
            properties.forEach(line::put);
            try {
                out.println(Json.MAPPER
                        .writer()
                        .without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Event event() {
        return new Event();
    }
}
