package nl.jeugdspiegel.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.IndicatorOutputs;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.LakeFile;
import nl.jeugdspiegel.indicators.Population;
import nl.jeugdspiegel.report.ReportData;

/**
 * A folder that stands for the data bucket (the local runner's DIR), read straight from disk by the benchmarks
 * and their tests: the product reads the same objects from S3.
 */
public final class BucketFolder {

    private BucketFolder() {}

    /** The lake files ({@code DIR/lake/trajecten/periode=P/gemeente=G/part-00000.parquet}). */
    public static List<LakeFile> lakeFiles(Path dir) throws IOException {
        Path root = dir.resolve(BucketLayout.LAKE_TRAJECTEN);
        List<LakeFile> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String key = BucketLayout.LAKE_TRAJECTEN
                        + root.relativize(path).toString().replace('\\', '/');
                BucketLayout.partFileOf(key)
                        .ifPresent(p -> files.add(new LakeFile(p.periode(), p.gemeentecode(), path)));
            }
        }
        return files;
    }

    /** The population files ({@code DIR/reference/bevolking/{jaar}.csv}). */
    public static List<Population> populations(Path dir) throws IOException {
        Path folder = dir.resolve(BucketLayout.POPULATION);
        List<Population> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.matches("\\d{4}\\.csv")) {
                    all.add(Population.parse(
                            Integer.parseInt(name.substring(0, 4)), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        return all;
    }

    public static Manifest manifest(Path dir) throws IOException {
        return Manifest.read(Files.readAllBytes(dir.resolve(BucketLayout.MANIFEST)));
    }

    /** The exact indicator tables the manifest names, by periode. */
    public static Map<Periode, List<IndicatorRow>> tables(Path dir) throws IOException {
        return IndicatorOutputs.read(manifest(dir), key -> read(dir, key)).tables();
    }

    /** What the report function would publish from this folder. */
    public static ReportData reportData(Path dir) throws IOException {
        Manifest manifest = manifest(dir);
        return ReportData.of(IndicatorOutputs.read(manifest, key -> read(dir, key)), manifest);
    }

    private static java.util.Optional<byte[]> read(Path dir, String key) throws IOException {
        Path file = dir.resolve(key);
        return Files.exists(file) ? java.util.Optional.of(Files.readAllBytes(file)) : java.util.Optional.empty();
    }
}
