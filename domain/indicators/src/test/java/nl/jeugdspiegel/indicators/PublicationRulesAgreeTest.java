package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jb;
import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.Availability;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipt's {@code publicatie} block predicts from one delivery's lake file ({@link LakeProfile}, {@link
 * Availability}) which indicators the engine will leave {@code niet_beschikbaar} for that gemeente: here the engine
 * runs on the same lake file and the two sets must be equal, delivery by delivery. Left out: what does not depend on
 * the delivery (per 1,000 needs the population; the follow-up indicators the next half-year).
 */
class PublicationRulesAgreeTest {

    private static final Periode P = Periode.parse("2025H1");
    private static final String G = "GM0014";
    /**
     * Not decided by the delivery alone: the population, the follow-up half-year, and the cohorts (an episode and its
     * attribution run across municipalities and half-years).
     */
    private static final Set<String> NOT_ABOUT_THE_DELIVERY = Stream.concat(
                    Stream.of("jeugdigen_jh_per_1000", "geen_nieuwe_hulp_6m", "geen_nieuwe_start_cbs"),
                    Indicator.INSTROOM.stream().map(Indicator::id))
            .collect(Collectors.toSet());

    @TempDir
    Path dir;

    @Test
    void aCompleteDeliveryLeavesOnlyTheWaitingCounts() {
        Set<String> predicted = agree(d -> {
            for (int i = 0; i < 12; i++) {
                d.row(jh("c" + i, "01", "2025-02-01", "2025-05-01")
                        .reden(i % 3 == 0 ? "02" : "01")
                        .verwijzer("01")
                        .aanmeld("2025-01-10")
                        .zonderHulpVerder("03")
                        .tevredenheid(8)
                        .kosten(100_00)
                        .agb("12345678"));
            }
        });
        assertEquals(Set.of("wachtend_einde_periode", "wachtend_langer_dan_9_weken"), predicted);
    }

    @Test
    void kostenOn80PercentNoAanmelddatumNoResponses() {
        Set<String> predicted = agree(d -> {
            for (int i = 0; i < 10; i++) {
                TestLake.Row r = jh("c" + i, "11", "2025-02-01", i < 5 ? "2025-06-01" : null)
                        .reden(i < 5 ? "01" : null)
                        .verwijzer("02");
                d.row(i < 8 ? r.kosten(50_00) : r);
            }
        });
        assertTrue(predicted.containsAll(Set.of(
                "kosten_per_jeugdige",
                "wachttijd_mediaan_dagen",
                "wachttijd_p90_dagen",
                "zonder_hulp_verder",
                "tevredenheid_gemiddeld")));
    }

    @Test
    void onlyJeugdbescherming() {
        Set<String> predicted =
                agree(d -> d.row(jb("a", "11", "2025-01-15", null)).row(jb("b", "12", "2024-01-15", null)));
        assertTrue(
                predicted.containsAll(Set.of("aandeel_met_verblijf", "kosten_per_jeugdige", "beeindigd_volgens_plan")));
    }

    @Test
    void onlyRunningJeugdhulpFromEarlier() {
        Set<String> predicted =
                agree(d -> d.row(jh("a", "01", "2024-03-01", null).kosten(0))
                        .row(jh("b", "12", "2023-03-01", null).kosten(1)));
        assertTrue(
                predicted.contains("verwijzer.01") && predicted.contains("duur_mediaan_dagen"), predicted.toString());
        assertTrue(!predicted.contains("kosten_per_jeugdige"), "0 counts as kosten present");
    }

    @Test
    void anIjwDeliveryKnowsWhoWaits() {
        Set<String> predicted = agree(d -> d.fromMessages()
                .waits("w", "2025-03-01")
                .row(jh("a", "01", "2025-02-01", "2025-03-01").reden("01").aanmeld("2025-01-01")));
        assertTrue(!predicted.contains("wachtend_einde_periode"), predicted.toString());
    }

    /** Builds one delivery, checks prediction = engine, returns the predicted set. */
    private Set<String> agree(Consumer<TestLake.Delivery> rows) {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery delivery = lake.delivery(P.toString(), G);
        rows.accept(delivery);
        IndicatorEngine engine = lake.engine();
        Path lakeFile = dir.resolve(BucketLayout.trajecten(P, G));
        boolean fromMessages = java.nio.file.Files.exists(dir.resolve(BucketLayout.wachtend(P, G)));
        Set<String> predicted = new TreeSet<>();
        try {
            for (Availability.Unavailable u :
                    Availability.unavailable(Availability.Counts.of(LakeProfile.of(lakeFile, P), fromMessages))) {
                u.indicatoren().forEach(i -> predicted.add(i.id()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        predicted.removeAll(NOT_ABOUT_THE_DELIVERY);
        Set<String> actual = new TreeSet<>();
        for (IndicatorRow row : engine.compute(P)) {
            if (row.niveau() == Niveau.GEMEENTE
                    && row.code().equals(G)
                    && row.status() == IndicatorRow.Status.NIET_BESCHIKBAAR
                    && !NOT_ABOUT_THE_DELIVERY.contains(row.indicator().id())) {
                actual.add(row.indicator().id());
            }
        }
        assertEquals(actual, predicted, "the receipt's prediction and the engine");
        return predicted;
    }
}
