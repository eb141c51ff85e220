package nl.jeugdspiegel.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.IndicatorRow;
import nl.jeugdspiegel.indicators.IndicatorService;
import nl.jeugdspiegel.indicators.IndicatorTable;

/** Development aid: renders the site of a bucket folder into OUT. {@code RenderLocally DIR OUT}. */
public final class RenderLocally {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        for (Periode p : Periode.range(Periode.parse("2021H1"), Periode.parse("2025H2"))) {
            Path csv = dir.resolve(IndicatorService.tableKey(p, "csv"));
            if (Files.exists(csv)) {
                tables.put(p, IndicatorTable.readCsv(csv));
            }
        }
        long t0 = System.nanoTime();
        Map<String, byte[]> site = new SiteBuilder().build(ReportData.of(tables, Files.readAllBytes(dir.resolve(IndicatorService.MANIFEST_KEY))));
        System.out.printf("render %.2f s%n", (System.nanoTime() - t0) / 1e9);
        Path out = Path.of(args[1]);
        for (Map.Entry<String, byte[]> f : site.entrySet()) {
            Path target = out.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
    }
}
