package nl.jeugdspiegel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadKeyTest {

    private static final java.util.function.Predicate<String> KNOWN =
            nl.jeugdspiegel.core.reference.ReferenceData.get()::isMunicipality;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static UploadKey.Parsed parse(String key) {
        return UploadKey.parse(key, ReferenceData.get(), TODAY);
    }

    @Test
    void parsesAValidKeyWithSpacesAndPlusInTheName() {
        UploadKey.Parsed parsed = parse("uploads/GM0363/2024H1/levering 2024 (v2)+def.csv");
        assertNull(parsed.problem());
        assertEquals(new UploadKey("GM0363", Periode.parse("2024H1"), "levering 2024 (v2)+def"), parsed.key());
        assertNull(parse("uploads/GM0363/2026H2/x.CSV").problem(), "the current half-year may be delivered");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "uploads/GM0363/x.csv",
                "uploads/GM0363/2024H1/sub/x.csv",
                "uploads/GM0363/2024H1/.csv",
                "uploads/gm0363/2024H1/x.csv",
                "uploads/GM363/2024H1/x.csv",
                "uploads/GM0363/2024-1/x.csv",
                "uploads/GM0363/2024H3/x.csv",
                "uploads/GM0363/2014H2/x.csv",
                "uploads/GM0363/2027H1/x.csv",
                "uploads/x.csv",
                "uploads/GM0363/2024H1/",
                "uploads/GM0363/2024H1/..",
                "uploads/GM0363/../GM0014/2025H2/x.csv",
                "uploads/GM0363/2024H1/line\nbreak.csv",
                "uploads/GM0363/overlap/2024H2.csv"
            })
    void refusesMalformedKeysAsSleutelOngeldig(String key) {
        UploadKey.Parsed parsed = parse(key);
        assertNull(parsed.key());
        assertEquals(ReasonCode.SLEUTEL_ONGELDIG, parsed.problem().code());
    }

    @Test
    void acceptsAZipOfIjwMessagesWithItsOwnReceiptKey() {
        UploadKey.Parsed parsed = parse("uploads/GM0363/2024H1/berichten 2024H1.ZIP");
        assertNull(parsed.problem());
        assertEquals(new UploadKey("GM0363", Periode.parse("2024H1"), "berichten 2024H1"), parsed.key());
        assertTrue(UploadKey.isMessageZip("uploads/GM0363/2024H1/berichten 2024H1.ZIP"));
        assertEquals(
                "receipts/GM0363/2024H1/levering.zip.json",
                BucketLayout.receipt("uploads/GM0363/2024H1/levering.zip", KNOWN),
                "a CSV and a zip of the same name keep their own receipt");
        assertEquals(
                "quarantine/GM0363/2024H1/levering.zip",
                BucketLayout.quarantine("uploads/GM0363/2024H1/levering.zip", KNOWN));
        assertEquals(
                ReasonCode.BESTANDSTYPE_NIET_ONDERSTEUND,
                parse("uploads/GM0363/2024H1/berichten.tar.gz").problem().code());
        assertEquals(
                ReasonCode.SLEUTEL_ONGELDIG,
                parse("uploads/GM0363/2024H1/.zip").problem().code());
    }

    @Test
    void refusesAnUnknownMunicipality() {
        UploadKey.Parsed parsed = parse("uploads/GM9999/2024H1/x.csv");
        assertEquals(ReasonCode.GEMEENTE_ONBEKEND, parsed.problem().code());
        assertTrue(parsed.problem().melding().contains("GM9999"));
    }

    @Test
    void otherFileTypesAreRefusedByTheirOwnCode() {
        UploadKey.Parsed xlsx = parse("uploads/GM0363/2024H1/levering.xlsx");
        assertEquals(ReasonCode.BESTANDSTYPE_NIET_ONDERSTEUND, xlsx.problem().code());
        assertTrue(xlsx.problem().melding().contains("'.xlsx'"), xlsx.problem().melding());
        assertEquals(
                ReasonCode.BESTANDSTYPE_NIET_ONDERSTEUND,
                parse("uploads/GM0363/2024H1/levering").problem().code());
        assertNull(parse("uploads/GM0363/2024H1/LEVERING.CSV").problem(), "the extension in any case");
    }

    @Test
    void aNameIsAtMost200CharactersAndItsMessageSaysSo() {
        assertNull(parse("uploads/GM0363/2024H1/" + "a".repeat(196) + ".csv").problem());
        UploadKey.Parsed longer = parse("uploads/GM0363/2024H1/" + "a".repeat(197) + ".csv");
        assertEquals(ReasonCode.SLEUTEL_ONGELDIG, longer.problem().code());
        assertTrue(
                longer.problem().melding().contains("te lang (201 tekens"),
                longer.problem().melding());
        assertTrue(parse("uploads/GM0363/2024H1/" + "é".repeat(101) + ".csv").problem() != null, "202 bytes");
    }

    @Test
    void mirrorsReceiptAndQuarantineKeysOfPlainKeys() {
        assertEquals(
                "receipts/GM0363/2024H1/levering 2024.json",
                BucketLayout.receipt("uploads/GM0363/2024H1/levering 2024.csv", KNOWN));
        assertEquals(
                "quarantine/GM0363/2024H1/levering 2024.csv",
                BucketLayout.quarantine("uploads/GM0363/2024H1/levering 2024.csv", KNOWN));
        assertEquals(
                "receipts/GM0363/2024H1/levering.xlsx.json",
                BucketLayout.receipt("uploads/GM0363/2024H1/levering.xlsx", KNOWN),
                "a plain key of another file type keeps its receipt beside the others");
    }

    /**
     * Contract v1.3 §1: the receipt of a key that is not plain lands under {@code _ongeldig/}, by the key's hash, in the
     * municipality's folder when the key names a known one; it can overwrite no other output.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "uploads/GM0014/overlap/2024H2.csv",
                "uploads/GM0014/2024/x.csv",
                "uploads/GM0014/2024H1/",
                "uploads/GM0014/2024H1/sub/x.csv",
                "uploads/GM0014/../../lake/trajecten/periode=2024H1/gemeente=GM0014/part-00000.parquet",
                "uploads/GM0014/2024H1/eerdere-versies/x.csv"
            })
    void theReceiptOfAnInvalidKeyLandsWhereNoOtherOutputIs(String key) {
        String hash = nl.jeugdspiegel.core.Hashes.sha256Hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("receipts/GM0014/_ongeldig/" + hash + ".json", BucketLayout.receipt(key, KNOWN));
        assertEquals("quarantine/GM0014/_ongeldig/" + hash, BucketLayout.quarantine(key, KNOWN));
    }

    @Test
    void theReceiptOfAKeyWithoutAKnownMunicipalityIsTheOperatorsOnly() {
        for (String key : List.of("uploads/x.csv", "uploads/GM9999/2024H1/x.csv", "uploads/", "uploads/../x.csv")) {
            String hash = nl.jeugdspiegel.core.Hashes.sha256Hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("receipts/_ongeldig/" + hash + ".json", BucketLayout.receipt(key, KNOWN), key);
        }
    }

    @Test
    void noTwoUploadsShareAReceipt() {
        // x.zip and x.zip.csv (and x.csv.csv and x.csv) each keep their own receipt; the triggers only pass .csv and
        // .zip
        List<String> names = List.of(
                "x.csv",
                "x.zip",
                "x.zip.csv",
                "x.csv.csv",
                "x.ZIP.csv",
                "x.zip.zip",
                "x.zip.csv.csv",
                "x.csv.zip",
                "x.json.csv",
                "X.CSV",
                "x.Zip");
        Set<String> receipts = new HashSet<>();
        for (String name : names) {
            assertTrue(
                    receipts.add(BucketLayout.receipt("uploads/GM0363/2024H1/" + name, KNOWN)),
                    name + " shares a receipt");
        }
        assertEquals(
                "receipts/GM0363/2024H1/x.zip.csv.json",
                BucketLayout.receipt("uploads/GM0363/2024H1/x.zip.csv", KNOWN));
        assertEquals("receipts/GM0363/2024H1/x.zip.json", BucketLayout.receipt("uploads/GM0363/2024H1/x.zip", KNOWN));
    }

    @Test
    void anEarlierVersionsReceiptGoesBesideByEventTimeAndVersion() {
        Instant t = Instant.parse("2024-07-15T09:30:00.250Z");
        assertEquals(
                "receipts/GM0363/2024H1/eerdere-versies/levering@20240715T093000250Z.json",
                BucketLayout.earlierVersionReceipt("uploads/GM0363/2024H1/levering.csv", KNOWN, t, null));
        String versioned = BucketLayout.earlierVersionReceipt(
                "uploads/GM0363/2024H1/levering.zip", KNOWN, t, "3/L4kqtJlcpX+rmSpX");
        assertTrue(
                versioned.matches(
                        "receipts/GM0363/2024H1/eerdere-versies/levering\\.zip@20240715T093000250Z-[0-9a-f]{8}\\.json"),
                versioned);
    }
}
