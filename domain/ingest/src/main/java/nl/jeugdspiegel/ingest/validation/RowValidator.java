package nl.jeugdspiegel.ingest.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.pseudonym.Pseudonymiser;
import nl.jeugdspiegel.ingest.ReasonCode;
import nl.jeugdspiegel.ingest.csv.Column;
import nl.jeugdspiegel.ingest.csv.Header;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks one upload row against contract §2/§3 and turns a valid row into a pseudonymised lake row.
 * A row with any error is rejected as a whole; every error found is reported. No value of the row ever
 * leaves this class other than in the returned {@link Trajectory} (the BSN only as its pseudonym).
 */
public final class RowValidator {

    /** Kosten must fit DECIMAL(12,2). */
    private static final BigDecimal MAX_KOSTEN = new BigDecimal("9999999999.99");

    private final Header header;
    private final int firstDay;
    private final int lastDay;
    private final CodeRules rules;
    private final Pseudonymiser pseudonymiser;
    private final int[] index;

    public RowValidator(Header header, Periode periode, CodeRules rules, Pseudonymiser pseudonymiser) {
        this.header = header;
        this.firstDay = periode.firstEpochDay();
        this.lastDay = periode.lastEpochDay();
        this.rules = rules;
        this.pseudonymiser = pseudonymiser;
        this.index = new int[Column.values().length];
        for (Column c : Column.values()) {
            index[c.ordinal()] = header.index(c);
        }
    }

    /** The lake row, or null when the row has errors (then added to {@code errors}). */
    public Trajectory validate(CSVRecord record, List<RowError> errors) {
        if (record.size() != header.fieldCount()) {
            errors.add(new RowError(ReasonCode.KOLOMMEN_AANTAL, null));
            return null;
        }
        String bsn = bsn(record, errors);
        LocalDate geboortedatum = date(record, Column.GEBOORTEDATUM, true, errors);
        String geslacht = geslacht(record, errors);
        String soort = soort(record, errors);
        String hulpvorm = soort == null ? required(record, Column.HULPVORM, errors)
                : code(record, Column.HULPVORM, true, rules.hulpvorm(soort), errors);
        LocalDate start = date(record, Column.STARTDATUM, true, errors);
        LocalDate end = date(record, Column.EINDDATUM, false, errors);
        String reden = soort == null ? null
                : code(record, Column.REDEN_BEEINDIGING, end != null, rules.redenBeeindiging(soort), errors);
        String verwijzer = code(record, Column.VERWIJZER, Trajectory.JEUGDHULP.equals(soort),
                rules.verwijzer(), errors);
        LocalDate aanmelddatum = date(record, Column.AANMELDDATUM, false, errors);
        String zonderHulpVerder = code(record, Column.ZONDER_HULP_VERDER, false, rules.zonderHulpVerder(), errors);
        int tevredenheid = tevredenheid(record, errors);
        long kostenCent = kosten(record, errors);
        String agb = agb(record, errors);
        String productcategorie = code(record, Column.PRODUCTCATEGORIE, false, rules.productcategorie(), errors);

        if (start != null) {
            if (end != null && end.isBefore(start)) {
                errors.add(new RowError(ReasonCode.EINDE_VOOR_START, Column.EINDDATUM));
            }
            if (aanmelddatum != null && aanmelddatum.isAfter(start)) {
                errors.add(new RowError(ReasonCode.AANMELDING_NA_START, Column.AANMELDDATUM));
            }
            if (geboortedatum != null && geboortedatum.isAfter(start)) {
                errors.add(new RowError(ReasonCode.DATUM_ONGELDIG, Column.GEBOORTEDATUM));
            }
            long startDay = start.toEpochDay();
            boolean active = startDay <= lastDay && (end == null || end.toEpochDay() >= firstDay);
            if (!active && (end == null || !end.isBefore(start))) {
                errors.add(new RowError(ReasonCode.BUITEN_PERIODE, null));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Trajectory(pseudonymiser.pseudonym(bsn), geboortedatum.getYear(), ageAt(geboortedatum, start),
                geslacht, soort, hulpvorm, (int) start.toEpochDay(), end == null ? Trajectory.NO_DATE
                : (int) end.toEpochDay(), reden, verwijzer,
                aanmelddatum == null ? Trajectory.NO_DATE : (int) aanmelddatum.toEpochDay(),
                zonderHulpVerder, tevredenheid, kostenCent, agb, productcategorie);
    }

    static int ageAt(LocalDate birth, LocalDate date) {
        int age = date.getYear() - birth.getYear();
        if (date.getMonthValue() < birth.getMonthValue()
                || (date.getMonthValue() == birth.getMonthValue() && date.getDayOfMonth() < birth.getDayOfMonth())) {
            age--;
        }
        return age;
    }

    /** The trimmed value, or "" when empty or when the header lacks the column. */
    private String value(CSVRecord record, Column column) {
        int i = index[column.ordinal()];
        return i < 0 ? "" : record.get(i).strip();
    }

    private String required(CSVRecord record, Column column, List<RowError> errors) {
        String v = value(record, column);
        if (v.isEmpty()) {
            errors.add(new RowError(ReasonCode.VERPLICHT_LEEG, column));
            return null;
        }
        return v;
    }

    private String bsn(CSVRecord record, List<RowError> errors) {
        String raw = required(record, Column.BSN, errors);
        if (raw == null) {
            return null;
        }
        String bsn = Bsn.normalise(raw);
        if (bsn == null) {
            errors.add(new RowError(ReasonCode.BSN_ONGELDIG, Column.BSN));
            return null;
        }
        if (!Bsn.passesElfproef(bsn)) {
            errors.add(new RowError(ReasonCode.BSN_ELFPROEF, Column.BSN));
            return null;
        }
        return bsn;
    }

    /** COD046 codes are single digits: no leading zero is added. */
    private String geslacht(CSVRecord record, List<RowError> errors) {
        String raw = required(record, Column.GESLACHT, errors);
        if (raw != null && !CodeRules.GESLACHT.contains(raw)) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, Column.GESLACHT));
            return null;
        }
        return raw;
    }

    private String soort(CSVRecord record, List<RowError> errors) {
        String raw = required(record, Column.SOORT, errors);
        if (raw == null) {
            return null;
        }
        String soort = raw.toLowerCase(Locale.ROOT);
        if (!CodeRules.SOORTEN.contains(soort)) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, Column.SOORT));
            return null;
        }
        return soort;
    }

    private String code(CSVRecord record, Column column, boolean mandatory, java.util.Set<String> valid,
                        List<RowError> errors) {
        String raw = value(record, column);
        if (raw.isEmpty()) {
            if (mandatory) {
                errors.add(new RowError(ReasonCode.VERPLICHT_LEEG, column));
            }
            return null;
        }
        String code = CodeRules.normaliseCode(raw);
        if (!valid.contains(code)) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, column));
            return null;
        }
        return code;
    }

    private LocalDate date(CSVRecord record, Column column, boolean mandatory, List<RowError> errors) {
        String raw = value(record, column);
        if (raw.isEmpty()) {
            if (mandatory) {
                errors.add(new RowError(ReasonCode.VERPLICHT_LEEG, column));
            }
            return null;
        }
        LocalDate date = Dates.parse(raw);
        if (date == null) {
            errors.add(new RowError(ReasonCode.DATUM_ONGELDIG, column));
        }
        return date;
    }

    private int tevredenheid(CSVRecord record, List<RowError> errors) {
        String raw = value(record, Column.TEVREDENHEID);
        if (raw.isEmpty()) {
            return Trajectory.NO_SCORE;
        }
        int score = raw.length() <= 2 ? (int) parseDigits(raw) : -1;
        if (score < 1 || score > 10) {
            errors.add(new RowError(ReasonCode.WAARDE_BUITEN_BEREIK, Column.TEVREDENHEID));
            return Trajectory.NO_SCORE;
        }
        return score;
    }

    /**
     * Euros with {@code .} or {@code ,} as the decimal separator and no thousands separator; more than
     * two decimals are rounded half-up to cents.
     */
    private long kosten(CSVRecord record, List<RowError> errors) {
        String raw = value(record, Column.KOSTEN);
        if (raw.isEmpty()) {
            return Trajectory.NO_AMOUNT;
        }
        int comma = raw.indexOf(',');
        String text = raw;
        if (comma >= 0) {
            if (raw.indexOf('.') >= 0 || raw.indexOf(',', comma + 1) >= 0) {
                errors.add(new RowError(ReasonCode.WAARDE_BUITEN_BEREIK, Column.KOSTEN));
                return Trajectory.NO_AMOUNT;
            }
            text = raw.replace(',', '.');
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            errors.add(new RowError(ReasonCode.WAARDE_BUITEN_BEREIK, Column.KOSTEN));
            return Trajectory.NO_AMOUNT;
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_KOSTEN) > 0 || text.indexOf('e') >= 0
                || text.indexOf('E') >= 0) {
            errors.add(new RowError(ReasonCode.WAARDE_BUITEN_BEREIK, Column.KOSTEN));
            return Trajectory.NO_AMOUNT;
        }
        return amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    private String agb(CSVRecord record, List<RowError> errors) {
        String raw = value(record, Column.AANBIEDER_AGB);
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.length() != 8 || parseDigits(raw) < 0) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, Column.AANBIEDER_AGB));
            return null;
        }
        return raw;
    }

    private static long parseDigits(String text) {
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
