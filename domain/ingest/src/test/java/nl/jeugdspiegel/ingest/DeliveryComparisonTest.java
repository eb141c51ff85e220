package nl.jeugdspiegel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import org.junit.jupiter.api.Test;

/** Each warning of {@code vergelijking_vorige}, and the changes that are not one. */
class DeliveryComparisonTest {

    private static final DeliveryComparison COMPARISON = new DeliveryComparison(DeliveryComparison.Thresholds.DEFAULT);

    /**
     * 1,000 rows of 800 youths, 300 ended; 900 JH rows, 200 with verblijf, 880 with kosten, 850 with AGB; 400 started
     * (380 with aanmelddatum); 250 JH ended (150 volgens plan, 200 with zonder_hulp_verder, 180 with tevredenheid).
     */
    private static final LakeProfile BEFORE =
            new LakeProfile(1000, 800, 300, 900, 200, 880, 850, 400, 380, 250, 150, 200, 180, 1, -1);

    @Test
    void aDeliveryLikeTheLastHasNoWarnings() {
        Receipt.Vergelijking v =
                compare(new LakeProfile(1040, 820, 310, 930, 215, 900, 860, 410, 385, 260, 150, 205, 190, 1, -1));
        assertEquals(List.of(), v.waarschuwingen());
        assertEquals(9, v.metingen().size());
        Receipt.Meting rows = v.metingen().get(0);
        assertEquals("rijen", rows.naam());
        assertEquals(4.0, rows.wijziging(), 1e-9);
        assertFalse(rows.waarschuwing());
    }

    @Test
    void farFewerRows() {
        Receipt.Vergelijking v =
                compare(new LakeProfile(600, 640, 180, 540, 120, 528, 510, 240, 228, 150, 90, 120, 108, 1, -1));
        assertEquals(1, v.waarschuwingen().size(), v.waarschuwingen().toString());
        assertEquals(
                "Deze levering heeft 600 regels (trajecten), 40% minder dan de vorige (1.000). Controleer of het bestand "
                        + "alle trajecten van het halfjaar bevat.",
                v.waarschuwingen().get(0));
        assertTrue(measure(v, "rijen").waarschuwing());
        assertFalse(measure(v, "jeugdigen").waarschuwing(), "640 of 800: -20 %, within 25 %");
    }

    @Test
    void farMoreYouths() {
        Receipt.Vergelijking v =
                compare(new LakeProfile(1100, 1100, 330, 990, 220, 968, 935, 440, 418, 275, 165, 220, 198, 1, -1));
        assertEquals(1, v.waarschuwingen().size(), v.waarschuwingen().toString());
        assertTrue(v.waarschuwingen()
                .get(0)
                .startsWith("Deze levering heeft 1.100 verschillende jeugdigen, 38% meer dan de vorige (800)."));
    }

    @Test
    void eachFillRateThatDropsOrJumps() {
        String[] expected = {
            "De kolom aanmelddatum is ingevuld bij 10% van de jeugdhulp die in het halfjaar startte, bij de vorige levering bij 95%.",
            "De kolom kosten is ingevuld bij 50% van de jeugdhulpregels, bij de vorige levering bij 98%.",
            "De kolom zonder_hulp_verder is ingevuld bij 20% van de jeugdhulp die in het halfjaar eindigde, bij de vorige levering bij 80%.",
            "De kolom tevredenheid is ingevuld bij 100% van de jeugdhulp die in het halfjaar eindigde, bij de vorige levering bij 72%.",
            "De kolom aanbieder_agb is ingevuld bij 0% van de jeugdhulpregels, bij de vorige levering bij 94%."
        };
        LakeProfile[] now = {
            new LakeProfile(1000, 800, 300, 900, 200, 880, 850, 400, 40, 250, 150, 200, 180, 1, -1),
            new LakeProfile(1000, 800, 300, 900, 200, 450, 850, 400, 380, 250, 150, 200, 180, 1, -1),
            new LakeProfile(1000, 800, 300, 900, 200, 880, 850, 400, 380, 250, 150, 50, 180, 1, -1),
            new LakeProfile(1000, 800, 300, 900, 200, 880, 850, 400, 380, 250, 150, 200, 250, 1, -1),
            new LakeProfile(1000, 800, 300, 900, 200, 880, 0, 400, 380, 250, 150, 200, 180, 1, -1)
        };
        for (int i = 0; i < now.length; i++) {
            Receipt.Vergelijking v = compare(now[i]);
            assertEquals(1, v.waarschuwingen().size(), v.waarschuwingen().toString());
            assertTrue(
                    v.waarschuwingen().get(0).startsWith(expected[i]),
                    v.waarschuwingen().get(0));
        }
        assertTrue(
                compare(now[1]).waarschuwingen().get(0).contains("nog goed uit uw systeem"),
                "a drop: check the export");
        assertTrue(compare(now[3]).waarschuwingen().get(0).contains("hetzelfde betekent"), "a jump: check the meaning");
    }

    @Test
    void sharesEndedAndMetVerblijf() {
        Receipt.Vergelijking ended =
                compare(new LakeProfile(1000, 800, 50, 900, 200, 880, 850, 400, 380, 250, 150, 200, 180, 1, -1));
        assertEquals(1, ended.waarschuwingen().size(), ended.waarschuwingen().toString());
        assertTrue(
                ended.waarschuwingen()
                        .get(0)
                        .startsWith(
                                "Het aandeel trajecten dat in het halfjaar eindigde is 5%, bij de vorige levering 30%. Controleer de einddatums"));
        Receipt.Vergelijking verblijf =
                compare(new LakeProfile(1000, 800, 300, 900, 450, 880, 850, 400, 380, 250, 150, 200, 180, 1, -1));
        assertEquals(
                1, verblijf.waarschuwingen().size(), verblijf.waarschuwingen().toString());
        assertTrue(verblijf.waarschuwingen()
                .get(0)
                .startsWith("Het aandeel jeugdhulp met verblijf is 50%, bij de vorige levering 22%."));
        assertEquals(27.8, measure(verblijf, "aandeel_met_verblijf").wijziging(), 0.05);
    }

    @Test
    void smallDeliveriesDoNotWarnOnNoise() {
        LakeProfile before = new LakeProfile(30, 25, 10, 25, 5, 25, 25, 10, 10, 8, 5, 8, 8, 1, -1);
        LakeProfile now = new LakeProfile(15, 12, 2, 12, 6, 6, 0, 4, 0, 2, 1, 0, 0, 1, -1);
        Receipt.Vergelijking v = COMPARISON.compare(now, before, null, "2024H2", DeliveryComparison.PREVIOUS_PERIODE);
        assertEquals(List.of(), v.waarschuwingen(), "30 rows: below the minimum of 50, shares below 20 observations");
        assertEquals(-50.0, measure(v, "rijen").wijziging(), 1e-9);
    }

    @Test
    void thresholdsAreSettings() {
        System.setProperty("jeugdspiegel.vergelijking.aantal.procent", "3");
        try {
            DeliveryComparison strict = new DeliveryComparison(DeliveryComparison.Thresholds.fromSettings());
            Receipt.Vergelijking v = strict.compare(
                    new LakeProfile(1040, 800, 310, 930, 215, 900, 860, 410, 385, 260, 150, 205, 190, 1, -1),
                    BEFORE,
                    null,
                    "2024H2",
                    DeliveryComparison.PREVIOUS_PERIODE);
            assertEquals(1, v.waarschuwingen().size(), v.waarschuwingen().toString());
            assertEquals(3.0, v.drempels().aantalProcent());
        } finally {
            System.clearProperty("jeugdspiegel.vergelijking.aantal.procent");
        }
    }

    @Test
    void kenmerkenHoldFillRatesAndShares() {
        Receipt.Kenmerken k = DeliveryComparison.kenmerken(BEFORE);
        assertEquals(0.95, k.vulgraad().get("aanmelddatum"), 1e-9);
        assertEquals(0.8, k.vulgraad().get("zonder_hulp_verder"), 1e-9);
        assertEquals(0.3, k.aandeelBeeindigd(), 1e-9);
        assertEquals(
                null,
                DeliveryComparison.kenmerken(new LakeProfile(5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1))
                        .aandeelMetVerblijf());
    }

    private static Receipt.Vergelijking compare(LakeProfile now) {
        return COMPARISON.compare(now, BEFORE, null, "2024H2", DeliveryComparison.PREVIOUS_PERIODE);
    }

    private static Receipt.Meting measure(Receipt.Vergelijking v, String naam) {
        return v.metingen().stream()
                .filter(m -> m.naam().equals(naam))
                .findFirst()
                .orElseThrow();
    }
}
