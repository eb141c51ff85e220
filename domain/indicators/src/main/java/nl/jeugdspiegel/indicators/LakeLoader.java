package nl.jeugdspiegel.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.jeugdspiegel.core.lake.LakeSchema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
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
    /** Footer key written by ingest (DeliveryRef.footerMetadata): the event time of the delivery. */
    static final String DELIVERED_AT = "jeugdspiegel.bron_tijd";

    private LakeLoader() {
    }

    /** The lake files under a folder that stands for the bucket ({@code DIR/lake/trajecten/periode=P/gemeente=G/}). */
    public static List<LakeFile> scan(Path bucketDir) throws IOException {
        Path root = bucketDir.resolve(LakeSchema.TRAJECTEN_PREFIX);
        List<LakeFile> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String key = LakeSchema.TRAJECTEN_PREFIX + root.relativize(path).toString().replace('\\', '/');
                LakeSchema.partitionOf(key).filter(p -> p.file().equals(LakeSchema.PART_FILE))
                        .ifPresent(p -> files.add(new LakeFile(p.periode(), p.gemeentecode(), path)));
            }
        }
        return files;
    }

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
        List<Periode> periods = ordered.stream().map(LakeFile::periode).distinct().toList();
        LakeData data = new LakeData(periods, gemeenten);
        ClientIds clients = new ClientIds(1 << 20);
        RowIndex keys = new RowIndex(1 << 21);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "lake-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<FileRows>> window = new ArrayDeque<>();
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
     * One codec factory per reader thread, on a Hadoop configuration without default resources: the
     * factory Parquet would otherwise make per file builds a full Hadoop configuration (parsing
     * core-default.xml) for every one of the thousands of small lake files.
     */
    private static final ThreadLocal<CodecFactory> CODECS = ThreadLocal.withInitial(() ->
            new CodecFactory(new Configuration(false), 1024 * 1024));

    /**
     * Decodes one lake file. A file that is not a Parquet file, is damaged, or is a Parquet file of another
     * schema comes back marked unreadable (with a reason that quotes nothing from the file), so one corrupt or
     * foreign object does not stop the national run.
     */
    private static FileRows decode(LakeFile file) {
        try {
            return read(file);
        } catch (IndicatorReadSupport.ForeignSchemaException e) {
            return unreadable(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return unreadable("geen leesbaar Parquet-bestand (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static FileRows unreadable(String reason) {
        FileRows rows = new FileRows(0);
        rows.unreadable = reason;
        return rows;
    }

    private static FileRows read(LakeFile file) throws IOException {
        InputFile input = new LocalInputFile(file.path());
        FileRows rows = new FileRows(4096);
        IndicatorReadSupport support = new IndicatorReadSupport(rows);
        try (ParquetReader<FileRows> reader = new ParquetReader.Builder<FileRows>(input, new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<FileRows> getReadSupport() {
                return support;
            }
        }.withCodecFactory(CODECS.get()).build()) {
            FileRows last = rows;
            for (FileRows r; (r = reader.read()) != null; ) {
                last = r;
            }
            last.deliveredAt = deliveredAt(support.keyValueMetadata().get(DELIVERED_AT));
            return last;
        }
    }

    private static Instant deliveredAt(String text) {
        try {
            return text == null || text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void merge(LakeData data, ClientIds clients, RowIndex keys, LakeFile file, FileRows rows) {
        if (rows.unreadable != null) {
            LOG.warn("lake object of {} {} left out: {}", file.periode(), file.gemeente(), rows.unreadable);
            data.skipped.add(new LakeData.Skipped(file.periode(), file.gemeente(), rows.unreadable));
            return;
        }
        int p = data.periods.indexOf(file.periode());
        int g = data.gemeenten.indexOf(file.gemeente());
        data.delivered[p][g] = true;
        data.deliveredAt[p][g] = rows.deliveredAt;
        for (int i = 0; i < rows.size; i++) {
            if (rows.soort[i] == Codes.JH) {
                data.jhRows[p][g]++;
                if (rows.kosten[i] != Long.MIN_VALUE) {
                    data.jhRowsWithKosten[p][g]++;
                    data.kostenCent[p][g] += rows.kosten[i];
                }
            }
            int client = clients.intern(rows.clientHigh[i], rows.clientLow[i]);
            long key = (long) g << 50 | (long) client << 26 | (long) rows.soort[i] << 24
                    | (long) (rows.hulpvorm[i] & 0x7F) << 17 | ((rows.start[i] + DAY_OFFSET) & 0x1FFFF);
            int row = keys.get(key);
            if (row < 0) {
                row = data.append();
                keys.put(key, row);
            }
            data.gemeente[row] = g;
            data.client[row] = client;
            data.soort[row] = rows.soort[i];
            data.hulpvorm[row] = rows.hulpvorm[i];
            data.start[row] = rows.start[i];
            data.end[row] = rows.end[i];
            data.reden[row] = rows.reden[i];
            data.verwijzer[row] = rows.verwijzer[i];
            data.aanmeld[row] = rows.aanmeld[i];
            data.zonderHulpVerder[row] = rows.zonderHulpVerder[i];
            data.tevredenheid[row] = rows.tevredenheid[i];
            data.geboortejaar[row] = rows.geboortejaar[i];
            data.leeftijd[row] = rows.leeftijd[i];
            data.geslacht[row] = rows.geslacht[i];
        }
        if (clients.size() >= 1 << 24) {
            throw new IllegalStateException("more than 16.7 million distinct clients: widen the merge key");
        }
    }
}
