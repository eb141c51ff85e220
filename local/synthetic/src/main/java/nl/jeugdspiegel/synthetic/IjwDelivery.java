package nl.jeugdspiegel.synthetic;

import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;

/**
 * The iJw form of a delivery: for every trajectory active in the periode, the messages a municipality holds
 * about it, written into the delivery zip. They carry the same facts as the CSV row, through the inverse of
 * the project's mapping tables (docs/aanleveren.md):
 * <ul>
 *   <li>jeugdhulp: JW315 (request, dated on the aanmelddatum, with the verwijzer as COD327), JW301 (allocation,
 *       half-way between request and start), JW305 (start), JW307 (stop with JZ588, when the trajectory ended
 *       in the periode) and JW323 (the periode's kosten; every fourth one as a debet plus a credit correction).
 *       Without an aanmelddatum the request and allocation are dated after the start (a retroactive
 *       allocation), which carries no waiting time. hulpvorm 01–04 → category 31–34, 11–14 → 35–38;</li>
 *   <li>jeugdbescherming and jeugdreclassering: only JW305 and JW307, with category 48 and 47, which have no
 *       sound BIJ mapping: the ingest reports them and leaves them out.</li>
 * </ul>
 * A trajectory with an error has an impossible dagtekening in each of its messages, so all of them are
 * refused, as its CSV row would be.
 */
final class IjwDelivery {

    private static final String[] SURNAMES = {
        "Zorgvlietsma", "Jeugdhofstede", "Van Kindervaert", "Opgroeiersma", "Gezinshuyzen", "Wijkteamstra"
    };
    /** BIJ reden beëindiging jeugdhulp → JZ588 (the inverse of bij_reden_beeindiging_afgeleid). */
    private static final String[] JZ588 = {null, "31", "34", "32", "33", "35"};

    private final CareHistory history;
    private final DeliveryWriter writer;
    private final SyntheticCountry.Gemeente g;
    private final Periode p;
    private final String gemeente;

    IjwDelivery(CareHistory history, DeliveryWriter writer, SyntheticCountry.Gemeente g, Periode p) {
        this.history = history;
        this.writer = writer;
        this.g = g;
        this.p = p;
        this.gemeente = g.municipality().code().substring(2);
    }

    /** Writes the messages of trajectory t into the zip. */
    void write(ZipOutputStream zip, int t, boolean error) throws IOException {
        int y = history.youth[t];
        IjwMessages.Client client = new IjwMessages.Client(
                String.format(Locale.ROOT, "%09d", history.bsn[y]),
                TrajectoryMessages.day(history.birth[y]),
                Integer.toString(history.sex[y]),
                SURNAMES[y % SURNAMES.length]);
        IjwMessages.Parties parties =
                new IjwMessages.Parties(String.format(Locale.ROOT, "%08d", history.agb[t]), gemeente);
        boolean jeugdhulp = history.soort[t] == CareHistory.JH;
        int hulpvorm = history.hulpvorm[t];
        String categorie = !jeugdhulp
                ? (history.soort[t] == CareHistory.JB ? "48" : "47")
                : Integer.toString(hulpvorm < 10 ? 30 + hulpvorm : 24 + hulpvorm);
        int start = history.start[t];
        TrajectoryMessages messages = new TrajectoryMessages(zip, t, parties, client, categorie, start, error);
        if (jeugdhulp) {
            int aanmeld = history.aanmeld[t];
            messages.request(
                    aanmeld == CareHistory.NONE ? start + 3 : aanmeld,
                    aanmeld == CareHistory.NONE ? start + 5 : aanmeld + (start - aanmeld) / 2,
                    String.format(Locale.ROOT, "%02d", history.verwijzer[t]));
        }
        messages.start();
        int end = history.end[t];
        if (end != CareHistory.NONE && end <= p.lastEpochDay()) {
            int reden = history.reden[t];
            messages.stop(end, jeugdhulp ? JZ588[reden] : reden == 1 ? "31" : "34");
        }
        long cents = jeugdhulp ? writer.kostenCents(t, p, g) : -1;
        if (cents >= 0) {
            int from = Math.max(start, p.firstEpochDay());
            int to = end == CareHistory.NONE ? p.lastEpochDay() : Math.min(end, p.lastEpochDay());
            messages.invoice(p, from, to, Math.max(0, to - from + 1), cents, t % 4 == 0);
        }
    }
}
