package nl.jeugdspiegel.core.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reads the comma-separated reference files shipped under {@code /reference/} on the class path. */
final class ReferenceCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private ReferenceCsv() {}

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference file missing from the class path: " + resource);
            }
            MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + resource, e);
        }
    }
}
