package nl.jeugdspiegel.contract;

import static nl.jeugdspiegel.contract.TableFile.number;

import java.util.List;
import nl.jeugdspiegel.contract.SignalRows.Dispersion;
import nl.jeugdspiegel.contract.SignalRows.Signal;
import nl.jeugdspiegel.contract.TableFile.Column;
import nl.jeugdspiegel.core.Periode;

/**
 * The signal tables of a periode (indicators v1.2 "signals"): {@code signalen.csv} / {@code .parquet}, one row per
 * flagged (niveau, code, indicator), and {@code overdispersie.csv}, φ and τ² per niveau and indicator (the funnel plots
 * of the report draw their limits widened by τ²).
 */
public final class SignalTable {

    public static final TableFile<Signal> SIGNALS = new TableFile<>(
            "signalen",
            List.of(
                    new Column<>("periode", s -> s.periode().toString(), false),
                    new Column<>("niveau", s -> s.niveau().code(), false),
                    new Column<>("code", Signal::code, false),
                    new Column<>("indicator", s -> s.indicator().id(), false),
                    new Column<>("soort", s -> s.soort().code(), false),
                    new Column<>("signaal", Signal::signaal, false),
                    new Column<>("richting", Signal::richting, false),
                    new Column<>("z", Signal::z, true),
                    new Column<>("p", Signal::p, true),
                    new Column<>("q", Signal::q, true),
                    new Column<>("phi", Signal::phi, true),
                    new Column<>("tau2", Signal::tau2, true),
                    new Column<>("waarde", Signal::waarde, true),
                    new Column<>("referentie", Signal::referentie, true)),
            f -> new Signal(
                    Periode.parse(f.get(0)),
                    Niveau.of(f.get(1)),
                    f.get(2),
                    Indicator.byId(f.get(3)),
                    SignalRows.Soort.of(f.get(4)),
                    f.get(5),
                    f.get(6),
                    number(f.get(7)),
                    number(f.get(8)),
                    number(f.get(9)),
                    number(f.get(10)),
                    number(f.get(11)),
                    number(f.get(12)),
                    number(f.get(13))));

    public static final TableFile<Dispersion> DISPERSION = new TableFile<>(
            "overdispersie",
            List.of(
                    new Column<>("niveau", d -> d.niveau().code(), false),
                    new Column<>("indicator", d -> d.indicator().id(), false),
                    new Column<>("eenheden", d -> (double) d.eenheden(), true),
                    new Column<>("phi", Dispersion::phi, true),
                    new Column<>("tau2", Dispersion::tau2, true)),
            f -> new Dispersion(
                    Niveau.of(f.get(0)),
                    Indicator.byId(f.get(1)),
                    number(f.get(2)).intValue(),
                    number(f.get(3)),
                    number(f.get(4))));

    private SignalTable() {}
}
