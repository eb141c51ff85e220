package nl.jeugdspiegel.report;

import java.util.List;
import nl.jeugdspiegel.contract.Indicator;

/** Which indicators the site shows where: the selections of the catalogue that the pages use. */
final class SiteSelections {

    private SiteSelections() {}

    /** The indicators on the home page, the trends and the comparison columns of member tables. */
    static final List<Indicator> MAIN = List.of(
            Indicator.JEUGDIGEN_JH_PER_1000,
            Indicator.AANDEEL_MET_VERBLIJF,
            Indicator.WACHTTIJD_MEDIAAN_DAGEN,
            Indicator.BEEINDIGD_VOLGENS_PLAN,
            Indicator.VOORTIJDIG_BEEINDIGD,
            Indicator.GEEN_NIEUWE_HULP_6M,
            Indicator.OE_VOLGENS_PLAN);
    /** The outcome indicators that open a gemeente or jeugdregio page ("Hoe gaat het met de jeugdigen na de hulp?"). */
    static final List<Indicator> OUTCOMES = List.of(
            Indicator.BEEINDIGD_VOLGENS_PLAN,
            Indicator.VOORTIJDIG_BEEINDIGD,
            Indicator.ZONDER_HULP_VERDER,
            Indicator.TEVREDENHEID_GEMIDDELD,
            Indicator.GEEN_NIEUWE_HULP_6M,
            Indicator.GEEN_NIEUWE_START_CBS,
            Indicator.OE_VOLGENS_PLAN);
    /** The columns of a provider in the tables of providers: volume, volgens plan, geen nieuwe start, O/E. */
    static final List<Indicator> PROVIDER_COLUMNS = List.of(
            Indicator.JEUGDIGEN_JH,
            Indicator.BEEINDIGD_VOLGENS_PLAN,
            Indicator.GEEN_NIEUWE_START_CBS,
            Indicator.OE_VOLGENS_PLAN);
    /** The outcome indicators drawn as funnel plots on the home page. */
    static final List<Indicator> HOME_FUNNELS =
            List.of(Indicator.BEEINDIGD_VOLGENS_PLAN, Indicator.GEEN_NIEUWE_HULP_6M);
}
