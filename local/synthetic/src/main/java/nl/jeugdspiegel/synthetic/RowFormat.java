package nl.jeugdspiegel.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Writes upload rows in a municipality's dialect. */
final class RowFormat {

    static final List<String> COLUMNS = List.of(
            "bsn",
            "geboortedatum",
            "geslacht",
            "soort",
            "hulpvorm",
            "startdatum",
            "einddatum",
            "reden_beeindiging",
            "verwijzer",
            "aanmelddatum",
            "zonder_hulp_verder",
            "tevredenheid",
            "kosten",
            "aanbieder_agb",
            "productcategorie");
    private static final String[] SOORT = {"jeugdhulp", "jeugdbescherming", "jeugdreclassering"};
    private static final int DATE_BASE = (int) LocalDate.of(1985, 1, 1).toEpochDay();
    private static final String[] ISO = new String[20_000];
    private static final String[] DUTCH = new String[20_000];

    static {
        for (int i = 0; i < ISO.length; i++) {
            LocalDate d = LocalDate.ofEpochDay(DATE_BASE + i);
            ISO[i] = d.toString();
            DUTCH[i] = String.format(Locale.ROOT, "%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
    }

    private final Dialect dialect;
    private final List<String> order;

    RowFormat(Dialect dialect) {
        this.dialect = dialect;
        List<String> columns = new ArrayList<>(COLUMNS);
        if (dialect.extraColumn() != null) {
            columns.add(2, dialect.extraColumn());
        }
        if (dialect.headerStyle() == Dialect.HeaderStyle.REORDERED) {
            Collections.rotate(columns, 5);
        }
        this.order = columns;
    }

    String header() {
        StringBuilder b = new StringBuilder();
        for (String column : order) {
            if (b.length() > 0) {
                b.append(dialect.separator());
            }
            b.append(dialect.headerStyle() == Dialect.HeaderStyle.UPPER ? column.toUpperCase(Locale.ROOT) : column);
        }
        return b.append(dialect.lineEnd()).toString();
    }

    /** The values of one row by column name; absent values are null. */
    interface Values {
        String get(String column);
    }

    void row(StringBuilder out, Values values) {
        boolean firstField = true;
        for (String column : order) {
            if (!firstField) {
                out.append(dialect.separator());
            }
            firstField = false;
            String v = values.get(column);
            if (v != null) {
                out.append(v);
            }
        }
        out.append(dialect.lineEnd());
    }

    String date(int epochDay) {
        if (epochDay == CareHistory.NONE) {
            return null;
        }
        int i = epochDay - DATE_BASE;
        if (i >= 0 && i < ISO.length) {
            return dialect.dutchDates() ? DUTCH[i] : ISO[i];
        }
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return dialect.dutchDates()
                ? String.format(Locale.ROOT, "%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                : d.toString();
    }

    String code(int code) {
        if (code <= 0) {
            return null;
        }
        return code < 10 && !dialect.spreadsheetNumbers() ? "0" + code : Integer.toString(code);
    }

    String bsn(int bsn) {
        String nine = String.format(Locale.ROOT, "%09d", bsn);
        return dialect.spreadsheetNumbers() && nine.charAt(0) == '0' ? nine.substring(1) : nine;
    }

    static String soort(byte soort) {
        return SOORT[soort];
    }

    String kosten(long cents) {
        String text = (cents / 100) + "." + String.format(Locale.ROOT, "%02d", cents % 100);
        return dialect.decimalComma() ? text.replace('.', ',') : text;
    }
}
