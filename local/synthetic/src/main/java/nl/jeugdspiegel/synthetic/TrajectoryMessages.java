package nl.jeugdspiegel.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;

/**
 * Writes the iJw messages of one trajectory into a delivery zip, each as {@code {type}/{id}.xml}: the same
 * numbering, references and product for all of them (ToewijzingNummer = the trajectory's number). A broken
 * trajectory gets an impossible dagtekening (30 February) in every message, so the ingest refuses all of them.
 * Used by the generator's iJw deliveries and the benchmark zip.
 */
final class TrajectoryMessages {

    private final ZipOutputStream zip;
    private final long nr;
    private final String id;
    private final IjwMessages.Parties parties;
    private final IjwMessages.Client client;
    private final String categorie;
    private final String code;
    private final int start;
    private final boolean broken;
    private int written;

    TrajectoryMessages(
            ZipOutputStream zip,
            long nr,
            IjwMessages.Parties parties,
            IjwMessages.Client client,
            String categorie,
            String code,
            int start,
            boolean broken) {
        this.zip = zip;
        this.nr = nr;
        this.id = Long.toString(nr, 36).toUpperCase(Locale.ROOT);
        this.parties = parties;
        this.client = client;
        this.categorie = categorie;
        this.code = code;
        this.start = start;
        this.broken = broken;
    }

    /** The request (JW315, on {@code requested}, with the verwijzer) and the allocation (JW301, on {@code allocated}). */
    void request(int requested, int allocated, String verwijzer) throws IOException {
        put(
                "jw315",
                IjwMessages.jw315(
                        new IjwMessages.Envelope(parties, "A" + id, dated(requested), client),
                        "R" + id,
                        categorie,
                        code,
                        day(start),
                        verwijzer));
        put(
                "jw301",
                IjwMessages.jw301(
                        new IjwMessages.Envelope(parties, "T" + id, dated(allocated), client),
                        nr,
                        "R" + id,
                        categorie,
                        code,
                        day(allocated),
                        day(start)));
    }

    /** The start (JW305). */
    void start() throws IOException {
        put(
                "jw305",
                IjwMessages.jw305(
                        new IjwMessages.Envelope(parties, "S" + id, dated(start), client),
                        nr,
                        categorie,
                        code,
                        day(start)));
    }

    /** The stop (JW307) on {@code end}, with reden beëindiging {@code jz588}. */
    void stop(int end, String jz588) throws IOException {
        put(
                "jw307",
                IjwMessages.jw307(
                        new IjwMessages.Envelope(parties, "E" + id, dated(end), client),
                        nr,
                        categorie,
                        code,
                        day(start),
                        jz588,
                        day(end)));
    }

    /**
     * The invoice (JW323) of periode p for the product period {@code from}–{@code to}: {@code cents} as one
     * debet line, or, as a correction, a debet of 12.34 more and a credit of 12.34.
     */
    void invoice(Periode p, int from, int to, int volume, long cents, boolean corrected) throws IOException {
        String van = day(from);
        String tot = day(Math.max(from, to));
        IjwMessages.Prestatie[] lines = corrected
                ? new IjwMessages.Prestatie[] {
                    new IjwMessages.Prestatie(nr, categorie, code, van, tot, volume, cents + 1234, false),
                    new IjwMessages.Prestatie(nr, categorie, code, van, tot, 0, 1234, true)
                }
                : new IjwMessages.Prestatie[] {
                    new IjwMessages.Prestatie(nr, categorie, code, van, tot, volume, cents, false)
                };
        put(
                "jw323",
                IjwMessages.jw323(
                        parties,
                        "F" + id,
                        dated(p.lastEpochDay() + 14),
                        "D" + id + (p.year() % 100) + p.half(),
                        p.firstDay().toString(),
                        p.lastDay().toString(),
                        client.bsn(),
                        lines));
    }

    /** Messages written so far. */
    int written() {
        return written;
    }

    private String dated(int epochDay) {
        return broken ? LocalDate.ofEpochDay(epochDay).getYear() + "-02-30" : day(epochDay);
    }

    static String day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    private void put(String type, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(type + "/" + id + ".xml"));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        written++;
    }
}
