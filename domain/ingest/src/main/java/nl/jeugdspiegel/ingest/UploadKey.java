package nl.jeugdspiegel.ingest;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** The Jeugdwet took effect on 1 January 2015; no earlier periode exists. */
    public static final Periode FIRST_PERIODE = new Periode(2015, 1);

    private static final Pattern GEMEENTECODE = Pattern.compile("GM\\d{4}");

    /** A parsed key, or why the key is refused. */
    public record Parsed(UploadKey key, FileProblem problem) {}

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
}
