package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.core.lake.LakeSchema.Column.AANBIEDER_AGB;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.AANMELDDATUM;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.CLIENT;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.EINDDATUM;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.GEBOORTEJAAR;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.GESLACHT;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.HULPVORM;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.KOSTEN;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.LEEFTIJD_START;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.PRODUCTCATEGORIE;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.REDEN_BEEINDIGING;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.SOORT;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.STARTDATUM;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.TEVREDENHEID;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.VERBLIJF;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.VERWIJZER;
import static nl.jeugdspiegel.core.lake.LakeSchema.Column.ZONDER_HULP_VERDER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeColumns;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.lake.Waiting;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import org.apache.parquet.io.LocalInputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads lake files and applies the merge rule. Files are decoded in parallel (Parquet decompression and
 * decoding are the expensive part) and merged in periode order on the caller's thread, so a later
 * periode's row replaces an earlier one with the same key.
 */
public final class LakeLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LakeLoader.class);
    /** Start days 1900..2100 fit in 17 bits after this offset. */
    private static final int DAY_OFFSET = 30_000;
    /** The columns the indicators use. */
    private static final Set<Column> COLUMNS = EnumSet.of(
            CLIENT,
            GEBOORTEJAAR,
            LEEFTIJD_START,
            GESLACHT,
            SOORT,
            HULPVORM,
            STARTDATUM,
            EINDDATUM,
            REDEN_BEEINDIGING,
            VERWIJZER,
            AANMELDDATUM,
            ZONDER_HULP_VERDER,
            TEVREDENHEID,
            KOSTEN,
            PRODUCTCATEGORIE,
            VERBLIJF,
            AANBIEDER_AGB);

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    /** Waiting longer than this many days at the periode's last day: the Treeknorm of 9 weeks. */
    static final int TREEKNORM_DAYS = 63;

    private LakeLoader() {}

    public static LakeData load(List<LakeFile> files, int threads) throws IOException {
        List<String> gemeenten = new ArrayList<>();
        for (Municipality m : ReferenceData.get().municipalities()) {
            gemeenten.add(m.code());
        }
        List<LakeFile> ordered = new ArrayList<>();
        for (LakeFile f : files) {
            if (gemeenten.contains(f.gemeente())) {
                ordered.add(f);
            } else {
                LOG.warn("lake file of an unknown gemeente ignored: {}", f.path());
            }
        }
        ordered.sort(Comparator.comparing(LakeFile::periode).thenComparing(LakeFile::gemeente));
        List<Periode> periods =
                ordered.stream().map(LakeFile::periode).distinct().toList();
        LakeData data = new LakeData(periods, gemeenten);
        ClientIds clients = new ClientIds(1 << 20);
        RowIndex keys = new RowIndex(1 << 21);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "lake-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Decoded>> window = new ArrayDeque<>();
            int next = 0;
            for (LakeFile file : ordered) {
                while (next < ordered.size() && window.size() < 2 * Math.max(1, threads) + 2) {
                    LakeFile toRead = ordered.get(next++);
                    window.add(pool.submit(() -> decode(toRead)));
                }
                merge(data, clients, keys, file, window.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the lake", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("cannot read the lake", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        data.clientCount = clients.size();
        return data;
    }

    /**
     * One lake file decoded: its rows (null when it has none), when it was delivered, who waits (null when the
     * partition has no waiting file of the same delivery), or why it was left out.
     */
    private record Decoded(LakeColumns rows, Instant deliveredAt, List<Waiting.Request> waiting, String unreadable) {
        int size() {
            return rows == null ? 0 : rows.size();
        }
    }

    /**
     * Decodes one lake file. A file that is not a Parquet file, is damaged, or is a Parquet file of another
     * schema comes back marked unreadable (with a reason that quotes nothing from the file), so one corrupt or
     * foreign object does not stop the national run.
     */
    private static Decoded decode(LakeFile file) {
        try {
            LakeColumns[] rows = new LakeColumns[1];
            Map<String, String> footer = LakeReader.read(
                    new LocalInputFile(file.path()), COLUMNS, LakeReader.WHOLE_FILE, batch -> rows[0] = batch);
            if (rows[0] != null && !soortenKnown(rows[0])) {
                return new Decoded(null, null, null, "geen lake-bestand: een onbekende soort");
            }
            Optional<Provenance> provenance = Provenance.fromFooter(footer);
            return new Decoded(
                    rows[0], provenance.map(Provenance::eventTime).orElse(null), waiting(file, provenance), null);
        } catch (LakeReader.NotALakeFileException e) {
            return new Decoded(null, null, null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Decoded(
                    null,
                    null,
                    null,
                    "geen leesbaar Parquet-bestand (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The waiting file's rows when its footer names the same delivery as the lake file's (key, version and time), else
     * null: a waiting file left by an earlier delivery, or an unreadable one, says nothing about the delivery in force.
     */
    private static List<Waiting.Request> waiting(LakeFile file, Optional<Provenance> delivery) {
        if (file.waiting() == null) {
            return null;
        }
        try {
            Waiting.Contents contents = Waiting.read(new LocalInputFile(file.waiting()));
            Optional<Provenance> waitingOf = Provenance.fromFooter(contents.footer());
            if (delivery.isEmpty() || waitingOf.isEmpty() || !waitingOf.get().sameUpload(delivery.get())) {
                LOG.warn(
                        "waiting file of {} {} left out: it belongs to another delivery",
                        file.periode(),
                        file.gemeente());
                return null;
            }
            for (Waiting.Request r : contents.requests()) {
                if (!PSEUDONYM.matcher(r.client()).matches()) {
                    LOG.warn(
                            "waiting file of {} {} left out: a client is not a pseudonym",
                            file.periode(),
                            file.gemeente());
                    return null;
                }
            }
            return contents.requests();
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "waiting file of {} {} left out: {}",
                    file.periode(),
                    file.gemeente(),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static boolean soortenKnown(LakeColumns rows) {
        for (String soort : rows.codeValues(SOORT)) {
            if (soortCode(soort) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte soortCode(String soort) {
        return switch (soort) {
            case Trajectory.JEUGDHULP -> Codes.JH;
            case Trajectory.JEUGDBESCHERMING -> Codes.JB;
            case Trajectory.JEUGDRECLASSERING -> Codes.JR;
            default -> -1;
        };
    }

    private static void merge(LakeData data, ClientIds clients, RowIndex keys, LakeFile file, Decoded decoded) {
        if (decoded.unreadable() != null) {
            LOG.warn("lake object of {} {} left out: {}", file.periode(), file.gemeente(), decoded.unreadable());
            data.skipped.add(new LakeData.Skipped(file.periode(), file.gemeente(), decoded.unreadable()));
            return;
        }
        int p = data.periods.indexOf(file.periode());
        int g = data.gemeenten.indexOf(file.gemeente());
        data.delivered[p][g] = true;
        data.deliveredAt[p][g] = decoded.deliveredAt();
        LakeColumns rows = decoded.rows();
        int size = decoded.size();
        byte[] soort = size == 0 ? null : numbers(rows, SOORT);
        byte[] hulpvorm = size == 0 ? null : numbers(rows, HULPVORM);
        byte[] reden = size == 0 ? null : numbers(rows, REDEN_BEEINDIGING);
        byte[] verwijzer = size == 0 ? null : numbers(rows, VERWIJZER);
        byte[] zonderHulpVerder = size == 0 ? null : numbers(rows, ZONDER_HULP_VERDER);
        byte[] geslacht = size == 0 ? null : numbers(rows, GESLACHT);
        byte[] productcategorie = size == 0 ? null : numbers(rows, PRODUCTCATEGORIE);
        int[] agb = size == 0 ? null : agbs(data, rows);
        if (decoded.waiting() != null) {
            data.waitingKnown[p][g] = true;
            int last = file.periode().lastEpochDay();
            for (Waiting.Request w : decoded.waiting()) {
                long[] words = pseudonymWords(w.client());
                data.addWaiting(p, clients.intern(words[0], words[1]), g, last - w.sinds() > TREEKNORM_DAYS);
            }
        }
        for (int i = 0; i < size; i++) {
            byte soortCode = soort[rows.code(SOORT, i) + 1];
            byte hulpvormCode = hulpvorm[rows.code(HULPVORM, i) + 1];
            int startDay = rows.value(STARTDATUM, i);
            if (soortCode == Codes.JH) {
                data.jhRows[p][g]++;
                long kosten = rows.amount(KOSTEN, i);
                if (kosten != LakeColumns.NO_AMOUNT) {
                    data.jhRowsWithKosten[p][g]++;
                    data.kostenCent[p][g] += kosten;
                }
            }
            int client = clients.intern(rows.pseudonymWord(0, i), rows.pseudonymWord(1, i));
            long key = (long) g << 50
                    | (long) client << 26
                    | (long) soortCode << 24
                    | (long) Trajectory.hulpvormKey(hulpvormCode, productcategorie[rows.code(PRODUCTCATEGORIE, i) + 1])
                            << 17
                    | ((startDay + DAY_OFFSET) & 0x1FFFF);
            int row = keys.get(key);
            if (row < 0) {
                row = data.append();
                keys.put(key, row);
            }
            int tevredenheid = rows.value(TEVREDENHEID, i);
            data.gemeente[row] = g;
            data.client[row] = client;
            data.soort[row] = soortCode;
            data.hulpvorm[row] = hulpvormCode;
            int verblijf = rows.value(VERBLIJF, i);
            data.verblijf[row] = (byte) (verblijf == LakeColumns.ABSENT ? 2 : verblijf);
            data.start[row] = startDay;
            data.end[row] = rows.value(EINDDATUM, i);
            data.reden[row] = reden[rows.code(REDEN_BEEINDIGING, i) + 1];
            data.verwijzer[row] = verwijzer[rows.code(VERWIJZER, i) + 1];
            data.aanmeld[row] = rows.value(AANMELDDATUM, i);
            data.zonderHulpVerder[row] = zonderHulpVerder[rows.code(ZONDER_HULP_VERDER, i) + 1];
            data.tevredenheid[row] = tevredenheid == LakeColumns.ABSENT ? 0 : (byte) tevredenheid;
            data.geboortejaar[row] = (short) rows.value(GEBOORTEJAAR, i);
            data.leeftijd[row] = (byte) Math.min(127, Math.max(0, rows.value(LEEFTIJD_START, i)));
            data.geslacht[row] = geslacht[rows.code(GESLACHT, i) + 1];
            data.agb[row] = soortCode == Codes.JH ? agb[rows.code(AANBIEDER_AGB, i) + 1] : -1;
        }
        if (clients.size() >= 1 << 24) {
            throw new IllegalStateException("more than 16.7 million distinct clients: widen the merge key");
        }
    }

    /** The first two 64-bit words of a 64-hex-character pseudonym, as {@link ClientIds} keys clients. */
    private static long[] pseudonymWords(String hex) {
        return new long[] {
            Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16, 32), 16)
        };
    }

    /** The AGB codes of a file as indexes into {@link LakeData#agbs}, shifted by one: {@code [0]} is none (-1). */
    private static int[] agbs(LakeData data, LakeColumns rows) {
        List<String> values = rows.codeValues(AANBIEDER_AGB);
        int[] indexes = new int[values.size() + 1];
        indexes[0] = -1;
        for (int i = 0; i < values.size(); i++) {
            indexes[i + 1] = data.agbIndex(values.get(i));
        }
        return indexes;
    }

    /**
     * A code column's values as the numbers the engine uses, shifted by one: {@code [0]} is "none" (0), {@code [i + 1]}
     * the number of value {@code i} (soort as {@link Codes#JH} etc., other codes as the number their digits write).
     */
    private static byte[] numbers(LakeColumns rows, Column column) {
        List<String> values = rows.codeValues(column);
        byte[] numbers = new byte[values.size() + 1];
        for (int i = 0; i < values.size(); i++) {
            numbers[i + 1] = column == SOORT ? soortCode(values.get(i)) : Codes.number(values.get(i));
        }
        return numbers;
    }
}
