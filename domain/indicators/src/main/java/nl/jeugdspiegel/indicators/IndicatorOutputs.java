package nl.jeugdspiegel.indicators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.jeugdspiegel.core.Periode;

/**
 * What the indicators stage wrote for the periods of its manifest, as the report reads it: per periode the exact
 * table and its signals (none when the periode has no signal tables, e.g. one written before indicators v1.2).
 */
public record IndicatorOutputs(Map<Periode, List<IndicatorRow>> tables, Map<Periode, Signals.Result> signals) {

    /** Where the objects come from: the data bucket, or a folder that stands for it. */
    public interface Source {
        Optional<byte[]> read(String key) throws IOException;
    }

    public static IndicatorOutputs read(Manifest manifest, Source source) throws IOException {
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        Map<Periode, Signals.Result> signals = new TreeMap<>();
        for (Map.Entry<Periode, Manifest.Period> period : manifest.periods().entrySet()) {
            Periode p = period.getKey();
            String key = period.getValue().tabelCsv();
            Optional<byte[]> csv = source.read(key);
            if (csv.isEmpty()) {
                continue;
            }
            tables.put(p, IndicatorTable.readCsv(reader(csv.get()), key));
            String signalKey = IndicatorKeys.signals(p, IndicatorKeys.Format.CSV);
            Optional<byte[]> signalCsv = source.read(signalKey);
            Optional<byte[]> dispersionCsv = source.read(IndicatorKeys.dispersion(p));
            signals.put(
                    p,
                    new Signals.Result(
                            signalCsv.isEmpty()
                                    ? List.of()
                                    : SignalTable.SIGNALS.readCsv(reader(signalCsv.get()), signalKey),
                            dispersionCsv.isEmpty()
                                    ? List.of()
                                    : SignalTable.DISPERSION.readCsv(
                                            reader(dispersionCsv.get()), IndicatorKeys.dispersion(p))));
        }
        return new IndicatorOutputs(tables, signals);
    }

    private static InputStreamReader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }
}
