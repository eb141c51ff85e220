package nl.jeugdspiegel.synthetic;

import java.util.SplittableRandom;

/**
 * How one municipality's system writes its CSV: the variations the contract allows (separator, BOM,
 * line ends, Dutch or ISO dates, decimal comma) and the ones spreadsheets cause (codes and BSNs without
 * their leading zero, an extra column, upper-case or reordered headers, spaces in the file name).
 */
record Dialect(
        char separator,
        boolean bom,
        boolean crlf,
        boolean dutchDates,
        boolean decimalComma,
        boolean spreadsheetNumbers,
        String extraColumn,
        HeaderStyle headerStyle,
        boolean spacedFileName) {

    enum HeaderStyle {
        LOWER,
        UPPER,
        REORDERED
    }

    static Dialect draw(SplittableRandom random) {
        char separator = random.nextDouble() < 0.7 ? ';' : ',';
        double extra = random.nextDouble();
        double style = random.nextDouble();
        return new Dialect(
                separator,
                random.nextDouble() < 0.4,
                random.nextDouble() < 0.6,
                random.nextDouble() < 0.35,
                separator == ';' && random.nextDouble() < 0.5,
                random.nextDouble() < 0.12,
                extra < 0.08 ? "dossiernummer" : extra < 0.15 ? "opmerking" : null,
                style < 0.75 ? HeaderStyle.LOWER : style < 0.9 ? HeaderStyle.UPPER : HeaderStyle.REORDERED,
                random.nextDouble() < 0.2);
    }

    String lineEnd() {
        return crlf ? "\r\n" : "\n";
    }
}
