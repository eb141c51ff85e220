package nl.jeugdspiegel.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidatingReaderTest {

    @Test
    void scanSaysBlankInvalidOrLineBreaks() {
        assertEquals(ValidatingReader.BLANK, ValidatingReader.scan(List.of("", " ", "\t")));
        assertEquals(ValidatingReader.BLANK, ValidatingReader.scan(List.of("\r\n", "\u2003")));
        assertEquals(0, ValidatingReader.scan(List.of("", "\u00A0"))); // a no-break space is not blank
        assertEquals(0, ValidatingReader.scan(List.of("\u0001")));
        assertEquals(ValidatingReader.INVALID_TEXT, ValidatingReader.scan(List.of("12", "caf\uFFFD")));
        assertEquals(ValidatingReader.INVALID_TEXT, ValidatingReader.scan(List.of("a\0b", "")));
        assertEquals(0, ValidatingReader.scan(List.of("611453290", "2014-12-29", "1")));
        assertEquals(3, ValidatingReader.scan(List.of("a\r\nb", "c\rd\ne", "f")));
        // the end of the file swallowed by an unclosed quote is not another line
        assertEquals(1, ValidatingReader.scan(List.of("a\nb", "rest of the file\n")));
        assertEquals(1, ValidatingReader.scan(List.of("x\ny", "rest\r")));
    }

    /** The one pass says what the three questions it replaced said, on hostile text. */
    @Test
    void scanAgreesWithTheQuestionsAskedOneByOne() {
        char[] alphabet = {'1', 'a', ' ', '\t', '\n', '\r', '\0', '\uFFFD', '\u2003', '\u00A0', '\u0001', 'é', '\u001F'
        };
        Random random = new Random(20261207);
        for (int round = 0; round < 100_000; round++) {
            List<String> fields = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int f = 0; f < count; f++) {
                StringBuilder field = new StringBuilder();
                int length = random.nextInt(5);
                for (int i = 0; i < length; i++) {
                    field.append(alphabet[random.nextInt(random.nextBoolean() ? 4 : alphabet.length)]);
                }
                fields.add(field.toString());
            }
            assertEquals(oneByOne(fields), ValidatingReader.scan(fields), fields::toString);
            if (fields.stream()
                    .noneMatch(f -> f.indexOf('"') >= 0
                            || f.indexOf('\0') >= 0
                            || f.indexOf('\uFFFD') >= 0
                            || f.indexOf('\n') >= 0
                            || f.indexOf('\r') >= 0)) {
                // what the reader does while no quote has been read: a field can then hold no line break
                assertEquals(oneByOne(fields), ValidatingReader.blankOrNot(fields), fields::toString);
            }
        }
    }

    private static long oneByOne(List<String> fields) {
        if (fields.stream().allMatch(String::isBlank)) {
            return ValidatingReader.BLANK;
        }
        if (fields.stream().anyMatch(f -> f.indexOf('\uFFFD') >= 0 || f.indexOf('\0') >= 0)) {
            return ValidatingReader.INVALID_TEXT;
        }
        long breaks = 0;
        for (String v : fields) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        String last = fields.get(fields.size() - 1);
        if (breaks > 0 && (last.endsWith("\n") || last.endsWith("\r"))) {
            breaks--;
        }
        return breaks;
    }
}
