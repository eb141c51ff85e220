package nl.jeugdspiegel.synthetic;

import java.util.Arrays;

/**
 * Every simulated trajectory and youth, as compact parallel arrays (millions of rows fit in a few
 * hundred megabytes). Codes are stored as their two-digit number; 0 means "none".
 */
final class CareHistory {

    static final int NONE = Integer.MIN_VALUE;
    static final byte JH = 0;
    static final byte JB = 1;
    static final byte JR = 2;

    // youths
    int youthCount;
    int[] bsn = new int[1024];
    int[] birth = new int[1024];
    byte[] sex = new byte[1024];

    // trajectories
    int size;
    int[] gemeente = new int[1024];
    int[] youth = new int[1024];
    byte[] soort = new byte[1024];
    byte[] hulpvorm = new byte[1024];
    int[] start = new int[1024];
    int[] end = new int[1024];
    byte[] reden = new byte[1024];
    byte[] verwijzer = new byte[1024];
    int[] aanmeld = new int[1024];
    byte[] zonderHulpVerder = new byte[1024];
    byte[] tevredenheid = new byte[1024];
    int[] agb = new int[1024];
    byte[] productcategorie = new byte[1024];
    float[] dailyRate = new float[1024];

    int addYouth(int bsnValue, int birthDay, byte sexCode) {
        if (youthCount == bsn.length) {
            int n = youthCount * 2;
            bsn = Arrays.copyOf(bsn, n);
            birth = Arrays.copyOf(birth, n);
            sex = Arrays.copyOf(sex, n);
        }
        bsn[youthCount] = bsnValue;
        birth[youthCount] = birthDay;
        sex[youthCount] = sexCode;
        return youthCount++;
    }

    /** Adds a trajectory; fills its fields through the returned index. */
    int addTrajectory() {
        if (size == gemeente.length) {
            int n = size * 2;
            gemeente = Arrays.copyOf(gemeente, n);
            youth = Arrays.copyOf(youth, n);
            soort = Arrays.copyOf(soort, n);
            hulpvorm = Arrays.copyOf(hulpvorm, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            reden = Arrays.copyOf(reden, n);
            verwijzer = Arrays.copyOf(verwijzer, n);
            aanmeld = Arrays.copyOf(aanmeld, n);
            zonderHulpVerder = Arrays.copyOf(zonderHulpVerder, n);
            tevredenheid = Arrays.copyOf(tevredenheid, n);
            agb = Arrays.copyOf(agb, n);
            productcategorie = Arrays.copyOf(productcategorie, n);
            dailyRate = Arrays.copyOf(dailyRate, n);
        }
        return size++;
    }
}
