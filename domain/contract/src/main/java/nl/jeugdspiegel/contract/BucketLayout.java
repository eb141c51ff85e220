package nl.jeugdspiegel.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.Periode;

/**
 * Every key of the data bucket (docs/contract.md §1), in one place: what a municipality uploads, the receipts and
 * quarantine that mirror an upload, the lake, the reference data, and what the indicators stage hands to the report.
 * The stages, the local runner, the generator, the DuckDB oracle and the benchmarks build and parse keys only here.
 * The site has a bucket of its own; locally it is the data folder's {@link #SITE} prefix.
 *
 * <pre>
 * uploads/{gemeentecode}/{periode}/{naam}.csv|zip        a delivery (the ingest trigger)
 * receipts/{gemeentecode}/{periode}/{naam}.json|html     its receipt, machine and readable
 * receipts/{gemeentecode}/overlap/{periode}.json         the municipality's private woonplaatsbeginsel overlap
 * quarantine/{gemeentecode}/{periode}/{naam}.csv|zip     a rejected delivery, kept
 * lake/trajecten/periode={P}/gemeente={G}/part-00000.parquet   the delivery in force (the indicators trigger)
 * lake/wachtend/periode={P}/gemeente={G}/part-00000.parquet    who waits, from iJw messages
 * reference/bevolking/{jaar}.csv                          population 0–17 per gemeente
 * reference/productcodes/{gemeentecode}.csv               a municipality's product mapping (iJw)
 * reference/aanbieders.csv                                the provider register (AGB, naam)
 * indicators/periode={P}/indicators.csv|parquet           the exact table of P
 * indicators/periode={P}/signalen.csv|parquet, overdispersie.csv
 * indicators/manifest.json                                the hand-off to the report (the report trigger)
 * </pre>
 */
public final class BucketLayout {

    public static final String UPLOADS = "uploads/";
    public static final String RECEIPTS = "receipts/";
    public static final String QUARANTINE = "quarantine/";
    public static final String LAKE = "lake/";
    public static final String LAKE_TRAJECTEN = LAKE + "trajecten/";
    public static final String LAKE_WACHTEND = LAKE + "wachtend/";
    /** The one object of a lake partition. */
    public static final String PART_FILE = "part-00000.parquet";

    public static final String REFERENCE = "reference/";
    public static final String POPULATION = REFERENCE + "bevolking/";
    public static final String PRODUCT_MAPPINGS = REFERENCE + "productcodes/";
    /** The optional provider register: AGB code and name per provider. */
    public static final String PROVIDER_REGISTER = REFERENCE + "aanbieders.csv";

    public static final String INDICATORS = "indicators/";
    public static final String MANIFEST = INDICATORS + "manifest.json";

    /** Where the local runner publishes the site, inside the data folder (in AWS: the site bucket's root). */
    public static final String SITE = "site/";

    /** The folder, next to the receipts of a periode, of receipts that a newer delivery of the same key keeps out of the way. */
    public static final String EARLIER_VERSIONS = "eerdere-versies/";

    /**
     * Where the receipt (and the quarantined copy) of an upload whose key is not plain goes (contract v1.3 §1):
     * {@code receipts/{gemeentecode}/_ongeldig/{sha256 of the key}.json}, or {@code receipts/_ongeldig/…} when the key
     * names no known municipality. No plain key maps there: a periode is never {@code _ongeldig}.
     */
    public static final String INVALID = "_ongeldig/";

    /**
     * The longest name of an upload: 200 characters (contract v1.3 §1), and at most 200 bytes in UTF-8, so that the
     * receipt, its page and the quarantined copy also fit a file system's 255-byte name (the local runner's store).
     */
    public static final int MAX_NAME = 200;

    private static final Pattern GEMEENTECODE = Pattern.compile("GM\\d{4}");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern POPULATION_FILE = Pattern.compile(Pattern.quote(POPULATION) + "(\\d{4})\\.csv");
    private static final Pattern TRAJECTEN_KEY =
            Pattern.compile(Pattern.quote(LAKE_TRAJECTEN) + "periode=([^/]+)/gemeente=(GM\\d{4})/([^/]+)");
    private static final Pattern TABLE =
            Pattern.compile(Pattern.quote(INDICATORS) + "periode=([^/]+)/indicators\\.(csv|parquet)");

    private BucketLayout() {}

    /** The prefixes of the bucket: what the local runner's S3 server serves (contract v1.3 §7). */
    public static final List<String> PREFIXES =
            List.of(UPLOADS, RECEIPTS, QUARANTINE, LAKE, INDICATORS, SITE, REFERENCE);

    /**
     * May the local runner's S3 server serve this key? Only under one of {@link #PREFIXES}, and without a {@code .}
     * or {@code ..} segment (which a server on a folder would resolve): so the folder's other files, such as a
     * pseudonym key, are never handed out or replaced.
     */
    public static boolean served(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith)
                && Arrays.stream(key.split("/", -1)).noneMatch(s -> s.equals(".") || s.equals(".."));
    }

    // uploads and what mirrors them

    public static boolean isUpload(String key) {
        return key.startsWith(UPLOADS);
    }

    /**
     * Is this upload key plain: {@code uploads/{GM####}/{JJJJH1|H2}/{naam}} with a plain name (not empty, not
     * {@code .} or {@code ..}, no control characters, at most {@link #MAX_NAME} characters and bytes) and a gemeentecode
     * that {@code knownGemeente} knows? Only a plain key has its receipt beside the others of its periode.
     */
    public static boolean plain(String uploadKey, Predicate<String> knownGemeente) {
        String[] parts = uploadKey.split("/", -1);
        return parts.length == 4
                && parts[0].equals("uploads")
                && GEMEENTECODE.matcher(parts[1]).matches()
                && knownGemeente.test(parts[1])
                && Periode.tryParse(parts[2]).isPresent()
                && plainName(parts[3]);
    }

    /** A name without folders: not empty, not a dot segment, no control characters, at most {@link #MAX_NAME}. */
    public static boolean plainName(String name) {
        return !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.length() <= MAX_NAME
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME
                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /**
     * The receipt of an upload. A plain key ({@link #plain}): {@code uploads/X/Y/naam.csv} → {@code
     * receipts/X/Y/naam.json}; any other name gets {@code .json} added ({@code naam.zip} → {@code naam.zip.json}). A
     * CSV whose name without {@code .csv} itself ends in {@code .csv} or {@code .zip} keeps its {@code .csv} ({@code
     * x.zip.csv} → {@code x.zip.csv.json}), so no two uploads share a receipt. Any other key: {@code
     * receipts/{gemeentecode}/_ongeldig/{sha256}.json} ({@link #INVALID}), so no upload key can make a receipt land on
     * another output.
     */
    public static String receipt(String uploadKey, Predicate<String> knownGemeente) {
        if (!plain(uploadKey, knownGemeente)) {
            return invalid(RECEIPTS, uploadKey, knownGemeente) + ".json";
        }
        String rest = uploadKey.substring(UPLOADS.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            String base = lower.substring(0, lower.length() - ".csv".length());
            if (!base.endsWith(".csv") && !base.endsWith(".zip")) {
                rest = rest.substring(0, rest.length() - ".csv".length());
            }
        }
        return RECEIPTS + rest + ".json";
    }

    /**
     * Where the receipt of an older delivery of the same key goes when the receipt key already holds a newer
     * delivery's receipt (docs/contract.md §1): {@code receipts/X/Y/eerdere-versies/naam@20240105T101500000Z.json},
     * by event time, plus a short hash of the object version when there is one.
     */
    public static String earlierVersionReceipt(
            String uploadKey, Predicate<String> knownGemeente, Instant eventTime, String versionId) {
        String receipt = receipt(uploadKey, knownGemeente);
        int slash = receipt.lastIndexOf('/');
        String name = receipt.substring(slash + 1, receipt.length() - ".json".length());
        String version = versionId == null || versionId.isEmpty()
                ? ""
                : "-"
                        + Hashes.sha256Hex(versionId.getBytes(StandardCharsets.UTF_8))
                                .substring(0, 8);
        return receipt.substring(0, slash + 1) + EARLIER_VERSIONS + name + "@" + STAMP.format(eventTime) + version
                + ".json";
    }

    /** The key of the readable receipt beside a receipt's JSON: {@code ….json} → {@code ….html}. */
    public static String receiptPage(String receiptKey) {
        if (!receiptKey.endsWith(".json")) {
            throw new IllegalArgumentException("not a receipt key: " + receiptKey);
        }
        return receiptKey.substring(0, receiptKey.length() - ".json".length()) + ".html";
    }

    /**
     * {@code uploads/X/Y/naam.csv|zip} → {@code quarantine/X/Y/naam.csv|zip} for a plain key; any other key: {@code
     * quarantine/{gemeentecode}/_ongeldig/{sha256}}.
     */
    public static String quarantine(String uploadKey, Predicate<String> knownGemeente) {
        return plain(uploadKey, knownGemeente)
                ? QUARANTINE + uploadKey.substring(UPLOADS.length())
                : invalid(QUARANTINE, uploadKey, knownGemeente);
    }

    /** {@code {prefix}{gemeentecode}/_ongeldig/{sha256}}, or {@code {prefix}_ongeldig/{sha256}} without a known one. */
    private static String invalid(String prefix, String uploadKey, Predicate<String> knownGemeente) {
        String[] parts = uploadKey.split("/", -1);
        String hash = Hashes.sha256Hex(uploadKey.getBytes(StandardCharsets.UTF_8));
        boolean gemeente = parts.length > 1 && GEMEENTECODE.matcher(parts[1]).matches() && knownGemeente.test(parts[1]);
        return prefix + (gemeente ? parts[1] + "/" : "") + INVALID + hash;
    }

    /**
     * A municipality's private overlap file of one periode (woonplaatsbeginsel, {@code dubbel_geleverd}):
     * {@code receipts/{gemeentecode}/overlap/{periode}.json}, beside its receipts, readable only by that municipality.
     */
    public static String overlap(String gemeentecode, Periode periode) {
        return RECEIPTS + gemeentecode + "/overlap/" + periode + ".json";
    }

    // the lake

    /** {@code lake/trajecten/periode=2024H1/gemeente=GM0363/part-00000.parquet} */
    public static String trajecten(Periode periode, String gemeentecode) {
        return trajectenPartition(periode, gemeentecode) + PART_FILE;
    }

    /** {@code lake/trajecten/periode=2024H1/gemeente=GM0363/} */
    public static String trajectenPartition(Periode periode, String gemeentecode) {
        return LAKE_TRAJECTEN + "periode=" + periode + "/gemeente=" + gemeentecode + "/";
    }

    /** {@code lake/wachtend/periode=2026H1/gemeente=GM0363/part-00000.parquet} */
    public static String wachtend(Periode periode, String gemeentecode) {
        return LAKE_WACHTEND + "periode=" + periode + "/gemeente=" + gemeentecode + "/" + PART_FILE;
    }

    /** Where a lake key points: its partition and file name. */
    public record Partition(Periode periode, String gemeentecode, String file) {}

    /** The partition of {@code lake/trajecten/periode=P/gemeente=G/file}; empty for any other key. */
    public static Optional<Partition> partitionOf(String key) {
        Matcher m = TRAJECTEN_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Periode.tryParse(m.group(1)).map(p -> new Partition(p, m.group(2), m.group(3)));
    }

    /** The partition of a trajecten part file ({@link #PART_FILE}), the only object the lake holds per partition. */
    public static Optional<Partition> partFileOf(String key) {
        return partitionOf(key).filter(p -> p.file().equals(PART_FILE));
    }

    /** The partition of a wachtend part file; empty for any other key. */
    public static Optional<Partition> wachtendPartFileOf(String key) {
        return key.startsWith(LAKE_WACHTEND)
                ? partFileOf(LAKE_TRAJECTEN + key.substring(LAKE_WACHTEND.length()))
                : Optional.empty();
    }

    // reference data

    /** {@code reference/bevolking/2024.csv} */
    public static String population(int year) {
        return POPULATION + year + ".csv";
    }

    /** The year of a population file's key; empty for any other key. */
    public static Optional<Integer> populationYear(String key) {
        Matcher m = POPULATION_FILE.matcher(key);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** {@code reference/productcodes/GM0363.csv} */
    public static String productMapping(String gemeentecode) {
        return PRODUCT_MAPPINGS + gemeentecode + ".csv";
    }

    // the indicators stage's tables

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
            return indicatorTable(periode, format);
        }
    }

    /** {@code indicators/periode=2024H1/}: everything the indicators stage writes for one periode. */
    public static String indicatorsPeriode(Periode periode) {
        return INDICATORS + "periode=" + periode + "/";
    }

    /** {@code indicators/periode=2024H1/indicators.csv} */
    public static String indicatorTable(Periode periode, Format format) {
        return indicatorsPeriode(periode) + "indicators." + format.extension;
    }

    /** {@code indicators/periode=2024H1/signalen.csv} (or {@code .parquet}): the signals of indicators v1.2. */
    public static String signals(Periode periode, Format format) {
        return indicatorsPeriode(periode) + "signalen." + format.extension;
    }

    /** {@code indicators/vooruitblik/vooruitblik.csv} (or {@code .parquet}): the forecasts (indicators v1.3). */
    public static String vooruitblik(Format format) {
        return "indicators/vooruitblik/vooruitblik." + format.extension;
    }

    /** {@code indicators/vooruitblik/backtest.csv}: how the forecasts did on the lake's own history. */
    public static String backtest() {
        return "indicators/vooruitblik/backtest.csv";
    }

    /** {@code indicators/periode=2024H1/overdispersie.csv}: φ and τ² per niveau and indicator. */
    public static String dispersion(Periode periode) {
        return indicatorsPeriode(periode) + "overdispersie.csv";
    }

    /** The indicator table a key names; empty for any other key (the manifest, a folder marker, a foreign object). */
    public static Optional<Table> indicatorTableOf(String key) {
        Matcher m = TABLE.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        Format format = m.group(2).equals("csv") ? Format.CSV : Format.PARQUET;
        return Periode.tryParse(m.group(1)).map(p -> new Table(p, format));
    }
}
