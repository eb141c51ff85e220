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
import nl.jeugdspiegel.report.Bounds;
import nl.jeugdspiegel.report.CountModel;

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

    private final Map<String, Map<String, IndicatorRow>> rows = new HashMap<>();

    private DisclosureAudit(Path dir) throws IOException {
        for (List<IndicatorRow> table : DisclosureCost.tables(dir).values()) {
            for (IndicatorRow row : table) {
                rows.computeIfAbsent(
                                row.periode() + "|" + CountModel.unit(row.niveau(), row.code()), u -> new HashMap<>())
                        .put(row.indicator().id(), row);
            }
        }
    }

    /** Attacks the site in {@code dir} with the method it declares, and judges the result. */
    public static Findings run(Path dir) throws IOException {
        return run(dir, DisclosureAttack.declaredModel(dir));
    }

    public static Findings run(Path dir, DisclosureAttack.Model model) throws IOException {
        Bounds bounds = DisclosureAttack.attack(dir, model);
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
            Long truth = audit.truth(name);
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
                byQuantity.merge(name.substring(name.lastIndexOf('|') + 1), 1, Integer::sum);
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

    /** The exact value of an attacker's variable ({@code periode|niveau|code|quantity}), or null when not known. */
    Long truth(String name) {
        int cut = name.lastIndexOf('|');
        String unit = name.substring(0, cut);
        Map<String, IndicatorRow> unitRows = rows.get(unit);
        return unitRows == null ? null : value(unit, unitRows, name.substring(cut + 1));
    }

    private Long value(String unit, Map<String, IndicatorRow> r, String q) {
        if (q.length() == 2 && "ASE".indexOf(q.charAt(0)) >= 0 && Character.isDigit(q.charAt(1))) {
            List<Indicator> kind = CountModel.KINDS.get("ASE".indexOf(q.charAt(0)));
            return teller(r, kind.get(q.charAt(1) - '0').id());
        }
        if (q.endsWith("_IN_TWO_MUNICIPALITIES")) {
            return null; // a slack of the attacker's own, no count of the tables
        }
        if (q.startsWith(CountModel.POOLED_PART) || q.startsWith(CountModel.REGIONAL_POOLS)) {
            return null; // the parts of provider units in the regions' pooled units: slacks, checked through their sums
        }
        if (q.startsWith(CountModel.WITHOUT_PROVIDER)) {
            return null; // the trajectories without a provider: a difference of many units, checked through its parts
        }
        if (q.startsWith("CARRY")) {
            String c = q.substring(5);
            return minus(value(unit, r, "A" + c), value(unit, r, "S" + c));
        }
        if (q.startsWith("VERWNOT")) {
            return minus(value(unit, r, "SJH"), value(unit, r, "VERW" + q.substring(7)));
        }
        if (q.startsWith("VERW")) {
            return teller(r, "verwijzer." + q.substring(4));
        }
        return switch (q) {
            case "AJH" -> plus(plus(value(unit, r, "A0"), value(unit, r, "A1")), value(unit, r, "A2"));
            case "SJH" -> plus(plus(value(unit, r, "S0"), value(unit, r, "S1")), value(unit, r, "S2"));
            case "EJH" -> plus(plus(value(unit, r, "E0"), value(unit, r, "E1")), value(unit, r, "E2"));
            case "A_NOT_MET" -> minus(value(unit, r, "AJH"), value(unit, r, "A1"));
            case "AGB_A" -> teller(r, "aandeel_met_aanbieder");
            case "AGB_NOT" -> minus(value(unit, r, "AJH"), value(unit, r, "AGB_A"));
            case "WACHT" -> teller(r, "wachtend_einde_periode");
            case "WACHT_LANG" -> teller(r, "wachtend_langer_dan_9_weken");
            case "WACHT_KORT" -> minus(value(unit, r, "WACHT"), value(unit, r, "WACHT_LANG"));
            case "PLAN" -> teller(r, "beeindigd_volgens_plan");
            case "PLANNOT" -> minus(value(unit, r, "EJH"), value(unit, r, "PLAN"));
            case "VOORT" -> teller(r, "voortijdig_beeindigd");
            case "VOORTNOT" -> minus(value(unit, r, "EJH"), value(unit, r, "VOORT"));
            case "EXT" -> minus(value(unit, r, "PLANNOT"), value(unit, r, "VOORT"));
            case "ZHV_FILLED" -> teller(r, "zonder_hulp_verder_respons");
            case "ZHV_YES" -> teller(r, "zonder_hulp_verder");
            case "ZHV_NO" -> minus(value(unit, r, "ZHV_FILLED"), value(unit, r, "ZHV_YES"));
            case "ZHV_NOT" -> minus(value(unit, r, "EJH"), value(unit, r, "ZHV_FILLED"));
            case "TEV_N" -> teller(r, "tevredenheid_respons");
            case "TEV_NOT" -> minus(value(unit, r, "EJH"), value(unit, r, "TEV_N"));
            case "CBS_OK" -> teller(r, "geen_nieuwe_start_cbs");
            case "CBS_NOT" -> minus(value(unit, r, "EJH"), value(unit, r, "CBS_OK"));
            case "COH" -> noemer(r, "geen_nieuwe_hulp_6m");
            case "COH_OK" -> teller(r, "geen_nieuwe_hulp_6m");
            case "COH_NOT" -> minus(value(unit, r, "COH"), value(unit, r, "COH_OK"));
            case "COH_OUT" -> minus(value(unit, r, "CLIENTS"), value(unit, r, "COH"));
            case "WAIT_N" -> noemer(r, "wachttijd_mediaan_dagen");
            case "WAIT_NOT" -> minus(value(unit, r, "SJH"), value(unit, r, "WAIT_N"));
            case "CLIENTS" -> teller(r, "jeugdigen_jh");
            case "CLIENTS_NOT" -> minus(value(unit, r, "AJH"), value(unit, r, "CLIENTS"));
            case "YOUNG" -> teller(r, "jeugdigen_jh_per_1000");
            case "YOUNG_NOT" -> minus(value(unit, r, "CLIENTS"), value(unit, r, "YOUNG"));
            default -> throw new IllegalArgumentException("no truth for " + q);
        };
    }

    private static Long teller(Map<String, IndicatorRow> r, String indicator) {
        IndicatorRow row = r.get(indicator);
        return row == null || row.teller() == null ? null : Math.round(row.teller());
    }

    private static Long noemer(Map<String, IndicatorRow> r, String indicator) {
        IndicatorRow row = r.get(indicator);
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
        out.printf(Locale.ROOT, "  (%.1f s)%n", (System.nanoTime() - started) / 1e9);
        if (List.of(args).contains("--compare")) {
            DisclosureCost.compare(dir, out);
        }
    }
}
