package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.jeugdspiegel.audit.DisclosureAudit;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import nl.jeugdspiegel.oracle.LakeCheck;
import nl.jeugdspiegel.runner.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./jeugdspiegel generate DIR --format ijw} then {@code run DIR}, as a user would try it: every zip
 * gets a receipt with its messages counted, the lake is filled from the messages, and indicators and the
 * site follow without any change.
 */
class GeneratedIjwPipelineIT {

    @Test
    void zipsOfIjwMessagesRunThroughTheWholePipeline(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        assertEquals(
                0,
                Main.run(
                        new String[] {"generate", dir.toString(), "--scale", "0.003", "--seed", "5", "--format", "ijw"},
                        out));
        // half the municipalities (and GM0363, whose page is read below): well over a thousand zips of every kind
        GeneratedCountry.keepOneMunicipalityIn(dir.resolve("uploads"), 2, "GM0363");
        assertEquals(0, Main.run(new String[] {"run", dir.toString()}, out));
        String printed = output.toString(StandardCharsets.UTF_8);

        List<Path> zips;
        List<Path> receipts;
        try (Stream<Path> uploads = Files.walk(dir.resolve("uploads"))) {
            zips = uploads.filter(p -> p.toString().endsWith(".zip")).toList();
        }
        // each zip's receipt where BucketLayout puts it: beside the others, or under _ongeldig/ for a key that is not
        // plain (the generator delivers a few under a bad folder name)
        receipts = zips.stream()
                .map(zip -> dir.resolve(BucketLayout.receipt(
                        dir.relativize(zip).toString().replace('\\', '/'),
                        nl.jeugdspiegel.core.reference.ReferenceData.get()::isMunicipality)))
                .toList();
        assertTrue(zips.size() > 1000, zips.size() + " zips");
        for (Path receipt : receipts) {
            assertTrue(Files.exists(receipt), "one receipt per zip: " + receipt);
        }
        long accepted = 0;
        long messages = 0;
        for (Path receipt : receipts) {
            Receipt r = Receipts.read(Files.readAllBytes(receipt));
            messages += r.berichten() == null ? 0 : r.berichten().gelezen();
            if (r.status().equals("geaccepteerd")) {
                accepted++;
                assertTrue(r.aantallen().rijenInLake() > 0 || !r.toegepast(), receipt.toString());
            } else {
                assertTrue(
                        List.of("leeg_bestand", "te_veel_fouten", "zip_ongeldig", "sleutel_ongeldig")
                                .contains(r.afwijzing().code()),
                        r.toString());
            }
        }
        assertTrue(accepted > zips.size() * 0.9, accepted + " of " + zips.size() + " accepted");
        assertTrue(messages > 4 * accepted, messages + " messages");
        Map<String, Long> perPeriode = LakeCheck.rowsPerPeriode(dir);
        assertEquals(10, perPeriode.size(), perPeriode.toString());
        assertTrue(Files.exists(dir.resolve("indicators/manifest.json")), printed);
        assertTrue(Files.readString(dir.resolve("site/index.html")).contains("Jeugdspiegel"));
        todaysTrafficLandsWithJbJrAndWhoIsWaiting(dir, receipts);
    }

    /** Issue 14: categories 40–55 with JB/JR, product mappings, verblijf unknown, and who is waiting. */
    private static void todaysTrafficLandsWithJbJrAndWhoIsWaiting(Path dir, List<Path> receipts) throws Exception {
        List<Map<String, Object>> perSoort = AthenaQueriesIT.run(
                "SELECT soort, count(*) AS n, count(*) FILTER (WHERE hulpvorm IS NULL) AS zonder_hulpvorm, "
                        + "count(*) FILTER (WHERE soort = 'jeugdhulp' AND verblijf IS NULL) AS verblijf_onbekend "
                        + "FROM trajecten GROUP BY soort ORDER BY soort",
                "trajecten",
                LakeCheck.glob(dir));
        assertEquals(
                List.of("jeugdbescherming", "jeugdhulp", "jeugdreclassering"),
                perSoort.stream().map(r -> r.get("soort")).toList(),
                "the whole traffic, JB and JR included");
        Map<String, Object> jh = perSoort.get(1);
        long jhRows = ((Number) jh.get("n")).longValue();
        long withoutHulpvorm = ((Number) jh.get("zonder_hulpvorm")).longValue();
        long unknown = ((Number) jh.get("verblijf_onbekend")).longValue();
        assertTrue(
                withoutHulpvorm > 0.05 * jhRows && withoutHulpvorm < 0.4 * jhRows, withoutHulpvorm + " of " + jhRows);
        assertTrue(unknown > 0 && unknown < withoutHulpvorm, unknown + " unknown, " + withoutHulpvorm + " without");

        long withMapping = 0;
        long vervoer = 0;
        for (Path receipt : receipts) {
            Receipt.Berichten b = Receipts.read(Files.readAllBytes(receipt)).berichten();
            if (b != null && b.productcodes() != null && b.productcodes().trajectenToegewezen() > 0) {
                withMapping++;
            }
            vervoer += b == null ? 0 : b.vervoerOvergeslagen();
        }
        assertTrue(withMapping > receipts.size() / 2, withMapping + " receipts with mapped products");
        assertTrue(vervoer > 0, "vervoer (42) counted in the receipts");

        // the template's named query on the waiting files agrees with the engine's table for every gemeente
        List<Map<String, Object>> waiting = AthenaQueriesIT.run(
                AthenaQueriesIT.namedQueries().get("WachtendNamedQuery"),
                "wachtend",
                dir.resolve("lake/wachtend").toAbsolutePath() + "/*/*/*.parquet");
        assertTrue(waiting.size() > 150, waiting.size() + " gemeente-periodes with someone waiting");
        Map<String, nl.jeugdspiegel.contract.IndicatorRow> table = new java.util.HashMap<>();
        for (nl.jeugdspiegel.core.Periode p : nl.jeugdspiegel.core.Periode.range(
                nl.jeugdspiegel.core.Periode.parse("2021H1"), nl.jeugdspiegel.core.Periode.parse("2025H2"))) {
            for (nl.jeugdspiegel.contract.IndicatorRow row : nl.jeugdspiegel.contract.IndicatorTable.readCsv(
                    dir.resolve(nl.jeugdspiegel.contract.BucketLayout.indicatorTable(
                            p, nl.jeugdspiegel.contract.BucketLayout.Format.CSV)))) {
                table.put(row.periode() + "|" + row.code() + "|" + row.indicator(), row);
            }
        }
        long longer = 0;
        for (Map<String, Object> r : waiting) {
            String key = r.get("periode") + "|" + r.get("gemeente") + "|";
            assertEquals(
                    ((Number) r.get("wachtend_einde_periode")).doubleValue(),
                    table.get(key + "wachtend_einde_periode").waarde(),
                    key);
            assertEquals(
                    ((Number) r.get("wachtend_langer_dan_9_weken")).doubleValue(),
                    table.get(key + "wachtend_langer_dan_9_weken").waarde(),
                    key);
            longer += ((Number) r.get("wachtend_langer_dan_9_weken")).longValue();
        }
        assertTrue(longer > 0, "some wait longer than 9 weeks");
        assertEquals(
                nl.jeugdspiegel.contract.IndicatorRow.Status.OK,
                table.get("2024H1|NL|wachtend_einde_periode").status());
        String gemeentePage = Files.readString(dir.resolve("site/gemeente/GM0363.html"));
        assertTrue(gemeentePage.contains("wachten op jeugdhulp"), "the report shows who is waiting");

        // disclosure control covers the waiting counts and the unknown-verblijf cells: the attacker of the
        // disclosure work recovers nothing below 10 from this site either
        DisclosureAudit.Findings findings = DisclosureAudit.run(dir);
        findings.print(System.out);
        assertEquals(List.of(), findings.unsound(), "the attacker's bounds hold the truth");
        assertEquals(List.of(), findings.contradictions());
        assertEquals(0, findings.recovered(), "recovered: " + findings.examples());
    }
}
