package nl.jeugdspiegel.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;

/**
 * The key of an upload, {@code uploads/{gemeentecode}/{periode}/{naam}.csv} (docs/contract.md §1) or
 * {@code …/{naam}.zip} (a zip of iJw 3.2 messages), and the keys that mirror it:
 * {@code receipts/…/{naam}.json} (for a zip {@code {naam}.zip.json}, so a CSV and a zip of the same name
 * keep their own receipt) and {@code quarantine/…/{naam}.csv|zip}, also for keys that are not valid.
 */
public record UploadKey(String gemeentecode, Periode periode, String naam) {

    public static final String UPLOADS = "uploads/";
    public static final String RECEIPTS = "receipts/";
    public static final String QUARANTINE = "quarantine/";
    /** The Jeugdwet took effect on 1 January 2015; no earlier periode exists. */
    public static final Periode FIRST_PERIODE = new Periode(2015, 1);

    private static final Pattern GEMEENTECODE = Pattern.compile("GM\\d{4}");
    /** The folder, next to the receipts of a periode, of receipts that a newer delivery of the same key keeps out of the way. */
    public static final String EARLIER_VERSIONS = "eerdere-versies/";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** A parsed key, or why the key is refused. */
    public record Parsed(UploadKey key, FileProblem problem) {}

    public static boolean isUpload(String key) {
        return key.startsWith(UPLOADS);
    }

    /** Is this upload a zip of iJw messages (rather than a CSV)? */
    public static boolean isMessageZip(String key) {
        return key.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Parses and checks an upload key: its shape, the gemeentecode against the reference list, and the
     * periode (from 2015H1 up to the current half-year).
     */
    public static Parsed parse(String key, ReferenceData reference, LocalDate today) {
        String[] parts = key.split("/", -1);
        String extension = isMessageZip(key) ? ".zip" : ".csv";
        if (parts.length != 4
                || !parts[0].equals("uploads")
                || !parts[3].toLowerCase(Locale.ROOT).endsWith(extension)
                || parts[3].length() <= extension.length()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandslocatie moet uploads/GM####/JJJJH1/naam.csv "
                            + "of uploads/GM####/JJJJH2/naam.csv zijn (vier delen, gescheiden door /), of naam.zip voor "
                            + "iJw-berichten; ontvangen: " + key);
        }
        String gemeentecode = parts[1];
        if (!GEMEENTECODE.matcher(gemeentecode).matches()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "'" + gemeentecode
                            + "' is geen gemeentecode: verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0363");
        }
        Optional<Periode> periode = Periode.tryParse(parts[2]);
        if (periode.isEmpty()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "'" + parts[2]
                            + "' is geen periode: verwacht JJJJH1 (januari–juni) of JJJJH2 (juli–december), bijvoorbeeld 2024H1");
        }
        if (periode.get().compareTo(FIRST_PERIODE) < 0) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "periode " + periode.get()
                            + " ligt voor de invoering van de Jeugdwet (2015H1 is de eerste periode)");
        }
        if (periode.get().firstDay().isAfter(today)) {
            return refused(ReasonCode.SLEUTEL_ONGELDIG, "periode " + periode.get() + " is nog niet begonnen");
        }
        if (reference.municipality(gemeentecode).isEmpty()) {
            return refused(
                    ReasonCode.GEMEENTE_ONBEKEND,
                    gemeentecode + " staat niet in de gemeentelijst "
                            + "(gemeentelijke indeling 2026, 342 gemeenten); controleer de code of gebruik de code van de "
                            + "gemeente na een herindeling");
        }
        String naam = parts[3].substring(0, parts[3].length() - extension.length());
        return new Parsed(new UploadKey(gemeentecode, periode.get(), naam), null);
    }

    private static Parsed refused(ReasonCode code, String melding) {
        return new Parsed(null, FileProblem.of(code, melding));
    }

    /**
     * {@code uploads/X/Y/naam.csv} → {@code receipts/X/Y/naam.json}; any other key gets {@code .json} added
     * ({@code naam.zip} → {@code naam.zip.json}). A CSV whose name without {@code .csv} itself ends in
     * {@code .csv} or {@code .zip} keeps its {@code .csv} ({@code x.zip.csv} → {@code x.zip.csv.json}), so no
     * two uploads share a receipt: {@code x.zip} and {@code x.zip.csv} each have their own. (Only keys ending in
     * {@code .csv} or {@code .zip} reach ingest: those are the S3 triggers.)
     */
    public static String receiptKey(String uploadKey) {
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
    public static String earlierVersionReceiptKey(String uploadKey, Instant eventTime, String versionId) {
        String receipt = receiptKey(uploadKey);
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

    /** {@code uploads/X/Y/naam.csv|zip} → {@code quarantine/X/Y/naam.csv|zip} (any upload key). */
    public static String quarantineKey(String uploadKey) {
        return QUARANTINE + uploadKey.substring(UPLOADS.length());
    }
}
