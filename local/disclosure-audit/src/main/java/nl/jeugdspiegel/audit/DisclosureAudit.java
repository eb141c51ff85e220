package nl.jeugdspiegel.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.report.Bounds;
import nl.jeugdspiegel.report.CountModel;
import nl.jeugdspiegel.report.Quantity;

/**
 * Judges {@link DisclosureAttack} against the truth: the exact (unpublished) indicator tables in
 * {@code indicators/}. A count is recovered when the attacker's bounds pin it to one value and it is below
 * 10; the attack is unsound when the truth lies outside its bounds (its model of the site is wrong, and
 * then its silence proves nothing). {@code ./jeugdspiegel bench disclosure DIR} prints the findings.
 */
public final class DisclosureAudit {

    /** What the attacker got. {@code byQuantity} counts recoveries per kind of count. */
    public record Findings(
            DisclosureAttack.Model model,
            int counts,
            int known,
            int recovered,
            int twoValues,
            int threeValues,
            Map<String, Integer> byQuantity,
            List<String> examples,
            List<String> unsound,
            List<String> contradictions) {

        public void print(PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "attack (%s): %,d counts bounded, %,d with a known truth; recovered exactly (below 10): %,d; "
                            + "narrowed to two values: %,d, to three: %,d; unsound bounds: %d, contradictions: %d%n",
                    model,
                    counts,
                    known,
                    recovered,
                    twoValues,
                    threeValues,
                    unsound.size(),
                    contradictions.size());
            if (!byQuantity.isEmpty()) {
                out.println("  recovered per count: " + byQuantity);
            }
            examples.forEach(e -> out.println("  e.g. " + e));
            unsound.stream().limit(5).forEach(e -> out.println("  UNSOUND " + e));
            contradictions.stream().limit(5).forEach(e -> out.println("  CONTRADICTION " + e));
        }
    }

    /** The exact tables: periode → unit → indicator id → row. */
    private final Map<Periode, Map<Unit, Map<String, IndicatorRow>>> rows = new HashMap<>();

    private DisclosureAudit(Path dir) throws IOException {
        for (List<IndicatorRow> table : DisclosureCost.tables(dir).values()) {
            for (IndicatorRow row : table) {
                rows.computeIfAbsent(row.periode(), p -> new HashMap<>())
                        .computeIfAbsent(new Unit(row.niveau(), row.code()), u -> new HashMap<>())
                        .put(row.indicator().id(), row);
            }
        }
    }

    /** Attacks the site in {@code dir} with the method it declares, and judges the result. */
    public static Findings run(Path dir) throws IOException {
        return run(dir, DisclosureAttack.declaredModel(dir));
    }

    public static Findings run(Path dir, DisclosureAttack.Model model) throws IOException {
        CountModel attacked = DisclosureAttack.attack(dir, model);
        Bounds bounds = attacked.bounds();
        DisclosureAudit audit = new DisclosureAudit(dir);
        int known = 0;
        int recovered = 0;
        int two = 0;
        int three = 0;
        Map<String, Integer> byQuantity = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        List<String> unsound = new ArrayList<>();
        for (int v = 0; v < bounds.size(); v++) {
            String name = bounds.name(v);
            Long truth = attacked.variable(v).map(audit::truth).orElse(null);
            if (truth == null) {
                continue;
            }
            known++;
            long lo = bounds.lo(v);
            long hi = bounds.hi(v);
            if (truth < lo || truth > hi) {
                unsound.add(name + " = " + truth + " outside [" + lo + ", " + hi + "]");
                continue;
            }
            if (truth >= 10) {
                continue;
            }
            if (lo == hi) {
                recovered++;
                byQuantity.merge(attacked.variable(v).orElseThrow().quantity().name(), 1, Integer::sum);
                if (examples.size() < 8) {
                    examples.add(name + " = " + truth
                            + (examples.size() < 3
                                    ? "\n      from " + String.join("\n      and  ", bounds.explain(v))
                                    : ""));
                }
            } else if (hi - lo == 1) {
                two++;
            } else if (hi - lo == 2) {
                three++;
            }
        }
        return new Findings(
                model,
                bounds.size(),
                known,
                recovered,
                two,
                three,
                byQuantity,
                examples,
                unsound,
                bounds.contradictions());
    }

    /** The exact value of a variable of the attacker's model, or null when the tables do not know it. */
    Long truth(CountModel.Variable variable) {
        Map<String, IndicatorRow> unitRows =
                rows.getOrDefault(variable.periode(), Map.of()).get(variable.unit());
        return unitRows == null ? null : value(unitRows, variable.quantity());
    }

    /** How each named quantity follows from the exact tables (the families are in {@link #value}). */
    private static final Map<Quantity, java.util.function.BiFunction<Map<String, IndicatorRow>, DisclosureAudit, Long>>
            TRUTH = Map.ofEntries(
                    Map.entry(
                            Quantity.AJH,
                            (r, a) -> a.sum(r, Quantity.active(0), Quantity.active(1), Quantity.active(2))),
                    Map.entry(
                            Quantity.SJH,
                            (r, a) -> a.sum(r, Quantity.started(0), Quantity.started(1), Quantity.started(2))),
                    Map.entry(
                            Quantity.EJH, (r, a) -> a.sum(r, Quantity.ended(0), Quantity.ended(1), Quantity.ended(2))),
                    Map.entry(Quantity.A_NOT_MET, (r, a) -> a.rest(r, Quantity.AJH, Quantity.active(1))),
                    Map.entry(Quantity.AGB_A, (r, a) -> teller(r, Indicator.AANDEEL_MET_AANBIEDER)),
                    Map.entry(Quantity.AGB_NOT, (r, a) -> a.rest(r, Quantity.AJH, Quantity.AGB_A)),
                    Map.entry(Quantity.WACHT, (r, a) -> teller(r, Indicator.WACHTEND_EINDE_PERIODE)),
                    Map.entry(Quantity.WACHT_LANG, (r, a) -> teller(r, Indicator.WACHTEND_LANGER_DAN_9_WEKEN)),
                    Map.entry(Quantity.WACHT_KORT, (r, a) -> a.rest(r, Quantity.WACHT, Quantity.WACHT_LANG)),
                    Map.entry(Quantity.PLAN, (r, a) -> teller(r, Indicator.BEEINDIGD_VOLGENS_PLAN)),
                    Map.entry(Quantity.PLANNOT, (r, a) -> a.rest(r, Quantity.EJH, Quantity.PLAN)),
                    Map.entry(Quantity.VOORT, (r, a) -> teller(r, Indicator.VOORTIJDIG_BEEINDIGD)),
                    Map.entry(Quantity.VOORTNOT, (r, a) -> a.rest(r, Quantity.EJH, Quantity.VOORT)),
                    Map.entry(Quantity.EXT, (r, a) -> a.rest(r, Quantity.PLANNOT, Quantity.VOORT)),
                    Map.entry(Quantity.ZHV_FILLED, (r, a) -> teller(r, Indicator.ZONDER_HULP_VERDER_RESPONS)),
                    Map.entry(Quantity.ZHV_YES, (r, a) -> teller(r, Indicator.ZONDER_HULP_VERDER)),
                    Map.entry(Quantity.ZHV_NO, (r, a) -> a.rest(r, Quantity.ZHV_FILLED, Quantity.ZHV_YES)),
                    Map.entry(Quantity.ZHV_NOT, (r, a) -> a.rest(r, Quantity.EJH, Quantity.ZHV_FILLED)),
                    Map.entry(Quantity.TEV_N, (r, a) -> teller(r, Indicator.TEVREDENHEID_RESPONS)),
                    Map.entry(Quantity.TEV_NOT, (r, a) -> a.rest(r, Quantity.EJH, Quantity.TEV_N)),
                    Map.entry(Quantity.CBS_OK, (r, a) -> teller(r, Indicator.GEEN_NIEUWE_START_CBS)),
                    Map.entry(Quantity.CBS_NOT, (r, a) -> a.rest(r, Quantity.EJH, Quantity.CBS_OK)),
                    Map.entry(Quantity.COH, (r, a) -> noemer(r, Indicator.GEEN_NIEUWE_HULP_6M)),
                    Map.entry(Quantity.COH_OK, (r, a) -> teller(r, Indicator.GEEN_NIEUWE_HULP_6M)),
                    Map.entry(Quantity.COH_NOT, (r, a) -> a.rest(r, Quantity.COH, Quantity.COH_OK)),
                    Map.entry(Quantity.COH_OUT, (r, a) -> a.rest(r, Quantity.CLIENTS, Quantity.COH)),
                    Map.entry(Quantity.WAIT_N, (r, a) -> noemer(r, Indicator.WACHTTIJD_MEDIAAN_DAGEN)),
                    Map.entry(Quantity.WAIT_NOT, (r, a) -> a.rest(r, Quantity.SJH, Quantity.WAIT_N)),
                    Map.entry(Quantity.CLIENTS, (r, a) -> teller(r, Indicator.JEUGDIGEN_JH)),
                    Map.entry(Quantity.CLIENTS_NOT, (r, a) -> a.rest(r, Quantity.AJH, Quantity.CLIENTS)),
                    Map.entry(Quantity.YOUNG, (r, a) -> teller(r, Indicator.JEUGDIGEN_JH_PER_1000)),
                    Map.entry(Quantity.YOUNG_NOT, (r, a) -> a.rest(r, Quantity.CLIENTS, Quantity.YOUNG)),
                    Map.entry(Quantity.INSTROOM, (r, a) -> teller(r, Indicator.INSTROOM_JEUGDIGEN)),
                    Map.entry(Quantity.INSTROOM_NOT, (r, a) -> a.rest(r, Quantity.CLIENTS, Quantity.INSTROOM)));

    private Long value(Map<String, IndicatorRow> r, Quantity q) {
        int kind = q.trajectoryKind();
        if (kind >= 0) {
            return teller(r, CountModel.KINDS.get(kind).get(q.category()));
        }
        if (q.isInstroomStep()) {
            int h = q.horizon();
            int inZorg = Indicator.INSTROOM_STATES.indexOf("in_zorg");
            int terug = Indicator.INSTROOM_STATES.indexOf("terug");
            return q.equals(Quantity.instroomLeft(h))
                    ? rest(r, Quantity.instroomState(h, inZorg), Quantity.instroomState(h + 1, inZorg))
                    : rest(r, Quantity.instroomState(h + 1, terug), Quantity.instroomState(h, terug));
        }
        if (q.horizon() >= 0) {
            Long state = teller(r, Indicator.INSTROOM_STATE.get(q.horizon()).get(q.state()));
            return q.isInstroomRest() ? minus(value(r, Quantity.INSTROOM), state) : state;
        }
        if (q.isProviderPart()) {
            // the parts of provider units in pooled units and without a provider: slacks, checked through their sums
            return null;
        }
        if (q.isCarried()) {
            return rest(r, Quantity.active(q.category()), Quantity.started(q.category()));
        }
        if (q.verwijzer() != null) {
            return q.isNotReferred()
                    ? rest(r, Quantity.SJH, Quantity.referred(q.verwijzer()))
                    : teller(r, Indicator.VERWIJZER.get(Indicator.VERWIJZERS.indexOf(q.verwijzer())));
        }
        java.util.function.BiFunction<Map<String, IndicatorRow>, DisclosureAudit, Long> rule = TRUTH.get(q);
        if (rule == null) {
            throw new IllegalArgumentException("no truth for " + q);
        }
        return rule.apply(r, this);
    }

    private Long sum(Map<String, IndicatorRow> r, Quantity a, Quantity b, Quantity c) {
        return plus(plus(value(r, a), value(r, b)), value(r, c));
    }

    private Long rest(Map<String, IndicatorRow> r, Quantity whole, Quantity part) {
        return minus(value(r, whole), value(r, part));
    }

    private static Long teller(Map<String, IndicatorRow> r, Indicator indicator) {
        IndicatorRow row = r.get(indicator.id());
        return row == null || row.teller() == null ? null : Math.round(row.teller());
    }

    private static Long noemer(Map<String, IndicatorRow> r, Indicator indicator) {
        IndicatorRow row = r.get(indicator.id());
        return row == null || row.noemer() == null ? null : Math.round(row.noemer());
    }

    private static Long plus(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }

    private static Long minus(Long a, Long b) {
        return a == null || b == null ? null : a - b;
    }

    /** {@code ./jeugdspiegel bench disclosure DIR [--compare]}. */
    public static void main(String[] args, PrintStream out) throws IOException {
        Path dir = Path.of(args[0]);
        long started = System.nanoTime();
        run(dir).print(out);
        ForecastAttack.Findings forecasts = ForecastAttack.run(dir);
        if (forecasts != null) {
            forecasts.print(out);
        }
        out.printf(Locale.ROOT, "  (%.1f s)%n", (System.nanoTime() - started) / 1e9);
        if (List.of(args).contains("--compare")) {
            DisclosureCost.compare(dir, out);
        }
    }
}
