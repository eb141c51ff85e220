package nl.jeugdspiegel.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource({
        "2024-02-29, 2024-02-29",
        "29-02-2024, 2024-02-29",
        "01-07-2023, 2023-07-01",
        "1-7-2023, 2023-07-01",
        "31-12-2025, 2025-12-31",
        "1900-01-01, 1900-01-01"
    })
    void readsIsoAndDutchDates(String text, LocalDate expected) {
        assertEquals(expected, Dates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "31-02-2024",
                "2023-02-29",
                "2024-13-01",
                "00-01-2024",
                "2024/01/01",
                "01/02/2024",
                "20240101",
                "2024-1-1",
                "1899-12-31",
                "2101-01-01",
                "abcd-ef-gh",
                "1-1-24",
                "",
                "2024-01-01T00:00"
            })
    void refusesImpossibleAndOtherForms(String text) {
        assertNull(Dates.parse(text));
    }
}
