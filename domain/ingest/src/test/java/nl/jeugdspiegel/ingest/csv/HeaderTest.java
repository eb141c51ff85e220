package nl.jeugdspiegel.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdspiegel.ingest.upload.Column;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void matchesNamesCaseAndAccentInsensitivelyInAnyOrder() {
        Header h = Header.of(List.of(
                "Startdatum",
                " BSN ",
                "Reden beëindiging",
                "soort",
                "hulpvorm",
                "geslacht",
                "geboortedatum",
                "Zonder-hulp-verder"));
        assertEquals(1, h.index(Column.BSN));
        assertEquals(0, h.index(Column.STARTDATUM));
        assertEquals(2, h.index(Column.REDEN_BEEINDIGING));
        assertEquals(7, h.index(Column.ZONDER_HULP_VERDER));
        assertEquals(-1, h.index(Column.KOSTEN));
        assertTrue(h.missingRequired().isEmpty());
    }

    @Test
    void reportsMissingAndDuplicatedColumns() {
        Header h = Header.of(List.of("bsn", "BSN", "soort"));
        assertEquals(
                List.of(Column.GEBOORTEDATUM, Column.GESLACHT, Column.HULPVORM, Column.STARTDATUM),
                h.missingRequired());
        assertEquals(List.of(Column.BSN), h.duplicated());
    }

    @Test
    void showsUnknownColumnNamesButNotValues() {
        Header h = Header.of(
                List.of("bsn", "naam", "adres", "Opmerking (intern)", "123456782", "jan@example.nl", "x".repeat(60)));
        List<String> shown = h.unknownColumnsForReceipt();
        assertEquals("naam", shown.get(0));
        assertEquals("adres", shown.get(1));
        assertEquals("Opmerking (intern)", shown.get(2));
        for (String hidden : shown.subList(3, 6)) {
            assertTrue(hidden.startsWith("(kolomnaam niet getoond"), hidden);
        }
    }
}
