package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ratio model of the vooruitblik's cost and youths: a known trend of 2 % a half-year with the other kind of
 * half-year 5 % dearer is found back, and carried on into the half-years ahead (the first of them of the other kind).
 */
class RatioTest {

    @Test
    void aTrendAndAHalfYearEffectAreFoundAndCarriedOn() {
        double[] values = new double[6];
        double[] base = new double[6];
        for (int i = 0; i < 6; i++) {
            boolean other = (5 - i) % 2 != 0;
            base[i] = 1_000 + 10 * i;
            values[i] = base[i] * 40 * Math.exp(0.02 * (i - 5) + (other ? 0.05 : 0));
        }
        Ratio ratio = Ratio.trend(values, base);
        assertEquals(0.02, ratio.slope(), 1e-9);
        assertEquals(0.05, ratio.otherHalf(), 1e-9);
        assertEquals(Math.log(40), ratio.level(), 1e-9);
        assertEquals(0, ratio.stepSd(), 1e-9);
        double[][] ahead = ratio.times(new double[][] {{1, 1, 1, 1}}, new double[1][4], new SplittableRandom(1));
        assertEquals(40 * Math.exp(0.02 + 0.05), ahead[0][0], 1e-6);
        assertEquals(40 * Math.exp(0.04), ahead[0][1], 1e-6);
        assertEquals(40 * Math.exp(0.06 + 0.05), ahead[0][2], 1e-6);
        // with fewer than 5 half-years, no half-year effect: level and trend only
        double[] four = java.util.Arrays.copyOfRange(values, 2, 6);
        assertEquals(
                0, Ratio.trend(four, java.util.Arrays.copyOfRange(base, 2, 6)).otherHalf());
    }
}
