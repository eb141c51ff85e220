package nl.jeugdspiegel.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.core.lake.LakeProfile;

/**
 * Does a delivery's AGB column look like provider codes (indicators v1.3, "providers at their real number")? A
 * municipality buys jeugdhulp from tens to hundreds of providers, so a column with more distinct codes than half of its
 * jeugdhulp rows (a client or file number in the wrong column), or whose codes the provider register mostly does not
 * know, is implausible. The receipt then warns; the delivery is accepted as it is and nothing is changed: the indicators
 * pool every AGB with fewer than {@value ProviderUnits#MIN_YOUTHS} youths ({@link ProviderUnits}). The counts come from
 * the delivery's {@link LakeProfile}, in the same pass that profiles it.
 */
final class AgbCheck {

    /** From how many jeugdhulp rows with an AGB the checks speak (a handful of rows says nothing). */
    static final int MIN_ROWS = 20;

    private AgbCheck() {}

    /** The receipt's warnings, in plain Dutch; none when the column looks like provider codes. */
    static List<String> warnings(LakeProfile profile) {
        List<String> out = new ArrayList<>();
        long withAgb = profile.jhMetAanbieder();
        if (withAgb < MIN_ROWS) {
            return out;
        }
        if (profile.jhAanbieders() * 2 > profile.jhRijen()) {
            out.add(String.format(
                    Locale.ROOT,
                    "De kolom aanbieder_agb lijkt geen AGB-codes van aanbieders te bevatten: %d verschillende codes bij "
                            + "%d regels jeugdhulp (meer dan de helft). Staat er een cliëntnummer of dossiernummer in? "
                            + "De levering is geaccepteerd; aanbieders met minder dan %d jeugdigen tellen mee als "
                            + "'Kleine aanbieders'. Lever de AGB-code van de aanbieder (8 cijfers) bij de volgende "
                            + "levering.",
                    profile.jhAanbieders(),
                    profile.jhRijen(),
                    ProviderUnits.MIN_YOUTHS));
        }
        if (profile.jhAanbiederOnbekend() * 2 > withAgb) {
            out.add(String.format(
                    Locale.ROOT,
                    "%d van de %d regels jeugdhulp met een AGB-code noemen een aanbieder die het aanbiedersregister "
                            + "niet kent (meer dan de helft). Controleer of de kolom aanbieder_agb de AGB-code van de "
                            + "aanbieder bevat. De levering is geaccepteerd.",
                    profile.jhAanbiederOnbekend(),
                    withAgb));
        }
        return out;
    }
}
