package nl.jeugdspiegel.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowValidatorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|0",
                "12|1200",
                "12.5|1250",
                "12,5|1250",
                "1234.56|123456",
                "0,99|99",
                "0.005|1",
                "0.004|0",
                "9999999999.99|999999999999",
                ".5|50",
                "12.|-1",
                "-5|-1",
                "1.234,50|-1",
                "1,234.50|-1",
                "€12|-1",
                "12 50|-1",
                "1e3|-1",
                "99999999999|-1",
                "abc|-1",
                ".|-1",
                ",|-1"
            })
    void parsesEurosToCents(String text, long cents) {
        assertEquals(cents, RowValidator.parseCents(text));
    }

    @ParameterizedTest
    @CsvSource({
        "2010-06-15, 2024-06-14, 13",
        "2010-06-15, 2024-06-15, 14",
        "2012-02-29, 2024-02-28, 11",
        "2012-02-29, 2024-02-29, 12"
    })
    void ageInWholeYears(LocalDate birth, LocalDate at, int age) {
        assertEquals(age, RowValidator.ageAt(birth, at));
    }
}
