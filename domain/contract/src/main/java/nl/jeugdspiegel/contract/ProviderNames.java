package nl.jeugdspiegel.contract;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional provider register {@code reference/aanbieders.csv} (indicators v1.2: {@code agb;naam}, UTF-8, header):
 * the names of the provider units. A row whose AGB code is not 8 digits, or whose name is empty, is left out (its
 * provider keeps its AGB code as name); names are trimmed and cut at {@value #MAX_NAME} characters.
 */
public final class ProviderNames {

    public static final String KEY = "reference/aanbieders.csv";
    public static final int MAX_NAME = 120;

    private ProviderNames() {}

    public static Map<String, String> parse(String csv) {
        Map<String, String> names = new TreeMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(';')
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(csv.strip())) {
            boolean header = true;
            for (CsvRecord r : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                if (r.getFieldCount() < 2) {
                    continue;
                }
                String agb = r.getField(0).strip();
                String naam = r.getField(1).strip();
                if (agb.matches("[0-9]{8}") && !naam.isEmpty()) {
                    names.put(agb, naam.length() > MAX_NAME ? naam.substring(0, MAX_NAME) : naam);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable register leaves the AGB codes as names: it is a convenience, not an input of any figure
            return Map.of();
        }
        return names;
    }
}
