package nl.jeugdspiegel.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456782", "111222333", "012345672", "999999990"})
    void validNumbersPassTheElfproef(String bsn) {
        assertTrue(Bsn.passesElfproef(bsn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "000000001", "000000000"})
    void invalidNumbersFailTheElfproef(String bsn) {
        assertFalse(Bsn.passesElfproef(bsn));
    }

    @Test
    void eightDigitsGetALeadingZero() {
        assertEquals("012345672", Bsn.normalise("12345672"));
        assertEquals("123456782", Bsn.normalise("123456782"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "1234567890", "12345678a", "1234 5678", "", "-12345678"})
    void onlyEightOrNineDigitsAreANumber(String text) {
        assertNull(Bsn.normalise(text));
    }
}
