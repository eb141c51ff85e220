package nl.jeugdspiegel.contract;

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
 * table and its signals (none when the periode has no signal tables, e.g. one written before indicators v1.2), and the
 * vooruitblik with its backtest (none before indicators v1.3).
 */
public record IndicatorOutputs(
        Map<Periode, List<IndicatorRow>> tables,
        Map<Periode, SignalRows.Result> signals,
        VooruitblikTable.Tables vooruitblik) {

    /** The outputs without a vooruitblik (as before indicators v1.3). */
    public IndicatorOutputs(Map<Periode, List<IndicatorRow>> tables, Map<Periode, SignalRows.Result> signals) {
        this(tables, signals, VooruitblikTable.Tables.NONE);
    }

    /** Where the objects come from: the data bucket, or a folder that stands for it. */
    public interface Source {
        Optional<byte[]> read(String key) throws IOException;
    }

    /**
     * Reads the tables of the manifest's periods from their Parquet form, as typed rows (never the CSV back by column
     * position). A periode whose table is missing is left out; signal tables are optional (none before v1.2).
     */
    public static IndicatorOutputs read(Manifest manifest, Source source) throws IOException {
        Map<Periode, List<IndicatorRow>> tables = new TreeMap<>();
        Map<Periode, SignalRows.Result> signals = new TreeMap<>();
        for (Map.Entry<Periode, Manifest.Period> period : manifest.periods().entrySet()) {
            Periode p = period.getKey();
            String key = period.getValue().tabelParquet();
            Optional<byte[]> table = source.read(key);
            if (table.isEmpty()) {
                continue;
            }
            tables.put(p, IndicatorTable.readParquet(table.get(), key));
            String signalKey = BucketLayout.signals(p, BucketLayout.Format.PARQUET);
            Optional<byte[]> signalTable = source.read(signalKey);
            String dispersionKey = BucketLayout.dispersion(p);
            Optional<byte[]> dispersionCsv = source.read(dispersionKey);
            signals.put(
                    p,
                    new SignalRows.Result(
                            signalTable.isEmpty()
                                    ? List.of()
                                    : SignalTable.SIGNALS.readParquet(signalTable.get(), signalKey),
                            dispersionCsv.isEmpty()
                                    ? List.of()
                                    : SignalTable.DISPERSION.readCsv(reader(dispersionCsv.get()), dispersionKey)));
        }
        return new IndicatorOutputs(tables, signals, vooruitblik(source));
    }

    /** The vooruitblik and its backtest (indicators v1.3); none when the stage wrote none. */
    private static VooruitblikTable.Tables vooruitblik(Source source) throws IOException {
        String key = BucketLayout.vooruitblik(BucketLayout.Format.PARQUET);
        Optional<byte[]> forecasts = source.read(key);
        Optional<byte[]> backtest = source.read(BucketLayout.backtest());
        if (forecasts.isEmpty()) {
            return VooruitblikTable.Tables.NONE;
        }
        return new VooruitblikTable.Tables(
                VooruitblikTable.FORECASTS.readParquet(forecasts.get(), key),
                backtest.isEmpty()
                        ? List.of()
                        : VooruitblikTable.BACKTEST.readCsv(reader(backtest.get()), BucketLayout.backtest()));
    }

    private static InputStreamReader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }
}
