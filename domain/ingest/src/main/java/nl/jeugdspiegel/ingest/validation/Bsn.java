package nl.jeugdspiegel.ingest.validation;

/** The burgerservicenummer: 9 digits (8 get a leading zero) that pass the eleven-test. */
public final class Bsn {

    private Bsn() {}

    /** The 9-digit form, or null when the text is not 8 or 9 digits. */
    public static String normalise(String text) {
        int length = text.length();
        if (length != 8 && length != 9) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return length == 8 ? "0" + text : text;
    }

    /**
     * The eleven-test (elfproef): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. The all-zero number
     * passes the arithmetic but is not a BSN and is refused.
     */
    public static boolean passesElfproef(String bsn9) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn9.charAt(i) - '0');
        }
        int last = bsn9.charAt(8) - '0';
        sum -= last;
        return sum % 11 == 0 && !"000000000".equals(bsn9);
    }
}
