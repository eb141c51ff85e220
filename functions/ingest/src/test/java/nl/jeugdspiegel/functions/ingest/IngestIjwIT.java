package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The ingest handler with events/s3-put-upload-ijw.json: a zip of iJw messages against in-process S3. */
class IngestIjwIT extends S3TestSupport {

    private static final java.util.function.Predicate<String> KNOWN =
            nl.jeugdspiegel.core.reference.ReferenceData.get()::isMunicipality;

    @RegisterExtension
    static final EmbeddedS3Extension S3 = new EmbeddedS3Extension();

    static final S3Event IJW = Events.load("s3-put-upload-ijw.json");

    @Override
    S3Client s3() {
        return S3.client();
    }

    private void ingest(S3Event event, byte[] zip) {
        put(Events.key(event), zip);
        handler().handleRequest(event, null);
    }

    static final S3Event EXAMPLE = Events.load("s3-put-upload-ijw-voorbeeld.json");

    /** The iJw 3.2 example chain (domain/ingest/src/test/resources/ijw-voorbeeld), zipped as a municipality would. */
    private static byte[] exampleZip() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("../../domain/ingest/src/test/resources/ijw-voorbeeld");
        Map<String, String> messages = new java.util.TreeMap<>();
        for (String type : List.of("JW301", "JW305", "JW307", "JW323")) {
            messages.put(type + ".xml", java.nio.file.Files.readString(dir.resolve(type + ".xml")));
        }
        return IjwZips.zip(messages);
    }

    @Test
    void theStandardsExampleChainWithTheMunicipalitysProductMappingLandsWithItsHulpvorm() throws IOException {
        put("reference/productcodes/GM0363.csv", "productcategorie;productcode;hulpvorm\n55;55A11;02\n55;55A12;12\n");
        ingest(EXAMPLE, exampleZip());
        Receipt receipt = receipt(EXAMPLE);
        assertEquals("geaccepteerd", receipt.status(), receipt.toString());
        assertEquals("1.2", receipt.contractversie());
        assertEquals(
                new Receipt.Productcodes("reference/productcodes/GM0363.csv", 2, 0, 2),
                receipt.berichten().productcodes());
        java.nio.file.Path lake = java.nio.file.Files.createTempFile("lake", ".parquet");
        java.nio.file.Path waiting = java.nio.file.Files.createTempFile("wachtend", ".parquet");
        try {
            java.nio.file.Files.write(lake, get(receipt.lakeSleutel()).orElseThrow());
            List<Trajectory> rows = nl.jeugdspiegel.core.lake.LakeReader.readAll(lake);
            assertEquals(
                    Map.of("02", false, "12", true),
                    rows.stream().collect(Collectors.toMap(Trajectory::hulpvorm, Trajectory::verblijf)));
            // beside the lake file: its waiting file, with the same footer (nobody waits: both products started)
            String waitingKey = BucketLayout.wachtend(nl.jeugdspiegel.core.Periode.parse("2025H1"), "GM0363");
            java.nio.file.Files.write(
                    waiting, get(waitingKey).orElseThrow(() -> new AssertionError("no " + waitingKey)));
            nl.jeugdspiegel.core.lake.Waiting.Contents contents =
                    nl.jeugdspiegel.core.lake.Waiting.read(new org.apache.parquet.io.LocalInputFile(waiting));
            assertEquals(List.of(), contents.requests());
            assertEquals(Events.key(EXAMPLE), contents.footer().get(nl.jeugdspiegel.core.lake.Provenance.KEY));
        } finally {
            java.nio.file.Files.delete(lake);
            java.nio.file.Files.delete(waiting);
        }
    }

    @Test
    void aZipOfMessagesLandsInTheLakeWithAReceiptThatNamesTheRefusedMessages() throws IOException {
        Map<String, String> messages = IjwZips.messages(24);
        messages.put(
                "jw305/kapot.xml",
                messages.get("jw305/3.xml")
                        .replace("<Begindatum>2024-02-01</Begindatum>", "<Begindatum>2024-02-30</Begindatum>"));
        messages.put("../../buiten-de-map.xml", messages.get("jw305/4.xml"));
        // valid for the schema ([0-9]{9}) but not a BSN (elfproef): the row check rejects the trajectory
        messages.put(
                "jw305/elfproef.xml",
                messages.get("jw305/5.xml").replace(IjwZips.client(5).bsn(), "123456789"));
        // a message type trajectories do not need (JW317, a retour): skipped, not refused
        messages.put(
                "jw317/1.xml",
                "<?xml version=\"1.0\"?>\n<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw317/schema\"/>\n");
        byte[] zip = IjwZips.zip(messages);
        ingest(IJW, zip);

        Receipt receipt = receipt(IJW);
        assertEquals("receipts/GM0363/2024H1/berichten 2024H1.zip.json", BucketLayout.receipt(Events.key(IJW), KNOWN));
        assertEquals("geaccepteerd", receipt.status(), receipt.toString());
        assertEquals(Hashes.sha256Hex(zip), receipt.bron().sha256(), "the receipt names the zip as delivered");
        Receipt.Berichten berichten = receipt.berichten();
        assertEquals(messages.size() - 1, berichten.gelezen());
        assertEquals(1, berichten.overgeslagen().get("JW317").longValue());
        assertEquals(2, berichten.afgewezen());
        assertEquals(
                26, berichten.trajectenGereconstrueerd(), "24 jeugdhulp trajectories, the bad BSN, jeugdbescherming");
        Receipt.Fout elfproef = receipt.fouten().get(0);
        assertEquals("bsn_elfproef", elfproef.code());
        Long row = elfproef.regels().get(0);
        assertEquals(
                "jw305/elfproef.xml",
                berichten.bronnenVanRegels().get(row),
                "the receipt says which message the rejected trajectory came from");
        assertEquals(
                24 + 2,
                berichten.perType().get("JW305").longValue(),
                "24 jeugdhulp starts, the start with a bad BSN and one jeugdbescherming");
        Map<String, Receipt.Bericht> refused = new java.util.TreeMap<>();
        berichten.afgewezenBerichten().forEach(b -> refused.put(b.bestand(), b));
        assertEquals(List.of("../../buiten-de-map.xml", "jw305/kapot.xml"), List.copyOf(refused.keySet()));
        Receipt.Bericht kapot = refused.get("jw305/kapot.xml");
        assertEquals("bericht_ongeldig", kapot.code());
        assertTrue(kapot.regel() > 1, kapot.toString());
        assertTrue(kapot.reden().contains("Begindatum"), kapot.toString());
        assertFalse(kapot.toString().contains("2024-02-30"), "no value from a message in the receipt");
        assertTrue(refused.get("../../buiten-de-map.xml").reden().contains(".."));
        assertEquals(
                List.of(new Receipt.ZonderHulpvorm("48", 1, List.of("48A01"))),
                berichten.zonderHulpvorm(),
                "category 48 names no type of measure: counted, with its product code");

        List<Trajectory> all = lakeRows();
        assertEquals(25, all.size());
        assertEquals(25, receipt.aantallen().rijenInLake());
        Trajectory measure = all.stream()
                .filter(t -> t.soort().equals(Trajectory.JEUGDBESCHERMING))
                .findFirst()
                .orElseThrow();
        assertEquals(null, measure.hulpvorm(), "jeugdbescherming from category 48, its type unknown");
        List<Trajectory> lake =
                all.stream().filter(t -> t.soort().equals(Trajectory.JEUGDHULP)).toList();
        Map<String, Long> perHulpvorm = lake.stream()
                .collect(Collectors.groupingBy(Trajectory::hulpvorm, java.util.TreeMap::new, Collectors.counting()));
        assertEquals(
                Map.of("01", 3L, "02", 3L, "03", 3L, "04", 3L, "11", 3L, "12", 3L, "13", 3L, "14", 3L),
                perHulpvorm,
                "JZ020 31–38 → BIJ 01–04, 11–14");
        Trajectory ended =
                lake.stream().filter(Trajectory::hasEinddatum).findFirst().orElseThrow();
        assertEquals("01", ended.redenBeeindiging(), "JZ588 31 → BIJ 01");
        assertEquals("02", ended.verwijzer(), "COD327 02 → BIJ 02");
        assertEquals(java.time.LocalDate.parse("2024-01-05").toEpochDay(), ended.aanmelddatum());
        assertEquals("73010001", ended.aanbiederAgb());
        assertEquals(12, lake.stream().filter(Trajectory::hasEinddatum).count());
    }

    @Test
    void aReplayedZipChangesNothing() throws IOException {
        byte[] zip = IjwZips.zip(IjwZips.messages(20));
        ingest(IJW, zip);
        String etag = s3().headObject(r -> r.bucket(BUCKET).key(LAKE_KEY)).eTag();
        handler().handleRequest(IJW, null);
        assertEquals(etag, s3().headObject(r -> r.bucket(BUCKET).key(LAKE_KEY)).eTag());
        assertEquals(Events.key(IJW), receipt(IJW).identiekAan());
    }

    /** The youth number of an entry of {@link IjwZips#messages} ({@code jw305/7.xml}: 7); -1 for the JB message. */
    private static int youth(String entry) {
        String number = entry.substring(entry.indexOf('/') + 1, entry.length() - ".xml".length());
        return number.chars().allMatch(Character::isDigit) ? Integer.parseInt(number) : -1;
    }

    /** The message as if municipality {@code gemeente} (4 digits) sent or received it instead of GM0363. */
    private static String otherMunicipality(String xml, String gemeente) {
        return xml.replaceAll("(Afzender>|Ontvanger>)0363<", "$1" + gemeente + "<");
    }

    /**
     * Contract v1.3 §2, as the attacker of issue 24 tried it: a zip uploaded as GM0363 whose messages are partly those
     * of other municipalities. Their messages are left out and counted; a zip made mostly of them is rejected and the
     * delivery in force stays.
     */
    @Test
    void messagesOfOtherMunicipalitiesAreLeftOutOrRejectTheZip() throws IOException {
        Map<String, String> messages = IjwZips.messages(20);
        // the last eight youths' messages are GM0014's: the municipality is the sender of a JW301, else the addressee
        messages.replaceAll((name, xml) -> youth(name) >= 12 ? otherMunicipality(xml, "0014") : xml);
        long others =
                messages.values().stream().filter(xml -> xml.contains(">0014<")).count();
        ingest(IJW, IjwZips.zip(messages));
        Receipt receipt = receipt(IJW);
        assertEquals("geaccepteerd", receipt.status(), receipt.toString());
        assertEquals(Map.of("GM0014", others), receipt.berichten().berichtenAndereGemeente());
        assertTrue(receipt.waarschuwingen().stream().anyMatch(w -> w.contains("niet van deze gemeente")));
        assertTrue(page(IJW).contains("Weggelaten: berichten van een andere gemeente"));
        assertEquals(
                12 + 1,
                lakeRows().stream().map(Trajectory::client).distinct().count(),
                "only GM0363's youths: the first twelve and the jeugdbescherming one");

        Map<String, String> mostlyOthers = IjwZips.messages(20);
        mostlyOthers.replaceAll((name, xml) -> youth(name) >= 5 ? otherMunicipality(xml, "0034") : xml);
        S3Event second = Events.later("s3-put-upload-ijw.json", "2024-07-21T10:00:00.000Z", "00669B8F3C2D1E0AFF");
        long inForce = lakeRows().size();
        ingest(second, IjwZips.zip(mostlyOthers));
        Receipt rejected = receipt(second);
        assertEquals("berichten_andere_gemeente", rejected.afwijzing().code(), rejected.toString());
        assertTrue(rejected.afwijzing().melding().contains("GM0034"));
        assertEquals(inForce, lakeRows().size(), "the delivery in force stays");
    }

    @Test
    void aZipWithTooManyRefusedMessagesIsQuarantinedAndTheEarlierDeliveryStays() throws IOException {
        put(Events.key(UPLOAD), validUpload(30));
        handler().handleRequest(UPLOAD, null);
        Map<String, String> messages = IjwZips.messages(20);
        messages.replaceAll(
                (name, xml) -> name.startsWith("jw323/") ? xml.replace("ijw:DebetCredit>", "ijw:Fout>") : xml);
        ingest(IJW, IjwZips.zip(messages));

        Receipt receipt = receipt(IJW);
        assertEquals("afgewezen", receipt.status());
        assertEquals("te_veel_fouten", receipt.afwijzing().code());
        assertTrue(receipt.afwijzing().melding().contains("berichten"), receipt.toString());
        assertEquals(20, receipt.berichten().afgewezen());
        assertEquals(Events.key(UPLOAD), receipt.leveringInGebruik().sleutel());
        assertTrue(get("quarantine/GM0363/2024H1/berichten 2024H1.zip").isPresent());
        assertEquals(30, lakeRows().size(), "the CSV delivery stays in force");
    }

    @Test
    void somethingElseThanAZipIsRefusedWithAClearReason() throws IOException {
        put(Events.key(IJW), validUpload(5));
        handler().handleRequest(IJW, null);
        Receipt receipt = receipt(IJW);
        assertEquals("zip_ongeldig", receipt.afwijzing().code());
        assertTrue(receipt.afwijzing().melding().contains("geen zipbestand"), receipt.toString());
        assertTrue(get(LAKE_KEY).isEmpty());
    }
}
