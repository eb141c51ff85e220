package nl.jeugdspiegel.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.IndicatorEngine;
import nl.jeugdspiegel.indicators.LakeData;
import nl.jeugdspiegel.indicators.LakeFile;
import nl.jeugdspiegel.indicators.LakeLoader;
import nl.jeugdspiegel.indicators.Signals;
import nl.jeugdspiegel.indicators.VooruitblikTables;
import nl.jeugdspiegel.oracle.DuckDbIndicators;
import nl.jeugdspiegel.runner.BucketFolder;

/**
 * {@code ./jeugdspiegel bench indicators [--dir D] [--scale F] [--runs N]}: the indicator computation of
 * the Java engine (read the lake's needed columns, merge, compute every periode at every level) against
 * the same definitions in DuckDB SQL ({@code sql/indicators.duckdb.sql}) over the same Parquet files, in
 * one JVM, alternating, N runs each. When D holds no lake yet, the whole country is generated and run
 * through the local pipeline first. Both sides use every core; DuckDB's memory is native (outside -Xmx).
 */
final class IndicatorsBench {

    private IndicatorsBench() {}

    static void run(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Path.of(Bench.option(args, "--dir", "target/bench-indicators"));
        String scale = Bench.option(args, "--scale", "1.0");
        int runs = Integer.parseInt(Bench.option(args, "--runs", "3"));
        int threads = Runtime.getRuntime().availableProcessors();
        boolean profile = List.of(args).contains("--profile");
        String only = Bench.option(args, "--only", "both");
        Bench.prepareCountry(dir, BucketLayout.LAKE_TRAJECTEN, scale, out);
        List<LakeFile> files = BucketFolder.lakeFiles(dir);
        long lakeBytes = 0;
        for (LakeFile f : files) {
            lakeBytes += Files.size(f.path());
        }
        Path work = Files.createDirectories(dir.resolve(".bench"));
        out.printf(
                Locale.ROOT,
                "lake: %d files, %.1f MB; %d threads; max heap %d MB%n",
                files.size(),
                lakeBytes / 1e6,
                threads,
                Runtime.getRuntime().maxMemory() >> 20);

        double[] java = new double[runs];
        double[] duck = new double[runs];
        List<IndicatorRow> rows = null;
        Map<String, DuckDbIndicators.Value> values = null;
        for (int run = 0; run < runs; run++) {
            if (only.equals("duckdb")) {
                java[run] = Double.NaN;
            } else {
                resetPeaks();
                long t0 = System.nanoTime();
                LakeData data = LakeLoader.load(BucketFolder.lakeFiles(dir), threads);
                long t1 = System.nanoTime();
                IndicatorEngine engine = new IndicatorEngine(data, BucketFolder.populations(dir));
                rows = new ArrayList<>();
                Map<Periode, IndicatorEngine.Computed> computed = new java.util.TreeMap<>();
                for (Periode p : data.periods()) {
                    IndicatorEngine.Computed c = engine.computeAll(p);
                    computed.put(p, c);
                    rows.addAll(c.rows());
                }
                long t2 = System.nanoTime();
                int signals = 0;
                for (Map.Entry<Periode, IndicatorEngine.Computed> c : computed.entrySet()) {
                    IndicatorEngine.Computed before =
                            computed.get(c.getKey().previous().previous());
                    // the half-years before it, for the trends, as the indicators stage gives them
                    List<List<nl.jeugdspiegel.contract.IndicatorRow>> earlier = new ArrayList<>();
                    for (Periode p = c.getKey().previous(); computed.containsKey(p); p = p.previous()) {
                        earlier.add(computed.get(p).rows());
                    }
                    signals += Signals.of(
                                    c.getValue().rows(),
                                    before == null ? List.of() : before.rows(),
                                    c.getValue().waitSigns(),
                                    earlier)
                            .signals()
                            .size();
                }
                long t3 = System.nanoTime();
                Map<Periode, List<IndicatorRow>> tables = new java.util.TreeMap<>();
                computed.forEach((p, c) -> tables.put(p, c.rows()));
                VooruitblikTables.Result vooruitblik = VooruitblikTables.of(tables, VooruitblikTables.jeugdregioOf());
                long t4 = System.nanoTime();
                java[run] = (t3 - t0) / 1e9;
                out.printf(
                        Locale.ROOT,
                        "run %d java:   %6.2f s (read + merge %.2f s, compute %.2f s, signals %.2f s (%,d); "
                                + "%,d trajectories after merge, %,d clients, %,d rows out; peak heap %.0f MB); "
                                + "vooruitblik with its backtest %.2f s more (%,d forecasts, %,d backtest lines)%n",
                        run + 1,
                        java[run],
                        (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9,
                        (t3 - t2) / 1e9,
                        signals,
                        data.trajectories(),
                        data.clients(),
                        rows.size(),
                        peakHeap() / 1048576.0,
                        (t4 - t3) / 1e9,
                        vooruitblik.forecasts().size(),
                        vooruitblik.backtest().size());
                data = null;
                engine = null;
            }
            if (only.equals("java")) {
                duck[run] = Double.NaN;
                continue;
            }
            long d0 = System.nanoTime();
            values = DuckDbIndicators.compute(dir, work, threads, profile ? out : null);
            duck[run] = (System.nanoTime() - d0) / 1e9;
            out.printf(Locale.ROOT, "run %d duckdb: %6.2f s (%,d values)%n", run + 1, duck[run], values.size());
        }
        if (!only.equals("both")) {
            return;
        }
        List<String> differences = DuckDbIndicators.differences(values, rows);
        double bestJava = min(java);
        double bestDuck = min(duck);
        out.printf(
                Locale.ROOT,
                "first run: java %.2f s, duckdb %.2f s, ratio %.2f%n",
                java[0],
                duck[0],
                java[0] / duck[0]);
        out.printf(
                Locale.ROOT,
                "best run:  java %.2f s, duckdb %.2f s, ratio %.2f (target <= 1.00)%n",
                bestJava,
                bestDuck,
                bestJava / bestDuck);
        out.printf(
                Locale.ROOT,
                "agreement: %d differences between the Java tables and the DuckDB SQL%n",
                differences.size());
        differences.stream().limit(5).forEach(d -> out.println("  " + d));
    }

    private static double min(double[] values) {
        double min = Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
