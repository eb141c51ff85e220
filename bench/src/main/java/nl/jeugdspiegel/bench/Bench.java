package nl.jeugdspiegel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nl.jeugdspiegel.audit.DisclosureAudit;
import nl.jeugdspiegel.oracle.LakeCheck;
import nl.jeugdspiegel.runner.Main;

/**
 * {@code ./jeugdspiegel bench ...}: benchmarks that print their figures (docs/benchmarks.md).
 * <ul>
 *   <li>{@code ingest [--rows N] [--big-gb G] [--dir D]}: ingest throughput against DuckDB's CSV to Parquet,
 *       and peak heap of a multi-GB upload under {@code -Xmx256m};</li>
 *   <li>{@code ijw [--trajectories N] [--dir D]}: messages per second for a large zip of iJw messages, and the
 *       live heap for a zip four times as large, under {@code -Xmx256m};</li>
 *   <li>{@code indicators [--dir D] [--scale F] [--runs N]}: the indicator engine against the same definitions
 *       in DuckDB SQL over the same lake (the whole country at realistic volume by default);</li>
 *   <li>{@code report [--dir D] [--runs N]}: time to render the whole site and its largest page;</li>
 *   <li>{@code disclosure DIR [--method exact|rounded]}: the attacker of docs/contract.md §8 on DIR's published
 *       site, judged against DIR's exact indicator tables;</li>
 *   <li>{@code lake DIR}: reads DIR's lake with DuckDB ({@code read_parquet(..., hive_partitioning = true)}).</li>
 * </ul>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        // as ./jeugdspiegel run: the handlers' per-delivery log lines would drown the figures
        nl.jeugdspiegel.runner.Main.useRunnerLogging();
        if (args.length == 0) {
            System.err.println(
                    "usage: ./jeugdspiegel bench ingest [--rows N] [--big-gb G] [--dir D] | ijw [--trajectories N] [--dir D]"
                            + " | indicators [--dir D] [--scale F] [--runs N] | report [--dir D]"
                            + " | disclosure DIR [--method exact|rounded] | lake DIR");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ingest" -> IngestBench.run(rest);
            case "ijw" -> IjwBench.run(rest);
            case "indicators" -> IndicatorsBench.run(rest);
            case "report" -> ReportBench.run(rest);
            case "lake" -> LakeCheck.print(Path.of(rest[0]), System.out);
            case "disclosure" -> DisclosureAudit.main(rest, System.out);
            case "heap-probe" -> HeapProbe.main(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }

    /** When D has no {@code marker} yet, generates the country at the given scale and runs the local pipeline in D. */
    static void prepareCountry(Path dir, String marker, String scale, PrintStream out) throws IOException {
        if (Files.exists(dir.resolve(marker))) {
            return;
        }
        out.println("preparing: generate the country (scale " + scale + ") and run the local pipeline in " + dir);
        if (Main.run(new String[] {"demo", dir.toString(), "--scale", scale}, out) != 0) {
            throw new IllegalStateException("the pipeline failed");
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
