package nl.jeugdspiegel.indicators;

/** Codes as the indicators handle them: numbers, with 0 for "none". */
final class Codes {

    static final byte JH = 0;
    static final byte JB = 1;
    static final byte JR = 2;

    private Codes() {}

    /** The number a code of digits writes ("01" is 1), or -1 when it is not digits. */
    static byte number(String value) {
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            int c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return (byte) n;
    }
}
