package nl.jeugdspiegel.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    private GeneratedCountry() {
    }

    /** Generates and runs on first use; returns what the runner printed. */
    static synchronized String output() {
        if (printed == null) {
            try {
                if (Files.exists(DIR)) {
                    try (Stream<Path> all = Files.walk(DIR)) {
                        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
                int generated = Main.run(new String[] {"generate", DIR.toString(), "--scale", "0.01", "--seed", "3"}, out);
                int ran = Main.run(new String[] {"run", DIR.toString()}, out);
                printed = output.toString(StandardCharsets.UTF_8);
                if (generated != 0 || ran != 0) {
                    throw new IllegalStateException("the pipeline failed:\n" + printed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return printed;
    }
}
