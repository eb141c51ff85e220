package nl.jeugdspiegel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodeTest {

    @Test
    void parsesHalfYearsAndKnowsTheirDays() {
        Periode h1 = Periode.parse("2024H1");
        assertEquals(LocalDate.of(2024, 1, 1), h1.firstDay());
        assertEquals(LocalDate.of(2024, 6, 30), h1.lastDay());
        Periode h2 = Periode.parse("2024H2");
        assertEquals(LocalDate.of(2024, 7, 1), h2.firstDay());
        assertEquals(LocalDate.of(2024, 12, 31), h2.lastDay());
        assertEquals(h2, h1.next());
        assertEquals(Periode.parse("2025H1"), h2.next());
        assertEquals(h2, Periode.parse("2025H1").previous());
        assertEquals("2024H2", h2.toString());
    }

    @Test
    void rejectsWhatIsNotAPeriode() {
        assertTrue(Periode.tryParse("2024H3").isEmpty());
        assertTrue(Periode.tryParse("2024h1").isEmpty());
        assertTrue(Periode.tryParse("2024").isEmpty());
        assertTrue(Periode.tryParse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Periode.parse("24H1"));
    }

    @Test
    void rangesAndContainment() {
        assertEquals(
                10,
                Periode.range(Periode.parse("2021H1"), Periode.parse("2025H2")).size());
        assertEquals(Periode.parse("2023H2"), Periode.containing(LocalDate.of(2023, 7, 1)));
        assertTrue(Periode.parse("2023H1").contains(LocalDate.of(2023, 6, 30)));
    }
}
