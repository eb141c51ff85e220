package nl.jeugdspiegel.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdspiegel.core.Periode;

/**
 * Where the indicators stage writes (docs/contract.md §1): one table per periode in two formats, and the
 * manifest whose arrival starts the report. {@link #parse} is the inverse of {@link #table}.
 */
public final class IndicatorKeys {

    public static final String PREFIX = "indicators/";
    public static final String MANIFEST = PREFIX + "manifest.json";

    /** The two forms of a table: the same rows. */
    public enum Format {
        CSV("csv", "text/csv; charset=utf-8"),
        PARQUET("parquet", "application/vnd.apache.parquet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** A table key, parsed. */
    public record Table(Periode periode, Format format) {
        public String key() {
            return table(periode, format);
        }
    }

    private static final Pattern TABLE =
            Pattern.compile(Pattern.quote(PREFIX) + "periode=([^/]+)/indicators\\.(csv|parquet)");

    private IndicatorKeys() {}

    /** {@code indicators/periode=2024H1/indicators.csv} */
    public static String table(Periode periode, Format format) {
        return PREFIX + "periode=" + periode + "/indicators." + format.extension;
    }

    /** {@code indicators/periode=2024H1/signalen.csv} (or {@code .parquet}): the signals of indicators v1.2. */
    public static String signals(Periode periode, Format format) {
        return PREFIX + "periode=" + periode + "/signalen." + format.extension;
    }

    /** {@code indicators/periode=2024H1/overdispersie.csv}: φ and τ² per niveau and indicator. */
    /**
     * A municipality's private overlap file of one periode (woonplaatsbeginsel, {@code dubbel_geleverd}):
     * {@code receipts/{gemeentecode}/overlap/{periode}.json}, beside its receipts, readable only by that municipality.
     */
    public static String overlap(String gemeentecode, Periode periode) {
        return "receipts/" + gemeentecode + "/overlap/" + periode + ".json";
    }

    public static String dispersion(Periode periode) {
        return PREFIX + "periode=" + periode + "/overdispersie.csv";
    }

    /** The table a key names; empty for any other key (the manifest, a folder marker, a foreign object). */
    public static Optional<Table> parse(String key) {
        Matcher m = TABLE.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        Format format = m.group(2).equals("csv") ? Format.CSV : Format.PARQUET;
        return Periode.tryParse(m.group(1)).map(p -> new Table(p, format));
    }
}
