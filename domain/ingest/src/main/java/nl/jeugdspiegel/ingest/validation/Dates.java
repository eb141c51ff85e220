package nl.jeugdspiegel.ingest.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Upload dates: ISO {@code YYYY-MM-DD} or Dutch {@code DD-MM-YYYY} (day and month may have one digit,
 * as spreadsheets write them). Impossible dates such as 31-02-2024 are refused, and so are dates
 * outside 1900–2100.
 */
public final class Dates {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    private Dates() {}

    /** The date, or null when the text is not a valid date in one of the two forms. */
    public static LocalDate parse(String text) {
        int length = text.length();
        if (length == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            return of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }
        int first = text.indexOf('-');
        int second = first < 0 ? -1 : text.indexOf('-', first + 1);
        if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || length - second != 5) {
            return null;
        }
        return of(digits(text, second + 1, length), digits(text, first + 1, second), digits(text, 0, first));
    }

    private static LocalDate of(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The number written by {@code text[from, to)}, or -1 when that is not all digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
