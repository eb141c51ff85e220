package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdspiegel.ingest.IngestService;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The SnapStart priming hook: runs without S3 and leaves no files behind in the temp folder. */
class IngestHandlerTest {

    @Test
    void primingBeforeACheckpointLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = ingestFolders(tmp);
        System.setProperty("jeugdspiegel.priming.rows", "20000");
        try {
            // no S3 client is ever called: priming works from memory only
            IngestHandler handler = new IngestHandler(
                    new IngestService(null, IngestFlowContract.KEY, RejectionThreshold.DEFAULT, Clock.systemUTC()),
                    MetricsFactory.getMetricsInstance());
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
        } finally {
            System.clearProperty("jeugdspiegel.priming.rows");
        }
        assertEquals(before, ingestFolders(tmp));
    }

    private static List<Path> ingestFolders(Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("jeugdspiegel-ingest-"))
                    .sorted()
                    .toList();
        }
    }
}
