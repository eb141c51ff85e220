package nl.jeugdspiegel.ingest.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.ingest.upload.Column;
import org.junit.jupiter.api.Test;

class TrajectoryReconstructionTest {

    private static final Periode H1 = Periode.parse("2024H1");

    private static MessageFacts.Fact fact(MessageCheck.Type type, String... pathsAndValues) {
        Map<String, String> values = new HashMap<>();
        values.put("Client/Bsn", "111222333");
        values.put("Client/Geboortedatum/Datum", "2012-05-17");
        values.put("Client/Geslacht", "2");
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            values.put(pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return new MessageFacts.Fact(type, type + ".xml", values);
    }

    private static MessageFacts.Fact start(String toewijzing, String categorie, String begin) {
        return fact(
                MessageCheck.Type.JW305,
                "ToewijzingNummer",
                toewijzing,
                "Product/Categorie",
                categorie,
                "Begindatum",
                begin);
    }

    private static MessageFacts.Fact stop(String toewijzing, String categorie, String begin, String end, String reden) {
        return fact(
                MessageCheck.Type.JW307,
                "ToewijzingNummer",
                toewijzing,
                "Product/Categorie",
                categorie,
                "Begindatum",
                begin,
                "Einddatum",
                end,
                "RedenBeeindiging",
                reden);
    }

    private static String col(List<String> row, Column c) {
        return row.get(c.ordinal());
    }

    @Test
    void startAndStopMakeOneEndedTrajectoryWithMappedCodes() {
        List<MessageFacts.Fact> facts = new ArrayList<>(List.of(
                fact(
                        MessageCheck.Type.JW315,
                        "Product/Categorie",
                        "32",
                        "Verwijzer/Type",
                        "02",
                        "Header/BerichtIdentificatie/Dagtekening",
                        "2024-01-05"),
                fact(
                        MessageCheck.Type.JW301,
                        "ToewijzingNummer",
                        "4711",
                        "Product/Categorie",
                        "32",
                        "Toewijzingsdatum",
                        "2024-01-20"),
                start("4711", "32", "2024-02-01"),
                // the same start again (a resent message) counts once
                start("4711", "32", "2024-02-01"),
                stop("4711", "32", "2024-02-01", "2024-05-31", "31"),
                fact(
                        MessageCheck.Type.JW323,
                        "ToewijzingNummer",
                        "4711",
                        "ProductPeriode/Begindatum",
                        "2024-02-01",
                        "ProductPeriode/Einddatum",
                        "2024-02-29",
                        "IngediendBedrag/Bedrag",
                        "125050",
                        "IngediendBedrag/DebetCredit",
                        "D",
                        "ProductReferentie/ReferentieNummer",
                        "DEC1-1"),
                // the same invoice sent again counts once
                fact(
                        MessageCheck.Type.JW323,
                        "ToewijzingNummer",
                        "4711",
                        "ProductPeriode/Begindatum",
                        "2024-02-01",
                        "ProductPeriode/Einddatum",
                        "2024-02-29",
                        "IngediendBedrag/Bedrag",
                        "125050",
                        "IngediendBedrag/DebetCredit",
                        "D",
                        "ProductReferentie/ReferentieNummer",
                        "DEC1-1"),
                fact(
                        MessageCheck.Type.JW323,
                        "ToewijzingNummer",
                        "4711",
                        "ProductPeriode/Begindatum",
                        "2024-03-01",
                        "ProductPeriode/Einddatum",
                        "2024-03-31",
                        "IngediendBedrag/Bedrag",
                        "5000",
                        "IngediendBedrag/DebetCredit",
                        "C"),
                // an invoice line of another half-year does not count
                fact(
                        MessageCheck.Type.JW323,
                        "ToewijzingNummer",
                        "4711",
                        "ProductPeriode/Begindatum",
                        "2023-12-01",
                        "ProductPeriode/Einddatum",
                        "2023-12-31",
                        "IngediendBedrag/Bedrag",
                        "99900",
                        "IngediendBedrag/DebetCredit",
                        "D")));
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction().reconstruct(H1, facts);
        assertEquals(1, result.rows().size());
        List<String> row = result.rows().get(0);
        assertEquals("111222333", col(row, Column.BSN));
        assertEquals("jeugdhulp", col(row, Column.SOORT));
        assertEquals("02", col(row, Column.HULPVORM), "JZ020 32 → BIJ 02 (ambulant op locatie)");
        assertEquals("2024-02-01", col(row, Column.STARTDATUM));
        assertEquals("2024-05-31", col(row, Column.EINDDATUM));
        assertEquals("01", col(row, Column.REDEN_BEEINDIGING), "JZ588 31 → BIJ 01 volgens plan");
        assertEquals("02", col(row, Column.VERWIJZER), "COD327 02 huisarts → BIJ 02");
        assertEquals("2024-01-05", col(row, Column.AANMELDDATUM), "the JW315's dagtekening");
        assertEquals("1200.50", col(row, Column.KOSTEN), "1250.50 debet − 50.00 credit, in the periode");
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void startWithoutStopIsRunningAndStopWithoutStartIsReported() {
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction()
                .reconstruct(
                        H1, List.of(start("1", "31", "2024-03-01"), stop("2", "35", "2023-11-01", "2024-04-15", "32")));
        assertEquals(2, result.rows().size());
        List<String> running = result.rows().stream()
                .filter(r -> col(r, Column.HULPVORM).equals("01"))
                .findFirst()
                .orElseThrow();
        assertEquals("", col(running, Column.EINDDATUM));
        assertEquals("", col(running, Column.AANMELDDATUM));
        List<String> stopped = result.rows().stream()
                .filter(r -> col(r, Column.HULPVORM).equals("11"))
                .findFirst()
                .orElseThrow();
        assertEquals("2023-11-01", col(stopped, Column.STARTDATUM), "the JW307's own Begindatum");
        assertEquals("03", col(stopped, Column.REDEN_BEEINDIGING), "JZ588 32 → BIJ 03 (door cliënt)");
        assertTrue(
                result.warnings().get(0).contains("zonder JW305"),
                result.warnings().toString());
    }

    @Test
    void categoryWithoutASoundMappingIsReportedNotGuessed() {
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction()
                .reconstruct(
                        H1,
                        List.of(
                                start("1", "45", "2024-03-01"),
                                start("2", "45", "2024-04-01"),
                                start("3", "33", "2024-03-01"),
                                fact(MessageCheck.Type.JW305, "ToewijzingNummer", "4", "Begindatum", "2024-03-01")));
        assertEquals(1, result.rows().size());
        assertEquals("03", col(result.rows().get(0), Column.HULPVORM));
        assertEquals(
                List.of(
                        "1 traject(en) met productcategorie " + TrajectoryReconstruction.NO_CATEGORY
                                + " niet opgenomen: deze categorie heeft geen eenduidige BIJ-hulpvorm",
                        "2 traject(en) met productcategorie 45 niet opgenomen: deze categorie heeft geen eenduidige BIJ-hulpvorm"),
                result.warnings());
    }

    @Test
    void trajectoriesOutsideThePeriodeAreLeftOut() {
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction()
                .reconstruct(
                        H1, List.of(stop("1", "31", "2023-01-01", "2023-12-31", "31"), start("2", "31", "2024-07-01")));
        assertEquals(List.of(), result.rows());
    }

    @Test
    void messageFactsKeepOnlyWhatTrajectoriesNeed() throws Exception {
        byte[] message = MessageCheckTest.jw305("2024-02-01", "").getBytes(StandardCharsets.UTF_8);
        MessageCheck.Type type =
                new MessageCheck().check("start.xml", message).type().orElseThrow();
        List<MessageFacts.Fact> facts = new MessageFacts().read(type, "start.xml", message);
        assertEquals(1, facts.size());
        MessageFacts.Fact f = facts.get(0);
        assertEquals("111222333", f.get("Client/Bsn"));
        assertEquals("2012-05-17", f.get("Client/Geboortedatum/Datum"));
        assertEquals("4711", f.get("ToewijzingNummer"));
        assertEquals("45", f.get("Product/Categorie"));
        assertEquals("2024-02-01", f.get("Begindatum"));
        // the client's name is in the message, never in the facts
        assertFalse(f.values().containsValue("Jansen"));
        assertFalse(f.values().keySet().stream().anyMatch(k -> k.contains("Naam")));
    }
}
