package nl.jeugdspiegel.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.audit.PublishedSite.Figure;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.IndicatorTable;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.contract.VooruitblikTable.Grootheid;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The attacker of the vooruitblik (indicators v1.3: a forecast "must not make a suppressed count of the past
 * derivable"). For every count of a gemeente in the forecasts' base half-year that the site does not show and that is
 * below 10 (the truth, from the exact tables, only to score the attack), it estimates the count as a forecast-reader
 * would: the gemeente's own forecast one half-year ahead if the site shows it; else its jeugdregio's forecast minus
 * those of the other gemeenten, where a hidden one is guessed from its own published count of the base half-year
 * (or 5 when that is hidden too). It scores the estimates against the truth and against the attacker's guess without
 * forecasts (5, the middle of "<10").
 */
public final class ForecastAttack {

    /** What the attack found. */
    public record Findings(
            int hiddenSmall,
            int ownForecastShown,
            int derived,
            int exactHits,
            int exactHitsWithoutForecasts,
            double medianError,
            double medianErrorWithoutForecasts) {

        public void print(PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "forecast attack: %d hidden counts below 10; own forecast shown for %d; %d estimated by differencing;"
                            + " exact %d (guessing 5: %d); median error %.1f (guessing 5: %.1f)%n",
                    hiddenSmall,
                    ownForecastShown,
                    derived,
                    exactHits,
                    exactHitsWithoutForecasts,
                    medianError,
                    medianErrorWithoutForecasts);
        }
    }

    private ForecastAttack() {}

    /** The attack on the site and exact tables in {@code dir}; null when the site publishes no vooruitblik. */
    public static Findings run(Path dir) throws IOException {
        Path download = dir.resolve(BucketLayout.SITE).resolve("downloads/vooruitblik.csv");
        if (!Files.exists(download)) {
            return null;
        }
        List<VooruitblikTable.Forecast> forecasts;
        try (Reader reader = Files.newBufferedReader(download, StandardCharsets.UTF_8)) {
            forecasts = VooruitblikTable.FORECASTS.readCsv(reader, download.toString());
        }
        if (forecasts.isEmpty()) {
            return null;
        }
        Periode basis = forecasts.get(0).basis();
        Map<Unit, Map<Grootheid, Double>> next = new HashMap<>();
        for (VooruitblikTable.Forecast f : forecasts) {
            if (f.periode().equals(basis.next())) {
                next.computeIfAbsent(new Unit(f.niveau(), f.code()), u -> new HashMap<>())
                        .put(f.grootheid(), f.voorspelling());
            }
        }
        Map<Unit, Map<String, Figure>> published =
                PublishedSite.read(dir).figures().getOrDefault(basis, Map.of());
        Map<String, List<String>> members = new HashMap<>();
        for (Municipality m : ReferenceData.get().municipalities()) {
            members.computeIfAbsent(m.jeugdregioCode(), r -> new ArrayList<>()).add(m.code());
        }
        List<Double> errors = new ArrayList<>();
        List<Double> prior = new ArrayList<>();
        int hidden = 0;
        int own = 0;
        int derived = 0;
        int hits = 0;
        int priorHits = 0;
        Path exact = dir.resolve(BucketLayout.indicatorTable(basis, BucketLayout.Format.CSV));
        for (IndicatorRow row : IndicatorTable.readCsv(exact)) {
            Grootheid grootheid = grootheid(row.indicator());
            if (row.niveau() != Niveau.GEMEENTE || grootheid == null || !row.ok() || row.waarde() >= 10) {
                continue;
            }
            Unit unit = new Unit(Niveau.GEMEENTE, row.code());
            Figure shown =
                    published.getOrDefault(unit, Map.of()).get(row.indicator().id());
            if (shown != null && shown.published()) {
                continue;
            }
            hidden++;
            Double estimate = next.getOrDefault(unit, Map.of()).get(grootheid);
            if (estimate != null) {
                own++;
            } else {
                String regio = ReferenceData.get()
                        .municipality(row.code())
                        .map(Municipality::jeugdregioCode)
                        .orElse("?");
                Double region = next.getOrDefault(new Unit(Niveau.JEUGDREGIO, regio), Map.of())
                        .get(grootheid);
                if (region == null) {
                    continue;
                }
                derived++;
                double rest = region;
                for (String other : members.getOrDefault(regio, List.of())) {
                    if (other.equals(row.code())) {
                        continue;
                    }
                    Unit member = new Unit(Niveau.GEMEENTE, other);
                    Double forecast = next.getOrDefault(member, Map.of()).get(grootheid);
                    Figure past = published
                            .getOrDefault(member, Map.of())
                            .get(row.indicator().id());
                    rest -= forecast != null ? forecast : past != null && past.published() ? past.value() : 5;
                }
                estimate = rest;
            }
            errors.add(Math.abs(estimate - row.waarde()));
            prior.add(Math.abs(5 - row.waarde()));
            hits += Math.round(estimate) == Math.round(row.waarde()) ? 1 : 0;
            priorHits += Math.round(row.waarde()) == 5 ? 1 : 0;
        }
        return new Findings(hidden, own, derived, hits, priorHits, median(errors), median(prior));
    }

    /** The forecast quantity of a count the site shows per gemeente (null: none). */
    private static Grootheid grootheid(Indicator indicator) {
        if (indicator == Indicator.JEUGDIGEN_JH) {
            return Grootheid.JEUGDIGEN_JH;
        }
        int c = Indicator.TRAJECTEN_ACTIEF.indexOf(indicator);
        return c < 0 ? null : Grootheid.actief(c);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
