package nl.jeugdspiegel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;

/** The differencing audit: rounded counts that pin a small count together lose the figure that pins it. */
class DifferencingTest {

    private static final String MANIFEST = """
            {"perioden":{"2024H1":{"vervolg_beschikbaar":true,"leveringen":{"GM0014":"2024-08-01T10:00:00Z"},"grootteklassen":{}},
            "2024H2":{"vervolg_beschikbaar":false,"leveringen":{"GM0014":"2025-02-01T10:00:00Z"},"grootteklassen":{}}},
            "bevolking":{}}""";

    private static IndicatorRow count(String periode, String indicator, double value) {
        return new IndicatorRow(
                Periode.parse(periode),
                Niveau.GEMEENTE,
                "GM0014",
                "Groningen",
                Indicator.byId(indicator),
                value,
                null,
                value,
                null,
                null,
                IndicatorRow.Status.OK,
                null,
                null,
                null,
                null);
    }

    /** Jeugdreclassering of one gemeente: 18 active in H1 of which 9 end; so 9 carry over to H2, where none start. */
    private static Map<Periode, List<IndicatorRow>> tables() {
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        List<IndicatorRow> h1 = new ArrayList<>();
        List<IndicatorRow> h2 = new ArrayList<>();
        String[] categories = {
            "jeugdhulp_zonder_verblijf",
            "jeugdhulp_met_verblijf",
            "jeugdhulp_verblijf_onbekend",
            "jeugdbescherming",
            "jeugdreclassering"
        };
        double[][] h1Counts = {{300, 60, 50, 40, 18}, {100, 20, 12, 15, 3}, {90, 25, 11, 12, 9}};
        double[][] h2Counts = {{310, 55, 51, 43, 9}, {100, 20, 12, 15, 0}, {95, 22, 11, 14, 2}};
        String[] kinds = {"trajecten_actief.", "trajecten_gestart.", "trajecten_beeindigd."};
        for (int k = 0; k < kinds.length; k++) {
            for (int c = 0; c < categories.length; c++) {
                h1.add(count("2024H1", kinds[k] + categories[c], h1Counts[k][c]));
                h2.add(count("2024H2", kinds[k] + categories[c], h2Counts[k][c]));
            }
        }
        tables.put(Periode.parse("2024H1"), h1);
        tables.put(Periode.parse("2024H2"), h2);
        return tables;
    }

    @Test
    void aCountThatPinsTwoSmallOnesAcrossHalfYearsIsSuppressed() throws Exception {
        Manifest manifest = Manifest.read(MANIFEST.getBytes(StandardCharsets.UTF_8));
        Unit groningen = new Unit(Niveau.GEMEENTE, "GM0014");
        Periode h1 = Periode.parse("2024H1");
        // without the audit: 20 active (18–22) = ended (<10) + carried over, and carried over = active in H2 (<10)
        // − started in H2 (<10) ≤ 9, so 18 active, 9 ended, 9 carried over, 0 started: all exact
        ReportData unaudited = ReportData.of(tables(), manifest, new Disclosure.Rules(true, true, false));
        assertEquals(
                20.0,
                unaudited
                        .figure(h1, groningen, Indicator.byId("trajecten_actief.jeugdreclassering"))
                        .value());
        Bounds attack = attack(unaudited);
        assertEquals(9, attack.lo(attack.var("2024H1|gemeente|GM0014|E4")));
        assertEquals(9, attack.hi(attack.var("2024H1|gemeente|GM0014|E4")));

        ReportData audited = ReportData.of(tables(), manifest);
        Disclosure.Figure active = audited.figure(h1, groningen, Indicator.byId("trajecten_actief.jeugdreclassering"));
        assertEquals(Disclosure.REASON_DIFFERENCING, active.reason());
        assertEquals("–", Text.value(active));
        Bounds after = attack(audited);
        for (int v = 0; v < after.size(); v++) {
            assertTrue(after.lo(v) < after.hi(v) || after.hi(v) >= 10, after.name(v) + " is still pinned below 10");
        }
        // the rest is as it was
        assertEquals(
                300.0,
                audited.figure(h1, groningen, Indicator.byId("trajecten_actief.jeugdhulp_zonder_verblijf"))
                        .value());
        assertEquals(
                "<10",
                Text.value(audited.figure(h1, groningen, Indicator.byId("trajecten_beeindigd.jeugdreclassering"))));
    }

    /** The relations of one gemeente over two half-years, read from its published counts. */
    private static Bounds attack(ReportData data) {
        Bounds bounds = new Bounds();
        CountModel model = new CountModel(bounds);
        Unit groningen = new Unit(Niveau.GEMEENTE, "GM0014");
        for (Periode p : data.periods()) {
            model.structure(p, groningen);
            for (List<Indicator> kind : CountModel.KINDS) {
                for (int category : new int[] {0, 1, 3, 4}) { // not jeugdhulp_verblijf_onbekend
                    Indicator cell = kind.get(category);
                    Disclosure.Figure f = data.figure(p, groningen, cell);
                    int v = model.v(p, groningen, CountModel.countQuantity(cell));
                    if (f.published()) {
                        bounds.within(
                                v,
                                Math.max(10, f.value().longValue() - 2),
                                f.value().longValue() + 2);
                    } else if (Disclosure.REASON_SMALL_COUNT.equals(f.reason())) {
                        bounds.within(v, 0, 9);
                    } else {
                        bounds.within(v, 10, Bounds.UNKNOWN);
                    }
                }
            }
        }
        model.chain(Periode.parse("2024H1"), Periode.parse("2024H2"), groningen);
        bounds.propagate();
        return bounds;
    }
}
