package nl.jeugdspiegel.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimingUploadTest {

    @Test
    void primingRowsTakeTheRealPathMostlyAccepted(@TempDir Path dir) throws Exception {
        DeliveryProcessor processor = new DeliveryProcessor(
                new CodeRules(ReferenceData.get()), DeliveryProcessorTest.KEY, RejectionThreshold.DEFAULT);
        DeliveryResult result = processor.process(
                PrimingUpload.of(5_000), 500_000, PrimingUpload.PERIODE, Files.createTempDirectory(dir, "w"), Map.of());
        assertTrue(result.accepted(), String.valueOf(result.problem()));
        assertEquals(5_000, result.report().rowsRead());
        assertEquals(10, result.report().rowsRejected(), "one invalid BSN in 500 rows, so the error path runs too");
        assertTrue(result.report().rowsRejected() < 5_000 * 0.05);
    }
}
