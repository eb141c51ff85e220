package nl.jeugdspiegel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.synthetic.LargeUpload;

/**
 * iJw ingest benchmark (issue 7: messages per second for a large zip; memory flat in the zip's size). Writes
 * two zips of valid messages, one four times the other, and ingests each with the real code path
 * ({@code MessageDelivery}: zip limits, XSD validation of every message, fact extraction, the BSN-bucketed
 * spill, reconstruction, then the CSV path to Parquet) in a fresh JVM with {@code -Xmx256m} and SerialGC, as
 * the Lambda function runs. Prints messages/s and the live heap after GC for both, which must not grow with
 * the zip.
 */
final class IjwBench {

    private static final Periode PERIODE = Periode.parse("2024H1");

    private IjwBench() {}

    static void run(String[] args) throws Exception {
        long trajectories = Long.parseLong(Bench.option(args, "--trajectories", "50000"));
        Path dir = Path.of(Bench.option(args, "--dir", "bench-data"));
        Files.createDirectories(dir);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, java %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        IngestBench.Probe small = null;
        for (long n : new long[] {trajectories, 4 * trajectories}) {
            Path zip = dir.resolve("ijw-" + n + ".zip");
            long messages;
            long t = System.nanoTime();
            messages = LargeUpload.writeIjw(zip, n, PERIODE, 3);
            System.out.printf(
                    Locale.ROOT,
                    "generated %s: %,d messages, %.1f MB zipped, in %.1f s%n",
                    zip,
                    messages,
                    Files.size(zip) / 1048576.0,
                    (System.nanoTime() - t) / 1e9);
            IngestBench.Probe probe = IngestBench.probe(zip, dir, "-Xmx256m", 0);
            System.out.printf(
                    Locale.ROOT,
                    "ingest %-22s %7.2f s  %,9.0f messages/s  %,d trajectories in lake; %s%n",
                    zip.getFileName(),
                    probe.seconds(),
                    probe.messages() / probe.seconds(),
                    probe.rows(),
                    probe.line());
            if (small == null) {
                small = probe;
            } else {
                System.out.printf(
                        Locale.ROOT,
                        "RESULT ijw: %,.0f and %,.0f messages/s; live heap after GC %.1f MB and "
                                + "%.1f MB for a zip 4x as large (-Xmx256m)%n",
                        small.messages() / small.seconds(),
                        probe.messages() / probe.seconds(),
                        small.oldGenMb(),
                        probe.oldGenMb());
            }
            Files.delete(zip);
        }
    }
}
