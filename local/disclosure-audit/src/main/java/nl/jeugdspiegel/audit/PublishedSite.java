package nl.jeugdspiegel.audit;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.Population;
import nl.jeugdspiegel.report.Disclosure;

/**
 * What the attacker reads of a published site: every figure of its downloads ({@code cijfers.csv}, and
 * {@code aanbieders.csv} when there is one), by periode, unit and indicator, and the public population per year.
 */
final class PublishedSite {

    /** One published figure, as the download has it. */
    record Figure(
            String indicator, Double value, Double low, Double high, Double teller, Double noemer, String reason) {
        boolean published() {
            return value != null;
        }
    }

    /** Units in the order of their text ({@code niveau|code}). */
    private static final java.util.Comparator<Unit> UNIT_ORDER = java.util.Comparator.comparing(Unit::toString);

    /** periode → unit → indicator → figure. */
    private final Map<Periode, Map<Unit, Map<String, Figure>>> figures = new TreeMap<>();

    private final Map<Integer, Population> populations = new TreeMap<>();

    private PublishedSite() {}

    Map<Periode, Map<Unit, Map<String, Figure>>> figures() {
        return figures;
    }

    Map<Integer, Population> populations() {
        return populations;
    }

    /** Reads the downloads and the public population of the site in {@code dir}. */
    static PublishedSite read(Path dir) throws IOException {
        PublishedSite site = new PublishedSite();
        site.readFigures(dir.resolve(BucketLayout.SITE).resolve("downloads/cijfers.csv"));
        Path providers = dir.resolve(BucketLayout.SITE).resolve("downloads/aanbieders.csv");
        if (Files.exists(providers)) {
            site.readFigures(providers);
        }
        site.readPopulations(dir);
        return site;
    }

    /** A download of the site: one figure per row. */
    private void readFigures(Path download) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(download)) {
            List<String> header = null;
            for (CsvRecord r : csv) {
                if (header == null) {
                    header = r.getFields();
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.getField(i));
                }
                Figure f = new Figure(
                        row.get("indicator"),
                        number(row.get("waarde")),
                        number(row.get("ci_laag")),
                        number(row.get("ci_hoog")),
                        number(row.get("teller")),
                        number(row.get("noemer")),
                        reason(row.get("reden")));
                figures.computeIfAbsent(Periode.parse(row.get("periode")), p -> new TreeMap<>(UNIT_ORDER))
                        .computeIfAbsent(new Unit(Niveau.of(row.get("niveau")), row.get("code")), u -> new HashMap<>())
                        .put(f.indicator(), f);
            }
        }
    }

    /**
     * The reason a download's {@code reden} names: a code (since issue 26) or, in older downloads, the sentence itself
     * (the one older sentence that is no longer a reason is the catch-all "niet beschikbaar: …").
     * Anything else stops the attack: a reason it does not know would make it reason with less than the site says.
     */
    private static String reason(String reden) {
        if (reden.isEmpty()) {
            return null;
        }
        String reason = Disclosure.reasonOfCode(reden);
        if (!Disclosure.REASONS.containsValue(reason) && !reason.startsWith(DisclosureAttack.NOT_AVAILABLE)) {
            throw new IllegalStateException("unknown reden in the downloads: " + reden);
        }
        return reason;
    }

    private void readPopulations(Path dir) throws IOException {
        Pattern year = Pattern.compile("(\\d{4})\\.csv");
        try (Stream<Path> files = Files.list(dir.resolve(BucketLayout.POPULATION))) {
            for (Path file : files.toList()) {
                Matcher m = year.matcher(file.getFileName().toString());
                if (m.matches()) {
                    int y = Integer.parseInt(m.group(1));
                    populations.put(y, Population.parse(y, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static Double number(String text) {
        return text == null || text.isEmpty() ? null : Double.valueOf(text);
    }
}
