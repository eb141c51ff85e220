package nl.jeugdspiegel.bench;

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
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
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
        assertEquals(0, Main.run(new String[] {"run", dir.toString()}, out));
        String printed = output.toString(StandardCharsets.UTF_8);

        List<Path> zips;
        List<Path> receipts;
        try (Stream<Path> uploads = Files.walk(dir.resolve("uploads"));
                Stream<Path> written = Files.walk(dir.resolve("receipts"))) {
            zips = uploads.filter(p -> p.toString().endsWith(".zip")).toList();
            receipts = written.filter(p -> p.toString().endsWith(".zip.json")).toList();
        }
        assertTrue(zips.size() > 2000, zips.size() + " zips");
        assertEquals(zips.size(), receipts.size(), "one receipt per zip");
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
    }
}
