package nl.jeugdspiegel.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.ijw.MessageDelivery;
import nl.jeugdspiegel.ingest.ijw.ProcessedMessages;
import nl.jeugdspiegel.ingest.ijw.ProductMapping;
import nl.jeugdspiegel.ingest.ijw.SafeZip;
import nl.jeugdspiegel.ingest.validation.CodeRules;

/**
 * Runs the ingest code path on one local file (a CSV, or a zip of iJw messages) in a JVM of its own
 * (started by {@link IngestBench} and {@link IjwBench}), including the delivery profile of the receipt (distinct
 * youths), and prints one line: messages, rows, youths, seconds, peak heap
 * used and the largest old generation left after a garbage
 * collection (the live set, which is what must stay flat as files grow). With a fourth argument, that
 * many made-up rows are ingested first, untimed, as the SnapStart priming hook does.
 */
final class HeapProbe {

    private HeapProbe() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Periode periode = Periode.parse(args[1]);
        Path work = Files.createTempDirectory(Path.of(args[2]), "probe");
        DeliveryProcessor processor = IngestBench.processor();
        if (args.length > 3) {
            // what the ingest function's SnapStart hook does before the snapshot (IngestHandler.beforeCheckpoint)
            processor.prime(Integer.parseInt(args[3]), work);
            IngestBench.deleteRecursively(work);
            work = Files.createTempDirectory(Path.of(args[2]), "probe");
        }
        long started = System.nanoTime();
        DeliveryResult result;
        long messages = 0;
        try (InputStream in = Files.newInputStream(file)) {
            if (file.toString().endsWith(".zip")) {
                ProcessedMessages processed = new MessageDelivery(
                                new SafeZip(), processor, RejectionThreshold.DEFAULT, KEY)
                        .process(in, Files.size(file), periode, work, Map.of(), "GM0363", ProductMapping.NONE);
                result = processed.result();
                messages = processed.outcome().messages();
            } else {
                result = processor.process(in, Files.size(file), periode, work, Map.of());
            }
        }
        // the delivery profile of the receipt (distinct youths, fill rates, the AGB column), counted while the rows
        // were written, as ingest makes it
        long youths = result.profile() == null ? 0 : result.profile().jeugdigen();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = 0;
        long liveAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    liveAfterGc =
                            Math.max(liveAfterGc, pool.getCollectionUsage().getUsed());
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "messages=%d rows=%d youths=%d seconds=%.2f peakHeapMB=%.1f oldGenAfterGcMB=%.1f maxHeapMB=%.0f accepted=%s lakeMB=%.1f%n",
                messages,
                result.report().rowsRead(),
                youths,
                seconds,
                peak / 1048576.0,
                liveAfterGc / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                result.accepted(),
                result.lakeFile() == null ? 0 : Files.size(result.lakeFile()) / 1048576.0);
        IngestBench.deleteRecursively(work);
    }

    static final PseudonymKey KEY = PseudonymKey.fromSecretText("benchmark-key-0123456789abcdef0123456789");

    static DeliveryProcessor processor(ReferenceData reference) {
        return new DeliveryProcessor(new CodeRules(reference), KEY, RejectionThreshold.DEFAULT);
    }
}
