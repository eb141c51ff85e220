package nl.jeugdspiegel.report;

import java.util.List;

/**
 * What the Mustache templates of the site read, one record per page kind and per part. A template sees the page's
 * record, and behind it the {@link Frame} every page shares (its head and foot): a name the page does not have is
 * looked up there. A component that is null or false shows nothing in a {@code {{#section}}}.
 */
final class PageModels {

    private PageModels() {}

    /**
     * What every page has ({@code head.mustache}, {@code foot.mustache}): among it the gemeente chooser, its names
     * ({@code gemeenteKeuze}) and its script.
     */
    record Frame(
            String title,
            String root,
            String css,
            String csp,
            String script,
            List<Named> gemeenteKeuze,
            boolean synthetic,
            String latestText,
            String followUpText) {}

    /**
     * A figure as a table cell ({@code figure-cell.mustache}): its value and interval, or why it is not shown, and the
     * column it is in ({@code label}, null: none), which a phone shows next to it when a table's rows are stacked.
     */
    record Cell(String value, String interval, String reason, String label) {
        Cell withLabel(String columnLabel) {
            return new Cell(value, interval, reason, columnLabel);
        }
    }

    /** A gemeente, jeugdregio or provider in a list: its code and name. */
    record Named(String code, String naam) {}

    /** A unit in a table of units (providers, member municipalities, a provider's regions): one cell per column. */
    record UnitRow(String code, String naam, List<Cell> cells) {}

    /** An indicator in a list of definitions (home page, methodology). */
    record IndicatorLine(String id, String titel, String definitie) {}

    /** An indicator's row of a comparison: its cells, and for an outcome what it says, does not say and signals. */
    record FigureRow(
            String id,
            String titel,
            String unit,
            List<Cell> cells,
            String zegt,
            String zegtNiet,
            String signaal,
            String schatting) {}

    /**
     * A trend: its chart (null when nothing was published) and its table, one row per half-year with a column per
     * line of the chart.
     */
    record Trend(String titel, Charts.TrendChart chart, List<String> columns, List<TrendRow> rows) {}

    /** A half-year of a trend's table: the unit's figure and those it is compared with. */
    record TrendRow(String periode, List<Cell> cells) {}

    /** {@code index.mustache}: the outcomes first, then what was delivered, the trends and funnels, the lists. */
    record HomePage(
            long deliveredCount,
            List<KeyFigure> outcomeFigures,
            List<KeyFigure> keyFigures,
            List<Trend> trends,
            List<HomeFunnel> funnels,
            List<Named> regios,
            List<IndicatorLine> indicators) {}

    /** {@code gemeenten.mustache}: every gemeente A–Z, with its province and jeugdregio. */
    record GemeentenPage(List<GemeenteLine> gemeenten) {}

    /** A gemeente in the list of all: its page, province and jeugdregio. */
    record GemeenteLine(String code, String naam, String provincie, String regioCode, String regioNaam) {}

    /** A key figure of the home page: Nederland's value. */
    record KeyFigure(String id, String titel, Cell nl) {}

    /** A funnel plot on the home page. */
    record HomeFunnel(String titel, String periodeText, Charts.FunnelChart chart) {}

    /**
     * {@code unit.mustache}: a gemeente or a jeugdregio, its outcomes first, compared with the units in {@code columns}.
     * A gemeente has its deliveries; a jeugdregio its providers and member municipalities.
     */
    record UnitPage(
            String kind,
            String naam,
            String intro,
            String regioHref,
            String regioNaam,
            String sizeClassText,
            List<String> columns,
            List<FigureRow> outcomes,
            List<FigureRow> rows,
            List<String> signals,
            List<String> shareAndRatio,
            List<String> nextQuestions,
            List<HomeFunnel> funnels,
            boolean voorlopig,
            List<Trend> trends,
            List<Delivery> deliveries,
            String providersIntro,
            List<UnitRow> providers,
            List<String> providerColumns,
            List<String> memberColumns,
            List<UnitRow> members,
            CohortPages.Section cohorts,
            List<String> pairs,
            VooruitblikPages.Section vooruitblik) {

        // what the template shows or leaves out, from the lists themselves
        public boolean hasSignals() {
            return !signals.isEmpty();
        }

        public boolean hasFunnels() {
            return !funnels.isEmpty();
        }

        public boolean hasDeliveries() {
            return deliveries != null && !deliveries.isEmpty();
        }

        public boolean hasProviders() {
            return providers != null && !providers.isEmpty();
        }

        public boolean hasMembers() {
            return members != null && !members.isEmpty();
        }
    }

    /** A half-year of a gemeente's deliveries: whether, when, and on time. */
    record Delivery(String periode, String geleverd, String datum, String opTijd) {}

    /** {@code indicator.mustache}: one indicator for every gemeente, by name or by value, and per group. */
    record IndicatorPage(
            String titel,
            String definitie,
            String zegt,
            String zegtNiet,
            boolean byValue,
            String byNameHref,
            String byValueHref,
            boolean voorlopig,
            String periodeText,
            String unit,
            String nlValue,
            String nlInterval,
            boolean funnelKind,
            Charts.FunnelChart chart,
            List<RankingRow> ranking,
            List<Group> groups) {}

    /** A gemeente on an indicator page: its figure, denominator and deviation. */
    record RankingRow(String code, String naam, Cell figure, String noemer, String afwijking) {}

    /** A jeugdregio (with its page) or a size class on an indicator page. */
    record Group(String naam, String href, Cell figure) {}

    /** {@code aanbieder.mustache}: a provider (or the pooled small providers) against Nederland, and per region. */
    record ProviderPage(
            String naam,
            String kop,
            String agb,
            boolean pooled,
            int minYouths,
            boolean voorlopig,
            List<FigureRow> rows,
            List<String> signals,
            List<UnitRow> regions,
            int regionCount,
            List<String> providerColumns,
            CohortPages.Horizon cohort) {

        public boolean hasSignals() {
            return !signals.isEmpty();
        }
    }

    /** {@code aanbieders.mustache}: the providers with a page. */
    record ProvidersPage(int minYouths, List<Named> providers) {}

    /** {@code methode.mustache}: the definitions, disclosure control, and the woonplaatsbeginsel overlap. */
    record MethodePage(
            List<IndicatorLine> indicators,
            String smallCellReason,
            String overlapPeriode,
            Cell overlapNl,
            List<RegionCell> overlapRegions,
            String signalCounts,
            List<VooruitblikPages.BacktestLine> backtest) {
        public boolean hasBacktest() {
            return !backtest.isEmpty();
        }
    }

    /** A jeugdregio's figure. */
    record RegionCell(String code, String naam, Cell cell) {}

    /** The downloads page; {@code vooruitblik}: whether the vooruitblik tables are among them. */
    record DownloadsPage(boolean vooruitblik) {}
}
