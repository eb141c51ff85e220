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
 *       allocation), which carries no waiting time. The product is one of today's categories ({@link #product}):
 *       45 ambulant (hulpvorm 01, 02, 04), 41 dagbehandeling (03), 44 and 43 verblijf (11; 12–14), one in ten
 *       trajectories a category that says nothing about the hulpvorm (46, 50–55), one in ten the 2015 code
 *       31–38; the product code carries the hulpvorm, and the generated product mapping
 *       ({@code reference/productcodes/{gemeentecode}.csv}, {@link #mapping}) resolves some of the codes;</li>
 *   <li>jeugdbescherming and jeugdreclassering: only JW305 and JW307, with category 48, 47 (49 for the
 *       preventief justitieel kader);</li>
 *   <li>every 25th jeugdhulp trajectory also has a vervoer product (42), which is no trajectory;</li>
 *   <li>youths who asked for help in the periode but start only after it: their JW315 and JW301, without a
 *       JW305 ({@link #writeWaiting}); and one in sixteen youths whose jeugdhulp ended in the periode asks again
 *       ({@link #writeRereferral}): who is waiting at the periode's last day.</li>
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

    /**
     * Today's product of trajectory t: {category, product code}. The code ends in the hulpvorm (or type of measure),
     * so that a product mapping can give it back.
     */
    static String[] product(int t, byte soort, int hulpvorm) {
        String h = String.format(Locale.ROOT, "%02d", hulpvorm);
        if (soort == CareHistory.JB) {
            return new String[] {"48", "48A" + h};
        }
        if (soort == CareHistory.JR) {
            return new String[] {hulpvorm == 31 ? "49" : "47", (hulpvorm == 31 ? "49A" : "47A") + h};
        }
        if (t % 10 == 0) {
            String legacy = Integer.toString(hulpvorm < 10 ? 30 + hulpvorm : 24 + hulpvorm);
            return new String[] {legacy, legacy + "A01"};
        }
        if (t % 10 == 1) {
            String other = OTHER_CATEGORIES[(t / 10) % OTHER_CATEGORIES.length];
            return new String[] {other, other + "B" + h};
        }
        String categorie = hulpvorm == 3 ? "41" : hulpvorm < 10 ? "45" : hulpvorm == 11 ? "44" : "43";
        return new String[] {categorie, categorie + "A" + h};
    }

    /** ToewijzingNummers of the vervoer products and of the re-referrals: apart from the trajectories' own numbers. */
    private static final long VERVOER_NUMBERS = 900_000_000L;

    private static final long REREFERRAL_NUMBERS = 800_000_000L;

    /** Jeugdhulp categories that do not determine the hulpvorm. */
    private static final String[] OTHER_CATEGORIES = {"46", "50", "51", "52", "53", "54", "55"};

    /**
     * The generated product mapping of a municipality ({@code productcategorie;productcode;hulpvorm}): the A-codes
     * of 45, 44 and 43 except 43A14 (overig residentieel stays unresolved); with {@code everything}, also 43A14, the
     * B-codes of the other categories and the measures' codes, so that every row gets its hulpvorm back.
     */
    static String mapping(boolean everything) {
        StringBuilder csv = new StringBuilder("productcategorie;productcode;hulpvorm\n");
        for (String h : new String[] {"01", "02", "04"}) {
            csv.append("45;45A").append(h).append(';').append(h).append('\n');
        }
        csv.append("44;44A11;11\n43;43A12;12\n43;43A13;13\n");
        if (everything) {
            csv.append("43;43A14;14\n");
            for (String c : OTHER_CATEGORIES) {
                for (String h : new String[] {"01", "02", "03", "04", "11", "12", "13", "14"}) {
                    csv.append(c)
                            .append(';')
                            .append(c)
                            .append('B')
                            .append(h)
                            .append(';')
                            .append(h)
                            .append('\n');
                }
            }
            for (String h : new String[] {"11", "12", "21", "22", "23"}) {
                csv.append("48;48A").append(h).append(';').append(h).append('\n');
            }
            for (String h : new String[] {"41", "42", "50", "51", "61", "62", "63"}) {
                csv.append("47;47A").append(h).append(';').append(h).append('\n');
            }
            csv.append("49;49A31;31\n");
        }
        return csv.toString();
    }

    /**
     * The request (JW315, on the aanmelddatum) and the allocation (JW301) of a jeugdhulp trajectory that starts after
     * the periode although its request was made in it: who waits at the last day. No JW305: it has not started.
     */
    void writeWaiting(ZipOutputStream zip, int t) throws IOException {
        int aanmeld = history.aanmeld[t];
        request(zip, t, t, aanmeld, aanmeld + (history.start[t] - aanmeld) / 2, history.start[t]);
    }

    /**
     * A new request of a youth whose trajectory t ended in the periode, made on {@code requested} (after the end),
     * that is open at the periode's end and is not delivered again later (it led to no care in the generated
     * history): also the last half-year has youths waiting, although the simulation starts nothing after it.
     */
    void writeRereferral(ZipOutputStream zip, int t, int requested) throws IOException {
        request(zip, t, REREFERRAL_NUMBERS + t, requested, requested + 7, requested + 14);
    }

    private void request(ZipOutputStream zip, int t, long nr, int requested, int allocated, int start)
            throws IOException {
        String[] product = product(t, history.soort[t], history.hulpvorm[t]);
        new TrajectoryMessages(zip, nr, parties(t), client(t), product[0], product[1], start, false)
                .request(requested, allocated, String.format(Locale.ROOT, "%02d", history.verwijzer[t]));
    }

    private IjwMessages.Client client(int t) {
        int y = history.youth[t];
        return new IjwMessages.Client(
                String.format(Locale.ROOT, "%09d", history.bsn[y]),
                TrajectoryMessages.day(history.birth[y]),
                Integer.toString(history.sex[y]),
                SURNAMES[y % SURNAMES.length]);
    }

    private IjwMessages.Parties parties(int t) {
        return new IjwMessages.Parties(String.format(Locale.ROOT, "%08d", history.agb[t]), gemeente);
    }

    /** Writes the messages of trajectory t into the zip. */
    void write(ZipOutputStream zip, int t, boolean error) throws IOException {
        IjwMessages.Client client = client(t);
        IjwMessages.Parties parties = parties(t);
        boolean jeugdhulp = history.soort[t] == CareHistory.JH;
        String[] product = product(t, history.soort[t], history.hulpvorm[t]);
        int start = history.start[t];
        TrajectoryMessages messages =
                new TrajectoryMessages(zip, t, parties, client, product[0], product[1], start, error);
        if (jeugdhulp && t % 25 == 0) {
            new TrajectoryMessages(zip, VERVOER_NUMBERS + t, parties, client, "42", "42A01", start, error).start();
        }
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
        long cents = writer.kostenCents(t, p, g); // measures are invoiced too (JW323)
        if (cents >= 0) {
            int from = Math.max(start, p.firstEpochDay());
            int to = end == CareHistory.NONE ? p.lastEpochDay() : Math.min(end, p.lastEpochDay());
            messages.invoice(p, from, to, Math.max(0, to - from + 1), cents, t % 4 == 0);
        }
    }
}
