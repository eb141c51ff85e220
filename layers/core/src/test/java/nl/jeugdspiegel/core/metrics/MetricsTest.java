package nl.jeugdspiegel.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.jeugdspiegel.core.json.Json;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void writesEmbeddedMetricFormatLinesWithAColdStartOnlyOnce() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Metrics metrics = new Metrics(
                "ingest",
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC));
        metrics.event()
                .metric("RowsAccepted", 1200, Metrics.Unit.Count)
                .property("gemeente", "GM0363")
                .emit();
        metrics.event().metric("RowsAccepted", 5, Metrics.Unit.Count).emit();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        JsonNode first = Json.MAPPER.readTree(lines[0]);
        assertEquals(1736935200000L, first.at("/_aws/Timestamp").asLong());
        assertEquals(
                "Jeugdspiegel", first.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals(
                "function", first.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText());
        assertEquals(
                "RowsAccepted",
                first.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertEquals(
                "Count", first.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText());
        assertEquals(1200, first.get("RowsAccepted").asInt());
        assertEquals(1, first.get("ColdStart").asInt());
        assertEquals("ingest", first.get("function").asText());
        assertEquals("GM0363", first.get("gemeente").asText());
        assertFalse(Json.MAPPER.readTree(lines[1]).has("ColdStart"));
    }

    @Test
    void outsideLambdaNothingIsWritten() {
        // the no-argument constructor writes only where AWS_LAMBDA_FUNCTION_NAME is set (not in this test JVM)
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null);
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            new Metrics("ingest")
                    .event()
                    .metric("RowsAccepted", 1, Metrics.Unit.Count)
                    .emit();
        } finally {
            System.setOut(original);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
