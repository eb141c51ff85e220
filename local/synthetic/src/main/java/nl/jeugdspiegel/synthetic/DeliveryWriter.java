package nl.jeugdspiegel.synthetic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipOutputStream;
import nl.jeugdspiegel.core.Periode;

/**
 * Writes one delivery per municipality and half-year, as the municipality would: every trajectory
 * it is responsible for that was active in the period, with the end date only when it fell in the
 * period. A CSV delivery uses the municipality's dialect; an iJw delivery is a zip of the messages of
 * those trajectories ({@link IjwDelivery}). A few deliveries are faulty on purpose (and corrected later);
 * a few are missing. File modification times are the delivery dates. Both formats have the same faults,
 * the same faulty trajectories and the same missing deliveries, so they give the same lake.
 */
final class DeliveryWriter {

    /** Why a faulty first delivery is rejected; a corrected one follows a week later. */
    enum Fault {
        TOO_MANY_ERRORS,
        LATIN1,
        MISSING_COLUMN,
        BAD_KEY
    }

    private final SyntheticCountry country;
    private final CareHistory history;
    private final long seed;
    private final Generator.Format format;
    private final int[][] byGemeente;
    private final boolean mapEverything;

    DeliveryWriter(
            SyntheticCountry country, CareHistory history, long seed, Generator.Format format, boolean mapEverything) {
        this.mapEverything = mapEverything;
        this.country = country;
        this.history = history;
        this.seed = seed;
        this.format = format;
        int[] counts = new int[country.gemeenten().size()];
        for (int t = 0; t < history.size; t++) {
            counts[history.gemeente[t]]++;
        }
        byGemeente = new int[counts.length][];
        for (int g = 0; g < counts.length; g++) {
            byGemeente[g] = new int[counts[g]];
        }
        int[] fill = new int[counts.length];
        for (int t = 0; t < history.size; t++) {
            int g = history.gemeente[t];
            byGemeente[g][fill[g]++] = t;
        }
    }

    /** Writes all deliveries for the periods; returns files and rows written. */
    long[] write(Path uploads, List<Periode> periods, Consumer<String> progress) throws IOException {
        long files = 0;
        long rows = 0;
        if (format == Generator.Format.IJW) {
            // the municipalities' product mappings, beside the uploads: reference/productcodes/{gemeentecode}.csv
            Path mappings =
                    Files.createDirectories(uploads.resolveSibling("reference").resolve("productcodes"));
            for (SyntheticCountry.Gemeente g : country.gemeenten()) {
                Files.writeString(
                        mappings.resolve(g.municipality().code() + ".csv"),
                        IjwDelivery.mapping(mapEverything),
                        StandardCharsets.UTF_8);
            }
        }
        for (Periode p : periods) {
            for (SyntheticCountry.Gemeente g : country.gemeenten()) {
                if (unit(g.index(), p, 1) < g.traits().missingDelivery() || activeCount(g, p) == 0) {
                    continue; // a missed delivery, or (at a small scale) nothing to deliver
                }
                Fault fault = faultFor(g.index(), p);
                LocalDate delivered = p.lastDay()
                        .plusDays(Math.round(g.traits().delayMedianDays()
                                * Math.exp(
                                        0.35 * Traits.gaussian(new java.util.SplittableRandom(mix(g.index(), p, 2))))));
                String name = fileName(g, p);
                String extension = format.extension();
                if (fault != null) {
                    String faultyName = fault == Fault.BAD_KEY ? name : name.replace(extension, "_v1" + extension);
                    Path faulty = fault == Fault.BAD_KEY
                            ? uploads.resolve(g.municipality().code())
                                    .resolve(p.year() + "-" + p.half())
                                    .resolve(faultyName)
                            : uploads.resolve(g.municipality().code())
                                    .resolve(p.toString())
                                    .resolve(faultyName);
                    rows += writeFile(faulty, g, p, fault, delivered);
                    files++;
                    delivered = delivered.plusDays(7);
                    name = fault == Fault.BAD_KEY ? name : name.replace(extension, "_v2" + extension);
                }
                rows += writeFile(
                        uploads.resolve(g.municipality().code())
                                .resolve(p.toString())
                                .resolve(name),
                        g,
                        p,
                        null,
                        delivered);
                files++;
            }
            progress.accept("generated " + p + ": " + files + " files, " + rows + " rows so far");
        }
        return new long[] {files, rows};
    }

    private int activeCount(SyntheticCountry.Gemeente g, Periode p) {
        return active(g, p).length;
    }

    private Fault faultFor(int gemeente, Periode p) {
        double u = unit(gemeente, p, 3);
        if (u < 0.0012) {
            return Fault.TOO_MANY_ERRORS;
        } else if (u < 0.0018) {
            return Fault.LATIN1;
        } else if (u < 0.0024) {
            return Fault.MISSING_COLUMN;
        } else if (u < 0.0028) {
            return Fault.BAD_KEY;
        }
        return null;
    }

    private String fileName(SyntheticCountry.Gemeente g, Periode p) {
        if (format == Generator.Format.IJW) {
            return "berichten_" + g.municipality().code() + "_" + p + format.extension();
        }
        return g.dialect().spacedFileName()
                ? "Levering jeugdhulp " + g.municipality().naam().replace("'", "") + " " + p + ".csv"
                : "trajecten_" + g.municipality().code() + "_" + p + ".csv";
    }

    /** The trajectories of g active in p, in delivery order. */
    private int[] active(SyntheticCountry.Gemeente g, Periode p) {
        return Arrays.stream(byGemeente[g.index()])
                .filter(t -> history.start[t] <= p.lastEpochDay()
                        && (history.end[t] == CareHistory.NONE || history.end[t] >= p.firstEpochDay()))
                .toArray();
    }

    /**
     * Does trajectory t get an error in this delivery? A faulty delivery: every tenth trajectory, from the
     * first on (so even a small file is over the 5 % threshold); otherwise the municipality's usual error rate,
     * except in small deliveries, where one bad row in twenty would already reject them.
     */
    private boolean error(int t, int position, SyntheticCountry.Gemeente g, Periode p, Fault fault, int activeCount) {
        if (fault == Fault.TOO_MANY_ERRORS || (format == Generator.Format.IJW && fault == Fault.MISSING_COLUMN)) {
            return position % 10 == 0;
        }
        return activeCount >= 100 && unit(t, p, 4) < g.traits().rowErrorRate();
    }

    /** What the municipality invoiced for t in p, in cents, or -1 when its kosten are not delivered. */
    long kostenCents(int t, Periode p, SyntheticCountry.Gemeente g) {
        if (unit(t, p, 6) >= g.traits().kostenCompleteness()) {
            return -1;
        }
        int from = Math.max(history.start[t], p.firstEpochDay());
        int to = history.end[t] == CareHistory.NONE ? p.lastEpochDay() : Math.min(history.end[t], p.lastEpochDay());
        return Math.round(Math.max(0, to - from + 1) * history.dailyRate[t] * 100);
    }

    private long writeFile(Path file, SyntheticCountry.Gemeente g, Periode p, Fault fault, LocalDate delivered)
            throws IOException {
        Files.createDirectories(file.getParent());
        long rows = format == Generator.Format.IJW ? writeZip(file, g, p, fault) : writeCsv(file, g, p, fault);
        Files.setLastModifiedTime(
                file,
                FileTime.from(
                        delivered.atTime(9, 0).plusMinutes(g.index() % 480).toInstant(ZoneOffset.UTC)));
        return rows;
    }

    private long writeZip(Path file, SyntheticCountry.Gemeente g, Periode p, Fault fault) throws IOException {
        int[] active = active(g, p);
        IjwDelivery messages = new IjwDelivery(history, this, g, p);
        try (ZipOutputStream zip =
                new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (int i = 0; i < active.length; i++) {
                messages.write(zip, active[i], error(active[i], i, g, p, fault, active.length));
            }
            int last = p.lastEpochDay();
            for (int t : byGemeente[g.index()]) {
                int aanmeld = history.aanmeld[t];
                if (history.soort[t] != CareHistory.JH) {
                    continue;
                }
                if (history.start[t] > last && aanmeld != CareHistory.NONE && aanmeld <= last) {
                    messages.writeWaiting(zip, t);
                }
                int end = history.end[t];
                if (end != CareHistory.NONE && end >= p.firstEpochDay() && end < last && unit(t, p, 9) < 1.0 / 16) {
                    messages.writeRereferral(zip, t, end + 1 + (int) (unit(t, p, 10) * (last - end)));
                }
            }
        }

        if (fault == Fault.LATIN1) {
            // the iJw counterpart of a file in the wrong encoding: a zip cut off halfway (an aborted upload)
            byte[] whole = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        }
        return active.length;
    }

    private long writeCsv(Path file, SyntheticCountry.Gemeente g, Periode p, Fault fault) throws IOException {
        Dialect dialect = g.dialect();
        if (fault == Fault.LATIN1 && dialect.extraColumn() == null) {
            dialect = new Dialect(
                    dialect.separator(),
                    false,
                    dialect.crlf(),
                    dialect.dutchDates(),
                    dialect.decimalComma(),
                    dialect.spreadsheetNumbers(),
                    "opmerking",
                    dialect.headerStyle(),
                    false);
        }
        RowFormat format = new RowFormat(dialect);
        Charset charset = fault == Fault.LATIN1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        int[] active = active(g, p);
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (dialect.bom() && charset == StandardCharsets.UTF_8) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            String header = format.header();
            if (fault == Fault.MISSING_COLUMN) {
                header = header.replace("geboortedatum", "geboorte_datum").replace("GEBOORTEDATUM", "GEBOORTE_DATUM");
            }
            out.write(header.getBytes(charset));
            StringBuilder line = new StringBuilder(256);
            for (int t : active) {
                line.setLength(0);
                boolean error = error(t, (int) rows, g, p, fault, active.length);
                format.row(
                        line,
                        new TrajectoryValues(
                                format, t, p, g, error ? unit(t, p, 5) : -1, fault == Fault.LATIN1 && rows % 7 == 3));
                out.write(line.toString().getBytes(charset));
                rows++;
            }
        }
        return rows;
    }

    /** The values of trajectory t as delivered for period p. */
    private final class TrajectoryValues implements RowFormat.Values {
        private final RowFormat format;
        private final int t;
        private final Periode p;
        private final SyntheticCountry.Gemeente g;
        private final double error;
        private final boolean accentedRemark;
        private final boolean ended;

        TrajectoryValues(
                RowFormat format, int t, Periode p, SyntheticCountry.Gemeente g, double error, boolean accentedRemark) {
            this.format = format;
            this.t = t;
            this.p = p;
            this.g = g;
            this.error = error;
            this.accentedRemark = accentedRemark;
            this.ended = history.end[t] != CareHistory.NONE && history.end[t] <= p.lastEpochDay();
        }

        @Override
        public String get(String column) {
            int y = history.youth[t];
            String value =
                    switch (column) {
                        case "bsn" -> format.bsn(history.bsn[y]);
                        case "geboortedatum" -> format.date(history.birth[y]);
                        case "geslacht" -> Integer.toString(history.sex[y]);
                        case "soort" -> RowFormat.soort(history.soort[t]);
                        case "hulpvorm" -> format.code(history.hulpvorm[t]);
                        case "startdatum" -> format.date(history.start[t]);
                        case "einddatum" -> ended ? format.date(history.end[t]) : null;
                        case "reden_beeindiging" -> ended ? format.code(history.reden[t]) : null;
                        case "verwijzer" -> format.code(history.verwijzer[t]);
                        case "aanmelddatum" -> format.date(history.aanmeld[t]);
                        case "zonder_hulp_verder" -> ended ? format.code(history.zonderHulpVerder[t]) : null;
                        case "tevredenheid" ->
                            ended && history.tevredenheid[t] > 0 ? Integer.toString(history.tevredenheid[t]) : null;
                        case "kosten" -> kosten();
                        case "aanbieder_agb" ->
                            // one in 33 rows without a provider, so the share with a known provider is below 1
                            t % 33 == 0 ? null : String.format(Locale.ROOT, "%08d", history.agb[t]);
                        case "productcategorie" -> format.code(history.productcategorie[t]);
                        case "dossiernummer" -> "D-" + (100_000 + t % 900_000);
                        case "opmerking" -> accentedRemark ? "geëvalueerd" : t % 11 == 0 ? "zie dossier" : null;
                        default -> null;
                    };
            return error >= 0 ? corrupt(column, value) : value;
        }

        private String kosten() {
            long cents = kostenCents(t, p, g);
            return cents < 0 ? null : format.kosten(cents);
        }

        /** One kind of error per faulty row. */
        private String corrupt(String column, String value) {
            int kind = (int) (error * 4);
            return switch (kind) {
                case 0 ->
                    column.equals("bsn")
                            ? value.substring(0, value.length() - 1)
                                    + (char) ('0' + (value.charAt(value.length() - 1) - '0' + 1) % 10)
                            : value;
                case 1 -> column.equals("hulpvorm") ? "99" : value;
                case 2 ->
                    column.equals("startdatum")
                            ? (format.date(history.start[t]).length() == 10
                                            && format.date(history.start[t]).charAt(4) == '-'
                                    ? "2023-02-31"
                                    : "31-02-2023")
                            : value;
                default -> column.equals("geslacht") ? "M" : value;
            };
        }
    }

    /** A deterministic number in [0, 1) for (a, p, salt). */
    private double unit(long a, Periode p, int salt) {
        return (mix(a, p, salt) >>> 11) * 0x1.0p-53;
    }

    private long mix(long a, Periode p, int salt) {
        long x = seed * 0x9E3779B97F4A7C15L
                + a * 0xBF58476D1CE4E5B9L
                + (p.year() * 2L + p.half()) * 0x94D049BB133111EBL
                + salt;
        x ^= x >>> 30;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 27;
        x *= 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    static List<Periode> periods(Periode first, Periode last) {
        return new ArrayList<>(Periode.range(first, last));
    }
}
