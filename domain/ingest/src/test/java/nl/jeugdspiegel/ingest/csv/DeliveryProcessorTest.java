package nl.jeugdspiegel.ingest.csv;

import static nl.jeugdspiegel.ingest.TestUploads.csv;
import static nl.jeugdspiegel.ingest.TestUploads.row;
import static nl.jeugdspiegel.ingest.TestUploads.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.pseudonym.Pseudonymiser;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.TestUploads;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryProcessorTest {

    static final PseudonymKey KEY = PseudonymKey.fromSecretText("test-key-test-key-test-key-test-key!");
    static final Periode H1_2024 = Periode.parse("2024H1");

    @TempDir
    Path dir;

    private DeliveryResult process(byte[] upload) throws IOException {
        return process(upload, RejectionThreshold.DEFAULT.maxRejectedFraction());
    }

    private DeliveryResult process(byte[] upload, double threshold) throws IOException {
        Path work = Files.createTempDirectory(dir, "work");
        return new DeliveryProcessor(new CodeRules(ReferenceData.get()), KEY, new RejectionThreshold(threshold))
                .process(new ByteArrayInputStream(upload), upload.length, H1_2024, work, Map.of());
    }

    private DeliveryResult process(String upload) throws IOException {
        return process(upload.getBytes(StandardCharsets.UTF_8));
    }

    /** 40 valid rows with row 20 (line 22) changed. */
    private static String withOneBadRow(Consumer<Map<String, String>> change) {
        List<Map<String, String>> rows = rows(40);
        change.accept(rows.get(20));
        return csv(rows);
    }

    static Stream<Arguments> rowErrors() {
        return Stream.of(
                Arguments.of(ReasonCode.BSN_ONGELDIG, (Consumer<Map<String, String>>) r -> r.put("bsn", "12345")),
                Arguments.of(ReasonCode.BSN_ELFPROEF, (Consumer<Map<String, String>>) r -> r.put("bsn", "123456789")),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>) r -> r.put("hulpvorm", "21")),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>) r -> r.put("geslacht", "3")),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>) r -> r.put("verwijzer", "07")),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>) r -> r.put("soort", "wmo")),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>) r -> {
                    r.put("soort", "jeugdbescherming");
                    r.put("hulpvorm", "41"); // a jeugdreclassering measure
                }),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>)
                        r -> r.put("reden_beeindiging", "06")),
                Arguments.of(
                        ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>) r -> r.put("aanbieder_agb", "1234")),
                Arguments.of(ReasonCode.ONBEKENDE_CODE, (Consumer<Map<String, String>>)
                        r -> r.put("productcategorie", "99")),
                Arguments.of(ReasonCode.DATUM_ONGELDIG, (Consumer<Map<String, String>>)
                        r -> r.put("startdatum", "31-02-2024")),
                Arguments.of(ReasonCode.DATUM_ONGELDIG, (Consumer<Map<String, String>>)
                        r -> r.put("geboortedatum", "2024-03-01")),
                Arguments.of(ReasonCode.EINDE_VOOR_START, (Consumer<Map<String, String>>)
                        r -> r.put("einddatum", "2024-01-15")),
                Arguments.of(ReasonCode.AANMELDING_NA_START, (Consumer<Map<String, String>>)
                        r -> r.put("aanmelddatum", "2024-03-01")),
                Arguments.of(ReasonCode.WAARDE_BUITEN_BEREIK, (Consumer<Map<String, String>>)
                        r -> r.put("tevredenheid", "11")),
                Arguments.of(
                        ReasonCode.WAARDE_BUITEN_BEREIK, (Consumer<Map<String, String>>) r -> r.put("kosten", "-5")),
                Arguments.of(ReasonCode.WAARDE_BUITEN_BEREIK, (Consumer<Map<String, String>>)
                        r -> r.put("kosten", "1.234,50")),
                Arguments.of(ReasonCode.VERPLICHT_LEEG, (Consumer<Map<String, String>>) r -> r.put("verwijzer", "")),
                Arguments.of(
                        ReasonCode.VERPLICHT_LEEG, (Consumer<Map<String, String>>) r -> r.put("reden_beeindiging", "")),
                Arguments.of(ReasonCode.VERPLICHT_LEEG, (Consumer<Map<String, String>>) r -> r.put("bsn", " ")),
                Arguments.of(ReasonCode.BUITEN_PERIODE, (Consumer<Map<String, String>>) r -> {
                    r.put("startdatum", "2024-07-01");
                    r.put("einddatum", "");
                    r.put("reden_beeindiging", "");
                }),
                Arguments.of(ReasonCode.BUITEN_PERIODE, (Consumer<Map<String, String>>) r -> {
                    r.put("startdatum", "2023-02-01");
                    r.put("einddatum", "2023-12-31");
                    r.put("aanmelddatum", "");
                }),
                Arguments.of(ReasonCode.KOLOMMEN_AANTAL, (Consumer<Map<String, String>>)
                        r -> r.put("productcategorie", "45;extra")));
    }

    @ParameterizedTest
    @MethodSource("rowErrors")
    void rejectsABadRowWithItsReasonAndLine(ReasonCode expected, Consumer<Map<String, String>> change)
            throws IOException {
        String upload = withOneBadRow(change);
        if (expected == ReasonCode.KOLOMMEN_AANTAL) {
            upload = upload.replace("\"45;extra\"", "45;extra");
        }
        DeliveryResult result = process(upload);
        assertTrue(result.accepted(), "one bad row in 40 is under the 5 % threshold");
        assertEquals(40, result.report().rowsRead());
        assertEquals(1, result.report().rowsRejected());
        assertEquals(39, result.lakeRows());
        var stats = result.report().reasons().get(expected);
        assertNotNull(
                stats, "reason " + expected + " in " + result.report().reasons().keySet());
        assertEquals(List.of(22L), stats.firstLines(), "header is line 1, row 20 is line 22");
    }

    @Test
    void writesPseudonymisedRowsWithCodesAndDatesAsStored() throws IOException {
        Map<String, String> r = row(0);
        r.put("hulpvorm", "2"); // a spreadsheet ate the leading zero
        r.put("kosten", "1234,5");
        r.put("startdatum", "01-02-2024");
        DeliveryResult result = process(csv(List.of(r)));
        assertTrue(result.accepted());
        List<Trajectory> lake = LakeReader.readAll(result.lakeFile());
        assertEquals(1, lake.size());
        Trajectory t = lake.get(0);
        assertEquals(new Pseudonymiser(KEY).pseudonym(TestUploads.bsn(0)), t.client());
        assertEquals("02", t.hulpvorm());
        assertEquals(123450L, t.kostenCent());
        assertEquals(LocalDate.of(2024, 2, 1), t.start());
        assertEquals(LocalDate.of(2024, 5, 31), t.end());
        assertEquals(2012, t.geboortejaar());
        assertEquals(11, t.leeftijdStart());
        assertEquals("01", t.redenBeeindiging());
        assertEquals(8, t.tevredenheid());
    }

    @Test
    void readsEveryDialect() throws IOException {
        List<Map<String, String>> rows = rows(3);
        rows.get(0).put("startdatum", "1-2-2024");
        rows.get(1).put("kosten", "99,95");
        String semicolonCrlf = csv(';', "\r\n", TestUploads.HEADER, rows);
        String comma = csv(',', "\n", TestUploads.HEADER, rows);
        List<String> shuffled = new ArrayList<>(TestUploads.HEADER);
        Collections.reverse(shuffled);
        String reversed = csv(';', "\n", shuffled, rows);
        String upperReversed = reversed.substring(0, reversed.indexOf('\n'))
                        .toUpperCase(Locale.ROOT)
                        .replace("SOORT;", " Soort ;")
                + reversed.substring(reversed.indexOf('\n'));
        byte[] bom = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, semicolonCrlf.getBytes(StandardCharsets.UTF_8));
        List<Trajectory> expected = null;
        for (byte[] upload : List.of(
                semicolonCrlf.getBytes(StandardCharsets.UTF_8),
                comma.getBytes(StandardCharsets.UTF_8),
                upperReversed.getBytes(StandardCharsets.UTF_8),
                bom)) {
            DeliveryResult result = process(upload);
            assertTrue(result.accepted(), () -> String.valueOf(result.problem()));
            assertEquals(3, result.lakeRows());
            List<Trajectory> lake = LakeReader.readAll(result.lakeFile());
            if (expected == null) {
                expected = lake;
            }
            assertEquals(expected, lake, "every dialect gives the same lake rows");
        }
        assertEquals(999_5L, expected.get(1).kostenCent());
    }

    @Test
    void keepsLineNumbersExactAcrossQuotedNewlinesAndBlankLines() throws IOException {
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.add("opmerking");
        List<Map<String, String>> rows = rows(30);
        rows.get(0).put("opmerking", "twee\nregels");
        rows.get(1).put("opmerking", "met ; en \"quotes\"");
        rows.get(2).put("bsn", "123");
        String upload = csv(';', "\r\n", header, rows)
                .replace("\r\n" + TestUploads.bsn(5), "\r\n\r\n;;;;;;\r\n" + TestUploads.bsn(5));
        DeliveryResult result = process(upload);
        assertTrue(result.accepted());
        assertEquals(30, result.report().rowsRead(), "empty and separator-only lines are not rows");
        // line 1 header, row0 lines 2-3, row1 line 4, row2 line 5
        assertEquals(
                List.of(5L),
                result.report().reasons().get(ReasonCode.BSN_ONGELDIG).firstLines());
        assertEquals(1, result.report().multiLineRecords());
        assertEquals(List.of("opmerking"), result.droppedColumns());
    }

    /**
     * The rows are only searched for line breaks inside fields and for text that was not UTF-8 once the parser has
     * read a quote, a NUL or such text: here the first one comes far past the parser's first buffers.
     */
    @Test
    void findsQuotedNewlinesAndBadTextFarIntoALargeUpload() throws IOException {
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.add("opmerking");
        List<Map<String, String>> rows = rows(20_000);
        rows.get(15_000).put("opmerking", "twee\nregels");
        rows.get(15_001).put("bsn", "123");
        DeliveryResult quoted = process(csv(';', "\n", header, rows));
        assertTrue(quoted.accepted());
        assertEquals(1, quoted.report().multiLineRecords());
        // header line 1, rows 0-14999 on lines 2-15001, row 15000 on lines 15002-15003, row 15001 on line 15004
        assertEquals(
                List.of(15_004L),
                quoted.report().reasons().get(ReasonCode.BSN_ONGELDIG).firstLines());

        rows.get(15_000).put("opmerking", "café");
        DeliveryResult latin1 = process(csv(';', "\n", header, rows).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ReasonCode.CODERING_ONGELDIG, latin1.problem().code());
        assertEquals(15_002, latin1.problem().regel());

        rows.get(15_000).put("opmerking", "nul\0byte");
        DeliveryResult nul = process(csv(';', "\n", header, rows));
        assertEquals(ReasonCode.CODERING_ONGELDIG, nul.problem().code());
        assertEquals(15_002, nul.problem().regel());
    }

    @Test
    void unknownColumnsAreDroppedNotStored() throws IOException {
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.add("naam");
        header.add("adres");
        List<Map<String, String>> rows = rows(2);
        rows.forEach(r -> {
            r.put("naam", "Jantje Geheim");
            r.put("adres", "Dorpsstraat 1");
        });
        DeliveryResult result = process(csv(';', "\n", header, rows));
        assertTrue(result.accepted());
        assertEquals(List.of("naam", "adres"), result.droppedColumns());
        String lakeBytes = new String(Files.readAllBytes(result.lakeFile()), StandardCharsets.ISO_8859_1);
        assertFalse(lakeBytes.contains("Jantje"));
        assertFalse(lakeBytes.contains("Dorpsstraat"));
        assertFalse(lakeBytes.contains(TestUploads.bsn(0)));
    }

    @Test
    void theLastOfDuplicateKeysWinsAndIsCounted() throws IOException {
        List<Map<String, String>> rows = rows(5);
        Map<String, String> later = row(1);
        later.put("tevredenheid", "3");
        rows.add(later); // line 7 repeats row 1 (line 3)
        Map<String, String> otherStart = row(2);
        otherStart.put("startdatum", "2024-03-01");
        rows.add(otherStart); // another trajectory of youth 2: not a duplicate
        DeliveryResult result = process(csv(rows));
        assertTrue(result.accepted());
        assertEquals(7, result.report().rowsAccepted());
        assertEquals(1, result.report().duplicates());
        assertEquals(List.of(3L), result.report().duplicateLines());
        assertEquals(6, result.lakeRows());
        List<Trajectory> lake = LakeReader.readAll(result.lakeFile());
        assertEquals(6, lake.size());
        String client1 = new Pseudonymiser(KEY).pseudonym(TestUploads.bsn(1));
        assertEquals(
                List.of(3),
                lake.stream()
                        .filter(t -> t.client().equals(client1))
                        .map(Trajectory::tevredenheid)
                        .toList());
        assertEquals(
                LakeProfile.of(result.lakeFile(), H1_2024),
                result.profile(),
                "the profile counted while writing is that of the file, without the replaced row");
        assertEquals(6, result.profile().rijen());
        assertEquals(5, result.profile().jeugdigen());
    }

    /** The profile counted while the rows are written equals the one read back from the lake file, field by field. */
    @Test
    void theProfileOfTheWritingPassIsThatOfTheFile() throws IOException {
        List<Map<String, String>> rows = rows(60);
        rows.get(3).put("einddatum", "2024-05-31");
        rows.get(3).put("reden_beeindiging", "01");
        rows.get(4).put("aanbieder_agb", "");
        rows.get(5).put("kosten", "");
        rows.get(6).put("soort", "jeugdbescherming");
        rows.get(6).put("hulpvorm", "");
        DeliveryResult result = process(csv(rows));
        assertTrue(result.accepted(), String.valueOf(result.problem()));
        assertEquals(LakeProfile.of(result.lakeFile(), H1_2024), result.profile());
        assertEquals(result.lakeRows(), result.profile().rijen());
    }

    @Test
    void eightDigitBsnIsTheSameYouthAsNineDigits() throws IOException {
        Map<String, String> eight = row(0);
        eight.put("bsn", "12345672");
        Map<String, String> nine = row(0);
        nine.put("bsn", "012345672");
        nine.put("startdatum", "2024-03-01");
        List<Trajectory> lake =
                LakeReader.readAll(process(csv(List.of(eight, nine))).lakeFile());
        assertEquals(lake.get(0).client(), lake.get(1).client());
    }

    // --- file-level rejections -------------------------------------------------------------------

    @Test
    void rejectsTooManyErrorsWithAConfigurableThreshold() throws IOException {
        List<Map<String, String>> rows = rows(20);
        rows.get(3).put("bsn", "123456789");
        rows.get(4).put("bsn", "123456789");
        DeliveryResult strict = process(csv(rows).getBytes(StandardCharsets.UTF_8), 0.05);
        assertEquals(ReasonCode.TE_VEEL_FOUTEN, strict.problem().code(), "2 of 20 is 10 %");
        assertNull(strict.lakeFile());
        assertEquals(2, strict.report().rowsRejected());
        DeliveryResult lenient = process(csv(rows).getBytes(StandardCharsets.UTF_8), 0.10);
        assertTrue(lenient.accepted(), "exactly 10 % is not more than 10 %");
    }

    @Test
    void rejectsMissingAndDuplicatedColumns() throws IOException {
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.remove("geslacht");
        DeliveryResult missing = process(csv(';', "\n", header, rows(2)));
        assertEquals(ReasonCode.KOLOM_ONTBREEKT, missing.problem().code());
        assertTrue(missing.problem().melding().contains("geslacht"));
        List<String> twice = new ArrayList<>(TestUploads.HEADER);
        twice.add("BSN");
        assertEquals(
                ReasonCode.KOLOM_DUBBEL,
                process(csv(';', "\n", twice, rows(2))).problem().code());
    }

    /**
     * The file: {@code start_datum} for startdatum, a bad birth date on one row and a BSN failing the elfproef
     * on another. One read names all three: the missing column with the near miss, and both rows with their lines.
     * Nothing is written for the lake.
     */
    @Test
    void aMisspelledColumnStillHasEveryRowCheckedAndItsNearMissNamed() throws IOException {
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.set(header.indexOf("startdatum"), "start_datum");
        List<Map<String, String>> rows = rows(30);
        rows.forEach(r -> r.put("start_datum", r.get("startdatum")));
        rows.get(4).put("geboortedatum", "2010-13-45"); // line 6
        rows.get(9).put("bsn", "123456789"); // line 11
        DeliveryResult result = process(csv(';', "\n", header, rows));

        assertEquals(ReasonCode.KOLOM_ONTBREEKT, result.problem().code());
        assertTrue(
                result.problem().melding().contains("startdatum (bedoelt u start_datum?)"),
                result.problem().melding());
        assertEquals(30, result.report().rowsRead());
        assertEquals(2, result.report().rowsRejected());
        assertEquals(28, result.report().rowsAccepted());
        assertEquals(
                List.of(6L),
                result.report().reasons().get(ReasonCode.DATUM_ONGELDIG).firstLines());
        assertEquals(
                List.of(11L),
                result.report().reasons().get(ReasonCode.BSN_ELFPROEF).firstLines());
        // the absent column is the file's problem, not every row's
        assertFalse(result.report().reasons().containsKey(ReasonCode.VERPLICHT_LEEG));
        assertNull(result.lakeFile());
    }

    @Test
    void nearMissesAreSuggestedOnlyWhenClose() {
        Header header = Header.of(List.of("Start-Datum", "gebortedatum", "client_nummer", "bsn"));
        assertEquals(
                java.util.Optional.of("Start-Datum"), header.nearMiss(nl.jeugdspiegel.ingest.upload.Column.STARTDATUM));
        assertEquals(
                java.util.Optional.of("gebortedatum"),
                header.nearMiss(nl.jeugdspiegel.ingest.upload.Column.GEBOORTEDATUM));
        assertEquals(java.util.Optional.empty(), header.nearMiss(nl.jeugdspiegel.ingest.upload.Column.SOORT));
        assertEquals(3, Header.distance("soort", "client_nummer", 2));
        assertEquals(1, Header.distance("startdatum", "strtdatum", 2));
    }

    @Test
    void rejectsUnknownSeparators() throws IOException {
        DeliveryResult tabs = process(csv('\t', "\n", TestUploads.HEADER, rows(2)));
        assertEquals(ReasonCode.SCHEIDINGSTEKEN_ONBEKEND, tabs.problem().code());
        assertTrue(tabs.problem().melding().contains("tabs"));
    }

    @Test
    void rejectsEmptyFiles() throws IOException {
        assertEquals(ReasonCode.LEEG_BESTAND, process("").problem().code());
        assertEquals(ReasonCode.LEEG_BESTAND, process(csv(List.of())).problem().code());
        assertEquals(
                ReasonCode.LEEG_BESTAND,
                process(csv(List.of()) + "\n;;;\n\n").problem().code());
    }

    @Test
    void rejectsWhatIsNotUtf8Text() throws IOException {
        String text = csv(rows(3));
        assertEquals(
                ReasonCode.CODERING_ONGELDIG,
                process(text.getBytes(StandardCharsets.UTF_16)).problem().code());
        assertEquals(
                ReasonCode.CODERING_ONGELDIG,
                process(concat(new byte[] {'P', 'K', 3, 4}, new byte[100]))
                        .problem()
                        .code());
        assertEquals(
                ReasonCode.CODERING_ONGELDIG,
                process(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0})
                        .problem()
                        .code());
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.add("opmerking");
        List<Map<String, String>> rows = rows(3);
        rows.get(2).put("opmerking", "café");
        DeliveryResult latin1 = process(csv(';', "\n", header, rows).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ReasonCode.CODERING_ONGELDIG, latin1.problem().code());
        assertEquals(4, latin1.problem().regel(), "the exact line of the first non-UTF-8 byte");
    }

    @Test
    void hashesTheWholeUploadAlsoWhenRejectedEarly() throws Exception {
        byte[] upload = csv('\t', "\n", TestUploads.HEADER, rows(50)).getBytes(StandardCharsets.UTF_8);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload));
        assertEquals(expected, process(upload).sha256());
        byte[] good = csv(rows(2)).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(good)),
                process(good).sha256());
    }

    @Test
    void anUnclosedQuoteCountsEverySwallowedLine() throws IOException {
        String upload = csv(rows(40)).replace("\n" + TestUploads.bsn(30) + ";", "\n" + TestUploads.bsn(30) + ";\"");
        DeliveryResult result = process(upload);
        assertEquals(
                ReasonCode.TE_VEEL_FOUTEN,
                result.problem().code(),
                "the quote swallows rows 30-39: ten lines are rejected, not one");
        assertEquals(10, result.report().rowsRejected());
    }

    /** An upload of {@code size} bytes: {@code head}, then {@code fill} repeated (made as it is read, never held). */
    private DeliveryResult processStream(String head, char fill, long size) throws IOException {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        InputStream upload = new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = position < start.length ? start[(int) position] : (byte) fill;
                    position++;
                }
                return n;
            }
        };
        Path work = Files.createTempDirectory(dir, "work");
        return new DeliveryProcessor(new CodeRules(ReferenceData.get()), KEY, RejectionThreshold.DEFAULT)
                .process(upload, size, H1_2024, work, Map.of());
    }

    @Test
    void aHeaderLineOver64KibIsRefusedAsTooLong() throws IOException {
        // a 2 MB header line: read no further than 64 KiB, refused with a specific code, the whole file still hashed
        DeliveryResult result = processStream(String.join(";", TestUploads.HEADER) + ";", 'x', 2_000_000);
        assertEquals(ReasonCode.REGEL_TE_LANG, result.problem().code());
        assertEquals(1, result.problem().regel());
        assertTrue(
                result.problem().melding().contains("64 KiB"), result.problem().melding());
        assertEquals(64, result.sha256().length());
    }

    @Test
    void aFileWithoutLineEndsIsRefusedAsTooLong() throws IOException {
        // 40 MB without a single line end, as a spreadsheet export gone wrong or binary data with no NUL
        DeliveryResult result = processStream("bsn;geboortedatum;", 'a', 40_000_000);
        assertEquals(ReasonCode.REGEL_TE_LANG, result.problem().code());
        assertTrue(
                result.problem().melding().contains("geen regeleinden"),
                result.problem().melding());
    }

    @Test
    void aRecordBeyondTheReadingLimitsIsRefusedWithItsLine() throws IOException {
        // a valid header and rows, then a quote that opens and never closes over 3 MB of text
        String rows = csv(rows(30)) + TestUploads.bsn(31) + ";\"";
        DeliveryResult unclosed = processStream(rows, 'y', 3_000_000);
        assertEquals(ReasonCode.REGEL_TE_LANG, unclosed.problem().code());
        assertEquals(32, unclosed.problem().regel(), "the line where the unreadable record starts");
        assertTrue(
                unclosed.problem().melding().contains("vanaf regel 32"),
                unclosed.problem().melding());
        // a row with more fields than any CSV of the contract can have
        DeliveryResult wide =
                processStream(csv(rows(30)), ';', 20_000 + csv(rows(30)).length());
        assertEquals(ReasonCode.REGEL_TE_LANG, wide.problem().code());
    }

    @Test
    void sameInputGivesIdenticalLakeBytes() throws IOException {
        byte[] upload = csv(rows(10)).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(
                Files.readAllBytes(process(upload).lakeFile()),
                Files.readAllBytes(process(upload).lakeFile()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
