package nl.jeugdspiegel.ingest.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two readable forms of one receipt: the HTML page (escaped, under the site's CSP) and the terminal text. */
class ReceiptFormsTest {

    /** An accepted delivery compared with the one before, whose ignored column and key try to inject markup. */
    private static final String RECEIPT = """
            {"contractversie":"1.2","status":"geaccepteerd","toegepast":true,
             "melding":"De levering is geaccepteerd & vervangt de gegevens van GM0363 2025H2 in de lake.",
             "gemeente":"GM0363","gemeentenaam":"Amsterdam","periode":"2025H2",
             "bron":{"sleutel":"uploads/GM0363/2025H2/<img src=x onerror=alert(1)>.csv","sha256":"ab","grootte_bytes":10,
                     "ontvangen_op":"2026-04-17T09:15:00Z"},
             "aantallen":{"rijen_gelezen":94,"rijen_geaccepteerd":94,"rijen_afgewezen":0,"rijen_dubbel":0,"rijen_in_lake":94},
             "fouten":[],"kolommen_genegeerd":["<script>alert(1)</script>"],"waarschuwingen":[],
             "drempel_afgewezen_procent":5.0,
             "vergelijking_vorige":{"levering":{"sleutel":"uploads/GM0363/2025H1/a.csv","ontvangen_op":"2025-08-21T09:15:00Z"},
              "periode":"2025H1","grond":"vorige_periode",
              "metingen":[
               {"naam":"rijen","omschrijving":"regels (trajecten)","eenheid":"aantal","vorige":108.0,"nu":94.0,
                "wijziging":-12.96,"waarschuwing":false},
               {"naam":"vulgraad.zonder_hulp_verder",
                "omschrijving":"zonder_hulp_verder ingevuld bij de jeugdhulp die in het halfjaar eindigde, een lange naam",
                "eenheid":"aandeel","vorige":0.125,"nu":0.333,"wijziging":20.8,"waarschuwing":true},
               {"naam":"aandeel_met_verblijf","omschrijving":"aandeel jeugdhulp met verblijf","eenheid":"aandeel",
                "vorige":0.13,"nu":0.12,"wijziging":-1.0,"waarschuwing":false}],
              "waarschuwingen":["De kolom zonder_hulp_verder is ingevuld bij 33% van de jeugdhulp die eindigde."],
              "drempels":{"aantal_procent":25.0,"vulgraad_procentpunt":20.0,"aandeel_procentpunt":10.0,
                          "minimum_rijen":50,"minimum_noemer":20}},
             "publicatie":{"niet_beschikbaar":[{"indicatoren":["kosten_per_jeugdige"],
               "reden":"kosten zijn ingevuld bij 72% van de jeugdhulpregels; de regel vraagt minstens 90%"}],
               "uitleg":"Uitleg."},
             "verwerkt_op":"2026-12-02T14:31:40Z","verwerkingstijd_ms":86}
            """;

    private static Receipt receipt() throws IOException {
        return Receipts.read(RECEIPT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePageEscapesWhatTheFileBroughtAndRunsNoScript() throws IOException {
        String page = new String(ReceiptPage.html(receipt()), StandardCharsets.UTF_8);
        assertFalse(page.contains("<script"), "no script element, not even the injected one");
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the column name is shown, escaped");
        assertTrue(page.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;.csv"), page);
        assertTrue(page.contains("geaccepteerd &amp; vervangt"), page);
        Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"")
                .matcher(page);
        assertTrue(csp.find(), "a CSP meta element");
        // the attribute as a browser reads it: Mustache writes ' and = as character references
        String policy = csp.group(1).replace("&#39;", "'").replace("&#61;", "=");
        assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy);
        assertFalse(policy.contains("script-src"), "no script may run: " + policy);
        assertTrue(page.contains("<html lang=\"nl\">"));
        assertTrue(page.contains("kosten zijn ingevuld bij 72% van de jeugdhulpregels"), "the publicatie reason");
    }

    @Test
    void theTextAlignsItsTablesEvenWithALongFirstCell() throws IOException {
        String text = ReceiptText.text(receipt());
        assertTrue(text.contains("&"), "the text is not HTML-escaped");
        List<String> lines = text.lines().toList();
        int header = indexOf(lines, "Wat");
        String head = lines.get(header);
        int column = head.indexOf("Vorige");
        // the rows under the header: each has its "before" value where the header has "Vorige"
        assertEquals("108", lines.get(header + 1).substring(column).split(" +")[0]);
        assertTrue(
                lines.get(header + 2).strip().startsWith("zonder_hulp_verder ingevuld"),
                "the long first cell has a line of its own");
        assertEquals("13%", lines.get(header + 3).substring(column).split(" +")[0]);
        assertTrue(lines.get(header + 3).substring(0, column).isBlank());
        assertEquals("13%", lines.get(header + 4).substring(column).split(" +")[0]);
        assertTrue(lines.get(header + 4).contains("aandeel jeugdhulp met verblijf"));
    }

    private static int indexOf(List<String> lines, String firstWord) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(firstWord + " ")) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + firstWord + ":\n" + String.join("\n", lines));
    }
}
