package nl.jeugdspiegel.functions.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.ingest.TestUploads;
import nl.jeugdspiegel.synthetic.IjwMessages;

/** Delivery zips of iJw messages for 2024H1, with made-up names and addresses in every message. */
final class IjwZips {

    static final String SURNAME = "Zorgvlietsma";
    static final String LONG_SURNAME = "Geheimzinnigvanachteren" + "x".repeat(190);
    static final String BIRTH_DATE = "2011-03-04";
    static final IjwMessages.Parties PARTIES = new IjwMessages.Parties("73010001", "0363");

    private IjwZips() {}

    static IjwMessages.Client client(int i) {
        return new IjwMessages.Client(TestUploads.bsn(i), BIRTH_DATE, "2", SURNAME);
    }

    /**
     * The messages of {@code clients} jeugdhulp trajectories in 2024H1 (request, allocation, start, an invoice,
     * and a stop for every second one), plus one jeugdbescherming start (category 48: a jeugdbescherming row without hulpvorm).
     */
    static Map<String, String> messages(int clients) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < clients; i++) {
            IjwMessages.Client c = client(i);
            String categorie = Integer.toString(31 + i % 8);
            String code = categorie + "A01";
            long nr = 1000 + i;
            m.put(
                    "jw315/" + i + ".xml",
                    IjwMessages.jw315(
                            new IjwMessages.Envelope(PARTIES, "A" + i, "2024-01-05", c),
                            "R" + i,
                            categorie,
                            code,
                            "2024-02-01",
                            "02"));
            m.put(
                    "jw301/" + i + ".xml",
                    IjwMessages.jw301(
                            new IjwMessages.Envelope(PARTIES, "T" + i, "2024-01-20", c),
                            nr,
                            "R" + i,
                            categorie,
                            code,
                            "2024-01-20",
                            "2024-02-01"));
            m.put(
                    "jw305/" + i + ".xml",
                    IjwMessages.jw305(
                            new IjwMessages.Envelope(PARTIES, "S" + i, "2024-02-01", c),
                            nr,
                            categorie,
                            code,
                            "2024-02-01"));
            if (i % 2 == 0) {
                m.put(
                        "jw307/" + i + ".xml",
                        IjwMessages.jw307(
                                new IjwMessages.Envelope(PARTIES, "E" + i, "2024-05-31", c),
                                nr,
                                categorie,
                                code,
                                "2024-02-01",
                                "31",
                                "2024-05-31"));
            }
            m.put(
                    "jw323/" + i + ".xml",
                    IjwMessages.jw323(
                            PARTIES,
                            "F" + i,
                            "2024-07-14",
                            "D" + i,
                            "2024-01-01",
                            "2024-06-30",
                            c.bsn(),
                            new IjwMessages.Prestatie(
                                    nr, categorie, code, "2024-02-01", "2024-05-31", 121, 100_000 + i, false)));
        }
        m.put(
                "jw305/jb.xml",
                IjwMessages.jw305(
                        new IjwMessages.Envelope(PARTIES, "SJB", "2024-03-01", client(clients)),
                        9999,
                        "48",
                        "48A01",
                        "2024-03-01"));
        return m;
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
