package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nl.jeugdspiegel.audit.DisclosureAttack;
import nl.jeugdspiegel.audit.DisclosureAudit;
import nl.jeugdspiegel.audit.DisclosureCost;
import nl.jeugdspiegel.audit.ForecastAttack;
import nl.jeugdspiegel.report.Disclosure;
import org.junit.jupiter.api.Test;

/**
 * The attacker of docs/contract.md §8 ({@link DisclosureAttack}) on the site that {@code ./jeugdspiegel run} publishes
 * for a generated country: it reads only the published downloads, the public population and the method the site
 * states, and must recover no count below 10. The same attacker on the same country published under the rules of
 * before v1.2 recovers thousands, so its silence on the real site means something; and its bounds always hold
 * the true counts (the exact tables), so it reasons soundly.
 */
class DisclosureAttackIT {

    /** The small country of the other integration tests (scale 0.01): municipalities with a handful of youths. */
    @Test
    void nothingSmallCanBeRecoveredFromTheSiteOfASmallCountry() throws Exception {
        GeneratedCountry.output();
        assertSafe(GeneratedCountry.DIR);
        assertBrokenUnderTheOldRules(GeneratedCountry.DIR, 1_000);
    }

    /** The whole country at the demo's scale. */
    @Test
    void nothingSmallCanBeRecoveredFromTheSiteOfTheWholeCountry() throws Exception {
        Path dir = Path.of("target/attack-country");
        GeneratedCountry.generateAndRun(dir, "1.0", "42");
        assertSafe(dir);
        assertBrokenUnderTheOldRules(dir, 1_000);
    }

    private static void assertSafe(Path dir) throws Exception {
        DisclosureAudit.Findings findings = DisclosureAudit.run(dir);
        findings.print(System.out);
        assertEquals(
                DisclosureAttack.Model.of(Disclosure.Rules.PUBLISHED), findings.model(), "the method the site states");
        assertEquals(List.of(), findings.unsound(), "the attacker's bounds hold the truth");
        assertEquals(List.of(), findings.contradictions());
        assertTrue(findings.known() > 100_000, findings.known() + " counts attacked");
        assertEquals(0, findings.recovered(), "recovered: " + findings.examples());
        // the vooruitblik (indicators v1.3): no hidden small count has its own forecast shown, and estimating it from
        // the forecasts (a jeugdregio's minus its other gemeenten') does no better than guessing 5
        ForecastAttack.Findings forecasts = ForecastAttack.run(dir);
        assertTrue(forecasts != null, "the site publishes a vooruitblik");
        forecasts.print(System.out);
        assertTrue(forecasts.hiddenSmall() > 0, forecasts.toString());
        assertEquals(0, forecasts.ownForecastShown(), forecasts.toString());
        assertTrue(forecasts.exactHits() <= forecasts.exactHitsWithoutForecasts(), forecasts.toString());
        assertTrue(forecasts.medianError() >= forecasts.medianErrorWithoutForecasts(), forecasts.toString());
    }

    /** The same figures published with only rounding and the thresholds: the attacker finds what the issue reported. */
    private static void assertBrokenUnderTheOldRules(Path dir, int atLeast) throws Exception {
        Disclosure.Rules old = new Disclosure.Rules(false, false, false);
        Path variant = DisclosureCost.publishVariant(dir, old);
        DisclosureAudit.Findings findings = DisclosureAudit.run(variant, DisclosureAttack.Model.of(old));
        findings.print(System.out);
        assertEquals(List.of(), findings.unsound());
        assertTrue(findings.recovered() >= atLeast, findings.recovered() + " recovered under the old rules");
        // the instroomcohorten (indicators v1.3) are among them: the attacker reads and relates their figures (the four
        // states add up to the cohort, the horizons, the levels), and the published rules protect them
        assertTrue(
                findings.byQuantity().keySet().stream().anyMatch(q -> q.startsWith("INSTROOM")),
                "cohort counts recovered under the old rules: " + findings.byQuantity());
    }
}
