package nl.jeugdspiegel.ingest.csv;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.lake.Verblijf;
import nl.jeugdspiegel.core.pseudonym.Pseudonymiser;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.problem.RowError;
import nl.jeugdspiegel.ingest.upload.Column;
import nl.jeugdspiegel.ingest.validation.Bsn;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import nl.jeugdspiegel.ingest.validation.Dates;

/**
 * Checks one upload row against docs/contract.md §2/§3 and turns a valid row into a pseudonymised lake row.
 * A row with any error is rejected as a whole; every error found is reported. No value of the row ever
 * leaves this class other than in the returned {@link Trajectory} (the BSN only as its pseudonym).
 */
public final class RowValidator {

    private final Header header;
    private final int firstDay;
    private final int lastDay;
    private final CodeRules rules;
    private final Pseudonymiser pseudonymiser;
    private final int[] index;
    private final boolean fromMessages;
    /** The header lacks a required column: rows are checked, none is made. */
    private final boolean checkOnly;

    /**
     * @param fromMessages the rows were reconstructed from iJw messages (docs/contract.md §2): hulpvorm may be
     *     empty, and so may a measure's reden_beeindiging (JZ588 has no counterpart for the BIJ measure codes)
     */
    public RowValidator(
            Header header, Periode periode, CodeRules rules, Pseudonymiser pseudonymiser, boolean fromMessages) {
        this.fromMessages = fromMessages;
        this.header = header;
        this.firstDay = periode.firstEpochDay();
        this.lastDay = periode.lastEpochDay();
        this.rules = rules;
        this.pseudonymiser = pseudonymiser;
        this.index = new int[Column.values().length];
        for (Column c : Column.values()) {
            index[c.ordinal()] = header.index(c);
        }
        this.checkOnly = !header.missingRequired().isEmpty();
    }

    /**
     * The lake row, or null when the row has errors (then added to {@code errors}). When the header lacks a required
     * column (the delivery is refused for that), the row is checked on the columns it has, so the one receipt names
     * every problem: the absent column is not reported again per row, and no row is made (null, no errors: the row
     * passed the checks that could run).
     */
    public Trajectory validate(List<String> record, List<RowError> errors) {
        Trajectory row = validateAll(record, errors);
        if (!checkOnly) {
            return row;
        }
        errors.removeIf(e -> e.code() == ReasonCode.VERPLICHT_LEEG
                && e.column() != null
                && index[e.column().ordinal()] < 0);
        return null;
    }

    private Trajectory validateAll(List<String> record, List<RowError> errors) {
        if (record.size() != header.fieldCount()) {
            errors.add(new RowError(ReasonCode.KOLOMMEN_AANTAL, null));
            return null;
        }
        String bsn = bsn(record, errors);
        LocalDate geboortedatum = date(record, Column.GEBOORTEDATUM, true, errors);
        String geslacht = geslacht(record, errors);
        String soort = soort(record, errors);
        String hulpvorm = soort == null
                ? required(record, Column.HULPVORM, errors)
                : code(record, Column.HULPVORM, !fromMessages, rules.hulpvorm(soort), errors);
        LocalDate start = date(record, Column.STARTDATUM, true, errors);
        LocalDate end = date(record, Column.EINDDATUM, false, errors);
        String reden = soort == null
                ? null
                : code(
                        record,
                        Column.REDEN_BEEINDIGING,
                        end != null && (!fromMessages || Trajectory.JEUGDHULP.equals(soort)),
                        rules.redenBeeindiging(soort),
                        errors);
        String verwijzer =
                code(record, Column.VERWIJZER, Trajectory.JEUGDHULP.equals(soort), rules.verwijzer(), errors);
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
        if (!errors.isEmpty() || checkOnly) {
            return null;
        }
        return new Trajectory(
                pseudonymiser.pseudonym(bsn),
                geboortedatum.getYear(),
                ageAt(geboortedatum, start),
                geslacht,
                soort,
                hulpvorm,
                (int) start.toEpochDay(),
                end == null ? Trajectory.NO_DATE : (int) end.toEpochDay(),
                reden,
                verwijzer,
                aanmelddatum == null ? Trajectory.NO_DATE : (int) aanmelddatum.toEpochDay(),
                zonderHulpVerder,
                tevredenheid,
                kostenCent,
                agb,
                productcategorie,
                Verblijf.of(soort, hulpvorm, productcategorie));
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
    private String value(List<String> record, Column column) {
        int i = index[column.ordinal()];
        return i < 0 ? "" : record.get(i).strip();
    }

    private String required(List<String> record, Column column, List<RowError> errors) {
        String v = value(record, column);
        if (v.isEmpty()) {
            errors.add(new RowError(ReasonCode.VERPLICHT_LEEG, column));
            return null;
        }
        return v;
    }

    private String bsn(List<String> record, List<RowError> errors) {
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
    private String geslacht(List<String> record, List<RowError> errors) {
        String raw = required(record, Column.GESLACHT, errors);
        if (raw == null) {
            return null;
        }
        String geslacht = CodeRules.GESLACHT.lookup(raw);
        if (geslacht == null) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, Column.GESLACHT));
        }
        return geslacht;
    }

    private String soort(List<String> record, List<RowError> errors) {
        String raw = required(record, Column.SOORT, errors);
        if (raw == null) {
            return null;
        }
        String soort = CodeRules.SOORTEN.lookup(raw.toLowerCase(Locale.ROOT));
        if (soort == null) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, Column.SOORT));
        }
        return soort;
    }

    private String code(
            List<String> record, Column column, boolean mandatory, CodeRules.Codes valid, List<RowError> errors) {
        String raw = value(record, column);
        if (raw.isEmpty()) {
            if (mandatory) {
                errors.add(new RowError(ReasonCode.VERPLICHT_LEEG, column));
            }
            return null;
        }
        String code = valid.lookup(CodeRules.normaliseCode(raw));
        if (code == null) {
            errors.add(new RowError(ReasonCode.ONBEKENDE_CODE, column));
        }
        return code;
    }

    private LocalDate date(List<String> record, Column column, boolean mandatory, List<RowError> errors) {
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

    private int tevredenheid(List<String> record, List<RowError> errors) {
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
    private long kosten(List<String> record, List<RowError> errors) {
        String raw = value(record, Column.KOSTEN);
        if (raw.isEmpty()) {
            return Trajectory.NO_AMOUNT;
        }
        long cents = parseCents(raw);
        if (cents < 0) {
            errors.add(new RowError(ReasonCode.WAARDE_BUITEN_BEREIK, Column.KOSTEN));
            return Trajectory.NO_AMOUNT;
        }
        return cents;
    }

    /** Cents of a non-negative amount, or -1 when the text is not one (or is too large for DECIMAL(12,2)). */
    static long parseCents(String text) {
        long units = 0;
        int i = 0;
        int n = text.length();
        int digits = 0;
        for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            units = units * 10 + (text.charAt(i) - '0');
            if (++digits > 10) {
                return -1;
            }
        }
        long cents = units * 100;
        if (i < n) {
            char separator = text.charAt(i++);
            if ((separator != '.' && separator != ',') || i == n) {
                return -1;
            }
            int decimals = 0;
            long fraction = 0;
            boolean roundUp = false;
            for (; i < n; i++, decimals++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                if (decimals < 2) {
                    fraction = fraction * 10 + (c - '0');
                } else if (decimals == 2) {
                    roundUp = c >= '5';
                }
            }
            if (decimals == 1) {
                fraction *= 10;
            }
            cents += fraction + (roundUp ? 1 : 0);
        }
        return digits == 0 && i <= 1 ? -1 : cents;
    }

    private String agb(List<String> record, List<RowError> errors) {
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
