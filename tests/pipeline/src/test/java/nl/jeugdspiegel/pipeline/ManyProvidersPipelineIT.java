package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.IndicatorTable;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import nl.jeugdspiegel.ingest.validation.Bsn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data the demo was not designed for (indicators v1.3, "providers at their real number"): one municipality delivers
 * 100,000 jeugdhulp rows with a client number in the AGB column, so 100,000 distinct "providers", on top of a small
 * generated country. The whole pipeline ({@code ./jeugdspiegel run}) runs in its own JVM with the runner's default heap
 * ({@code -Xmx2g}); the national site must be published, the receipt must warn, and the provider units must stay
 * bounded by the real providers (the small AGBs pooled in {@code overig}).
 */
class ManyProvidersPipelineIT {

    private static final int ROWS = 100_000;
    private static final String GEMEENTE = "GM0363";
    private static final Periode PERIODE = Periode.parse("2025H2");

    @TempDir
    Path dir;

    @Test
    void aDeliveryWithOneHundredThousandAgbsLeavesTheNationalSitePublished() throws Exception {
        assertEquals(0, runner("generate", dir.toString(), "--scale", "0.01", "--seed", "5"));
        // GM0363 and one municipality in ten: one delivery with 100,000 AGBs in a national run is what matters
        GeneratedCountry.keepOneMunicipalityIn(dir.resolve("uploads"), 10, GEMEENTE);
        Path upload = dir.resolve("uploads/" + GEMEENTE + "/" + PERIODE + "/clientnummers-als-agb.csv");
        writeDelivery(upload);
        Files.setLastModifiedTime(upload, FileTime.from(Instant.now().plusSeconds(3600))); // the newest delivery

        assertEquals(0, runner("run", dir.toString()), "the run succeeds");

        Receipt receipt = Receipts.read(Files.readAllBytes(
                dir.resolve("receipts/" + GEMEENTE + "/" + PERIODE + "/clientnummers-als-agb.json")));
        assertEquals("geaccepteerd", receipt.status());
        assertTrue(
                receipt.waarschuwingen().stream()
                        .anyMatch(w -> w.contains("100000 verschillende codes bij 100000 regels jeugdhulp")),
                "the receipt warns: " + receipt.waarschuwingen());

        List<IndicatorRow> rows =
                IndicatorTable.readCsv(dir.resolve(BucketLayout.indicatorTable(PERIODE, BucketLayout.Format.CSV)));
        long providerUnits = rows.stream()
                .filter(r -> r.niveau() == Niveau.AANBIEDER && r.indicator().equals(Indicator.JEUGDIGEN_JH))
                .count();
        assertTrue(providerUnits < 1_500, "provider units bounded by the real providers: " + providerUnits);
        IndicatorRow pooled = rows.stream()
                .filter(r -> r.niveau() == Niveau.AANBIEDER
                        && r.code().equals(ProviderUnits.POOLED)
                        && r.indicator().equals(Indicator.JEUGDIGEN_JH))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pooled provider unit"));
        assertTrue(pooled.waarde() >= ROWS, "the 100,000 youths still count, pooled: " + pooled.waarde());

        Path site = dir.resolve("site");
        assertTrue(Files.exists(site.resolve("index.html")), "the national site is published");
        assertTrue(
                Files.exists(site.resolve("gemeente/" + GEMEENTE + ".html")), "the delivering gemeente has its page");
        assertTrue(Files.exists(site.resolve("aanbieder/overig.html")), "the small providers have one page");
        try (Stream<Path> pages = Files.list(site.resolve("aanbieder"))) {
            long count = pages.count();
            assertTrue(count < 1_500, "provider pages: " + count);
        }
    }

    /** {@code ./jeugdspiegel ARGS} in a JVM of its own with the runner's default heap; returns its exit code. */
    private int runner(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java.toString(),
                "-Xmx2g",
                "-XX:+UseParallelGC",
                "-Djeugdspiegel.home=" + dir.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                "nl.jeugdspiegel.runner.Main"));
        command.addAll(List.of(args));
        Path log = dir.resolve("runner-" + args[0] + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            System.out.println(Files.readString(log));
        }
        return exit;
    }

    /** 100,000 valid jeugdhulp rows, one youth each, each with its own 8-digit "AGB" (a client number). */
    private static void writeDelivery(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("bsn;geboortedatum;geslacht;soort;hulpvorm;startdatum;einddatum;reden_beeindiging;verwijzer;"
                    + "aanmelddatum;zonder_hulp_verder;tevredenheid;kosten;aanbieder_agb;productcategorie\n");
            long candidate = 200_000_000L;
            for (int i = 0; i < ROWS; i++) {
                while (!Bsn.passesElfproef(Long.toString(candidate))) {
                    candidate++;
                }
                boolean ended = i % 3 == 0;
                out.write(candidate++ + ";2012-03-04;" + (1 + i % 2) + ";jeugdhulp;02;2025-08-01;"
                        + (ended ? "2025-11-30;0" + (1 + i % 4) : ";") + ";02;2025-07-10;;;900.00;"
                        + String.format("%08d", 60_000_000 + i) + ";45\n");
            }
        }
    }
}
