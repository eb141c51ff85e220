package nl.jeugdspiegel.synthetic;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;

/**
 * One very large delivery for benchmarks (a million rows, or gigabytes), written as a stream: rows are
 * made and written one by one, so the generator's memory does not grow with the file. Every row is
 * valid and active in the period; youths are unique per row.
 */
public final class LargeUpload {

    private static final java.util.Map<String, Integer> COLUMN_INDEX = new java.util.HashMap<>();

    static {
        for (int i = 0; i < RowFormat.COLUMNS.size(); i++) {
            COLUMN_INDEX.put(RowFormat.COLUMNS.get(i), i);
        }
    }

    private LargeUpload() {}

    /**
     * The iJw form for benchmarks: a zip with the messages of {@code trajectories} jeugdhulp trajectories
     * (JW315, JW301, JW305, a JW307 for about half, a JW323 for each), all valid and active in the periode,
     * written as a stream; returns the number of messages.
     */
    public static long writeIjw(Path file, long trajectories, Periode periode, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BsnSequence bsns = new BsnSequence(seed);
        int first = periode.firstEpochDay();
        int last = periode.lastEpochDay();
        long written = 0;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (ZipOutputStream zip =
                new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (long t = 0; t < trajectories; t++) {
                int start = first - 400 + random.nextInt(last - first + 401);
                int end = random.nextDouble() < 0.45
                        ? Math.max(start, first) + random.nextInt(last - Math.max(start, first) + 1)
                        : CareHistory.NONE;
                IjwMessages.Client client = new IjwMessages.Client(
                        String.format(Locale.ROOT, "%09d", bsns.next()),
                        TrajectoryMessages.day(start - (4 + random.nextInt(14)) * 365),
                        Integer.toString(1 + random.nextInt(2)),
                        "Grootbestandsma");
                IjwMessages.Parties parties = new IjwMessages.Parties("7301" + (1000 + random.nextInt(9000)), "0363");
                String categorie = Integer.toString(31 + random.nextInt(8));
                TrajectoryMessages messages =
                        new TrajectoryMessages(zip, t, parties, client, categorie, categorie + "A01", start, false);
                int requested = start - random.nextInt(90);
                messages.request(requested, requested, "0" + (1 + random.nextInt(6)));
                messages.start();
                if (end != CareHistory.NONE) {
                    messages.stop(end, "3" + (1 + random.nextInt(5)));
                }
                messages.invoice(periode, first, last, 10, random.nextInt(2_000_000), false);
                written += messages.written();
            }
        }
        return written;
    }

    /** Writes {@code rows} rows (or, with {@code rows} ≤ 0, rows until the file reaches {@code bytes}). */
    public static long write(Path file, long rows, long bytes, Periode periode, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BsnSequence bsns = new BsnSequence(seed);
        Dialect dialect = new Dialect(';', false, false, false, false, false, null, Dialect.HeaderStyle.LOWER, false);
        RowFormat format = new RowFormat(dialect);
        int first = periode.firstEpochDay();
        int last = periode.lastEpochDay();
        long written = 0;
        long size = 0;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            String header = format.header();
            out.write(header);
            size += header.length();
            StringBuilder line = new StringBuilder(256);
            String[] values = new String[RowFormat.COLUMNS.size()];
            while (rows > 0 ? written < rows : size < bytes) {
                int start = first - 400 + random.nextInt(last - first + 401);
                boolean ended = random.nextDouble() < 0.45;
                int endFrom = Math.max(start, first);
                int end = ended ? endFrom + random.nextInt(last - endFrom + 1) : CareHistory.NONE;
                boolean jh = random.nextDouble() < 0.88;
                int age = 4 + random.nextInt(14);
                int hulpvorm = jh ? new int[] {1, 2, 2, 3, 4, 11, 14}[random.nextInt(7)] : 11;
                values[0] = format.bsn(bsns.next());
                values[1] = format.date(start - age * 365 - random.nextInt(365));
                values[2] = Integer.toString(1 + random.nextInt(2));
                values[3] = jh ? "jeugdhulp" : "jeugdbescherming";
                values[4] = format.code(hulpvorm);
                values[5] = format.date(start);
                values[6] = ended ? format.date(end) : null;
                values[7] = ended ? format.code(jh ? 1 + random.nextInt(5) : 4) : null;
                values[8] = jh ? format.code(1 + random.nextInt(6)) : null;
                values[9] = jh && random.nextDouble() < 0.8 ? format.date(start - random.nextInt(90)) : null;
                values[10] = ended && random.nextDouble() < 0.4 ? format.code(1 + random.nextInt(4)) : null;
                values[11] = ended && random.nextDouble() < 0.35 ? Integer.toString(1 + random.nextInt(10)) : null;
                values[12] = format.kosten(random.nextInt(2_000_000));
                values[13] = "7301" + (1000 + random.nextInt(9000));
                values[14] = random.nextDouble() < 0.5 ? "45" : null;
                line.setLength(0);
                format.row(line, column -> values[COLUMN_INDEX.get(column)]);
                out.append(line);
                size += line.length();
                written++;
            }
        }
        return written;
    }
}
