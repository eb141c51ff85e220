package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.LakeSchema;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.ingest.TestUploads;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * After ingesting files with known BSNs, birth dates and extra naam/adres columns (accepted, rejected
 * and with invalid BSNs), or a zip of iJw messages with names, an address, a referrer's name and a refused
 * over-long name, nothing outside uploads/ and quarantine/ holds any of them, and neither does the log output.
 */
class PrivacyIT extends S3TestSupport {

    @RegisterExtension
    static final EmbeddedS3Extension S3 = new EmbeddedS3Extension();

    @Override
    S3Client s3() {
        return S3.client();
    }

    private static final String NAME = "Jozefien van Geheimhouding";
    private static final String ADDRESS = "Verborgenlaan 17, 1234 ZZ Nergenshuizen";
    private static final String BIRTH_DATE = "2011-09-17";
    private static final String BIRTH_DATE_NL = "17-09-2011";
    private static final String APOSTROPHE_SURNAME = "D'Souza-Vandermeulen" + "-Vandermeulen".repeat(15);

    private static List<Map<String, String>> rowsWithPersonalData(int count, boolean dutchDates) {
        List<Map<String, String>> rows = TestUploads.rows(count);
        for (Map<String, String> row : rows) {
            row.put("naam", NAME);
            row.put("adres", ADDRESS);
            row.put("geboortedatum", dutchDates ? BIRTH_DATE_NL : BIRTH_DATE);
        }
        return rows;
    }

    @Test
    void noPersonalDataLeavesUploadsAndQuarantine() throws IOException {
        List<String> header = new ArrayList<>(TestUploads.HEADER);
        header.add("naam");
        header.add("adres");
        // accepted, with 1 invalid BSN (elfproef) among 30 rows
        List<Map<String, String>> accepted = rowsWithPersonalData(30, false);
        accepted.get(7).put("bsn", "123456789");
        accepted.get(8).put("bsn", "12345672"); // 8 digits
        // rejected: too many invalid BSNs
        List<Map<String, String>> rejected = rowsWithPersonalData(10, true);
        rejected.forEach(r -> r.put("bsn", "987654321"));
        // rejected: no header line at all, so the first youth's data is where the header should be
        String headerless = TestUploads.csv(';', "\n", header, rowsWithPersonalData(3, false));
        headerless = headerless.substring(headerless.indexOf('\n') + 1);

        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            ingest(UPLOAD, TestUploads.csv(';', "\n", header, accepted));
            ingest(REPLACEMENT, TestUploads.csv(';', "\n", header, rejected));
            ingest(INVALID_KEY, headerless);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertEquals("geaccepteerd", receipt(UPLOAD).status());
        assertEquals("te_veel_fouten", receipt(REPLACEMENT).afwijzing().code());
        assertTrue(logs.size() > 0, "the ingest logged something, and that was captured");

        List<String> secrets = new ArrayList<>(List.of(
                NAME,
                "Jozefien",
                "Geheimhouding",
                "Verborgenlaan",
                "Nergenshuizen",
                BIRTH_DATE,
                BIRTH_DATE_NL,
                "123456789",
                "987654321",
                "12345672",
                "012345672"));
        for (int i = 0; i < 30; i++) {
            secrets.add(TestUploads.bsn(i));
        }
        assertNoSecrets("log output", logs.toString(StandardCharsets.UTF_8), secrets);
        assertNoSecretsOutsideUploadsAndQuarantine(secrets, 4);
    }

    @Test
    void noPersonalDataFromIjwMessagesLeavesUploadsAndQuarantine() throws IOException {
        Map<String, String> messages = IjwZips.messages(30);
        // a refused message whose schema error is about a name: the receipt must not repeat it
        messages.put(
                "jw305/lange-naam.xml", messages.get("jw305/1.xml").replace(IjwZips.SURNAME, IjwZips.LONG_SURNAME));
        // the same with a name that holds an apostrophe, which Xerces quotes in apostrophes
        messages.put("jw305/apostrof.xml", messages.get("jw305/2.xml").replace(IjwZips.SURNAME, APOSTROPHE_SURNAME));
        // an entry whose name (past what a receipt shows) holds a client's name: refused, and shown short
        messages.put(
                "jw305/" + "d".repeat(120) + "-dossier-" + NAME.replace(' ', '-') + "-" + "x".repeat(200) + ".xml",
                messages.get("jw305/3.xml"));
        S3Event event = Events.load("s3-put-upload-ijw.json");
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            s3().putObject(
                            r -> r.bucket(BUCKET).key(Events.key(event)),
                            software.amazon.awssdk.core.sync.RequestBody.fromBytes(IjwZips.zip(messages)));
            handler().handleRequest(event, null);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertEquals("geaccepteerd", receipt(event).status());
        assertEquals(3, receipt(event).berichten().afgewezen());
        List<String> secrets = new ArrayList<>(List.of(
                IjwZips.SURNAME,
                IjwZips.LONG_SURNAME.substring(0, 20),
                "Souza",
                "Vandermeulen",
                NAME.replace(' ', '-'),
                "Geheimhouding",
                IjwZips.BIRTH_DATE,
                "Kastanjelaan",
                "Jeugdstad",
                "1234AB",
                "Dokter Verwijsma",
                "Verwijsma"));
        for (int i = 0; i <= 30; i++) {
            secrets.add(TestUploads.bsn(i));
        }
        assertNoSecrets("log output", logs.toString(StandardCharsets.UTF_8), secrets);
        assertNoSecretsOutsideUploadsAndQuarantine(secrets, 2);
    }

    private void assertNoSecretsOutsideUploadsAndQuarantine(List<String> secrets, int atLeast) throws IOException {
        int checked = 0;
        for (S3Object object :
                s3().listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()) {
            if (object.key().startsWith("uploads/") || object.key().startsWith("quarantine/")) {
                continue;
            }
            byte[] bytes = get(object.key()).orElseThrow();
            assertNoSecrets(object.key(), new String(bytes, StandardCharsets.ISO_8859_1), secrets);
            if (object.key().endsWith(".parquet")) {
                assertNoSecretsInParquet(object.key(), bytes, secrets);
            }
            checked++;
        }
        assertTrue(checked >= atLeast, "receipts and the lake file were checked, got " + checked);
    }

    private void ingest(S3Event event, String content) {
        put(Events.key(event), content);
        handler().handleRequest(event, null);
    }

    private static void assertNoSecrets(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), where + " contains personal data (" + secret.length() + " chars)");
        }
    }

    /** Parquet pages are compressed, so the values are checked after decoding too. */
    private static void assertNoSecretsInParquet(String key, byte[] bytes, List<String> secrets) throws IOException {
        Path file = Files.createTempFile("privacy", ".parquet");
        try {
            Files.write(file, bytes);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                assertEquals(
                        key.startsWith(BucketLayout.LAKE_WACHTEND)
                                ? nl.jeugdspiegel.core.lake.Waiting.SCHEMA
                                : LakeSchema.TRAJECTEN,
                        reader.getFooter().getFileMetaData().getSchema(),
                        "no columns beyond the contract's (no geboortedatum, naam, adres)");
            }
            if (key.startsWith(BucketLayout.LAKE_WACHTEND)) {
                assertNoSecrets(
                        key,
                        nl.jeugdspiegel.core.lake.Waiting.read(new LocalInputFile(file))
                                .requests()
                                .toString(),
                        secrets);
            } else {
                for (Trajectory t : LakeReader.readAll(file)) {
                    assertNoSecrets(key, t.toString(), secrets);
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}
