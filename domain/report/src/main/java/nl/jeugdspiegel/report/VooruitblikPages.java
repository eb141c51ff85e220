package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.contract.VooruitblikTable.Grootheid;
import nl.jeugdspiegel.core.Periode;

/**
 * The "Vooruitblik" section of a gemeente's and a jeugdregio's page (indicators v1.3): fan charts of the youths with
 * jeugdhulp, the started jeugdhulp and the cost, each with the backtest of its level in one plain sentence (and, where
 * the forecast did not beat "the same as the last half-year", a plain warning), and the active trajectories per soort
 * as a table.
 */
final class VooruitblikPages {

    /** The half-years of the past a fan chart shows before its forecast. */
    static final int PAST = 6;

    private static final List<Grootheid> FANS =
            List.of(Grootheid.JEUGDIGEN_JH, Grootheid.TRAJECTEN_GESTART_JH, Grootheid.KOSTEN_TOTAAL);

    /** One fan: its chart and table, or why it is missing; how such forecasts did in the past. */
    record Fan(
            String titel,
            FanCharts.FanChart chart,
            List<FanRow> rows,
            String missing,
            String note,
            String held,
            String naive) {}

    /** A half-year of a fan's table. */
    record FanRow(String periode, String voorspelling, String band80, String band95) {}

    /** A soort's forecast per half-year ("1.235 (1.150–1.320)", or why not shown). */
    record SoortRow(String titel, List<SoortCell> cells) {}

    /** One half-year of a soort's forecast, with the half-year as its label on a phone. */
    record SoortCell(String periode, String text) {}

    /** The section; {@code columns} are the forecast half-years of the soort table. */
    record Section(
            String basisText,
            String missing,
            String coverage,
            List<Fan> fans,
            List<String> columns,
            List<SoortRow> soorten,
            String soortenHeld) {
        public boolean hasSoorten() {
            return !soorten.isEmpty();
        }
    }

    /** A line of the backtest table on the methode page. */
    record BacktestLine(
            String niveau,
            String grootheid,
            int horizon,
            String n,
            String fout,
            String foutNaief,
            String dekking80,
            String dekking95,
            String beter) {}

    private VooruitblikPages() {}

    /** The whole backtest, per niveau, quantity and horizon, as the methode page shows it. */
    static List<BacktestLine> backtestLines(PublishedForecasts forecasts) {
        List<BacktestLine> out = new ArrayList<>();
        for (Niveau niveau : List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.NEDERLAND)) {
            for (Grootheid grootheid : Grootheid.values()) {
                for (VooruitblikTable.Backtest b : forecasts.backtest(niveau, grootheid)) {
                    if (b.maeNaief() == 0 && b.mae() < 0.5) {
                        continue; // nothing to forecast: a soort that never occurs
                    }
                    out.add(new BacktestLine(
                            niveau.code(),
                            grootheid.titel(),
                            b.horizon(),
                            Text.number(b.n(), 0),
                            value(b.mae(), grootheid.euro()),
                            value(b.maeNaief(), grootheid.euro()),
                            Text.number(100 * b.dekking80(), 0) + "%",
                            Text.number(100 * b.dekking95(), 0) + "%",
                            b.mae() < b.maeNaief() ? "ja" : "nee"));
                }
            }
        }
        return out;
    }

    /**
     * The section of a unit; null when the indicators stage wrote no vooruitblik at all (before v1.3), and a sentence
     * why when it wrote none for this unit.
     */
    static Section of(ReportData data, Unit unit) {
        PublishedForecasts forecasts = data.forecasts();
        if (!forecasts.any()) {
            return null;
        }
        if (forecasts.series(unit, Grootheid.actief(0)) == null) {
            return new Section(
                    null,
                    "Hier is geen vooruitblik: daarvoor zijn cijfers nodig van het laatste halfjaar en van minstens vier"
                            + " van de zes halfjaren ervoor.",
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null);
        }
        Periode basis = forecasts.series(unit, Grootheid.actief(0)).basis();
        List<Fan> fans = new ArrayList<>();
        for (Grootheid grootheid : FANS) {
            fans.add(fan(data, unit, grootheid, basis));
        }
        List<String> columns = new ArrayList<>();
        Periode p = basis;
        for (int k = 0; k < 4; k++) {
            p = p.next();
            columns.add(Text.periode(p));
        }
        List<SoortRow> soorten = new ArrayList<>();
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            PublishedForecasts.Series s = forecasts.series(unit, Grootheid.actief(c));
            if (s == null) {
                continue;
            }
            List<SoortCell> cells = new ArrayList<>();
            for (int k = 0; k < columns.size(); k++) {
                if (!s.published()) {
                    cells.add(new SoortCell(
                            columns.get(k), Disclosure.REASON_SMALL_COUNT.equals(s.reason()) ? "<10" : "–"));
                    continue;
                }
                PublishedForecasts.Row r = s.rows().get(k);
                cells.add(new SoortCell(
                        columns.get(k),
                        value(r.voorspelling(), false) + " (" + range(r.low80(), r.high80(), false) + ")"));
            }
            soorten.add(new SoortRow(s.grootheid().titel(), cells));
        }
        return new Section(
                Text.periode(basis),
                null,
                coverage(data, unit),
                fans,
                columns,
                soorten,
                held(
                        forecasts.backtest(unit.niveau(), Grootheid.ACTIEF_JH_ZONDER_VERBLIJF),
                        unit.niveau(),
                        "lopende jeugdhulp zonder verblijf"));
    }

    /**
     * For a jeugdregio or Nederland whose forecast leaves out gemeenten (too few deliveries in the last half-years): over
     * how many it is; null when it covers all.
     */
    private static String coverage(ReportData data, Unit unit) {
        if (unit.niveau() == Niveau.GEMEENTE) {
            return null;
        }
        int all = PublishedForecasts.gemeenten(unit).size();
        int forecast = data.forecasts().parts(unit, Grootheid.actief(0)).size();
        return forecast == all
                ? null
                : "De vooruitblik is de som over " + forecast + " van de " + all + " gemeenten: de andere leverden het"
                        + " laatste halfjaar of meer dan twee van de zes halfjaren ervoor niet aan. Hij ligt daarom lager"
                        + " dan de lijn van de afgelopen halfjaren doet verwachten.";
    }

    private static Fan fan(ReportData data, Unit unit, Grootheid grootheid, Periode basis) {
        PublishedForecasts.Series s = data.forecasts().series(unit, grootheid);
        String titel = grootheid.titel();
        List<VooruitblikTable.Backtest> backtest = data.forecasts().backtest(unit.niveau(), grootheid);
        if (s == null) {
            String why = grootheid == Grootheid.KOSTEN_TOTAAL
                    ? "Geen vooruitblik van de kosten: de kosten zijn in de laatste aanleveringen niet steeds ingevuld."
                    : "Geen vooruitblik: de aanleveringen van de afgelopen halfjaren zijn niet compleet.";
            return new Fan(titel, null, List.of(), why, null, null, null);
        }
        if (!s.published()) {
            return new Fan(titel, null, List.of(), "Geen vooruitblik getoond (" + s.reason() + ").", null, null, null);
        }
        List<Periode> periods = data.periods();
        int end = periods.indexOf(basis);
        List<Double> past = new ArrayList<>();
        Periode from = basis;
        Past line = Past.of(data, unit, grootheid);
        for (int i = Math.max(0, end - PAST + 1); i <= end; i++) {
            if (past.isEmpty()) {
                from = periods.get(i);
            }
            past.add(line.at(periods.get(i)));
        }
        List<FanRow> rows = new ArrayList<>();
        for (PublishedForecasts.Row r : s.rows()) {
            rows.add(new FanRow(
                    Text.periode(r.periode()),
                    value(r.voorspelling(), grootheid.euro()),
                    range(r.low80(), r.high80(), grootheid.euro()),
                    range(r.low95(), r.high95(), grootheid.euro())));
        }
        return new Fan(
                titel,
                FanCharts.of(
                        titel + ", vooruitblik vanaf " + Text.periode(basis), past, from, s.rows(), grootheid.euro()),
                rows,
                null,
                line.note(),
                held(backtest, unit.niveau()),
                naive(backtest));
    }

    /**
     * The line of the past a fan starts from, from published figures only: the youths; the started jeugdhulp as the
     * sum of its three soorten (one shown as "<10" counts as 0, and the note says so); the cost as the cost per youth
     * times the youths, for a jeugdregio or Nederland whose cost forecast leaves out gemeenten without kosten the sum
     * over the gemeenten it includes (and the note says how many).
     */
    private record Past(ReportData data, Unit unit, Grootheid grootheid, List<Unit> costParts, String note) {

        static Past of(ReportData data, Unit unit, Grootheid grootheid) {
            if (grootheid == Grootheid.TRAJECTEN_GESTART_JH) {
                boolean small = data.periods().stream().anyMatch(p -> Indicator.TRAJECTEN_GESTART.subList(0, 3).stream()
                        .anyMatch(i -> Disclosure.REASON_SMALL_COUNT.equals(
                                data.figure(p, unit, i).reason())));
                return new Past(
                        data,
                        unit,
                        grootheid,
                        null,
                        small
                                ? "In de lijn van de afgelopen halfjaren telt een soort jeugdhulp met minder dan 10 starts"
                                        + " als 0."
                                : null);
            }
            if (grootheid != Grootheid.KOSTEN_TOTAAL || unit.niveau() == Niveau.GEMEENTE) {
                return new Past(data, unit, grootheid, null, null);
            }
            PublishedForecasts forecasts = data.forecasts();
            List<Unit> costed = forecasts.parts(unit, Grootheid.KOSTEN_TOTAAL);
            int all = forecasts.parts(unit, Grootheid.actief(0)).size();
            if (costed.size() == all) {
                return new Past(data, unit, grootheid, null, null);
            }
            return new Past(
                    data,
                    unit,
                    grootheid,
                    costed,
                    "De kosten gaan over " + costed.size() + " van de " + all
                            + " gemeenten: de andere leverden in de laatste halfjaren niet steeds kosten aan.");
        }

        /** The published value of half-year p (null: not shown). */
        Double at(Periode p) {
            if (grootheid == Grootheid.TRAJECTEN_GESTART_JH) {
                return started(p);
            }
            if (costParts == null) {
                return grootheid == Grootheid.KOSTEN_TOTAAL ? cost(unit, p) : youths(unit, p);
            }
            double sum = 0;
            for (Unit part : costParts) {
                Double cost = cost(part, p);
                if (cost == null) {
                    return null;
                }
                sum += cost;
            }
            return sum;
        }

        private Double youths(Unit u, Periode p) {
            Disclosure.Figure youths = data.figure(p, u, Indicator.JEUGDIGEN_JH);
            return youths.published() ? youths.value() : null;
        }

        private Double cost(Unit u, Periode p) {
            Disclosure.Figure perYouth = data.figure(p, u, Indicator.KOSTEN_PER_JEUGDIGE);
            Double youths = youths(u, p);
            return youths != null && perYouth.published() ? youths * perYouth.value() : null;
        }

        private Double started(Periode p) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                Disclosure.Figure started = data.figure(p, unit, Indicator.TRAJECTEN_GESTART.get(c));
                if (started.published()) {
                    sum += started.value();
                } else if (!Disclosure.REASON_SMALL_COUNT.equals(started.reason())) {
                    return null;
                }
            }
            return sum;
        }
    }

    /**
     * "In het verleden lag de werkelijke waarde bij gemeenten in 8 van de 10 gevallen binnen de donkere band …", from
     * the backtest of the level over all horizons; null without a backtest.
     */
    static String held(List<VooruitblikTable.Backtest> backtest, Niveau niveau) {
        return held(backtest, niveau, null);
    }

    /** The same, saying which quantity it is about ({@code what}: null for the fan's own). */
    static String held(List<VooruitblikTable.Backtest> backtest, Niveau niveau, String what) {
        int n = 0;
        double in80 = 0;
        double in95 = 0;
        for (VooruitblikTable.Backtest b : backtest) {
            n += b.n();
            in80 += b.n() * b.dekking80();
            in95 += b.n() * b.dekking95();
        }
        if (n == 0) {
            return null;
        }
        String where =
                switch (niveau) {
                    case GEMEENTE -> "bij gemeenten ";
                    case JEUGDREGIO -> "bij jeugdregio's ";
                    default -> "voor Nederland ";
                };
        String start = what == null
                ? "In het verleden lag de werkelijke waarde "
                : "Bij " + what + " lag de werkelijke waarde in het verleden ";
        return start + where + "in " + Math.round(10 * in80 / n)
                + " van de 10 gevallen binnen de donkere band en in " + Math.round(10 * in95 / n)
                + " van de 10 binnen de lichte band (getoetst op " + Text.number(n, 0)
                + " eerdere vooruitblikken, 1 tot 4 halfjaren vooruit).";
    }

    /**
     * How the forecast did against "the same as the last half-year": how much smaller its error was, or plainly where
     * it was not better.
     */
    static String naive(List<VooruitblikTable.Backtest> backtest) {
        double error = 0;
        double naive = 0;
        List<String> better = new ArrayList<>();
        List<String> notBetter = new ArrayList<>();
        for (VooruitblikTable.Backtest b : backtest) {
            error += b.n() * b.mae();
            naive += b.n() * b.maeNaief();
            (b.mae() < b.maeNaief() ? better : notBetter).add(Integer.toString(b.horizon()));
        }
        if (naive == 0) {
            return null;
        }
        String same = "aannemen dat alles blijft zoals in het laatste halfjaar";
        if (better.isEmpty()) {
            return "Let op: in het verleden deed deze vooruitblik het niet beter dan " + same + ".";
        }
        if (error >= naive) {
            return "Let op: in het verleden deed deze vooruitblik het gemiddeld niet beter dan " + same
                    + "; alleen bij " + horizons(better) + " vooruit wel.";
        }
        String smaller = "De vooruitblik zat er in het verleden gemiddeld " + Math.round(100 * (1 - error / naive))
                + "% minder naast dan " + same + ".";
        return notBetter.isEmpty()
                ? smaller
                : smaller + " Let op: bij " + horizons(notBetter) + " vooruit deed hij het niet beter dan dat.";
    }

    /** "2 halfjaar", "1 en 2 halfjaren", "1, 2 en 4 halfjaren". */
    private static String horizons(List<String> h) {
        String list =
                h.size() == 1 ? h.get(0) : String.join(", ", h.subList(0, h.size() - 1)) + " en " + h.get(h.size() - 1);
        return list + (h.size() == 1 ? " halfjaar" : " halfjaren");
    }

    private static String value(double v, boolean euro) {
        return euro ? "€ " + Text.number(v, 0) : Text.number(v, 0);
    }

    private static String range(double low, double high, boolean euro) {
        return value(low, euro) + " – " + value(high, euro);
    }
}
