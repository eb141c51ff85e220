package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The generated site in the system's headless Chromium (Debian {@code chromium} + {@code chromium-driver};
 * {@code .ci/run} installs them): pages load without console errors and without any request outside the
 * site, navigation works, the figures shown are the published (disclosure-controlled) ones, and axe-core
 * finds no serious or critical accessibility violation. Screenshots go to {@code target/screenshots/}.
 */
class SiteInBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static Path site;
    private static ChromeDriver browser;
    private static Map<String, Double> published;
    private static String latest;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        GeneratedCountry.output();
        site = GeneratedCountry.DIR.resolve("site").toAbsolutePath();
        published = new HashMap<>();
        latest = "";
        for (String download : List.of("downloads/cijfers.csv", "downloads/aanbieders.csv")) {
            try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(site.resolve(download))) {
                for (CsvRecord r : csv) {
                    if (!r.getField(5).isEmpty() && !r.getField(0).equals("periode")) {
                        published.put(
                                r.getField(0) + "|" + r.getField(2) + "|" + r.getField(4),
                                Double.valueOf(r.getField(5)));
                        latest = r.getField(0).compareTo(latest) > 0 ? r.getField(0) : latest;
                    }
                }
            }
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,1600",
                "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void clearLogs() {
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
    }

    private static void open(String path) {
        browser.get(site.resolve(path).toUri().toString());
    }

    private static void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** No console errors (a CSP violation is one) and every request stays inside the site folder. */
    private static void assertCleanLoad(String page) throws Exception {
        assertCleanLoad(page, site);
    }

    /** No console errors and every request stays inside {@code folder}. */
    private static void assertCleanLoad(String page, Path folder) throws Exception {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, "console of " + page);
        List<String> outside = new ArrayList<>();
        int requests = 0;
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = Json.MAPPER.readTree(e.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                requests++;
                String url = message.at("/params/request/url").asText();
                if (!url.startsWith(folder.toUri().toString()) && !url.startsWith("data:")) {
                    outside.add(url);
                }
            }
        }
        assertTrue(requests > 0, "the performance log recorded the page request of " + page);
        assertEquals(List.of(), outside, "requests outside the site from " + page);
    }

    /** The value text of a figure cell: its first text node ("61,2%", "17.245", "<10"). */
    private static String cellValue(WebElement cell) {
        return (String)
                ((JavascriptExecutor) browser).executeScript("return arguments[0].firstChild.textContent;", cell);
    }

    /** Dutch display text back to a number: "17.245" → 17245, "61,2%" → 0.612. */
    private static double parse(String text) {
        String plain = text.replace(".", "").replace(",", ".").replace("€", "").strip();
        return plain.endsWith("%")
                ? Double.parseDouble(plain.substring(0, plain.length() - 1)) / 100
                : Double.parseDouble(plain);
    }

    private static WebElement firstTableCell(String indicatorTitle) {
        WebElement row = browser.findElement(By.xpath("(//tr[th[a[normalize-space()='" + indicatorTitle + "']]])[1]"));
        return row.findElements(By.tagName("td")).get(0);
    }

    @Test
    void homeLoadsCleanlyAndShowsThePublishedNationalFigures() throws Exception {
        open("index.html");
        assertCleanLoad("index.html");
        screenshot("home");
        assertEquals("nl", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElements(By.cssSelector("svg[role=img]")).size() >= 2, "charts");
        double shown = parse(cellValue(firstTableCell("Jeugdigen met jeugdhulp")));
        assertEquals(published.get(latest + "|NL|jeugdigen_jh"), shown);
        double share = parse(cellValue(firstTableCell("Aandeel jeugdhulp met verblijf")));
        assertEquals(published.get(latest + "|NL|aandeel_met_verblijf"), share, 1e-9);
    }

    /** Two actions from the top of the home page: type a name in the chooser, press Enter (issue 26). */
    @Test
    void theChooserAtTheTopTakesYouToAGemeenteInTwoActions() throws Exception {
        open("index.html");
        WebElement chooser = browser.findElement(By.id("kies-gemeente"));
        assertTrue(chooser.isDisplayed(), "the script shows the chooser");
        assertTrue(chooser.getLocation().getY() < 200, "at the top: " + chooser.getLocation());
        chooser.sendKeys("Gouda");
        chooser.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("gemeente/GM0513.html"), browser.getCurrentUrl());
        assertEquals("Gouda", browser.findElement(By.tagName("h1")).getText());
        assertCleanLoad("gemeente/GM0513.html");
        // a beginning is enough, from any page; a name that matches nothing says so and stays
        WebElement again = browser.findElement(By.id("kies-gemeente"));
        again.sendKeys("Alphen aan");
        again.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("gemeente/GM0484.html"), browser.getCurrentUrl());
        WebElement nothing = browser.findElement(By.id("kies-gemeente"));
        nothing.sendKeys("Atlantis");
        nothing.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("gemeente/GM0484.html"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("kies-melding")).getText().startsWith("Geen gemeente gevonden"));
        // without the script: the list of all gemeenten, one link away at the top of every page
        open("index.html");
        browser.findElement(By.linkText("Alle gemeenten A–Z")).click();
        assertTrue(browser.getCurrentUrl().endsWith("gemeenten.html"), browser.getCurrentUrl());
        assertEquals(
                342, browser.findElements(By.cssSelector("ul.gemeenten > li")).size());
        assertCleanLoad("gemeenten.html");
    }

    @Test
    void navigateFromHomeToAGemeenteAndItsRegion() throws Exception {
        open("gemeenten.html");
        // each line: the gemeente's link, then its jeugdregio's (Groningen is both)
        browser.findElement(By.xpath("//ul[@class='gemeenten']/li/a[1][normalize-space()='Groningen']"))
                .click();
        assertTrue(browser.getCurrentUrl().endsWith("gemeente/GM0014.html"), browser.getCurrentUrl());
        assertEquals("Groningen", browser.findElement(By.tagName("h1")).getText());
        assertCleanLoad("gemeente/GM0014.html");
        screenshot("gemeente-GM0014");
        // the page opens with the outcomes, each with what it says and does not say; then what to ask next, where the
        // gemeente stands, its providers; the output figures follow
        List<String> headings = browser.findElements(By.tagName("h2")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals("Hoe gaat het met de jeugdigen na de hulp?", headings.get(0), headings.toString());
        assertTrue(
                headings.indexOf("Uw aanbieders") > 0
                        && headings.stream().anyMatch(h -> h.startsWith("Wat is er geleverd?")),
                headings.toString());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Zegt niet:"));
        assertTrue(!browser.findElements(
                        By.xpath("//h3[normalize-space()='Wat kunt u hiermee?']/following-sibling::ul[1]/li"))
                .isEmpty());
        // the funnel marks Groningen with its name when its figure is published (at this scale it may not be); each
        // trend chart has four lines or says which is missing
        String followUp = Periode.parse(latest).previous().toString();
        boolean funnelFigure = published.containsKey(latest + "|GM0014|beeindigd_volgens_plan")
                || published.containsKey(followUp + "|GM0014|geen_nieuwe_hulp_6m");
        assertEquals(
                funnelFigure,
                browser.findElement(By.tagName("main")).getText().contains("De grote oranje stip met naam: Groningen"),
                "a published funnel figure of Groningen: " + funnelFigure);
        List<WebElement> legends = browser.findElements(By.cssSelector("ul.legenda"));
        assertTrue(legends.size() >= 5, "trend legends: " + legends.size());
        for (WebElement legend : legends) {
            String text = legend.getText();
            assertTrue(text.contains("Groningen") && text.contains("Jeugdregio") && text.contains("Nederland"), text);
        }
        // the figures equal the published ones; a suppressed one shows <10 or – with its reason
        String value = cellValue(firstTableCell("Jeugdigen met jeugdhulp"));
        Double expected = published.get(latest + "|GM0014|jeugdigen_jh");
        if (expected == null) {
            assertTrue(value.equals("<10") || value.equals("–"), value);
        } else {
            assertEquals(expected, parse(value));
        }
        for (String title :
                List.of("Lopende trajecten jeugdhulp zonder verblijf", "Lopende trajecten jeugdreclassering")) {
            WebElement cell = firstTableCell(title);
            String id = title.endsWith("jeugdreclassering")
                    ? "trajecten_actief.jeugdreclassering"
                    : "trajecten_actief.jeugdhulp_zonder_verblijf";
            Double p = published.get(latest + "|GM0014|" + id);
            String text = cellValue(cell);
            if (p == null) {
                assertTrue(text.equals("<10") || text.equals("–"), title + ": " + text);
                assertTrue(!cell.findElements(By.className("reden")).isEmpty(), title + " says why it is suppressed");
            } else {
                assertEquals(p, parse(text), title);
            }
        }
        browser.findElement(By.linkText("Groningen")).click();
        assertTrue(browser.getCurrentUrl().endsWith("regio/JZ10.html"), browser.getCurrentUrl());
        assertEquals(
                "Jeugdregio Groningen", browser.findElement(By.tagName("h1")).getText());
        assertCleanLoad("regio/JZ10.html");
        screenshot("regio-JZ10");
    }

    /**
     * At a phone's width (390 px, real Chromium): the page never scrolls sideways, no table runs off the screen (the
     * comparison tables stack their rows, each figure next to its column's name), no text in a chart renders smaller
     * than 11 px, and no caption is cut off; the cohorts' bars and the vooruitblik's fans stay on the screen.
     */
    @Test
    void usableOnAPhone() throws Exception {
        org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String page : List.of(
                    "index.html",
                    "gemeente/GM0014.html",
                    "gemeente/GM0513.html",
                    "regio/JZ10.html",
                    "gemeenten.html",
                    "indicator/beeindigd_volgens_plan.html",
                    "aanbieder/73000001.html",
                    "methode.html",
                    "downloads.html")) {
                open(page);
                JavascriptExecutor js = (JavascriptExecutor) browser;
                long overflow = (Long) js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow <= 1, page + " is " + overflow + " px wider than a 390 px screen");
                @SuppressWarnings("unchecked")
                List<String> offScreen =
                        (List<String>) js.executeScript("var w = document.documentElement.clientWidth, out = [];"
                                + "document.querySelectorAll('table').forEach(function (t) {"
                                + "  var r = t.getBoundingClientRect();"
                                + "  if (r.right > w + 1 || r.left < -1) {"
                                + "    out.push((t.caption ? t.caption.textContent : 'table') + ': ' + r.left + '-' + r.right);"
                                + "  }"
                                + "});"
                                + "return out;");
                assertEquals(List.of(), offScreen, "tables off a 390 px screen on " + page);
                @SuppressWarnings("unchecked")
                List<String> small = (List<String>) js.executeScript("var out = [];"
                        + "document.querySelectorAll('svg text').forEach(function (t) {"
                        + "  var px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;"
                        + "  if (px < 11) { out.push(t.textContent + ': ' + px.toFixed(1) + ' px'); }"
                        + "});"
                        + "return out;");
                assertEquals(List.of(), small, "chart text under 11 px on " + page);
                @SuppressWarnings("unchecked")
                List<String> clipped = (List<String>) js.executeScript("var out = [];"
                        + "document.querySelectorAll('figcaption, caption').forEach(function (c) {"
                        + "  if (c.scrollWidth > c.clientWidth + 1) { out.push(c.textContent.slice(0, 60)); }"
                        + "});"
                        + "return out;");
                assertEquals(List.of(), clipped, "clipped captions on " + page);
                if (page.startsWith("gemeente/")) {
                    // the cohorts (issue 27): stacked bars, at least Nederland's, whose segments stay on the screen
                    Long bars = (Long) js.executeScript("var w = document.documentElement.clientWidth, n = 0;"
                            + "var h = document.getElementById('na-de-start'); if (!h) { return -1; }"
                            + "var s = h.nextElementSibling;"
                            + "while (s && s.tagName !== 'H2') {"
                            + "  s.querySelectorAll('svg rect').forEach(function (r) {"
                            + "    var b = r.getBoundingClientRect(); if (b.right <= w + 1 && b.left >= -1) { n++; }"
                            + "  });"
                            + "  s = s.nextElementSibling;"
                            + "}"
                            + "return n;");
                    assertTrue(bars > 0, "cohort bars on " + page + ": " + bars);
                }
                if (page.startsWith("gemeente/GM0014") || page.startsWith("regio/")) {
                    // the vooruitblik (issue 29): fan charts whose bands stay on the screen, and the backtest sentence
                    Long bands = (Long) js.executeScript("var w = document.documentElement.clientWidth, n = 0;"
                            + "var h = document.getElementById('vooruitblik'); if (!h) { return -1; }"
                            + "var s = h.nextElementSibling;"
                            + "while (s && s.tagName !== 'H2') {"
                            + "  s.querySelectorAll('svg polygon').forEach(function (p) {"
                            + "    var b = p.getBoundingClientRect();"
                            + "    if (b.width > 0 && b.right <= w + 1 && b.left >= -1) { n++; }"
                            + "  });"
                            + "  s = s.nextElementSibling;"
                            + "}"
                            + "return n;");
                    assertTrue(bands >= 4, "vooruitblik bands on " + page + ": " + bands);
                    assertTrue(
                            browser.findElement(By.id("inhoud")).getText().contains("binnen de donkere band"),
                            "the backtest sentence on " + page);
                }
                assertCleanLoad(page);
                screenshot("phone-" + page.replace('/', '-').replace(".html", ""));
            }
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    /** Axe-core on the open page: no serious or critical violation of WCAG 2.1 AA. */
    private static void assertAccessible(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> serious = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(rule.getId() + " (" + rule.getImpact() + ", "
                        + rule.getNodes().size() + " nodes): " + rule.getHelp());
            }
        }
        assertEquals(List.of(), serious, "axe on " + page);
        assertTrue(results.getPasses().size() > 10, "axe ran its checks on " + page);
    }

    /** The readable receipts of the demo: an accepted one compared with the last delivery, and a rejected one. */
    @Test
    void aReceiptReadsInTheBrowser() throws Exception {
        Path receipts = GeneratedCountry.DIR.resolve("receipts").toAbsolutePath();
        // Groningen's receipt of 2025H2, named after its upload (the generator varies the file names)
        Path accepted;
        try (var files = Files.list(receipts.resolve("GM0014/2025H2"))) {
            accepted = files.filter(p -> p.toString().endsWith(".html"))
                    .findFirst()
                    .orElseThrow();
        }
        Path rejected;
        try (var all = Files.walk(receipts)) {
            rejected = all.filter(p -> p.toString().endsWith(".json")
                            && !p.getParent().getFileName().toString().equals("overlap"))
                    .filter(p -> {
                        try {
                            return Receipt.AFGEWEZEN.equals(
                                    Receipts.read(Files.readAllBytes(p)).status());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(p -> p.resolveSibling(
                            BucketLayout.receiptPage(p.getFileName().toString())))
                    .findFirst()
                    .orElseThrow();
        }
        browser.get(accepted.toUri().toString());
        assertEquals(
                "Ontvangstbewijs Groningen (GM0014), 2025H2",
                browser.findElement(By.tagName("h1")).getText());
        long dropped = Receipts.read(Files.readAllBytes(accepted.resolveSibling(
                        accepted.getFileName().toString().replaceAll("\\.html$", ".json"))))
                .aantallen()
                .rijenAfgewezen();
        assertEquals(
                dropped == 0
                        ? "Geaccepteerd"
                        : "Geaccepteerd, " + dropped + (dropped == 1 ? " regel" : " regels") + " afgewezen",
                browser.findElement(By.cssSelector("[role=status]")).getText());
        assertTrue(browser.findElement(By.id("vergelijking")).isDisplayed());
        assertTrue(
                browser.findElement(By.xpath("//table[caption[normalize-space()='Deze levering naast de vorige']]"))
                        .isDisplayed(),
                "the comparison table");
        assertTrue(browser.findElement(By.id("publicatie")).isDisplayed());
        assertCleanLoad(accepted.toString(), receipts);
        assertAccessible(accepted.toString());
        screenshot("ontvangstbewijs-geaccepteerd");

        browser.get(rejected.toUri().toString());
        assertEquals(
                "Afgewezen",
                browser.findElement(By.cssSelector("[role=status]")).getText());
        String body = browser.findElement(By.tagName("body")).getText();
        assertTrue(body.contains("Wat u kunt doen"), body);
        assertCleanLoad(rejected.toString(), receipts);
        assertAccessible(rejected.toString());
        screenshot("ontvangstbewijs-afgewezen");
    }

    @Test
    void noSeriousOrCriticalAccessibilityViolations() throws Exception {
        for (String page : List.of(
                "index.html",
                "gemeente/GM0014.html",
                "regio/JZ10.html",
                "indicator/beeindigd_volgens_plan.html",
                "indicator/beeindigd_volgens_plan-op-waarde.html",
                "aanbieder/73000001.html",
                "aanbieders.html",
                "methode.html")) {
            open(page);
            assertAccessible(page);
        }
        open("indicator/beeindigd_volgens_plan.html");
        screenshot("indicator-beeindigd_volgens_plan");
        assertTrue(new File(SCREENSHOTS.toFile(), "indicator-beeindigd_volgens_plan.png").length() > 10_000);
    }

    @Test
    void fromARegionToOneOfItsProviders() throws Exception {
        open("regio/JZ10.html");
        WebElement link =
                browser.findElement(By.xpath("//h2[normalize-space()='Uw aanbieders']/following::table[1]//th/a"));
        // the link says the provider's name (from the register, else its AGB code); the page is named by the code
        String naam = link.getText();
        String href = link.getAttribute("href");
        String agb = href.substring(href.lastIndexOf('/') + 1, href.length() - ".html".length());
        assertTrue(agb.matches("[0-9]{8}"), href);
        link.click();
        assertTrue(browser.getCurrentUrl().endsWith("aanbieder/" + agb + ".html"), browser.getCurrentUrl());
        assertEquals("Aanbieder " + naam, browser.findElement(By.tagName("h1")).getText());
        assertCleanLoad("aanbieder/" + agb + ".html");
        screenshot("aanbieder");
        String value = cellValue(firstTableCell("Jeugdigen met jeugdhulp"));
        Double expected = published.get(latest + "|" + agb + "|jeugdigen_jh");
        if (expected == null) {
            assertTrue(value.equals("<10") || value.equals("–"), value);
        } else {
            assertEquals(expected, parse(value), "the provider's youths as published in aanbieders.csv");
        }
        // its regions link back
        browser.findElement(By.xpath("//h2[normalize-space()='Per jeugdregio']/following::table[1]//th/a"))
                .click();
        assertTrue(browser.getCurrentUrl().contains("/regio/JZ"), browser.getCurrentUrl());
    }
}
