package nl.jeugdspiegel.ingest.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iJw 3.2 messages against the XSDs: valid, invalid with line and reason, and hostile. */
class MessageCheckTest {

    private final MessageCheck check = new MessageCheck();

    /** A valid JW305 (start zorg); {@code begindatum} and {@code before} vary per test. */
    static String jw305(String begindatum, String before) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                %s<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw305/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
                  <Header>
                    <BerichtCode>438</BerichtCode>
                    <BerichtVersie>3</BerichtVersie>
                    <BerichtSubversie>2</BerichtSubversie>
                    <Afzender>12345678</Afzender>
                    <Ontvanger>0363</Ontvanger>
                    <BerichtIdentificatie>
                      <ijw:Identificatie>B0001</ijw:Identificatie>
                      <ijw:Dagtekening>2024-02-02</ijw:Dagtekening>
                    </BerichtIdentificatie>
                    <XsdVersie>
                      <ijw:BasisschemaXsdVersie>0.1.0</ijw:BasisschemaXsdVersie>
                      <ijw:BerichtXsdVersie>0.1.0</ijw:BerichtXsdVersie>
                    </XsdVersie>
                  </Header>
                  <Client>
                    <Bsn>111222333</Bsn>
                    <Geboortedatum>
                      <ijw:Datum>2012-05-17</ijw:Datum>
                    </Geboortedatum>
                    <Geslacht>2</Geslacht>
                    <Naam>
                      <ijw:Geslachtsnaam>
                        <ijw:Achternaam>Jansen</ijw:Achternaam>
                      </ijw:Geslachtsnaam>
                    </Naam>
                    <StartProducten>
                      <StartProduct>
                        <ToewijzingNummer>4711</ToewijzingNummer>
                        <Product>
                          <ijw:Categorie>45</ijw:Categorie>
                          <ijw:Code>45A12</ijw:Code>
                        </Product>
                        <Begindatum>%s</Begindatum>
                        <StatusAanlevering>1</StatusAanlevering>
                      </StartProduct>
                    </StartProducten>
                  </Client>
                </Bericht>
                """.formatted(before, begindatum);
    }

    private MessageCheck.Result check(String xml) {
        return check.check("start-4711.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validMessageIsRecognisedByItsNamespace() {
        MessageCheck.Result result = check(jw305("2024-02-01", ""));
        assertEquals(Optional.empty(), result.problem());
        assertEquals(MessageCheck.Type.JW305, result.type().orElseThrow());
    }

    @Test
    void impossibleDateIsRefusedWithFileLineAndTheSchemasReason() {
        String xml = jw305("2024-02-31", "");
        MessageCheck.Problem problem = check(xml).problem().orElseThrow();
        assertEquals("start-4711.xml", problem.file());
        int begindatumLine = xml.substring(0, xml.indexOf("<Begindatum>")).split("\n", -1).length;
        assertEquals(begindatumLine, problem.line(), problem.toString());
        assertTrue(
                problem.reason().contains("Begindatum") && problem.reason().contains("geen geldige datum"),
                problem.reason());
        assertFalse(problem.reason().contains("2024-02-31"), "values never reach a receipt: " + problem.reason());
    }

    @Test
    void refusedValuesThatCouldBePersonalDataAreNotRepeatedInTheReason() {
        String longName = "Achternaamdieveel" + "x".repeat(200);
        MessageCheck.Problem name = check(jw305("2024-02-01", "")
                        .replace(
                                "<ijw:Achternaam>Jansen</ijw:Achternaam>",
                                "<ijw:Achternaam>" + longName + "</ijw:Achternaam>"))
                .problem()
                .orElseThrow();
        assertTrue(name.reason().contains("Achternaam"), name.reason());
        assertFalse(name.reason().contains("Achternaamdieveel"), name.reason());
        MessageCheck.Problem bsn = check(
                        jw305("2024-02-01", "").replace("<Bsn>111222333</Bsn>", "<Bsn>11122233X</Bsn>"))
                .problem()
                .orElseThrow();
        assertTrue(bsn.reason().contains("Bsn"), bsn.reason());
        assertFalse(bsn.reason().contains("11122233"), bsn.reason());
        MessageCheck.Problem birth = check(jw305("2024-02-01", "").replace("2012-05-17", "2012-05-32"))
                .problem()
                .orElseThrow();
        assertFalse(birth.reason().contains("2012-05"), birth.reason());
    }

    @Test
    void aValueWithAnApostropheIsNotRepeatedEither() {
        // Xerces quotes the value in apostrophes: a name with one of its own must not end the redaction early
        String name = "D'Souza-Vandenbroucke" + "-Hoogstraten".repeat(20);
        MessageCheck.Problem problem = check(jw305("2024-02-01", "")
                        .replace(
                                "<ijw:Achternaam>Jansen</ijw:Achternaam>",
                                "<ijw:Achternaam>" + name + "</ijw:Achternaam>"))
                .problem()
                .orElseThrow();
        assertTrue(problem.reason().contains("Achternaam"), problem.reason());
        for (String part : new String[] {"Souza", "Vandenbroucke", "Hoogstraten", "D'"}) {
            assertFalse(problem.reason().contains(part), problem.reason());
        }
        // and in a BSN with an apostrophe, a pattern error
        MessageCheck.Problem bsn = check(
                        jw305("2024-02-01", "").replace("<Bsn>111222333</Bsn>", "<Bsn>1112'22333</Bsn>"))
                .problem()
                .orElseThrow();
        assertFalse(bsn.reason().contains("22333") || bsn.reason().contains("1112"), bsn.reason());
    }

    @Test
    void theRedactionKeepsTheSchemasWordsAndDropsEveryQuotedValue() {
        String reason = MessageCheck.reason(
                "cvc-maxLength-valid: Value 'O'Neil' with length = '6' is not facet-valid "
                        + "with respect to maxLength '5' for type 'LDT_Naam'.",
                List.of());
        assertFalse(reason.contains("Neil"), reason);
        assertTrue(reason.contains("maxLength '5'") && reason.contains("LDT_Naam"), reason);
        String type =
                MessageCheck.reason("cvc-type.3.1.3: The value 'a'b'c' of element 'Bsn' is not valid.", List.of());
        assertFalse(type.contains("b'c"), type);
        assertTrue(type.contains("Bsn"), type);
    }

    @Test
    void missingRequiredElementIsRefused() {
        String withoutStatus = jw305("2024-02-01", "").replace("<StatusAanlevering>1</StatusAanlevering>", "");
        MessageCheck.Problem problem = check(withoutStatus).problem().orElseThrow();
        assertTrue(
                problem.reason().contains("StatusAanlevering")
                        || problem.reason().contains("StartProduct"),
                problem.reason());
    }

    @Test
    void externalEntityIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xxe = jw305("2024-02-01", "<!DOCTYPE Bericht [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n")
                .replace("<ijw:Achternaam>Jansen</ijw:Achternaam>", "<ijw:Achternaam>&x;</ijw:Achternaam>");
        MessageCheck.Result result = check(xxe);
        assertTrue(result.problem().isPresent());
        assertTrue(
                result.problem().get().reason().contains("DOCTYPE"),
                result.problem().get().reason());
        assertFalse(result.problem().get().toString().contains("TOPSECRET"));
    }

    @Test
    void entityExpansionIsRefused() {
        String billionLaughs = jw305(
                        "2024-02-01",
                        "<!DOCTYPE Bericht [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n")
                .replace("<ijw:Achternaam>Jansen</ijw:Achternaam>", "<ijw:Achternaam>&b;</ijw:Achternaam>");
        assertTrue(check(billionLaughs).problem().isPresent());
    }

    @Test
    void anIjwMessageOfAnotherTypeIsSkippedNotRefused() {
        MessageCheck.Result result =
                check("<?xml version=\"1.0\"?><Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw317/schema\"/>");
        assertEquals(Optional.of("JW317"), result.otherType());
        assertTrue(result.problem().isEmpty() && result.type().isEmpty());
    }

    @Test
    void otherXmlIsNotAnIjwMessage() {
        MessageCheck.Problem problem = check("<?xml version=\"1.0\"?><Bericht xmlns=\"urn:other\"/>")
                .problem()
                .orElseThrow();
        assertTrue(problem.reason().contains("geen iJw"), problem.reason());
        assertTrue(check("not xml at all").problem().isPresent());
    }
}
