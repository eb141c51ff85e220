package nl.jeugdspiegel.report;

import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorOutputs;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.IndicatorEngine;
import nl.jeugdspiegel.indicators.TestLake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site from a small lake: every page, escaping, the CSP, and that only published figures appear. */
class SiteBuilderTest {

    private static final String EVIL = "<script>alert('x')</script> & \"Co\"";

    @TempDir
    static Path dir;

    private static Map<String, byte[]> site;
    private static ReportData data;

    @BeforeAll
    static void build() throws Exception {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery groningen = lake.delivery("2024H1", "GM0014");
        for (int i = 0; i < 60; i++) {
            groningen.row(jh("g" + i, i < 13 ? "11" : "01", "2024-01-01", i < 40 ? "2024-05-01" : null)
                    .reden(i % 3 == 0 ? "02" : "01")
                    .agb(i % 2 == 0 ? "12345678" : "87654321"));
        }
        lake.delivery("2024H1", "GM0034").row(jh("a", "01", "2024-01-01", null));
        TestLake.Delivery later = lake.delivery("2024H2", "GM0014").row(jh("h", "01", "2024-08-01", null));
        // a provider with 3 youths: no unit of its own, pooled with the other small ones (indicators v1.3)
        for (int i = 0; i < 3; i++) {
            later.row(jh("s" + i, "01", "2024-08-01", null).agb("11111111"));
        }
        // 30 trajectories of provider 87654321 ending in 2024H2, 20 volgens plan: its outcome is published
        for (int i = 0; i < 30; i++) {
            later.row(jh("k" + i, "01", "2024-07-01", "2024-11-01")
                    .reden(i < 20 ? "01" : "02")
                    .agb("87654321"));
        }
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\nGM0034;220000;50000\n");
        IndicatorEngine engine = lake.engine();
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        for (String p : List.of("2024H1", "2024H2")) {
            List<IndicatorRow> rows = new ArrayList<>();
            for (IndicatorRow r : engine.compute(Periode.parse(p))) {
                // a name that must be escaped wherever it appears
                rows.add(
                        r.code().equals("GM0014")
                                ? new IndicatorRow(
                                        r.periode(),
                                        r.niveau(),
                                        r.code(),
                                        EVIL,
                                        r.indicator(),
                                        r.teller(),
                                        r.noemer(),
                                        r.waarde(),
                                        r.ciLaag(),
                                        r.ciHoog(),
                                        r.status(),
                                        r.funnel95Laag(),
                                        r.funnel95Hoog(),
                                        r.funnel998Laag(),
                                        r.funnel998Hoog())
                                : r);
            }
            tables.put(Periode.parse(p), rows);
        }
        String manifest = """
                {"perioden":{"2024H1":{"vervolg_beschikbaar":true,"leveringen":{"GM0014":"2024-08-01T10:00:00Z","GM0034":"2024-12-20T10:00:00Z"},
                "grootteklassen":{"GM0014":"150-250k","GM0034":"150-250k"}},
                "2024H2":{"vervolg_beschikbaar":false,"leveringen":{"GM0014":"2025-02-01T10:00:00Z"},"grootteklassen":{"GM0014":"150-250k"}}},
                "bevolking":{"2024":{"synthetisch":true}}}""";
        Manifest read = Manifest.read(manifest.getBytes(StandardCharsets.UTF_8));
        // a signal of a published figure, and one of a figure the report suppresses (GM0034 has one trajectory)
        SignalRows.Result first = new SignalRows.Result(
                List.of(new SignalRows.Signal(
                        Periode.parse("2024H1"),
                        Niveau.GEMEENTE,
                        "GM0034",
                        Indicator.BEEINDIGD_VOLGENS_PLAN,
                        SignalRows.Soort.AFWIJKING,
                        "onder",
                        "slechter",
                        -4.0,
                        0.0000633,
                        0.0019,
                        1.0,
                        0.0,
                        0.0,
                        0.6)),
                List.of());
        SignalRows.Result second = new SignalRows.Result(
                List.of(new SignalRows.Signal(
                        Periode.parse("2024H2"),
                        Niveau.AANBIEDER,
                        "87654321",
                        Indicator.BEEINDIGD_VOLGENS_PLAN,
                        SignalRows.Soort.AFWIJKING,
                        "onder",
                        "slechter",
                        -3.5,
                        0.000465,
                        0.0093,
                        1.2,
                        0.001,
                        0.6,
                        0.7)),
                List.of(new SignalRows.Dispersion(Niveau.GEMEENTE, Indicator.BEEINDIGD_VOLGENS_PLAN, 2, 1.5, 0.002)));
        data = ReportData.of(
                new IndicatorOutputs(tables, Map.of(Periode.parse("2024H1"), first, Periode.parse("2024H2"), second)),
                read);
        site = new SiteBuilder().build(data);
    }

    private static String page(String path) {
        return new String(site.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void everyPageExists() {
        assertEquals(
                342,
                site.keySet().stream().filter(k -> k.startsWith("gemeente/")).count());
        assertEquals(
                42, site.keySet().stream().filter(k -> k.startsWith("regio/")).count());
        // by name and by value
        assertEquals(
                2 * Indicator.ALL.size(),
                site.keySet().stream().filter(k -> k.startsWith("indicator/")).count());
        assertTrue(site.keySet()
                .containsAll(List.of(
                        "index.html",
                        "methode.html",
                        "downloads.html",
                        "downloads/cijfers.csv",
                        "downloads/cijfers.json",
                        "downloads/aanbieders.csv",
                        "aanbieders.html",
                        "aanbieder/12345678.html",
                        "aanbieder/87654321.html",
                        "aanbieder/overig.html")));
        assertEquals(
                3,
                site.keySet().stream().filter(k -> k.startsWith("aanbieder/")).count());
        assertTrue(!site.containsKey("aanbieder/11111111.html"), "a provider with 3 youths has no page");
    }

    @Test
    void theSmallProvidersHaveOnePageThatNamesNoOne() {
        String pooled = page("aanbieder/overig.html");
        assertTrue(pooled.contains("<h1>Kleine aanbieders (minder dan 10 jeugdigen)</h1>"), pooled);
        assertTrue(pooled.contains("minder dan 10 jeugdigen jeugdhulp gaven, samen"));
        assertTrue(!pooled.contains("AGB-code overig") && !pooled.contains("11111111"));
        assertTrue(page("aanbieders.html").contains("aanbieder/overig.html"));
        assertTrue(!page("aanbieders.html").contains("11111111"));
    }

    /**
     * The analyst's downloads (issue 26): the codebook names every indicator of the catalogue and every reden code the
     * figures use; the Dutch Excel variant has the same rows with semicolons, decimal commas and a byte-order mark.
     */
    @Test
    void theCodebookCoversEveryCodeAndExcelGetsItsOwnVariant() throws Exception {
        List<String> codebook = new String(site.get("downloads/codeboek.csv"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertEquals("soort,code,naam,eenheid,beter,definitie,niveaus", codebook.get(0));
        java.util.Set<String> codes = new java.util.HashSet<>();
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv =
                de.siegmar.fastcsv.reader.CsvReader.builder()
                        .ofCsvRecord(new String(site.get("downloads/codeboek.csv"), StandardCharsets.UTF_8))) {
            for (de.siegmar.fastcsv.reader.CsvRecord r : csv) {
                codes.add(r.getField(0) + "|" + r.getField(1));
                if (r.getField(0).equals("indicator")) {
                    assertFalse(r.getField(5).isBlank(), r.getField(1) + " has a definition");
                    assertFalse(r.getField(6).isBlank(), r.getField(1) + " has its levels");
                }
            }
        }
        for (Indicator indicator : Indicator.ALL) {
            assertTrue(codes.contains("indicator|" + indicator.id()), indicator.id());
        }
        assertTrue(codes.contains("verwijzer|08") && codes.contains("niveau|aanbieder_jeugdregio"), codes.toString());
        List<String> plain = new String(site.get("downloads/cijfers.csv"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        int reasons = 0;
        for (String line : plain.subList(1, plain.size())) {
            String reden = line.substring(line.lastIndexOf(',') + 1);
            if (!reden.isEmpty()) {
                reasons++;
                assertTrue(codes.contains("reden|" + reden), "reden " + reden + " in the codebook");
            }
        }
        assertTrue(reasons > 0, "some figures are suppressed in this fixture");
        String excel = new String(site.get("downloads/cijfers-excel.csv"), StandardCharsets.UTF_8);
        assertTrue(excel.startsWith("\uFEFFperiode;niveau;code;naam;indicator;waarde;"), excel.substring(0, 60));
        List<String> excelLines = excel.lines().toList();
        assertEquals(plain.size(), excelLines.size());
        // the same row, with decimal commas: 0.612 becomes 0,612; names keep their own commas inside quotes
        String row = plain.stream().filter(l -> l.contains(",0.")).findFirst().orElseThrow();
        String dutch = excelLines.get(plain.indexOf(row));
        assertTrue(dutch.contains(";0,") && !dutch.contains(";0."), dutch);
    }

    @Test
    void namesAreEscaped() {
        String ranking = page("indicator/aandeel_met_verblijf.html");
        assertTrue(
                ranking.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
                        || ranking.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
                "escaped name in the ranking");
        // the one script is the gemeente chooser's, the same text on every page (its hash is in the CSP); no name or
        // value from the data is ever inside a script element
        String chooser;
        try (java.io.InputStream in = SiteBuilder.class.getClassLoader().getResourceAsStream("site/kies.js")) {
            chooser = "<script>" + new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + "</script>";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Map.Entry<String, byte[]> f : site.entrySet()) {
            if (f.getKey().endsWith(".html")) {
                String html = new String(f.getValue(), StandardCharsets.UTF_8);
                String without = html.replace(chooser, "");
                assertEquals(html.length() - chooser.length(), without.length(), f.getKey() + ": the chooser once");
                assertFalse(without.contains("<script"), f.getKey() + " has another script element");
            }
        }
    }

    @Test
    void everyPageIsDutchWithAContentSecurityPolicyAndNoExternalReferences() {
        for (Map.Entry<String, byte[]> f : site.entrySet()) {
            if (!f.getKey().endsWith(".html")) {
                continue;
            }
            String html = new String(f.getValue(), StandardCharsets.UTF_8);
            assertTrue(html.contains("<html lang=\"nl\">"), f.getKey());
            // the attribute is HTML-escaped ('none' as &#39;none&#39;), the browser reads it unescaped
            assertTrue(
                    html.contains(
                            "http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;sha256-"),
                    f.getKey());
            // the only absolute URL is the SVG namespace
            assertFalse(
                    Pattern.compile("https?://(?!www\\.w3\\.org/2000/svg\")")
                            .matcher(html)
                            .find(),
                    f.getKey());
            assertTrue(html.contains("synthetische"), "synthetic warning on " + f.getKey());
        }
    }

    @Test
    void onlyDisclosureControlledFiguresAppear() {
        String groningen = page("gemeente/GM0014.html");
        // 13 of 60 active JH are met verblijf in 2024H1 (21.7 %): published from the rounded counts, 15 of 60
        assertTrue(groningen.contains("25,0%"), "published share in the trend table");
        assertFalse(groningen.contains("21,7%"), "share of the exact counts");
        assertFalse(groningen.contains("21,66"), "exact share");
        String csv = new String(site.get("downloads/cijfers.csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains("0.21666") || csv.contains("0.217"), "exact value in the download");
        assertTrue(csv.contains(",aandeel_met_verblijf,0.25,"), "value of the rounded counts in the download");
        // Almere has one youth: its count is <10 and its shares are suppressed with a reason
        String almere = page("gemeente/GM0034.html");
        assertTrue(almere.contains("&lt;10"));
        assertTrue(almere.contains(Disclosure.REASON_SMALL_DENOMINATOR));
        // the follow-up of 2024H2 is not yet there; 2024H1's is, and is what the pages show
        assertTrue(page("indicator/geen_nieuwe_hulp_6m.html").contains("1e halfjaar 2024"));
    }

    /**
     * The pages show exactly what the downloads show, no more: every figure cell, interval, denominator and
     * deviation on every page is one of the downloaded figures as Text formats it, and every deviation follows
     * from the downloaded funnel limits.
     */
    @Test
    void pagesShowNothingTheDownloadsDoNot() throws Exception {
        Set<String> values = new HashSet<>(List.of("<10", "–"));
        Set<String> intervals = new HashSet<>();
        Set<String> denominators = new HashSet<>(List.of("<10", ""));
        // an outcome's deviation follows its signals (none here for a shown gemeente figure)
        Set<String> deviations = new HashSet<>(List.of("", "niet afwijkend"));
        String providers = new String(site.get("downloads/aanbieders.csv"), StandardCharsets.UTF_8);
        String downloads = new String(site.get("downloads/cijfers.csv"), StandardCharsets.UTF_8)
                + providers.substring(providers.indexOf('\n') + 1);
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv =
                de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(downloads)) {
            boolean header = true;
            for (de.siegmar.fastcsv.reader.CsvRecord r : csv) {
                if (header) {
                    assertEquals(
                            List.of(
                                    "periode",
                                    "niveau",
                                    "code",
                                    "naam",
                                    "indicator",
                                    "waarde",
                                    "ci_laag",
                                    "ci_hoog",
                                    "teller",
                                    "noemer",
                                    "funnel_95_laag",
                                    "funnel_95_hoog",
                                    "funnel_998_laag",
                                    "funnel_998_hoog",
                                    "schatting",
                                    "schatting_laag",
                                    "schatting_hoog",
                                    "reden"),
                            r.getFields());
                    header = false;
                    continue;
                }
                Indicator indicator = Indicator.byId(r.getField(4));
                Double[] n = new Double[15];
                for (int i = 5; i <= 13; i++) {
                    n[i] = r.getField(i).isEmpty() ? null : Double.valueOf(r.getField(i));
                }
                Disclosure.Figure f = new Disclosure.Figure(
                        indicator,
                        n[5],
                        n[6],
                        n[7],
                        n[8],
                        n[9],
                        n[10],
                        n[11],
                        n[12],
                        n[13],
                        r.getField(17).isEmpty() ? null : r.getField(17));
                values.add(Text.value(f));
                intervals.add(Text.interval(f));
                if (f.noemer() != null) {
                    denominators.add(
                            indicator.kind() == Indicator.Kind.RATIO
                                    ? Text.number(f.noemer(), 1)
                                    : Text.count(f.noemer()));
                }
                deviations.add(PageParts.deviation(f));
            }
        }
        Pattern cell = Pattern.compile(
                "<td class=\"n\"(?: data-label=\"[^\"]*\")?>([^<]*)(?:<span class=\"ci\">([^<]*)</span>)?");
        Pattern rankingRow = Pattern.compile(
                "<tr class=\"g\"><th scope=\"row\">.*?</th>(<td class=\"n\"[^>]*>.*?</td>)"
                        + "\\s*<td class=\"n\" data-label=\"Noemer\">([^<]*)</td>\\s*(?:<td data-label=\"Afwijking\">([^<]*)</td>)?</tr>");
        int cells = 0;
        for (Map.Entry<String, byte[]> f : site.entrySet()) {
            if (!f.getKey().endsWith(".html")) {
                continue;
            }
            String html = new String(f.getValue(), StandardCharsets.UTF_8);
            Matcher ranking = rankingRow.matcher(html);
            StringBuilder rest = new StringBuilder();
            while (ranking.find()) {
                assertTrue(
                        denominators.contains(unescape(ranking.group(2))),
                        f.getKey() + ": denominator " + ranking.group(2));
                if (ranking.group(3) != null) {
                    assertTrue(deviations.contains(ranking.group(3)), f.getKey() + ": deviation " + ranking.group(3));
                }
                // keep the figure cell; the denominator and deviation are checked above
                ranking.appendReplacement(rest, Matcher.quoteReplacement(ranking.group(1)));
            }
            ranking.appendTail(rest);
            Matcher m = cell.matcher(rest);
            while (m.find()) {
                cells++;
                assertTrue(values.contains(unescape(m.group(1))), f.getKey() + ": value " + m.group(1));
                if (m.group(2) != null) {
                    assertTrue(intervals.contains(m.group(2)), f.getKey() + ": interval " + m.group(2));
                }
            }
        }
        assertTrue(cells > 10_000, cells + " figure cells checked");
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<");
    }

    @Test
    void deliveriesAreShownWithTheirTimeliness() {
        String groningen = page("gemeente/GM0014.html");
        assertTrue(groningen.contains("1 augustus 2024"));
        String almere = page("gemeente/GM0034.html");
        // 20 December is more than three months after 30 June
        assertTrue(almere.contains("nee, te laat"));
    }

    @Test
    void gemeentePagesOpenWithOutcomesAndShowOnlyTheSignalsOfPublishedFigures() {
        String groningen = page("gemeente/GM0014.html");
        int outcomes = groningen.indexOf("Hoe gaat het met de jeugdigen na de hulp?");
        int outputs = groningen.indexOf("Wat is er geleverd?");
        assertTrue(outcomes > 0 && outcomes < outputs, "outcomes first");
        assertTrue(groningen.contains("Zegt: Hoe vaak de hulp afliep zoals afgesproken."));
        // Almere's signal is about a figure the report suppresses: not shown
        String almere = page("gemeente/GM0034.html");
        assertFalse(almere.contains("significant lager"), "a suppressed figure is never flagged");
        assertTrue(almere.contains("Geen uitkomst wijkt significant af"));
        // the provider's signal, in plain Dutch, on its page
        String provider = page("aanbieder/87654321.html");
        assertTrue(provider.contains("significant lager dan verwacht (slechter)"), "signal on the provider page");
        assertTrue(provider.contains("Per jeugdregio"));
        String region = page("regio/JZ10.html");
        assertTrue(region.contains("Uw aanbieders") && region.contains("aanbieder/87654321.html"));
        assertTrue(page("aanbieders.html").contains("aanbieder/87654321.html"));
    }

    /**
     * Groningen's 60 youths who started on 2024-01-01: 20 still in care, 40 ended on 2024-05-01, 26 of them volgens
     * plan, none back. The lake reaches 2024-12-31, so only their 6 months are due; published from the rounded counts
     * (20, 25, 15 of 60), "teruggekomen" (0) withheld.
     */
    @Test
    void gemeentePagesFollowTheCohortAfterTheStart() {
        String groningen = page("gemeente/GM0014.html");
        int section = groningen.indexOf("<h2 id=\"na-de-start\">Wat gebeurt er na de start?</h2>");
        assertTrue(section > groningen.indexOf("Hoe gaat het met de jeugdigen na de hulp?"), "after the outcomes");
        String cohort = groningen.substring(section, groningen.indexOf("<h2", section + 10));
        assertTrue(cohort.contains("Na 6 maanden (begonnen in 1e halfjaar 2024)"), cohort);
        assertFalse(cohort.contains("Na 12 maanden (begonnen"), "12 months are not due yet");
        assertTrue(cohort.contains("in zorg: 33,3%"), cohort);
        assertTrue(cohort.contains("gestopt volgens plan: 41,7%"), cohort);
        assertTrue(cohort.contains("gestopt anders: 25,0%"), cohort);
        assertFalse(cohort.contains("teruggekomen: "), "a withheld state has no segment");
        // one bar per compared unit: Groningen, its jeugdregio, its size class and Nederland
        assertEquals(
                4,
                Pattern.compile("<text x=\"4\" y=\"[0-9.]+\" font-size=\"13\" fill=\"#1a1a1a\">")
                        .matcher(cohort.substring(0, cohort.indexOf("</svg>")))
                        .results()
                        .count());
        assertTrue(cohort.contains("Na 12 maanden, per instroomcohort"));
        // the cohort figures are not repeated in the table of what was delivered
        assertFalse(groningen.contains("indicator/instroom_jeugdigen.html\">"), "no generic cohort row");
        assertTrue(page("methode.html").contains("id=\"instroomcohorten\""));
        // no cohort of 2024H1 has its 12 months yet: no cohort section on a provider page
        assertFalse(page("aanbieder/87654321.html").contains("na-de-start"));
    }

    @Test
    void indicatorPagesHaveNoRankNumbersAndSortByNameOrValue() {
        String byName = page("indicator/beeindigd_volgens_plan.html");
        String byValue = page("indicator/beeindigd_volgens_plan-op-waarde.html");
        assertFalse(byName.contains("<th scope=\"col\">#</th>"), "no rank column");
        assertTrue(byName.contains("Sorteer op waarde") && byValue.contains("Sorteer op naam"));
        // Aa en Hunze (no delivery) before Almere by name; Groningen (the one shown value) first by value
        assertTrue(byName.indexOf("gemeente/GM1680.html") < byName.indexOf("gemeente/GM0034.html"));
        assertTrue(byValue.indexOf("gemeente/GM0014.html") < byValue.indexOf("gemeente/GM1680.html"));
        // τ² of the gemeente level widens the funnel limits, and the caption says so
        assertTrue(byName.contains("verbreed voor overdispersie"), "widened limits are named");
    }
}
