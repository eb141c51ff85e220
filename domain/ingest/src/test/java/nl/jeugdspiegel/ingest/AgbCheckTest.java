package nl.jeugdspiegel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdspiegel.core.lake.LakeProfile;
import org.junit.jupiter.api.Test;

/** When the receipt calls a delivery's AGB column implausible (indicators v1.3). */
class AgbCheckTest {

    /** A profile of jeugdhulp rows only: rows, rows with an AGB, distinct AGBs, rows unknown to the register. */
    private static LakeProfile profile(long jhRows, long withAgb, long agbs, long unknown) {
        return new LakeProfile(jhRows, jhRows, 0, jhRows, 0, 0, withAgb, 0, 0, 0, 0, 0, 0, agbs, unknown);
    }

    @Test
    void aFewProvidersForManyRowsIsPlausible() {
        assertEquals(List.of(), AgbCheck.warnings(profile(1_000, 950, 40, -1)));
        assertEquals(List.of(), AgbCheck.warnings(profile(1_000, 950, 40, 100)), "most codes known");
    }

    @Test
    void moreDistinctCodesThanHalfTheRowsIsAClientNumber() {
        List<String> warnings = AgbCheck.warnings(profile(1_000, 1_000, 501, -1));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("501 verschillende codes bij 1000 regels jeugdhulp"), warnings.get(0));
        assertEquals(List.of(), AgbCheck.warnings(profile(1_000, 1_000, 500, -1)), "exactly half is not more");
    }

    @Test
    void mostlyUnknownToTheRegisterWarnsOnlyWithARegister() {
        List<String> warnings = AgbCheck.warnings(profile(100, 80, 5, 41));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("41 van de 80 regels"), warnings.get(0));
        assertEquals(List.of(), AgbCheck.warnings(profile(100, 80, 5, 40)));
    }

    @Test
    void aHandfulOfRowsSaysNothing() {
        assertEquals(List.of(), AgbCheck.warnings(profile(19, 19, 19, 19)));
        assertEquals(2, AgbCheck.warnings(profile(20, 20, 20, 20)).size());
    }
}
