package nl.jeugdspiegel.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.report.ReportData;
import nl.jeugdspiegel.report.SiteBuilder;
import nl.jeugdspiegel.runner.BucketFolder;

/**
 * {@code ./jeugdspiegel bench report [--dir D] [--scale F] [--runs N] [--out SITE]}: the time to render the whole site
 * (every page, chart and download) from the indicator tables of D, and the largest page. When D holds no
 * indicators yet, the whole country is generated and run through the local pipeline first. Targets:
 * render ≤ 10 s, largest page ≤ 150 KB. With {@code --out} the last run's site is written there (to look at it).
 */
final class ReportBench {

    private ReportBench() {}

    static void run(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Path.of(Bench.option(args, "--dir", "target/bench-indicators"));
        String scale = Bench.option(args, "--scale", "1.0");
        int runs = Integer.parseInt(Bench.option(args, "--runs", "3"));
        String outDir = Bench.option(args, "--out", null);
        Bench.prepareCountry(dir, BucketLayout.MANIFEST, scale, out);
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            ReportData data = BucketFolder.reportData(dir);
            long t1 = System.nanoTime();
            Map<String, byte[]> site = new SiteBuilder().build(data);
            long t2 = System.nanoTime();
            Map.Entry<String, byte[]> largest = site.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(".html"))
                    .max(Comparator.comparingInt(e -> e.getValue().length))
                    .orElseThrow();
            long pages = site.keySet().stream().filter(k -> k.endsWith(".html")).count();
            long bytes = site.values().stream().mapToLong(b -> b.length).sum();
            out.printf(
                    Locale.ROOT,
                    "run %d: read + disclosure %.2f s, render %.2f s, total %.2f s (target <= 10 s); "
                            + "%d pages, %d files, %.1f MB; largest page %s %.1f KB (target <= 150 KB)%n",
                    run,
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9,
                    (t2 - t0) / 1e9,
                    pages,
                    site.size(),
                    bytes / 1e6,
                    largest.getKey(),
                    largest.getValue().length / 1024.0);
            if (outDir != null && run == runs) {
                for (Map.Entry<String, byte[]> file : site.entrySet()) {
                    java.nio.file.Path target = Path.of(outDir).resolve(file.getKey());
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.write(target, file.getValue());
                }
            }
        }
    }
}
