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

    /**
     * What is forecast (indicators v1.3): the youths with jeugdhulp, the started jeugdhulp trajectories, the active
     * trajectories per soort category and the cost of jeugdhulp. The first counts distinct youths and is forecast at
     * each level on its own; the others add up, so a jeugdregio's and Nederland's forecast is its municipalities' sum.
     */
    public enum Grootheid {
        JEUGDIGEN_JH("jeugdigen_jh", "Jeugdigen met jeugdhulp", false),
        TRAJECTEN_GESTART_JH("trajecten_gestart.jeugdhulp", "Gestarte trajecten jeugdhulp", false),
        ACTIEF_JH_ZONDER_VERBLIJF(
                Indicator.TRAJECTEN_ACTIEF.get(0).id(), "Lopende trajecten jeugdhulp zonder verblijf", false),
        ACTIEF_JH_MET_VERBLIJF(
                Indicator.TRAJECTEN_ACTIEF.get(1).id(), "Lopende trajecten jeugdhulp met verblijf", false),
        ACTIEF_JH_VERBLIJF_ONBEKEND(
                Indicator.TRAJECTEN_ACTIEF.get(2).id(), "Lopende trajecten jeugdhulp (verblijf onbekend)", false),
        ACTIEF_JB(Indicator.TRAJECTEN_ACTIEF.get(3).id(), "Lopende trajecten jeugdbescherming", false),
        ACTIEF_JR(Indicator.TRAJECTEN_ACTIEF.get(4).id(), "Lopende trajecten jeugdreclassering", false),
        KOSTEN_TOTAAL("kosten_totaal", "Kosten jeugdhulp (euro)", true);

        private final String code;
        private final String titel;
        private final boolean euro;

        Grootheid(String code, String titel, boolean euro) {
            this.code = code;
            this.titel = titel;
            this.euro = euro;
        }

        public String code() {
            return code;
        }

        public String titel() {
            return titel;
        }

        /** Whether the quantity is an amount in euro (else a count). */
        public boolean euro() {
            return euro;
        }

        /** The active trajectories of soort category c ({@link Indicator#CATEGORIES}). */
        public static Grootheid actief(int c) {
            return values()[ACTIEF_JH_ZONDER_VERBLIJF.ordinal() + c];
        }

        public static Grootheid of(String code) {
            for (Grootheid g : values()) {
                if (g.code.equals(code)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("unknown grootheid: " + code);
        }
    }

    /** The two tables as the report reads them (both empty when the indicators stage wrote none). */
    public record Tables(List<Forecast> forecasts, List<Backtest> backtest) {
        public static final Tables NONE = new Tables(List.of(), List.of());
    }

    /** One forecast: from origin {@code basis} for half-year {@code periode}, the mean and the two bands. */
    public record Forecast(
            Periode basis,
            Periode periode,
            Niveau niveau,
            String code,
            Grootheid grootheid,
            double voorspelling,
            double pi80Laag,
            double pi80Hoog,
            double pi95Laag,
            double pi95Hoog) {}

    /** One line of the backtest: per niveau, quantity and horizon, the errors and how often each band held. */
    public record Backtest(
            Niveau niveau,
            Grootheid grootheid,
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
                    new Column<>("grootheid", f -> f.grootheid().code(), false),
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
                    Grootheid.of(f.get(4)),
                    number(f.get(5)),
                    number(f.get(6)),
                    number(f.get(7)),
                    number(f.get(8)),
                    number(f.get(9))));

    public static final TableFile<Backtest> BACKTEST = new TableFile<>(
            "backtest",
            List.of(
                    new Column<>("niveau", b -> b.niveau().code(), false),
                    new Column<>("grootheid", b -> b.grootheid().code(), false),
                    new Column<>("horizon", b -> (double) b.horizon(), true),
                    new Column<>("n", b -> (double) b.n(), true),
                    new Column<>("mae", Backtest::mae, true),
                    new Column<>("mae_naief", Backtest::maeNaief, true),
                    new Column<>("dekking80", Backtest::dekking80, true),
                    new Column<>("dekking95", Backtest::dekking95, true)),
            f -> new Backtest(
                    Niveau.of(f.get(0)),
                    Grootheid.of(f.get(1)),
                    number(f.get(2)).intValue(),
                    number(f.get(3)).intValue(),
                    number(f.get(4)),
                    number(f.get(5)),
                    number(f.get(6)),
                    number(f.get(7))));

    private VooruitblikTable() {}
}
