package nl.jeugdspiegel.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.ingest.receipt.ReceiptText;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import nl.jeugdspiegel.synthetic.Generator;

/** The {@code ./jeugdspiegel} command line: generate, run, demo. */
public final class Main {

    private static final String USAGE = String.join(
            "\n",
            "usage:",
            "  ./jeugdspiegel demo [DIR] [--scale F] [--seed N] [--format csv|ijw]",
            "                                                     generate synthetic data in a fresh DIR (default ./demo) and run the pipeline",
            "  ./jeugdspiegel generate DIR [--seed N] [--scale F]  write synthetic uploads and a synthetic population file under DIR",
            "                  [--format csv|ijw]                 uploads as CSV files (default) or as zips of iJw 3.2 messages",
            "  ./jeugdspiegel run DIR                              run the pipeline on DIR (DIR stands for the S3 bucket)",
            "  ./jeugdspiegel serve DIR [--port N] [--batch-window S]",
            "                                                     keep DIR served as an S3 bucket and run the pipeline on every upload",
            "  ./jeugdspiegel receipt FILE.json                    print a receipt as text",
            "  ./jeugdspiegel bench ingest|ijw|indicators|report|lake  benchmarks (see docs/benchmarks.md)",
            "",
            "Environment: JEUGDSPIEGEL_PSEUDONYM_KEY (optional; else a key is created in DIR/.jeugdspiegel/).");

    private Main() {}

    public static void main(String[] args) {
        useRunnerLogging();
        PrintStream out = System.out;
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("the pipeline failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The log configuration of the runner, not the functions' JSON: set before the first logger is made. */
    public static final String LOG_CONFIGURATION = "jeugdspiegel-runner-log4j2.xml";

    /**
     * The handlers log a JSON line per delivery (Powertools); the runner prints its own progress and summary, so it
     * logs only warnings, as plain lines ({@value #LOG_CONFIGURATION}). Call first in a main method.
     */
    public static void useRunnerLogging() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIGURATION);
        }
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "generate" -> {
                generate(options.dir(null), options, out);
                return 0;
            }
            case "run" -> {
                return runPipeline(options.dir(null), out);
            }
            case "serve" -> {
                LocalServer.serve(options.dir(null), options.port(), options.batchWindow(), out);
                return 0;
            }
            case "receipt" -> {
                Path file = options.dir(null);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no receipt file " + file);
                }
                try {
                    out.print(ReceiptText.text(Receipts.read(Files.readAllBytes(file))));
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    throw new IllegalArgumentException(file + " is not a receipt (" + e.getOriginalMessage() + ")");
                }
                return 0;
            }
            case "demo" -> {
                Path dir = options.dir(Path.of("demo"));
                prepareDemoFolder(dir);
                long started = System.nanoTime();
                generate(dir, options, out);
                int code = runPipeline(dir, out);
                out.printf(
                        Locale.ROOT,
                        "demo finished in %.1f s; open %s%n",
                        (System.nanoTime() - started) / 1e9,
                        dir.resolve(BucketLayout.SITE)
                                .resolve("index.html")
                                .toAbsolutePath()
                                .normalize());
                return code;
            }
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        }
    }

    private static void generate(Path dir, Options options, PrintStream out) throws IOException {
        long started = System.nanoTime();
        Generator.Summary summary = Generator.generate(
                dir, options.seed(), options.scale(), options.format(), line -> out.println("  " + line));
        out.printf(
                Locale.ROOT,
                "generated %d uploads (%,d rows; %,d synthetic youths, %,d trajectories) in %s in %.1f s%n",
                summary.files(),
                summary.rows(),
                summary.youths(),
                summary.trajectories(),
                dir,
                (System.nanoTime() - started) / 1e9);
    }

    private static int runPipeline(Path dir, PrintStream out) throws IOException {
        if (!Files.isDirectory(dir.resolve(BucketLayout.UPLOADS))) {
            throw new IllegalArgumentException(
                    dir + " has no uploads/ folder (create one with ./jeugdspiegel generate " + dir + ")");
        }
        List<String> failed = new ArrayList<>();
        new LocalPipeline(out)
                .run(
                        dir,
                        s -> {
                            out.printf(
                                    Locale.ROOT,
                                    "ingest: %d files in %.1f s: %d accepted, %d rejected (their receipts say why), "
                                            + "%d not applied (a newer delivery was in force)%n",
                                    s.files(),
                                    s.ingestTime().toMillis() / 1000.0,
                                    s.accepted(),
                                    s.rejected(),
                                    s.notApplied());
                            failed.addAll(s.failed());
                            for (LocalPipeline.Rejection r : s.rejections()) {
                                out.println("  rejected " + r.upload() + " — " + r.reason());
                                out.println("    receipt: " + r.receipt());
                            }
                            if (!s.failed().isEmpty()) {
                                out.printf(
                                        Locale.ROOT,
                                        "ingest FAILED for %d upload(s) after %d attempts each "
                                                + "(receipt verwerking_mislukt; the log has the kenmerk):%n",
                                        s.failed().size(),
                                        LocalPipeline.INGEST_ATTEMPTS);
                                s.failed().forEach(f -> out.println("  " + f));
                            }
                            out.printf(
                                    Locale.ROOT,
                                    "rows: %,d read, %,d accepted, %,d rejected, %,d in the lake%n",
                                    s.rowsRead(),
                                    s.rowsAccepted(),
                                    s.rowsRejected(),
                                    s.rowsInLake());
                            out.printf(
                                    Locale.ROOT,
                                    "receipts in %s, lake in %s%n",
                                    dir.resolve(BucketLayout.RECEIPTS),
                                    dir.resolve(BucketLayout.LAKE));
                        },
                        s -> {
                            out.printf(
                                    Locale.ROOT,
                                    "indicators: %d periods (%s) in %.1f s; tables in %s%n",
                                    s.periods().size(),
                                    s.periods().isEmpty()
                                            ? "none"
                                            : s.periods().get(0) + " to "
                                                    + s.periods()
                                                            .get(s.periods().size() - 1),
                                    s.time().toMillis() / 1000.0,
                                    dir.resolve(BucketLayout.INDICATORS));
                            if (Files.exists(dir.resolve(BucketLayout.backtest()))) {
                                out.printf(
                                        "vooruitblik: %s and %s%n",
                                        dir.resolve(BucketLayout.vooruitblik(BucketLayout.Format.CSV)),
                                        dir.resolve(BucketLayout.backtest()));
                            }
                            s.skipped()
                                    .forEach(k -> out.println("indicators: left out (not a readable lake file): " + k));
                        },
                        s -> {
                            out.printf(
                                    Locale.ROOT,
                                    "report: %s in %.1f s%n",
                                    s.result(),
                                    s.time().toMillis() / 1000.0);
                            if (s.index() != null) {
                                out.println("site: "
                                        + s.index().toAbsolutePath().normalize().toUri());
                            }
                        });
        // rejected deliveries are handled (their receipts say why); a delivery that could not be processed is a failure
        return failed.isEmpty() ? 0 : 1;
    }

    /** A demo folder is made fresh: an earlier demo there is removed, any other content is refused. */
    private static void prepareDemoFolder(Path dir) throws IOException {
        Path marker = dir.resolve(LocalKey.FOLDER).resolve("demo");
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(marker)) {
                throw new IllegalArgumentException(
                        dir + " exists and is not an earlier demo folder; choose another DIR");
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "made by ./jeugdspiegel demo; removed by the next demo run\n");
    }

    /** Positional DIR and --seed / --scale / --format. */
    record Options(
            List<String> positional, long seed, double scale, Generator.Format format, int port, Duration batchWindow) {

        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            long seed = 20260101L;
            double scale = 1.0;
            Generator.Format format = Generator.Format.CSV;
            int port = 0;
            Duration batchWindow = LocalServer.DEFAULT_BATCH_WINDOW;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--batch-window" ->
                        batchWindow = Duration.ofMillis(
                                Math.round(1000 * Double.parseDouble(value(args, ++i, "--batch-window"))));
                    case "--format" -> format = Generator.Format.parse(value(args, ++i, "--format"));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--scale" -> scale = Double.parseDouble(value(args, ++i, "--scale"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535");
            }
            return new Options(positional, seed, scale, format, port, batchWindow);
        }

        Path dir(Path fallback) {
            if (positional.isEmpty()) {
                if (fallback == null) {
                    throw new IllegalArgumentException("DIR is missing");
                }
                return fallback;
            }
            return Path.of(positional.get(0));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
