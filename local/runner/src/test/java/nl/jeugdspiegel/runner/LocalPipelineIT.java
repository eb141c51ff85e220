package nl.jeugdspiegel.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.functions.ingest.IngestHandler;
import nl.jeugdspiegel.synthetic.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner as Lambda: an upload whose processing keeps failing is retried twice, then the run goes on. */
class LocalPipelineIT {

    @TempDir
    Path dir;

    @Test
    void anUploadThatKeepsFailingIsRetriedTwiceAndTheRunGoesOn() throws Exception {
        Generator.generate(dir, 5, 0.002, Generator.Format.CSV, line -> {});
        // two municipalities are enough
        try (var gemeenten = Files.list(dir.resolve("uploads"))) {
            for (Path g : gemeenten
                    .filter(p -> !p.getFileName().toString().matches("GM0014|GM0034"))
                    .toList()) {
                try (var files = Files.walk(g)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
        String broken;
        try (var uploads = Files.walk(dir.resolve("uploads"))) {
            broken = dir.relativize(uploads.filter(p -> p.toString().endsWith(".csv"))
                            .sorted()
                            .findFirst()
                            .orElseThrow())
                    .toString()
                    .replace('\\', '/');
        }
        AtomicInteger attempts = new AtomicInteger();
        // the real handler (made as the runner makes it, in its environment), except for one upload whose
        // processing fails unexpectedly, every time
        Supplier<RequestHandler<S3Event, String>> handlers = () -> {
            RequestHandler<S3Event, String> real = new IngestHandler();
            return (event, context) -> {
                if (event.getRecords()
                        .get(0)
                        .getS3()
                        .getObject()
                        .getUrlDecodedKey()
                        .equals(broken)) {
                    attempts.incrementAndGet();
                    throw Failures.withoutMessages(
                            "ingest of " + broken + " failed", new IllegalStateException("a bug"));
                }
                return real.handleRequest(event, context);
            };
        };
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<LocalPipeline.Summary> summaries = new ArrayList<>();
        List<LocalPipeline.ReportSummary> reports = new ArrayList<>();
        new LocalPipeline(new PrintStream(printed, true, StandardCharsets.UTF_8), handlers)
                .run(dir, summaries::add, s -> {}, reports::add);

        assertEquals(LocalPipeline.INGEST_ATTEMPTS, attempts.get(), "the first attempt and two retries");
        LocalPipeline.Summary summary = summaries.get(0);
        assertEquals(1, summary.failed().size(), summary.failed().toString());
        assertTrue(
                summary.failed()
                        .get(0)
                        .startsWith("ingest of " + broken + " failed: IllegalStateException at LocalPipelineIT"),
                summary.failed().get(0));
        assertEquals(
                summary.files() - 1,
                summary.accepted() + summary.rejected() + summary.notApplied(),
                "every other upload was handled");
        assertTrue(summary.rowsInLake() > 0);
        assertTrue(Files.exists(reports.get(0).index()), "indicators and the report still ran");
    }
}
