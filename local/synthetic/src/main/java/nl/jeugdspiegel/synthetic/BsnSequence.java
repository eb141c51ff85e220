package nl.jeugdspiegel.synthetic;

/**
 * Unique synthetic BSNs that pass the eleven-test. The 8-digit prefixes are a permutation of a counter
 * (multiplication by an odd constant modulo 10^8 is a bijection), so the numbers look random but never
 * repeat; a prefix whose check digit would be 10 is skipped.
 */
final class BsnSequence {

    private static final int MODULUS = 100_000_000;
    private static final long MULTIPLIER = 48_271_391L; // odd, not a multiple of 5: coprime to 10^8
    private long counter;

    BsnSequence(long seed) {
        this.counter = Math.floorMod(seed * 7919, MODULUS);
    }

    int next() {
        while (true) {
            int prefix = (int) ((counter++ * MULTIPLIER) % MODULUS);
            int check = checkDigit(prefix);
            if (check >= 0) {
                return prefix * 10 + check;
            }
        }
    }

    /** The ninth digit that makes {@code prefix} (8 digits) pass the eleven-test, or -1 when none does. */
    static int checkDigit(int prefix) {
        int sum = 0;
        int p = prefix;
        for (int weight = 2; weight <= 9; weight++) {
            sum += weight * (p % 10);
            p /= 10;
        }
        int check = sum % 11;
        return check == 10 || (prefix == 0 && check == 0) ? -1 : check;
    }
}
