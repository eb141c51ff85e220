package nl.jeugdspiegel.indicators;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The population of one year, from {@code reference/bevolking/{jaar}.csv} (docs/contract.md §4):
 * {@code gemeentecode;inwoners_totaal;inwoners_0_17} on 1 January, optionally with a {@code bron} column.
 * A file whose {@code bron} says "synthetisch" is flagged, so the report can warn.
 */
public final class Population {

    /** Inhabitants of one municipality. */
    public record Inhabitants(long totaal, long jeugd) {}

    private final int year;
    private final Map<String, Inhabitants> byGemeente;
    private final boolean synthetic;

    private Population(int year, Map<String, Inhabitants> byGemeente, boolean synthetic) {
        this.year = year;
        this.byGemeente = byGemeente;
        this.synthetic = synthetic;
    }

    public static Population parse(int year, String csv) {
        char separator = csv.indexOf(';') >= 0 ? ';' : ',';
        Map<String, Inhabitants> rows = new HashMap<>();
        boolean synthetic = false;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)) {
            List<String> header = null;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields().stream()
                            .map(h -> h.strip().toLowerCase(Locale.ROOT))
                            .toList();
                    continue;
                }
                int code = header.indexOf("gemeentecode");
                int totaal = header.indexOf("inwoners_totaal");
                int jeugd = header.indexOf("inwoners_0_17");
                int bron = header.indexOf("bron");
                if (code < 0 || totaal < 0 || jeugd < 0) {
                    throw new IllegalArgumentException("population file " + year
                            + " needs the columns gemeentecode;inwoners_totaal;inwoners_0_17");
                }
                rows.put(
                        record.getField(code).strip(),
                        new Inhabitants(
                                Long.parseLong(record.getField(totaal).strip()),
                                Long.parseLong(record.getField(jeugd).strip())));
                if (bron >= 0
                        && record.getFieldCount() > bron
                        && record.getField(bron).toLowerCase(Locale.ROOT).contains("synthetisch")) {
                    synthetic = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Population(year, Map.copyOf(rows), synthetic);
    }

    public int year() {
        return year;
    }

    public boolean synthetic() {
        return synthetic;
    }

    /** The inhabitants of a gemeente, or null when the file does not list it. */
    public Inhabitants of(String gemeentecode) {
        return byGemeente.get(gemeentecode);
    }
}
