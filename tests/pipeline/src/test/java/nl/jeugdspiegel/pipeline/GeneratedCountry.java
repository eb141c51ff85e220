package nl.jeugdspiegel.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdspiegel.runner.Main;

/**
 * The whole local flow as a user runs it ({@code ./jeugdspiegel generate}, then {@code run}) on a small
 * generated country, once per test JVM and shared by the integration tests of this module. It stays in
 * {@code target/it-country} for inspection (and the browser tests' screenshots go next to it).
 */
final class GeneratedCountry {

    static final Path DIR = Path.of("target/it-country");
    private static String printed;

    private GeneratedCountry() {}

    /** Generates and runs on first use; returns what the runner printed. */
    static synchronized String output() {
        if (printed == null) {
            printed = generateAndRun(DIR, "0.01", "3");
        }
        return printed;
    }

    /** {@code ./jeugdspiegel generate DIR --scale F --seed N}, then {@code run DIR}, in a fresh DIR; returns what they printed. */
    static String generateAndRun(Path dir, String scale, String seed) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            int generated = Main.run(new String[] {"generate", dir.toString(), "--scale", scale, "--seed", seed}, out);
            int ran = Main.run(new String[] {"run", dir.toString()}, out);
            String text = output.toString(StandardCharsets.UTF_8);
            if (generated != 0 || ran != 0) {
                throw new IllegalStateException("the pipeline failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the uploads of one municipality in {@code every} (by folder name) and of {@code keep}; removes the rest. A
     * test that needs many deliveries of some kind, not all 342 municipalities, runs in a fraction of the time.
     */
    static void keepOneMunicipalityIn(Path uploads, int every, String keep) throws IOException {
        List<Path> municipalities;
        try (Stream<Path> folders = Files.list(uploads)) {
            municipalities = folders.sorted().toList();
        }
        for (int i = 0; i < municipalities.size(); i++) {
            Path folder = municipalities.get(i);
            if (i % every != 0 && !folder.getFileName().toString().equals(keep)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
