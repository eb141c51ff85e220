package nl.jeugdspiegel.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;

/**
 * {@code ./jeugdspiegel generate DIR}: synthetic uploads for all 342 municipalities and the half-years
 * 2021H1 to 2025H2, and a synthetic population file per year, deterministic for a seed. {@code scale}
 * shrinks every population (and so every volume) for quick runs; {@code format} writes CSV files or zips of
 * iJw messages for the same trajectories. See docs/synthetic-data.md.
 */
public final class Generator {

    public static final Periode FIRST = Periode.parse("2021H1");
    public static final Periode LAST = Periode.parse("2025H2");
    public static final String SYNTHETIC_LABEL = "synthetisch";

    /** The form of the deliveries: contract CSV files, or zips of iJw 3.2 messages (same trajectories). */
    public enum Format {
        CSV(".csv"),
        IJW(".zip");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        public static Format parse(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> CSV;
                case "ijw" -> IJW;
                default -> throw new IllegalArgumentException("--format is csv or ijw, not " + name);
            };
        }
    }

    /** What was generated. */
    public record Summary(long files, long rows, long youths, long trajectories) {}

    private Generator() {}

    public static Summary generate(Path dir, long seed, double scale, Consumer<String> progress) throws IOException {
        return generate(dir, seed, scale, Format.CSV, progress);
    }

    public static Summary generate(Path dir, long seed, double scale, Format format, Consumer<String> progress)
            throws IOException {
        return generate(dir, seed, scale, format, false, progress);
    }

    /**
     * @param mapEverything for iJw: the generated product mappings resolve every product code (so every row gets
     *     its hulpvorm back, as the CSV/iJw equivalence test needs), instead of some of them
     */
    public static Summary generate(
            Path dir, long seed, double scale, Format format, boolean mapEverything, Consumer<String> progress)
            throws IOException {
        if (scale <= 0 || scale > 10) {
            throw new IllegalArgumentException("scale must be above 0 and at most 10, got " + scale);
        }
        SyntheticCountry country = new SyntheticCountry(seed, scale);
        progress.accept("simulating care careers for " + country.gemeenten().size() + " municipalities (seed " + seed
                + ", scale " + scale + ")");
        CareHistory history = new CareSimulator(country, seed).run();
        progress.accept("simulated " + history.youthCount + " youths with " + history.size + " trajectories");
        writePopulation(dir.resolve(BucketLayout.POPULATION), country, seed, scale);
        writeProviderNames(dir.resolve(BucketLayout.PROVIDER_REGISTER));
        long[] written = new DeliveryWriter(country, history, seed, format, mapEverything)
                .write(dir.resolve(BucketLayout.UPLOADS), Periode.range(FIRST, LAST), progress);
        return new Summary(written[0], written[1], history.youthCount, history.size);
    }

    /**
     * {@code reference/aanbieders.csv} ({@code agb;naam}, indicators v1.2): names for the national providers only, so the
     * demo shows both a named provider and one known by its AGB code.
     */
    private static void writeProviderNames(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("agb;naam\n");
        CareSimulator.nationalProviderNames()
                .forEach((agb, naam) -> csv.append(agb).append(';').append(naam).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@code reference/bevolking/{jaar}.csv} per docs/contract.md §4 ({@code gemeentecode;inwoners_totaal;inwoners_0_17})
     * with a fourth column {@code bron} = "synthetisch", so no reader can mistake it for CBS figures.
     */
    static void writePopulation(Path dir, SyntheticCountry country, long seed, double scale) throws IOException {
        Files.createDirectories(dir);
        for (int year = FIRST.year(); year <= LAST.year(); year++) {
            try (Writer out = Files.newBufferedWriter(dir.resolve(year + ".csv"), StandardCharsets.UTF_8)) {
                out.write("gemeentecode;inwoners_totaal;inwoners_0_17;bron\n");
                for (SyntheticCountry.Gemeente g : country.gemeenten()) {
                    long inwoners = SyntheticCountry.inwonersIn(g.inwoners(), year, g);
                    long jeugd = SyntheticCountry.inwonersIn(g.jeugd(), year, g);
                    out.write(g.municipality().code() + ";" + inwoners + ";" + jeugd + ";" + SYNTHETIC_LABEL + "\n");
                }
            }
        }
        Files.writeString(
                dir.resolve("LEESMIJ-SYNTHETISCH.txt"),
                String.join(
                        "\n",
                        List.of(
                                "SYNTHETISCHE BEVOLKINGSCIJFERS - GEEN CBS-GEGEVENS",
                                "",
                                "Deze bestanden zijn gemaakt door './jeugdspiegel generate' (seed " + seed + ", schaal "
                                        + scale + ").",
                                "De aantallen zijn verzonnen: grote gemeenten hebben een afgeronde orde van grootte, alle andere",
                                "zijn willekeurig getrokken. Gebruik ze nooit voor beleid. Echte cijfers: CBS StatLine (bevolking",
                                "op 1 januari per gemeente, 0 tot 18 jaar), door de beheerder te plaatsen in reference/bevolking/.",
                                "")),
                StandardCharsets.UTF_8);
    }
}
