package nl.jeugdspiegel.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the instroomcohorten should find in the demo (issue 27): some municipalities end jeugdhulp sooner and see more
 * returns. On 4,000 drawn municipalities, about {@link Traits#SHORT_CARE} of them have short care (duration factor
 * 0.55) and their re-entry rate is higher than the others'.
 */
class TraitsTest {

    @Test
    void someMunicipalitiesEndCareSoonerAndSeeMoreReturns() {
        SplittableRandom random = new SplittableRandom(42);
        int shortCare = 0;
        double shortRelapse = 0;
        double otherRelapse = 0;
        int n = 4_000;
        for (int i = 0; i < n; i++) {
            Traits t = Traits.draw(random);
            if (t.durationFactor() == 0.55) {
                shortCare++;
                shortRelapse += t.relapse();
            } else {
                otherRelapse += t.relapse();
                assertTrue(t.durationFactor() > 0.6 && t.durationFactor() < 1.6, "others near 1: " + t);
            }
        }
        assertEquals(Traits.SHORT_CARE, (double) shortCare / n, 0.02);
        assertTrue(shortRelapse / shortCare > 1.5 * otherRelapse / (n - shortCare), "more returns after short care");
    }
}
