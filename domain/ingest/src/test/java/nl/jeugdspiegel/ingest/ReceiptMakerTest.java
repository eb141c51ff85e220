package nl.jeugdspiegel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.problem.ValidationReport;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import org.junit.jupiter.api.Test;

/** Each outcome sets the receipt's status, toegepast, vervangt, identiek_aan and levering_in_gebruik, and only those it names. */
class ReceiptMakerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final ReceiptMaker MAKER =
            new ReceiptMaker(ReferenceData.get(), RejectionThreshold.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String KEY = "uploads/GM0363/2024H2/levering.csv";
    private static final UploadEvent EVENT =
            new UploadEvent("bucket", KEY, "v2", "etag-2", 1234, Instant.parse("2025-02-01T10:00:00Z"), "0A");
    private static final Provenance EARLIER = new Provenance(
            "uploads/GM0363/2024H2/eerder.csv",
            "v1",
            "etag-1",
            "aa".repeat(32),
            Instant.parse("2025-01-15T10:00:00Z"),
            "01");
    private static final Provenance NEWER = new Provenance(
            "uploads/GM0363/2024H2/later.csv",
            "v3",
            "etag-3",
            "cc".repeat(32),
            Instant.parse("2025-02-20T10:00:00Z"),
            "0F");
    private static final Provenance SELF =
            new Provenance(EVENT.key(), "v2", "etag-2", "bb".repeat(32), EVENT.eventTime(), EVENT.sequencer());
    private static final String LAKE_KEY = "lake/trajecten/periode=2024H2/gemeente=GM0363/part-00000.parquet";

    private static Delivery accepted() {
        ValidationReport report = new ValidationReport();
        for (int i = 0; i < 3; i++) {
            report.accepted();
        }
        return new Delivery(
                EVENT,
                new ObjectInfo(KEY, "etag-2", 1234, NOW, "v2", Map.of()),
                new UploadKey("GM0363", Periode.parse("2024H2"), "levering.csv"),
                "bb".repeat(32),
                new DeliveryResult(null, report, List.of(), "bb".repeat(32), Path.of("x.parquet"), 3, null, null),
                null,
                System.nanoTime());
    }

    @Test
    void appliedReplacingAnEarlierDeliverySaysWhichAndCountsTheLakeRows() throws Exception {
        Receipt r =
                roundTrip(MAKER.receipt(accepted(), new DeliveryOutcome.Applied(SELF, EARLIER, null, LAKE_KEY), NONE));
        assertEquals(Receipt.GEACCEPTEERD, r.status());
        assertEquals(Boolean.TRUE, r.toegepast());
        assertEquals(EARLIER.key(), r.vervangt().sleutel());
        assertEquals(EARLIER.eventTime(), r.vervangt().ontvangenOp());
        assertNull(r.identiekAan());
        assertEquals(KEY, r.leveringInGebruik().sleutel(), "once applied, this delivery is the one in force");
        assertNull(r.afwijzing());
        assertEquals(3, r.aantallen().rijenInLake());
        assertEquals(LAKE_KEY, r.lakeSleutel());
        assertEquals("Amsterdam", r.gemeentenaam());
        assertEquals(NOW, r.verwerktOp());
    }

    @Test
    void appliedWithTheSameBytesAsTheDeliveryInForceSaysIdentical() throws Exception {
        Receipt r = roundTrip(
                MAKER.receipt(accepted(), new DeliveryOutcome.Applied(SELF, null, EARLIER.key(), LAKE_KEY), NONE));
        assertEquals(EARLIER.key(), r.identiekAan());
        assertNull(r.vervangt(), "a replay of itself replaces nothing");
        assertTrue(r.melding().contains("byte voor byte gelijk"), r.melding());
    }

    @Test
    void notAppliedNamesTheNewerDeliveryInForceAndReplacesNothing() throws Exception {
        Receipt r = roundTrip(MAKER.receipt(accepted(), new DeliveryOutcome.NotApplied(NEWER, LAKE_KEY), NONE));
        assertEquals(Receipt.GEACCEPTEERD, r.status());
        assertEquals(Boolean.FALSE, r.toegepast());
        assertEquals(NEWER.key(), r.leveringInGebruik().sleutel());
        assertNull(r.vervangt(), "a stale delivery must not claim to replace the newer one");
        assertNull(r.identiekAan());
        assertEquals(0, r.aantallen().rijenInLake());
        assertTrue(r.melding().contains(NEWER.key()), r.melding());
    }

    @Test
    void rejectedKeepsTheDeliveryInForceAndPointsToTheQuarantineCopy() throws Exception {
        Delivery rejected = new Delivery(
                EVENT,
                null,
                new UploadKey("GM0363", Periode.parse("2024H2"), "levering.csv"),
                "bb".repeat(32),
                null,
                null,
                System.nanoTime());
        FileProblem problem = FileProblem.of(ReasonCode.LEEG_BESTAND, "het bestand is leeg");
        Receipt r = roundTrip(MAKER.receipt(
                rejected,
                new DeliveryOutcome.Rejected(problem, EARLIER, "quarantine/GM0363/2024H2/levering.csv"),
                NONE));
        assertEquals(Receipt.AFGEWEZEN, r.status());
        assertNull(r.toegepast());
        assertEquals("leeg_bestand", r.afwijzing().code());
        assertEquals(ReasonCode.LEEG_BESTAND.advies(), r.afwijzing().advies());
        assertEquals(EARLIER.key(), r.leveringInGebruik().sleutel());
        assertNull(r.vervangt());
        assertNull(r.lakeSleutel());
        assertEquals(0, r.aantallen().rijenInLake());
        assertTrue(r.melding().contains("blijft van kracht") && r.melding().contains("quarantine/"), r.melding());
        assertEquals(1234, r.bron().grootteBytes(), "the event's size when S3 gave no object");
    }

    @Test
    void aFailureWithoutQuarantineSaysNotProcessed() throws Exception {
        FileProblem problem = FileProblem.of(ReasonCode.VERWERKING_MISLUKT, "de verwerking is onverwacht mislukt");
        Receipt r = roundTrip(MAKER.receipt(
                Delivery.unread(EVENT, null, System.nanoTime()),
                new DeliveryOutcome.Rejected(problem, null, null),
                NONE));
        assertEquals(Receipt.AFGEWEZEN, r.status());
        assertTrue(r.melding().startsWith("De levering is niet verwerkt: "), r.melding());
        assertNull(r.gemeente());
        assertNull(r.leveringInGebruik());
    }

    private static final Assessor.Assessment NONE = Assessor.Assessment.NONE;

    /** Through the JSON contract and back with the reader the runner and tests use. */
    private static Receipt roundTrip(Receipt receipt) throws Exception {
        return Receipts.read(Receipts.toJson(receipt));
    }
}
