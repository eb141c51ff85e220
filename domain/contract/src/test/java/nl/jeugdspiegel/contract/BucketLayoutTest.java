package nl.jeugdspiegel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;

/** The bucket's keys (docs/contract.md §1) as literals, and every parser the inverse of its builder. */
class BucketLayoutTest {

    private static final Periode P = Periode.parse("2024H2");
    private static final java.util.function.Predicate<String> KNOWN = g -> g.equals("GM0363") || g.equals("GM0014");

    @Test
    void theKeysAreThoseOfTheContract() {
        assertEquals(
                "lake/trajecten/periode=2024H2/gemeente=GM0363/part-00000.parquet",
                BucketLayout.trajecten(P, "GM0363"));
        assertEquals(
                "lake/wachtend/periode=2024H2/gemeente=GM0363/part-00000.parquet", BucketLayout.wachtend(P, "GM0363"));
        assertEquals(
                "indicators/periode=2024H2/indicators.parquet",
                BucketLayout.indicatorTable(P, BucketLayout.Format.PARQUET));
        assertEquals("indicators/periode=2024H2/signalen.csv", BucketLayout.signals(P, BucketLayout.Format.CSV));
        assertEquals("indicators/periode=2024H2/overdispersie.csv", BucketLayout.dispersion(P));
        assertEquals("indicators/manifest.json", BucketLayout.MANIFEST);
        assertEquals("receipts/GM0363/overlap/2024H2.json", BucketLayout.overlap("GM0363", P));
        assertEquals("reference/bevolking/2024.csv", BucketLayout.population(2024));
        assertEquals("reference/productcodes/GM0363.csv", BucketLayout.productMapping("GM0363"));
        assertEquals("reference/aanbieders.csv", BucketLayout.PROVIDER_REGISTER);
        assertEquals(
                "receipts/GM0363/2024H2/levering.json",
                BucketLayout.receipt("uploads/GM0363/2024H2/levering.csv", KNOWN));
        assertEquals(
                "receipts/GM0363/2024H2/levering.html",
                BucketLayout.receiptPage("receipts/GM0363/2024H2/levering.json"));
        assertEquals(
                "quarantine/GM0363/2024H2/levering.csv",
                BucketLayout.quarantine("uploads/GM0363/2024H2/levering.csv", KNOWN));
    }

    @Test
    void everyParserReadsBackWhatItsBuilderWrote() {
        assertEquals(
                Optional.of(new BucketLayout.Partition(P, "GM0363", BucketLayout.PART_FILE)),
                BucketLayout.partFileOf(BucketLayout.trajecten(P, "GM0363")));
        assertEquals(
                Optional.of(new BucketLayout.Partition(P, "GM0363", BucketLayout.PART_FILE)),
                BucketLayout.wachtendPartFileOf(BucketLayout.wachtend(P, "GM0363")));
        assertEquals(Optional.empty(), BucketLayout.partFileOf(BucketLayout.wachtend(P, "GM0363")));
        assertEquals(Optional.empty(), BucketLayout.partFileOf(BucketLayout.trajectenPartition(P, "GM0363") + "x.csv"));
        for (BucketLayout.Format f : BucketLayout.Format.values()) {
            assertEquals(
                    Optional.of(new BucketLayout.Table(P, f)),
                    BucketLayout.indicatorTableOf(BucketLayout.indicatorTable(P, f)));
        }
        assertEquals(Optional.empty(), BucketLayout.indicatorTableOf(BucketLayout.signals(P, BucketLayout.Format.CSV)));
        assertEquals(Optional.empty(), BucketLayout.indicatorTableOf(BucketLayout.MANIFEST));
        assertEquals(Optional.of(2024), BucketLayout.populationYear(BucketLayout.population(2024)));
        assertEquals(Optional.empty(), BucketLayout.populationYear("reference/bevolking/2024.csv.bak"));
    }

    /** S3 triggers: uploads/ starts ingest, lake/trajecten/ the indicators, the manifest the report (template.yaml). */
    @Test
    void noOutputLandsWhereItWouldTriggerAnotherStage() {
        String upload = "uploads/GM0363/2024H2/levering.csv";
        List<String> outputs = List.of(
                BucketLayout.receipt(upload, KNOWN),
                BucketLayout.receiptPage(BucketLayout.receipt(upload, KNOWN)),
                BucketLayout.earlierVersionReceipt(upload, KNOWN, Instant.parse("2025-01-02T03:04:05Z"), "v1"),
                BucketLayout.quarantine(upload, KNOWN),
                BucketLayout.overlap("GM0363", P),
                BucketLayout.wachtend(P, "GM0363"),
                BucketLayout.indicatorTable(P, BucketLayout.Format.CSV),
                BucketLayout.signals(P, BucketLayout.Format.PARQUET),
                BucketLayout.dispersion(P));
        for (String key : outputs) {
            assertFalse(BucketLayout.isUpload(key), key);
            assertFalse(key.startsWith(BucketLayout.LAKE_TRAJECTEN), key);
            assertFalse(key.equals(BucketLayout.MANIFEST), key);
        }
        assertTrue(BucketLayout.trajecten(P, "GM0363").startsWith(BucketLayout.LAKE_TRAJECTEN));
    }
}
