package nl.jeugdspiegel.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;

/**
 * The key of an upload, {@code uploads/{gemeentecode}/{periode}/{naam}.csv} (docs/contract.md §1) or
 * {@code …/{naam}.zip} (a zip of iJw 3.2 messages), parsed and checked. Where its receipt and quarantined copy
 * go, also for keys that are not valid, is {@link BucketLayout#receipt} and {@link BucketLayout#quarantine}.
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
     * Parses and checks an upload key (contract v1.3 §1): its shape, a plain name ({@link BucketLayout#plainName}), the
     * gemeentecode against the reference list, the periode (from 2015H1 up to the current half-year) and the extension
     * ({@code .csv} or {@code .zip}, in any case).
     */
    public static Parsed parse(String key, ReferenceData reference, LocalDate today) {
        String[] parts = key.split("/", -1);
        if (Arrays.stream(parts).anyMatch(p -> p.equals(".") || p.equals(".."))) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandslocatie bevat '.' of '..' als deel; lever aan op uploads/GM####/JJJJH1/naam.csv "
                            + "zonder zulke delen. Ontvangen: " + quoted(key));
        }
        if (parts.length < 4 || !parts[0].equals("uploads")) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandslocatie moet uploads/GM####/JJJJH1/naam.csv "
                            + "of uploads/GM####/JJJJH2/naam.csv zijn (vier delen, gescheiden door /), of naam.zip voor "
                            + "iJw-berichten; ontvangen: " + quoted(key));
        }
        if (parts.length > 4) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandslocatie heeft meer dan vier delen: lever het bestand direct in de map van het halfjaar "
                            + "aan (uploads/GM####/JJJJH1/naam.csv), zonder submap, en zonder / in de naam. Ontvangen: "
                            + quoted(key));
        }
        String name = parts[3];
        if (name.isEmpty()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "er is geen bestandsnaam: de bestandslocatie eindigt op / (een map). Lever een bestand aan, "
                            + "bijvoorbeeld uploads/" + parts[1] + "/" + parts[2] + "/levering.csv");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandsnaam bevat stuurtekens (zoals een regeleinde of tab); gebruik alleen gewone tekens");
        }
        if (!BucketLayout.plainName(name)) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandsnaam is te lang (" + name.length() + " tekens, "
                            + name.getBytes(StandardCharsets.UTF_8).length + " bytes); maximaal "
                            + BucketLayout.MAX_NAME + " tekens. Kies een kortere naam");
        }
        String gemeentecode = parts[1];
        if (!GEMEENTECODE.matcher(gemeentecode).matches()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    quoted(gemeentecode)
                            + " is geen gemeentecode: verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0363");
        }
        Optional<Periode> periode = Periode.tryParse(parts[2]);
        if (periode.isEmpty()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    quoted(parts[2])
                            + " is geen periode: verwacht JJJJH1 (januari–juni) of JJJJH2 (juli–december), bijvoorbeeld 2024H1");
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
        String lower = name.toLowerCase(Locale.ROOT);
        String extension = lower.endsWith(".zip") ? ".zip" : lower.endsWith(".csv") ? ".csv" : null;
        if (extension == null) {
            int dot = name.lastIndexOf('.');
            return refused(
                    ReasonCode.BESTANDSTYPE_NIET_ONDERSTEUND,
                    (dot > 0
                                    ? "een bestand met de extensie " + quoted(name.substring(dot))
                                    : "een bestand zonder extensie")
                            + " wordt niet verwerkt: lever trajecten aan als .csv of iJw-berichten als .zip");
        }
        if (name.length() == extension.length()) {
            return refused(
                    ReasonCode.SLEUTEL_ONGELDIG,
                    "de bestandsnaam is alleen " + quoted(name) + ": geef het bestand een naam, bijvoorbeeld levering"
                            + extension);
        }
        String naam = name.substring(0, name.length() - extension.length());
        return new Parsed(new UploadKey(gemeentecode, periode.get(), naam), null);
    }

    /** A part of a key quoted for a message: at most 80 characters, control characters shown as '?'. */
    private static String quoted(String text) {
        String shown = text.codePoints()
                .map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown) + "'";
    }

    private static Parsed refused(ReasonCode code, String melding) {
        return new Parsed(null, FileProblem.of(code, melding));
    }
}
