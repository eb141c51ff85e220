package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.SignalRows.Signal;
import nl.jeugdspiegel.contract.SignalTable;
import nl.jeugdspiegel.contract.Stats;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spiegelhalter's over-dispersion correction and the year-on-year tests, on figures worked out by hand. */
class SignalsTest {

    private static final double EXACT = 1e-9;

    @TempDir
    Path dir;

    private static IndicatorRow row(String niveau, String code, String indicator, double teller, double noemer) {
        return row(Periode.parse("2024H1"), Niveau.of(niveau), code, indicator, teller, noemer);
    }

    private static IndicatorRow row(
            Periode p, Niveau niveau, String code, String indicator, double teller, double noemer) {
        return new IndicatorRow(
                p,
                niveau,
                code,
                code,
                Indicator.byId(indicator),
                teller,
                noemer,
                teller / noemer,
                null,
                null,
                IndicatorRow.Status.OK,
                null,
                null,
                null,
                null);
    }

    private static IndicatorRow nl(String indicator, double teller, double noemer) {
        return row("nederland", "NL", indicator, teller, noemer);
    }

    /**
     * Five gemeenten, national volgens plan 0.5, each 100 ended (s = 0.05), values 0.5, 0.5, 0.5, 0.6, 0.9: z = 0, 0,
     * 0, 2, 8. Winsorised at the 10th (0) and 90th percentile (2 + 0.6 × 6 = 5.6): φ = (4 + 31.36) / 5 = 7.072; Iφ =
     * 35.36 > 4, so τ² = 31.36 / (2000 − 800000 / 2000) = 0.0196. The 0.9 has z = 0.4 / √0.0221 = 2.69 after the
     * correction (p = 0.0071), where the uncorrected z was 8; among 5 units Benjamini–Hochberg gives it q = 5p = 0.036,
     * below 0.05: one signal (v1.3), on the corrected z.
     */
    @Test
    void overDispersionWidensTheLimits() {
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(nl("beeindigd_volgens_plan", 500, 1000));
        double[] plan = {50, 50, 50, 60, 90};
        for (int i = 0; i < plan.length; i++) {
            rows.add(row("gemeente", "GM000" + i, "beeindigd_volgens_plan", plan[i], 100));
        }
        SignalRows.Result result = Signals.of(rows, List.of(), Map.of());
        assertEquals(1, result.signals().size(), result.signals().toString());
        Signal flagged = result.signals().get(0);
        assertEquals("GM0004", flagged.code());
        double z = 0.4 / Math.sqrt(0.0025 + 0.0196);
        assertEquals(z, flagged.z(), 1e-9);
        assertEquals(Stats.twoSidedP(z), flagged.p(), EXACT);
        assertEquals(5 * flagged.p(), flagged.q(), EXACT);
        assertEquals(0.0071, flagged.p(), 1e-4);
        SignalRows.Dispersion d = result.dispersion().get(0);
        assertEquals(Niveau.GEMEENTE, d.niveau());
        assertEquals(5, d.eenheden());
        assertEquals(7.072, d.phi(), EXACT);
        assertEquals(0.0196, d.tau2(), EXACT);
    }

    /**
     * Ten gemeenten at the national 0.5 but one at 0.68 (z = 3.6): winsorised at the 90th percentile (0.1 × 3.6 =
     * 0.36), φ = 0.1296 / 10 = 0.01296 and Iφ below 9: no τ². The one unit is a signal above, and for volgens plan that
     * is better; for voortijdig the same figures are worse.
     */
    @Test
    void aUnitOutsideTheLimitsIsFlaggedWithItsDirection() {
        for (String indicator : List.of("beeindigd_volgens_plan", "voortijdig_beeindigd")) {
            List<IndicatorRow> rows = new ArrayList<>();
            rows.add(nl(indicator, 500, 1000));
            for (int i = 0; i < 9; i++) {
                rows.add(row("gemeente", "GM000" + i, indicator, 50, 100));
            }
            rows.add(row("gemeente", "GM0099", indicator, 68, 100));
            SignalRows.Result result = Signals.of(rows, List.of(), Map.of());
            assertEquals(1, result.signals().size(), indicator);
            Signal s = result.signals().get(0);
            assertEquals("GM0099", s.code());
            assertEquals(SignalRows.AFWIJKING_BOVEN, s.signaal());
            assertEquals(indicator.startsWith("voortijdig") ? SignalRows.SLECHTER : SignalRows.BETER, s.richting());
            assertEquals(3.6, s.z(), 1e-6);
            assertEquals(0.01296, s.phi(), 1e-9);
            assertEquals(0.0, s.tau2());
            assertEquals(0.5, s.referentie(), EXACT);
            assertTrue(s.afwijking());
        }
    }

    /**
     * The median waiting time by a sign test against the national median: nine providers with 10 waits above and 10
     * below it, one with 30 above and 5 below (z = 25 / √35 = 4.23). No over-dispersion (φ = 0.4226² / 10); the one is
     * a signal above, and a longer wait is worse.
     */
    @Test
    void theMedianWaitingTimeIsTestedBySigns() {
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(new IndicatorRow(
                Periode.parse("2024H1"),
                Niveau.NEDERLAND,
                "NL",
                "Nederland",
                Indicator.byId("wachttijd_mediaan_dagen"),
                null,
                215.0,
                30.0,
                null,
                null,
                IndicatorRow.Status.OK,
                null,
                null,
                null,
                null));
        Map<Signals.UnitKey, Signals.SignTest> signs = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            String code = "1000000" + i;
            rows.add(new IndicatorRow(
                    Periode.parse("2024H1"),
                    Niveau.AANBIEDER,
                    code,
                    code,
                    Indicator.byId("wachttijd_mediaan_dagen"),
                    null,
                    20.0,
                    i == 9 ? 52.0 : 30.0,
                    null,
                    null,
                    IndicatorRow.Status.OK,
                    null,
                    null,
                    null,
                    null));
            signs.put(
                    new Signals.UnitKey(Niveau.AANBIEDER, code),
                    new Signals.SignTest(i == 9 ? 30 : 10, i == 9 ? 5 : 10));
        }
        List<Signal> signals = Signals.of(rows, List.of(), signs).signals();
        assertEquals(1, signals.size());
        assertEquals("10000009", signals.get(0).code());
        assertEquals(25 / Math.sqrt(35), signals.get(0).z(), EXACT);
        assertEquals(SignalRows.SLECHTER, signals.get(0).richting());
        assertEquals(52.0, signals.get(0).waarde());
        assertEquals(30.0, signals.get(0).referentie());
    }

    /**
     * One year on: volgens plan 40/100 → 60/100 (pooled 0.5, se = √(0.25 × 0.02), z = 2.83) rose, better; O/E 15/20 →
     * 30/20 (45 observed, half expected in each year: z = 7.5 / √11.25 = 2.24) rose; 45/100 → 50/100 is no change.
     */
    @Test
    void changesAgainstOneYearEarlier() {
        List<IndicatorRow> before = List.of(
                row("gemeente", "GM0014", "beeindigd_volgens_plan", 40, 100),
                row("gemeente", "GM0014", "oe_volgens_plan", 15, 20),
                row("gemeente", "GM0037", "beeindigd_volgens_plan", 45, 100));
        List<IndicatorRow> now = List.of(
                row("gemeente", "GM0014", "beeindigd_volgens_plan", 60, 100),
                row("gemeente", "GM0014", "oe_volgens_plan", 30, 20),
                row("gemeente", "GM0037", "beeindigd_volgens_plan", 50, 100));
        List<Signal> signals = Signals.of(now, before, Map.of()).signals();
        assertEquals(2, signals.size(), signals.toString());
        Signal share = signals.get(0);
        assertEquals(SignalRows.GESTEGEN, share.signaal());
        assertEquals(SignalRows.BETER, share.richting());
        assertEquals(0.2 / Math.sqrt(0.25 * 0.02), share.z(), EXACT);
        assertEquals(0.4, share.referentie(), EXACT);
        assertEquals(7.5 / Math.sqrt(11.25), signals.get(1).z(), EXACT);
        assertEquals(null, signals.get(1).phi());
    }

    /**
     * Benjamini–Hochberg by hand, m = 5, q = 0.05: p = 0.01, 0.01 (a tie), 0.035, 0.039, 0.5. The thresholds k/m·q are
     * 0.01, 0.02, 0.03, 0.04, 0.05; the largest rank with p(k) ≤ its threshold is 4 (0.039 ≤ 0.04), so the four
     * smallest are flagged, 0.035 too although it is above its own threshold (0.03): the step-up. Adjusted: q(4) =
     * 0.039 × 5/4 = 0.04875, q(3) = min(0.04875, 0.035 × 5/3) = 0.04875, q(2) = q(1) = min(0.04875, 0.01 × 5/2) =
     * 0.025 (the tie shares it), q(5) = 0.5.
     */
    @Test
    void benjaminiHochbergStepsUpAndTiesShareTheirQ() {
        double[] q = Stats.benjaminiHochberg(new double[] {0.5, 0.035, 0.01, 0.039, 0.01});
        assertEquals(0.5, q[0], EXACT);
        assertEquals(0.04875, q[1], EXACT);
        assertEquals(0.025, q[2], EXACT);
        assertEquals(0.04875, q[3], EXACT);
        assertEquals(0.025, q[4], EXACT);
        // through the signals: five gemeenten one year on whose changes have these p-values (z from p)
        assertEquals(0.01, Stats.twoSidedP(2.5758293), 1e-6);
        assertEquals(1.0, Stats.twoSidedP(0), 1e-7);
        assertEquals(0.05, Stats.twoSidedP(1.959964), 1e-6);
    }

    private static IndicatorRow row(Periode p, String code, String indicator, double teller, double noemer) {
        return row(p, code.equals("NL") ? Niveau.NEDERLAND : Niveau.GEMEENTE, code, indicator, teller, noemer);
    }

    /**
     * A trend over five half-years by hand (Cochran–Armitage): volgens plan 40, 45, 50, 55, 60 of 100 (2022H1–2024H1).
     * Pooled p̄ = 0.5, t̄ = 2; Σ x(t − t̄) = −80 − 45 + 0 + 55 + 120 = 50; Σ n(t − t̄)² = 1000; z = 50 / √(0.25 × 1000)
     * = 3.162, p = 0.0016: a rising trend, better. A second gemeente with the same figures but only four half-years in a
     * row (one without a value in between) gets no trend test.
     */
    @Test
    void aTrendOnFivePointsAndNoneOnFour() {
        double[] plan = {40, 45, 50, 55, 60};
        Periode last = Periode.parse("2024H1");
        List<List<IndicatorRow>> earlier = new ArrayList<>();
        List<IndicatorRow> now = new ArrayList<>();
        for (int back = 0; back < plan.length; back++) {
            Periode p = Periode.parse("2024H1");
            for (int i = 0; i < back; i++) {
                p = p.previous();
            }
            List<IndicatorRow> half = new ArrayList<>();
            half.add(row(p, "NL", "beeindigd_volgens_plan", 1000, 2000));
            half.add(row(p, "GM0014", "beeindigd_volgens_plan", plan[4 - back], 100));
            if (back != 4) {
                half.add(row(p, "GM0034", "beeindigd_volgens_plan", plan[4 - back], 100));
            }
            if (back == 0) {
                now = half;
            } else {
                earlier.add(half);
            }
        }
        List<Signal> trends = Signals.of(now, List.of(), Map.of(), earlier).signals().stream()
                .filter(s -> s.soort() == SignalRows.Soort.TREND)
                .toList();
        assertEquals(1, trends.size(), trends.toString());
        Signal t = trends.get(0);
        assertEquals("GM0014", t.code());
        assertEquals(last, t.periode());
        assertEquals(50 / Math.sqrt(250), t.z(), EXACT);
        assertEquals(SignalRows.STIJGEND, t.signaal());
        assertEquals(SignalRows.BETER, t.richting());
        assertEquals(0.5, t.referentie(), EXACT);
        assertEquals(t.p(), t.q(), EXACT); // the only trend test of its family
    }

    /**
     * No unit differs: 300 gemeenten share one true volgens-plan rate (0.6) over 10 half-years, with 20 to 400 ended
     * trajectories each. Benjamini–Hochberg keeps the signals near zero (at most one family in twenty flags anything by
     * chance); testing each unit at its own 95 % level, as v1.2 did for changes, flags about 5 % of them every time.
     */
    @Test
    void whenEveryUnitSharesOneRateTheSignalsStayNearZero() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(2028);
        int units = 300;
        int[] n = new int[units];
        for (int u = 0; u < units; u++) {
            n[u] = 20 + random.nextInt(381);
        }
        List<List<IndicatorRow>> history = new ArrayList<>(); // nearest first
        Map<SignalRows.Soort, Integer> flagged = new java.util.EnumMap<>(SignalRows.Soort.class);
        int perUnitChanges = 0;
        Periode p = Periode.parse("2021H1");
        for (int half = 0; half < 10; half++, p = p.next()) {
            List<IndicatorRow> rows = new ArrayList<>();
            long x = 0;
            long total = 0;
            for (int u = 0; u < units; u++) {
                int k = 0;
                for (int i = 0; i < n[u]; i++) {
                    k += random.nextDouble() < 0.6 ? 1 : 0;
                }
                rows.add(row(p, String.format("GM%04d", u), "beeindigd_volgens_plan", k, n[u]));
                x += k;
                total += n[u];
            }
            rows.add(row(p, "NL", "beeindigd_volgens_plan", x, total));
            List<IndicatorRow> yearEarlier = history.size() >= 2 ? history.get(1) : List.of();
            for (Signal s : Signals.of(rows, yearEarlier, Map.of(), history).signals()) {
                flagged.merge(s.soort(), 1, Integer::sum);
            }
            for (int u = 0; u < units && !yearEarlier.isEmpty(); u++) {
                Double z = Signals.changeZ(rows.get(u), yearEarlier.get(u));
                if (z != null && Math.abs(z) > Stats.Z95) {
                    perUnitChanges++;
                }
            }
            history.add(0, rows);
        }
        int signals = flagged.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("no unit differs, 300 units x 10 half-years: signals " + flagged
                + "; at each unit's own 95 % " + "level " + perUnitChanges + " changes");
        assertTrue(signals <= 5, "signals when no unit differs: " + flagged);
        assertTrue(perUnitChanges > 60, "each unit at its own 95 % level: " + perUnitChanges);
    }

    /** The pooled small providers ({@code overig}) are no provider: never a signal, however far they lie. */
    @Test
    void thePooledSmallProvidersGetNoSignal() {
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(nl("beeindigd_volgens_plan", 500, 1000));
        for (int i = 0; i < 9; i++) {
            rows.add(row("aanbieder", "7300000" + i, "beeindigd_volgens_plan", 50, 100));
        }
        rows.add(row("aanbieder", "overig", "beeindigd_volgens_plan", 90, 100));
        rows.add(row("aanbieder", "73000009", "beeindigd_volgens_plan", 80, 100));
        List<Signal> signals = Signals.of(rows, List.of(), Map.of()).signals();
        assertEquals(List.of("73000009"), signals.stream().map(Signal::code).toList());
    }

    @Test
    void tablesRoundTrip() throws Exception {
        List<Signal> signals = List.of(new Signal(
                Periode.parse("2024H1"),
                Niveau.GEMEENTE,
                "GM0014",
                Indicator.byId("oe_volgens_plan"),
                SignalRows.Soort.AFWIJKING,
                "onder",
                "slechter",
                -3.5,
                0.000465,
                0.0093,
                1.2,
                0.001,
                0.81,
                1.0));
        Path csv = dir.resolve("signalen.csv");
        SignalTable.SIGNALS.writeCsv(signals, csv);
        try (var reader = java.nio.file.Files.newBufferedReader(csv)) {
            assertEquals(signals, SignalTable.SIGNALS.readCsv(reader, "signalen.csv"));
        }
        assertEquals(
                "periode,niveau,code,indicator,soort,signaal,richting,z,p,q,phi,tau2,waarde,referentie",
                java.nio.file.Files.readAllLines(csv).get(0));
    }
}
