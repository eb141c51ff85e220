package nl.jeugdspiegel.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.IndicatorTable;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderNames;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.SignalTable;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.ScratchSpace;
import nl.jeugdspiegel.core.concurrent.Parallel;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes indicator tables in the bucket: lists the lake and the population files, brings the lake
 * files to a local cache (by ETag, so a warm function downloads only what changed), applies the merge
 * rule, computes the affected periods and writes {@code indicators/periode=P/indicators.parquet} and
 * {@code .csv}, each in one PUT, then {@code indicators/manifest.json}. A table whose content did not
 * change is not rewritten (no new object version, no event for the report).
 */
public final class IndicatorService {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorService.class);

    private static final String CONTENT_HASH = "inhoud-sha256";

    /** What one run did; {@code skipped} are the lake objects left out because they are not readable lake files. */
    public record Result(
            List<Periode> computed,
            List<Periode> written,
            int lakeFiles,
            int trajectories,
            int clients,
            List<LakeData.Skipped> skipped,
            Duration time) {}

    private final ObjectStore store;
    private final Path cache;
    private final int threads;
    /** ETag of each cached lake file: survives between invocations of a warm function. */
    private final Map<String, String> cachedETags = new ConcurrentHashMap<>();

    public IndicatorService(ObjectStore store, Path cacheDir, int threads) {
        this.store = store;
        this.cache = cacheDir;
        this.threads = Math.max(1, threads);
    }

    /**
     * Used by the function: real S3 client, bucket from {@code DATA_BUCKET}, the lake cache in this process's private
     * folder ({@link ScratchSpace}: a warm function keeps it, two processes never share it).
     */
    public static IndicatorService fromEnvironment() {
        return new IndicatorService(
                new ObjectStore(AwsClients.s3(), Settings.require(Settings.DATA_BUCKET)),
                ScratchSpace.processFolder().resolve("indicators"),
                Runtime.getRuntime().availableProcessors());
    }

    public Result recompute(RecomputeRequest request) throws IOException {
        long started = System.nanoTime();
        List<LakeFile> files = syncLake();
        Set<Periode> lakePeriods = new TreeSet<>();
        files.forEach(f -> lakePeriods.add(f.periode()));
        Set<Periode> affected = request.affected(lakePeriods);
        if (affected.isEmpty()) {
            LOG.info("nothing to recompute: {} lake files, request {}", files.size(), request);
            return new Result(
                    List.of(), List.of(), files.size(), 0, 0, List.of(), Duration.ofNanos(System.nanoTime() - started));
        }
        List<Population> populations = populations();
        LakeData data = LakeLoader.load(files, threads);
        IndicatorEngine engine = new IndicatorEngine(
                data,
                populations,
                store.readIfExists(BucketLayout.PROVIDER_REGISTER)
                        .map(bytes -> ProviderNames.parse(new String(bytes, StandardCharsets.UTF_8)))
                        .orElse(Map.of()));
        List<Periode> written = new ArrayList<>();
        Map<Periode, String> hashes = new HashMap<>();
        Path out = Files.createDirectories(cache.resolve("out"));
        Map<Periode, IndicatorEngine.Computed> computed = new HashMap<>();
        Manifest previous = previousManifest();
        Map<Periode, SortedMap<String, String>> overlapHashes = new HashMap<>();
        for (Periode periode : affected) {
            IndicatorEngine.Computed result = engine.computeAll(periode);
            computed.put(periode, result);
            if (write(periode, result.rows(), out, hashes)) {
                written.add(periode);
            }
            Manifest.Period before = previous.periods().get(periode);
            overlapHashes.put(
                    periode, writeOverlap(periode, result, before == null ? Map.of() : before.dubbelGeleverd()));
        }
        // a periode's signals compare it with one year earlier and, for its trends, with the half-years before it: the
        // signals of every later periode change with it
        Set<Periode> signalPeriods = new TreeSet<>(affected);
        affected.forEach(
                a -> lakePeriods.stream().filter(p -> p.compareTo(a) > 0).forEach(signalPeriods::add));
        for (Periode periode : signalPeriods) {
            IndicatorEngine.Computed now = computed.computeIfAbsent(periode, engine::computeAll);
            List<List<IndicatorRow>> earlier = new ArrayList<>();
            for (Periode p = periode.previous(); lakePeriods.contains(p); p = p.previous()) {
                earlier.add(computed.computeIfAbsent(p, engine::computeAll).rows());
            }
            Periode yearAgo = periode.previous().previous();
            List<IndicatorRow> yearEarlier = lakePeriods.contains(yearAgo)
                    ? computed.computeIfAbsent(yearAgo, engine::computeAll).rows()
                    : List.of();
            writeSignals(periode, Signals.of(now.rows(), yearEarlier, now.waitSigns(), earlier), out);
        }
        writeVooruitblik(engine, lakePeriods, computed, out);
        writeManifest(data, engine, populations, lakePeriods, hashes, overlapHashes, previous);
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "indicators: {} periods computed, {} rewritten, {} lake files ({} left out), {} trajectories, {} ms",
                affected.size(),
                written.size(),
                files.size(),
                data.skipped().size(),
                data.trajectories(),
                time.toMillis());
        return new Result(
                List.copyOf(affected),
                written,
                files.size(),
                data.trajectories(),
                data.clients(),
                data.skipped(),
                time);
    }

    /** Lists the lake and downloads new or changed files into the cache; removes files no longer listed. */
    private List<LakeFile> syncLake() throws IOException {
        Path lakeDir = Files.createDirectories(cache.resolve("lake"));
        List<LakeFile> files = new ArrayList<>();
        List<ObjectInfo> toFetch = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        Map<String, Path> waiting = new HashMap<>();
        for (String prefix : List.of(BucketLayout.LAKE_TRAJECTEN, BucketLayout.LAKE_WACHTEND)) {
            for (ObjectInfo object : store.list(prefix)) {
                boolean isWaiting = prefix.equals(BucketLayout.LAKE_WACHTEND);
                Optional<BucketLayout.Partition> partition = isWaiting
                        ? BucketLayout.wachtendPartFileOf(object.key())
                        : BucketLayout.partFileOf(object.key());
                if (partition.isEmpty()) {
                    continue; // not a lake part file (e.g. a folder marker)
                }
                listed.add(object.key());
                Path local = lakeDir.resolve(object.key());
                if (isWaiting) {
                    waiting.put(
                            partition.get().periode() + "/" + partition.get().gemeentecode(), local);
                } else {
                    files.add(new LakeFile(
                            partition.get().periode(), partition.get().gemeentecode(), local));
                }
                if (!version(object).equals(cachedETags.get(object.key())) || !Files.exists(local)) {
                    toFetch.add(object);
                }
            }
        }
        files.replaceAll(
                f -> new LakeFile(f.periode(), f.gemeente(), f.path(), waiting.get(f.periode() + "/" + f.gemeente())));
        cachedETags.keySet().removeIf(key -> {
            if (listed.contains(key)) {
                return false;
            }
            deleteQuietly(lakeDir.resolve(key));
            return true;
        });
        download(lakeDir, toFetch);
        return files;
    }

    /** The ETag; S3-compatible stores that give none (a file placed in a served folder) fall back to size and time. */
    private static String version(ObjectInfo object) {
        return object.eTag() != null ? object.eTag() : object.size() + "@" + object.lastModified();
    }

    private void download(Path lakeDir, List<ObjectInfo> objects) throws IOException {
        Parallel.forEach(objects, Math.min(16, 4 * threads), object -> {
            Path target = lakeDir.resolve(object.key());
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = store.openIfExists(object.key(), null)
                    .orElseThrow(() -> new IOException(object.key() + " was removed while the lake was read"))) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            cachedETags.put(object.key(), version(object));
        });
    }

    private List<Population> populations() {
        List<Population> populations = new ArrayList<>();
        for (ObjectInfo object : store.list(BucketLayout.POPULATION)) {
            Optional<Integer> year = BucketLayout.populationYear(object.key());
            if (year.isEmpty()) {
                continue;
            }
            Optional<byte[]> content = store.readIfExists(object.key());
            if (content.isEmpty()) {
                continue;
            }
            try {
                populations.add(Population.parse(year.get(), new String(content.get(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                // a broken population file makes the figures that need it niet_beschikbaar, not the whole run fail
                LOG.warn("population file {} ignored: {}", object.key(), e.getMessage());
            }
        }
        return populations;
    }

    /** Writes the table of one periode unless the bucket already holds the same content; records its hash. */
    private boolean write(Periode periode, List<IndicatorRow> rows, Path out, Map<Periode, String> hashes)
            throws IOException {
        Path csv = out.resolve("indicators-" + periode + ".csv");
        Path parquet = out.resolve("indicators-" + periode + ".parquet");
        IndicatorTable.writeCsv(rows, csv);
        String hash = Hashes.sha256Hex(csv);
        hashes.put(periode, hash);
        String csvKey = BucketLayout.indicatorTable(periode, BucketLayout.Format.CSV);
        String parquetKey = BucketLayout.indicatorTable(periode, BucketLayout.Format.PARQUET);
        Optional<ObjectInfo> existing = store.head(csvKey);
        if (existing.isPresent()
                && hash.equals(existing.get().metadata().get(CONTENT_HASH))
                && store.head(parquetKey).isPresent()) {
            return false;
        }
        IndicatorTable.writeParquet(
                rows, parquet, Map.of("jeugdspiegel.periode", periode.toString(), "jeugdspiegel.inhoud_sha256", hash));
        Map<String, String> metadata = Map.of(CONTENT_HASH, hash);
        store.putFile(
                parquetKey, parquet, BucketLayout.Format.PARQUET.contentType(), metadata, ObjectStore.Condition.NONE);
        store.putFile(csvKey, csv, BucketLayout.Format.CSV.contentType(), metadata, ObjectStore.Condition.NONE);
        Files.deleteIfExists(csv);
        Files.deleteIfExists(parquet);
        return true;
    }

    /**
     * The vooruitblik (indicators v1.3): the forecasts from the latest half-year and the backtest over the lake's history,
     * from the tables of every half-year ({@link VooruitblikTables}), under {@code indicators/vooruitblik/} (which
     * triggers nothing), before the manifest (which starts the report).
     */
    private void writeVooruitblik(
            IndicatorEngine engine, Set<Periode> lakePeriods, Map<Periode, IndicatorEngine.Computed> computed, Path out)
            throws IOException {
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        for (Periode p : lakePeriods) {
            tables.put(p, computed.computeIfAbsent(p, engine::computeAll).rows());
        }
        VooruitblikTables.Result result = VooruitblikTables.of(tables, VooruitblikTables.jeugdregioOf());
        Path csv = out.resolve("vooruitblik.csv");
        Path parquet = out.resolve("vooruitblik.parquet");
        Path backtest = out.resolve("backtest.csv");
        VooruitblikTable.FORECASTS.writeCsv(result.forecasts(), csv);
        VooruitblikTable.FORECASTS.writeParquet(result.forecasts(), parquet, Map.of());
        VooruitblikTable.BACKTEST.writeCsv(result.backtest(), backtest);
        String csvType = BucketLayout.Format.CSV.contentType();
        store.putFile(
                BucketLayout.vooruitblik(BucketLayout.Format.PARQUET),
                parquet,
                BucketLayout.Format.PARQUET.contentType(),
                Map.of(),
                ObjectStore.Condition.NONE);
        store.putFile(
                BucketLayout.vooruitblik(BucketLayout.Format.CSV), csv, csvType, Map.of(), ObjectStore.Condition.NONE);
        store.putFile(BucketLayout.backtest(), backtest, csvType, Map.of(), ObjectStore.Condition.NONE);
        for (Path file : List.of(csv, parquet, backtest)) {
            Files.deleteIfExists(file);
        }
    }

    /** The signal tables of one periode (written before the manifest, which starts the report). */
    private void writeSignals(Periode periode, SignalRows.Result signals, Path out) throws IOException {
        Path csv = out.resolve("signalen-" + periode + ".csv");
        Path parquet = out.resolve("signalen-" + periode + ".parquet");
        Path dispersion = out.resolve("overdispersie-" + periode + ".csv");
        SignalTable.SIGNALS.writeCsv(signals.signals(), csv);
        SignalTable.SIGNALS.writeParquet(
                signals.signals(), parquet, Map.of("jeugdspiegel.periode", periode.toString()));
        SignalTable.DISPERSION.writeCsv(signals.dispersion(), dispersion);
        String csvType = BucketLayout.Format.CSV.contentType();
        store.putFile(
                BucketLayout.signals(periode, BucketLayout.Format.PARQUET),
                parquet,
                BucketLayout.Format.PARQUET.contentType(),
                Map.of(),
                ObjectStore.Condition.NONE);
        store.putFile(BucketLayout.dispersion(periode), dispersion, csvType, Map.of(), ObjectStore.Condition.NONE);
        store.putFile(
                BucketLayout.signals(periode, BucketLayout.Format.CSV),
                csv,
                csvType,
                Map.of(),
                ObjectStore.Condition.NONE);
        for (Path file : List.of(csv, parquet, dispersion)) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * {@code indicators/manifest.json}: the periods with a table, per periode which municipalities
     * delivered and when, the size class of each gemeente, and per population year whether the file is
     * synthetic. The report reads it; its arrival triggers the report.
     */
    private void writeManifest(
            LakeData data,
            IndicatorEngine engine,
            List<Population> populations,
            Set<Periode> lakePeriods,
            Map<Periode, String> hashes,
            Map<Periode, SortedMap<String, String>> overlapHashes,
            Manifest previous) {
        SortedMap<Periode, Manifest.Period> periods = new TreeMap<>();
        for (Periode p : lakePeriods) {
            String csvKey = BucketLayout.indicatorTable(p, BucketLayout.Format.CSV);
            // computed in this run, or else as the bucket holds it
            String hash = hashes.containsKey(p)
                    ? hashes.get(p)
                    : store.head(csvKey)
                            .map(h -> h.metadata().get(CONTENT_HASH))
                            .orElse(null);
            SortedMap<String, Instant> leveringen = new TreeMap<>();
            for (String gemeente : data.gemeenten) {
                if (data.delivered(p, gemeente)) {
                    leveringen.put(gemeente, data.deliveredAt(p, gemeente));
                }
            }
            periods.put(
                    p,
                    new Manifest.Period(
                            csvKey,
                            BucketLayout.indicatorTable(p, BucketLayout.Format.PARQUET),
                            data.periodIndex(p.next()) >= 0,
                            hash,
                            leveringen,
                            new TreeMap<>(engine.sizeClasses(p)),
                            overlapHashes.containsKey(p)
                                    ? overlapHashes.get(p)
                                    : Optional.ofNullable(previous.periods().get(p))
                                            .map(Manifest.Period::dubbelGeleverd)
                                            .orElse(new TreeMap<>())));
        }
        // lake objects that are not readable lake files: their gemeente counts as not delivered for that periode
        List<Manifest.SkippedObject> skipped = new ArrayList<>();
        for (LakeData.Skipped s : data.skipped()) {
            skipped.add(new Manifest.SkippedObject(BucketLayout.trajecten(s.periode(), s.gemeente()), s.reason()));
        }
        SortedMap<Integer, Manifest.PopulationYear> bevolking = new TreeMap<>();
        populations.forEach(p -> bevolking.put(p.year(), new Manifest.PopulationYear(p.synthetic())));
        byte[] content = new Manifest(periods, skipped, bevolking).toJson();
        if (!store.readIfExists(BucketLayout.MANIFEST)
                .map(old -> Arrays.equals(old, content))
                .orElse(false)) {
            store.putBytes(BucketLayout.MANIFEST, content, "application/json");
        }
    }

    /** The manifest the bucket holds (an empty one when there is none, or it cannot be read). */
    private Manifest previousManifest() {
        try {
            Optional<byte[]> bytes = store.readIfExists(BucketLayout.MANIFEST);
            return bytes.isEmpty() ? new Manifest(null, null, null) : Manifest.read(bytes.get());
        } catch (IOException | RuntimeException e) {
            LOG.warn("the previous manifest cannot be read, every overlap file is written again: {}", e.toString());
            return new Manifest(null, null, null);
        }
    }

    /**
     * The private overlap files of one periode: one per gemeente with doubly delivered youths, written when its content
     * changed since the manifest's hash, and removed for a gemeente that no longer has any. Returns the hashes.
     */
    private SortedMap<String, String> writeOverlap(
            Periode periode, IndicatorEngine.Computed computed, Map<String, String> before) {
        SortedMap<String, String> now = new TreeMap<>();
        for (IndicatorRow row : computed.rows()) {
            if (row.niveau() != Niveau.GEMEENTE
                    || !row.indicator().equals(Indicator.DUBBEL_GELEVERD)
                    || row.waarde() == null
                    || row.waarde() == 0) {
                continue;
            }
            byte[] json = OverlapFile.of(
                            row.code(),
                            periode.toString(),
                            Math.round(row.waarde()),
                            computed.overlap().getOrDefault(row.code(), Map.of()))
                    .toJson();
            String hash = Hashes.sha256Hex(json);
            now.put(row.code(), hash);
            if (!hash.equals(before.get(row.code()))) {
                store.putBytes(BucketLayout.overlap(row.code(), periode), json, "application/json");
            }
        }
        for (String gemeente : before.keySet()) {
            if (!now.containsKey(gemeente)) {
                store.delete(BucketLayout.overlap(gemeente, periode));
            }
        }
        return now;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete cached file {}", file);
        }
    }
}
