package nl.jeugdspiegel.contract;

import static nl.jeugdspiegel.contract.TableFile.number;

import java.util.List;
import nl.jeugdspiegel.contract.TableFile.Column;
import nl.jeugdspiegel.core.Periode;

/**
 * The vooruitblik tables (indicators v1.3 "vooruitblik"): {@code indicators/vooruitblik/vooruitblik.csv} (+ {@code
 * .parquet}), per unit and quantity the forecast of the half-years after the latest with its 80 % and 95 % prediction
 * intervals, and {@code backtest.csv}, how such forecasts did on the lake's own history.
 */
public final class VooruitblikTable {

    /** One forecast: from origin {@code basis} for half-year {@code periode}, the mean and the two bands. */
    public record Forecast(
            Periode basis,
            Periode periode,
            Niveau niveau,
            String code,
            String grootheid,
            double voorspelling,
            double pi80Laag,
            double pi80Hoog,
            double pi95Laag,
            double pi95Hoog) {}

    /** One line of the backtest: per niveau, quantity and horizon, the errors and how often each band held. */
    public record Backtest(
            Niveau niveau,
            String grootheid,
            int horizon,
            int n,
            double mae,
            double maeNaief,
            double dekking80,
            double dekking95) {}

    public static final TableFile<Forecast> FORECASTS = new TableFile<>(
            "vooruitblik",
            List.of(
                    new Column<>("basis_periode", f -> f.basis().toString(), false),
                    new Column<>("periode", f -> f.periode().toString(), false),
                    new Column<>("niveau", f -> f.niveau().code(), false),
                    new Column<>("code", Forecast::code, false),
                    new Column<>("grootheid", Forecast::grootheid, false),
                    new Column<>("voorspelling", Forecast::voorspelling, true),
                    new Column<>("pi80_laag", Forecast::pi80Laag, true),
                    new Column<>("pi80_hoog", Forecast::pi80Hoog, true),
                    new Column<>("pi95_laag", Forecast::pi95Laag, true),
                    new Column<>("pi95_hoog", Forecast::pi95Hoog, true)),
            f -> new Forecast(
                    Periode.parse(f.get(0)),
                    Periode.parse(f.get(1)),
                    Niveau.of(f.get(2)),
                    f.get(3),
                    f.get(4),
                    number(f.get(5)),
                    number(f.get(6)),
                    number(f.get(7)),
                    number(f.get(8)),
                    number(f.get(9))));

    public static final TableFile<Backtest> BACKTEST = new TableFile<>(
            "backtest",
            List.of(
                    new Column<>("niveau", b -> b.niveau().code(), false),
                    new Column<>("grootheid", Backtest::grootheid, false),
                    new Column<>("horizon", b -> (double) b.horizon(), true),
                    new Column<>("n", b -> (double) b.n(), true),
                    new Column<>("mae", Backtest::mae, true),
                    new Column<>("mae_naief", Backtest::maeNaief, true),
                    new Column<>("dekking80", Backtest::dekking80, true),
                    new Column<>("dekking95", Backtest::dekking95, true)),
            f -> new Backtest(
                    Niveau.of(f.get(0)),
                    f.get(1),
                    number(f.get(2)).intValue(),
                    number(f.get(3)).intValue(),
                    number(f.get(4)),
                    number(f.get(5)),
                    number(f.get(6)),
                    number(f.get(7))));

    private VooruitblikTable() {}
}
