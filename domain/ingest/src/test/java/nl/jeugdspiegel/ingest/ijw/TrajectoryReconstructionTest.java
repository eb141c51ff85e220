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

    private static List<String> rowOf(TrajectoryReconstruction.Result result, String categorie) {
        return result.rows().stream()
                .filter(r -> col(r, Column.PRODUCTCATEGORIE).equals(categorie))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of category " + categorie));
    }

    /** Contract v1.2 §2: every group of today's categories 40–55, and 42 that is no trajectory. */
    @Test
    void todaysCategoriesMapToSoortAndHulpvormAsTheContractTable() {
        List<MessageFacts.Fact> facts = new ArrayList<>();
        String[] categories = {
            "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55"
        };
        for (int i = 0; i < categories.length; i++) {
            facts.add(start(Integer.toString(100 + i), categories[i], "2024-03-01"));
            facts.add(stop(Integer.toString(100 + i), categories[i], "2024-03-01", "2024-05-31", "31"));
        }
        facts.add(fact(MessageCheck.Type.JW305, "ToewijzingNummer", "4", "Begindatum", "2024-03-01"));
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction().reconstruct(H1, facts);
        assertEquals(categories.length - 1, result.rows().size(), "all but 42");
        for (String c : List.of("40", "43", "44", "45", "46", "50", "51", "52", "53", "54", "55")) {
            assertEquals("jeugdhulp", col(rowOf(result, c), Column.SOORT), c);
            assertEquals("", col(rowOf(result, c), Column.HULPVORM), c + ": not determined by the category");
            assertEquals("01", col(rowOf(result, c), Column.REDEN_BEEINDIGING), c + ": JZ588 31 → BIJ 01");
        }
        assertEquals("03", col(rowOf(result, "41"), Column.HULPVORM), "41 dagbehandeling");
        for (String c : List.of("47", "49")) {
            assertEquals("jeugdreclassering", col(rowOf(result, c), Column.SOORT), c);
            assertEquals("", col(rowOf(result, c), Column.HULPVORM), c);
            assertEquals("", col(rowOf(result, c), Column.REDEN_BEEINDIGING), c + ": JZ588 is no measure reason");
        }
        assertEquals("jeugdbescherming", col(rowOf(result, "48"), Column.SOORT));
        assertEquals(1, result.vervoer(), "42 is counted, not a trajectory");
        assertEquals(Map.of(TrajectoryReconstruction.NO_CATEGORY, 1), result.unmapped());
        assertEquals(
                14,
                result.withoutHulpvorm().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertFalse(result.withoutHulpvorm().containsKey("41"));
        assertTrue(
                result.warnings().stream().anyMatch(w -> w.contains("categorie 42 (vervoerdiensten) overgeslagen")),
                result.warnings().toString());
    }

    @Test
    void aProductMappingGivesTheHulpvormAndTheReceiptListsTheCodesWithout() {
        ProductMapping mapping = ProductMapping.read(
                "reference/productcodes/GM0363.csv",
                new java.io.ByteArrayInputStream(
                        ("productcategorie;productcode;hulpvorm\n45;45A03;02\n43;43A01;12\n48;48B01;11\n"
                                        + "45;45A99;13;extra\n99;99X;01\n47;47A01;01\n")
                                .getBytes(StandardCharsets.UTF_8)),
                new nl.jeugdspiegel.ingest.validation.CodeRules(nl.jeugdspiegel.core.reference.ReferenceData.get()));
        assertEquals(3, mapping.products());
        assertEquals(3, mapping.ignoredLines(), "a line with 4 fields, an unknown category, a JH code for JR");
        List<MessageFacts.Fact> facts = List.of(
                product(MessageCheck.Type.JW305, "1", "45", "45A03", "2024-03-01"),
                product(MessageCheck.Type.JW305, "2", "43", "43A01", "2024-03-01"),
                product(MessageCheck.Type.JW305, "3", "48", "48B01", "2024-03-01"),
                product(MessageCheck.Type.JW305, "4", "45", "45A04", "2024-03-01"),
                product(MessageCheck.Type.JW305, "5", "45", "45A05", "2024-03-02"));
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction().reconstruct(H1, facts, mapping);
        assertEquals(
                List.of("02", "12", "11", "", ""),
                result.rows().stream().map(r -> col(r, Column.HULPVORM)).toList());
        assertEquals(3, result.mapped());
        assertEquals(Map.of("45", 2), result.withoutHulpvorm());
        assertEquals(Map.of("45", java.util.Set.of("45A04", "45A05")), result.productCodes());
    }

    private static MessageFacts.Fact product(
            MessageCheck.Type type, String toewijzing, String categorie, String code, String begin) {
        return fact(
                type,
                "ToewijzingNummer",
                toewijzing,
                "Product/Categorie",
                categorie,
                "Product/Code",
                code,
                "Begindatum",
                begin);
    }

    private static MessageFacts.Fact request(String bsn, String reference, String categorie, String day) {
        MessageFacts.Fact f = fact(
                MessageCheck.Type.JW315,
                "ReferentieAanbieder",
                reference,
                "Product/Categorie",
                categorie,
                "Header/BerichtIdentificatie/Dagtekening",
                day);
        Map<String, String> values = new HashMap<>(f.values());
        values.put("Client/Bsn", bsn);
        return new MessageFacts.Fact(f.type(), f.file(), values);
    }

    private static MessageFacts.Fact allocation(
            String bsn, String toewijzing, String reference, String categorie, String day, String einde) {
        Map<String, String> values = new HashMap<>(fact(MessageCheck.Type.JW301).values());
        values.put("Client/Bsn", bsn);
        values.put("ToewijzingNummer", toewijzing);
        values.put("Product/Categorie", categorie);
        values.put("Toewijzingsdatum", day);
        values.put("Header/BerichtIdentificatie/Dagtekening", day);
        if (reference != null) {
            values.put("ReferentieAanbieder", reference);
        }
        if (einde != null) {
            values.put("Einddatum", einde);
        }
        return new MessageFacts.Fact(MessageCheck.Type.JW301, "JW301.xml", values);
    }

    private static MessageFacts.Fact startOf(String bsn, String toewijzing, String categorie, String begin) {
        Map<String, String> values =
                new HashMap<>(start(toewijzing, categorie, begin).values());
        values.put("Client/Bsn", bsn);
        return new MessageFacts.Fact(MessageCheck.Type.JW305, "JW305.xml", values);
    }

    /** Indicators v1.2 "waiting now": a request still waiting, one that started, withdrawn, after L, measures. */
    @Test
    void whoIsWaitingAtTheLastDayOfThePeriode() {
        List<MessageFacts.Fact> facts = List.of(
                // A: requested 2024-03-01, allocated, no start: waiting since the request
                request("A", "RA", "45", "2024-03-01"),
                allocation("A", "10", "RA", "45", "2024-03-10", null),
                // B: requested, allocated and started in June: not waiting
                request("B", "RB", "45", "2024-05-01"),
                allocation("B", "20", "RB", "45", "2024-05-10", null),
                startOf("B", "20", "45", "2024-06-03"),
                // C: started only after L (in H2): still waiting at L, since the allocation
                allocation("C", "30", null, "43", "2024-06-20", null),
                startOf("C", "30", "43", "2024-07-02"),
                // D: allocation withdrawn (ended unused before L), and its request with it
                request("D", "RD", "45", "2024-02-01"),
                allocation("D", "40", "RD", "45", "2024-02-05", "2024-04-30"),
                // E: request after L, and F: a request for jeugdbescherming: neither counts
                request("E", "RE", "45", "2024-07-01"),
                request("F", "RF", "48", "2024-03-01"),
                // G: request without allocation, later a start in the same category: not waiting
                request("G", "RG", "54", "2024-04-01"),
                startOf("G", "70", "54", "2024-04-20"),
                // H: two open requests: the earliest counts, once
                request("H", "RH1", "45", "2024-01-15"),
                request("H", "RH2", "46", "2024-05-15"));
        TrajectoryReconstruction.Result result = new TrajectoryReconstruction().reconstruct(H1, facts);
        assertEquals(
                List.of(
                        new TrajectoryReconstruction.WaitingClient("A", "2024-03-01", "45"),
                        new TrajectoryReconstruction.WaitingClient("C", "2024-06-20", "43"),
                        new TrajectoryReconstruction.WaitingClient("H", "2024-01-15", "45")),
                result.waiting());
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
