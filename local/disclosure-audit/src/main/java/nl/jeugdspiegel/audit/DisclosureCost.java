package nl.jeugdspiegel.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Manifest;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.report.Disclosure;
import nl.jeugdspiegel.report.ReportData;
import nl.jeugdspiegel.report.SiteBuilder;
import nl.jeugdspiegel.runner.BucketFolder;

/**
 * What each disclosure method costs and what it protects, on the exact tables of DIR: the site is published
 * under each combination of the two v1.2 rules (ratios from rounded counts; suppression of a share whose
 * teller or rest is below 10) into {@code DIR/vergelijking/}, the attacker is run on each, and the published
 * figures are compared with those of rounding alone: how many ratios each method removes, how many it
 * changes at their printed precision, and by how much.
 */
public final class DisclosureCost {

    private static final Map<String, Disclosure.Rules> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("only rounding and the thresholds (v1.1 rules)", new Disclosure.Rules(false, false, false));
        METHODS.put("A: suppress shares with teller or rest < 10", new Disclosure.Rules(false, true, false));
        METHODS.put("B: ratios from rounded counts", new Disclosure.Rules(true, false, false));
        METHODS.put("A+B", new Disclosure.Rules(true, true, false));
        METHODS.put("A+B+differencing audit (published)", Disclosure.Rules.PUBLISHED);
    }

    private DisclosureCost() {}

    public static void compare(Path dir, PrintStream out) throws IOException {
        Map<Periode, List<IndicatorRow>> tables = tables(dir);
        Manifest manifest = BucketFolder.manifest(dir);
        ReportData reference = ReportData.of(tables, manifest, new Disclosure.Rules(false, false, false));
        out.println("method | ratios published | of which at gemeente level | ratios removed | counts removed "
                + "| ratios changed at printed precision | mean change (shares, %-points) | largest "
                + "| attacker: recovered exactly | two values | three values");
        for (Map.Entry<String, Disclosure.Rules> method : METHODS.entrySet()) {
            Disclosure.Rules rules = method.getValue();
            ReportData data = ReportData.of(tables, manifest, rules);
            Path variant = publishVariant(dir, data, rules);
            DisclosureAudit.Findings attack = DisclosureAudit.run(variant, DisclosureAttack.Model.of(rules));
            Cost cost = cost(reference, data);
            out.printf(
                    Locale.ROOT,
                    "%s | %,d | %,d | %,d | %,d | %,d | %.2f | %.1f | %,d | %,d | %,d%s%n",
                    method.getKey(),
                    cost.published,
                    cost.publishedGemeente,
                    cost.removed,
                    cost.removedCounts,
                    cost.changed,
                    cost.changed == 0 ? 0 : cost.shareChange / cost.changedShares,
                    cost.largestShareChange,
                    attack.recovered(),
                    attack.twoValues(),
                    attack.threeValues(),
                    attack.unsound().isEmpty() && attack.contradictions().isEmpty() ? "" : " (attack UNSOUND)");
        }
    }

    /** The exact indicator tables of DIR by periode. */
    static Map<Periode, List<IndicatorRow>> tables(Path dir) throws IOException {
        return BucketFolder.tables(dir);
    }

    /** DIR's figures published under other rules, as a site in {@code DIR/vergelijking/...} the attacker can read. */
    public static Path publishVariant(Path dir, Disclosure.Rules rules) throws IOException {
        return publishVariant(dir, ReportData.of(tables(dir), BucketFolder.manifest(dir), rules), rules);
    }

    private static Path publishVariant(Path dir, ReportData data, Disclosure.Rules rules) throws IOException {
        Path variant = dir.resolve("vergelijking")
                .resolve(rules.fromRoundedCounts() + "-" + rules.smallCellsSuppressed() + "-"
                        + rules.differencingAudited());
        writeSite(dir, variant, new SiteBuilder().build(data));
        return variant;
    }

    private record Cost(
            int published,
            int publishedGemeente,
            int removed,
            int removedCounts,
            int changed,
            int changedShares,
            double shareChange,
            double largestShareChange) {}

    /** Ratios (shares, rates, O/E) published by {@code data}, against {@code reference}. */
    private static Cost cost(ReportData reference, ReportData data) {
        int published = 0;
        int gemeente = 0;
        int removed = 0;
        int removedCounts = 0;
        int changed = 0;
        int changedShares = 0;
        double shareChange = 0;
        double largest = 0;
        for (Periode p : data.periods()) {
            for (Niveau niveau : List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND)) {
                for (Map.Entry<Unit, Map<Indicator, Disclosure.Figure>> unit :
                        data.units(p, niveau).entrySet()) {
                    for (Disclosure.Figure f : unit.getValue().values()) {
                        Indicator.Kind kind = f.indicator().kind();
                        Disclosure.Figure before = reference.figure(p, unit.getKey(), f.indicator());
                        if (kind != Indicator.Kind.SHARE
                                && kind != Indicator.Kind.PER_1000
                                && kind != Indicator.Kind.RATIO) {
                            removedCounts += before.published() && !f.published() ? 1 : 0;
                            continue;
                        }
                        if (f.published()) {
                            published++;
                            gemeente += niveau == Niveau.GEMEENTE ? 1 : 0;
                        } else if (before.published()) {
                            removed++;
                        }
                        if (f.published() && before.published() && !f.value().equals(before.value())) {
                            changed++;
                            if (kind == Indicator.Kind.SHARE) {
                                double change = 100 * Math.abs(f.value() - before.value());
                                changedShares++;
                                shareChange += change;
                                largest = Math.max(largest, change);
                            }
                        }
                    }
                }
            }
        }
        return new Cost(
                published, gemeente, removed, removedCounts, changed, Math.max(1, changedShares), shareChange, largest);
    }

    /** The variant's site, next to links to DIR's exact tables and population (the audit's truth and side knowledge). */
    private static void writeSite(Path dir, Path variant, Map<String, byte[]> site) throws IOException {
        Files.createDirectories(variant);
        for (String shared : List.of("indicators", "reference")) {
            Path link = variant.resolve(shared);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, dir.resolve(shared).toAbsolutePath());
            }
        }
        for (Map.Entry<String, byte[]> file : site.entrySet()) {
            Path target = variant.resolve("site").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
