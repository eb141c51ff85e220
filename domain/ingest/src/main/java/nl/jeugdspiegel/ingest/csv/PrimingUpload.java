package nl.jeugdspiegel.ingest.csv;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import nl.jeugdspiegel.core.Periode;

/**
 * A made-up delivery streamed from memory, to warm up the ingest code path before a SnapStart snapshot
 * is taken (classes loaded, hot methods JIT-compiled). Its rows vary the way real ones do: every soort,
 * open and ended trajectories, empty optional fields, Dutch and ISO dates, and a few invalid rows. It
 * contains no real data and is never stored.
 */
final class PrimingUpload {

    static final Periode PERIODE = Periode.parse("2024H1");
    private static final String HEADER = "bsn;geboortedatum;geslacht;soort;hulpvorm;startdatum;einddatum;"
            + "reden_beeindiging;verwijzer;aanmelddatum;zonder_hulp_verder;tevredenheid;kosten;aanbieder_agb;"
            + "productcategorie\n";
    private static final String[] HULPVORM = {"01", "02", "03", "04", "11", "12", "14"};
    private static final String[] MAATREGEL = {"11", "12", "21"};
    private static final String[] REDEN = {"01", "01", "01", "02", "03", "04", "05"};

    private PrimingUpload() {}

    /** A stream of the header and {@code rows} rows, made 1,000 rows at a time. */
    static InputStream of(int rows) {
        Enumeration<InputStream> chunks = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                StringBuilder chunk = new StringBuilder(next < 0 ? HEADER : "");
                int from = Math.max(0, next);
                int to = Math.min(rows, from + 1000);
                for (int i = from; i < to; i++) {
                    row(chunk, i);
                }
                next = to;
                return new java.io.ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(chunks);
    }

    private static void row(StringBuilder out, int i) {
        int first = PERIODE.firstEpochDay();
        int start = first - 300 + (i * 7919) % 480;
        boolean ended = i % 3 != 0;
        boolean jeugdhulp = i % 10 != 0;
        boolean dutch = i % 4 == 0;
        int end = Math.max(start, first) + (i * 31) % 150;
        out.append(i % 500 == 7 ? "123456789" : bsn(i))
                .append(';')
                .append(date(start - 3650 - (i % 2000), dutch))
                .append(';')
                .append(i % 2 + 1)
                .append(';')
                .append(jeugdhulp ? "jeugdhulp" : "jeugdbescherming")
                .append(';')
                .append(jeugdhulp ? HULPVORM[i % HULPVORM.length] : MAATREGEL[i % MAATREGEL.length])
                .append(';')
                .append(date(start, dutch))
                .append(';')
                .append(ended ? date(end, dutch) : "")
                .append(';')
                .append(ended ? (jeugdhulp ? REDEN[i % REDEN.length] : "04") : "")
                .append(';')
                .append(jeugdhulp ? "0" + (1 + i % 6) : "")
                .append(';')
                .append(jeugdhulp && i % 5 != 0 ? date(start - i % 90, dutch) : "")
                .append(';')
                .append(ended && i % 3 == 1 ? "0" + (1 + i % 4) : "")
                .append(';')
                .append(ended && i % 4 == 1 ? Integer.toString(1 + i % 10) : "")
                .append(';')
                .append(i % 9 == 0 ? "" : (i % 50_000) + (i % 2 == 0 ? ",50" : ".25"))
                .append(';')
                .append(73_010_000 + i % 400)
                .append(';')
                .append(i % 2 == 0 ? "45" : "")
                .append('\n');
    }

    private static String date(int epochDay, boolean dutch) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        if (!dutch) {
            return d.toString();
        }
        return (d.getDayOfMonth() < 10 ? "0" : "") + d.getDayOfMonth() + "-" + (d.getMonthValue() < 10 ? "0" : "")
                + d.getMonthValue() + "-" + d.getYear();
    }

    /** A valid, made-up BSN per row: an 8-digit prefix and the check digit that passes the elfproef. */
    private static String bsn(int i) {
        for (int prefix = 10_000_000 + (int) ((i * 48_271L) % 89_999_990); ; prefix++) {
            int sum = 0;
            int p = prefix;
            for (int weight = 2; weight <= 9; weight++) {
                sum += weight * (p % 10);
                p /= 10;
            }
            if (sum % 11 < 10) {
                return Integer.toString(prefix) + (sum % 11);
            }
        }
    }
}
