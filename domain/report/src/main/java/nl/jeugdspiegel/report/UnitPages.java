package nl.jeugdspiegel.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.Jeugdregio;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.report.PageModels.Cell;
import nl.jeugdspiegel.report.PageModels.Delivery;
import nl.jeugdspiegel.report.PageModels.FigureRow;
import nl.jeugdspiegel.report.PageModels.HomeFunnel;
import nl.jeugdspiegel.report.PageModels.UnitPage;
import nl.jeugdspiegel.report.PageModels.UnitRow;

/**
 * The pages of a gemeente and of a jeugdregio ({@code unit.mustache}): the outcomes first, compared with the units
 * around it, what to ask next, where it stands among the gemeenten, its providers, what was delivered, the trends.
 */
final class UnitPages {

    private final IndicatorTexts texts;
    private final DeliveryCalendar calendar;

    UnitPages(IndicatorTexts texts, DeliveryCalendar calendar) {
        this.texts = texts;
        this.calendar = calendar;
    }

    /** A gemeente's page. */
    UnitPage gemeente(ReportData data, Municipality m) {
        Periode latest = data.latest();
        Unit unit = new Unit(Niveau.GEMEENTE, m.code());
        Unit regio = new Unit(Niveau.JEUGDREGIO, m.jeugdregioCode());
        String sizeClass = data.sizeClass(latest, m.code());
        Unit klasse = sizeClass == null ? null : new Unit(Niveau.GROOTTEKLASSE, sizeClass);
        List<Unit> compared = new ArrayList<>(List.of(unit, regio));
        compared.add(klasse);
        compared.add(Unit.NEDERLAND);
        List<String> columns = List.of(m.naam(), "Jeugdregio", "Grootteklasse", "Nederland");
        Comparison comparison = comparison(data, unit, compared, columns);
        PageParts.Named own = new PageParts.Named(unit, m.naam());
        List<PageParts.Named> lines = comparedLines(m, regio, klasse, sizeClass);
        List<Delivery> deliveries = new ArrayList<>();
        for (Periode p : data.periods()) {
            boolean delivered = data.delivered(p, m.code());
            Instant at = data.deliveredAt(p, m.code());
            deliveries.add(new Delivery(
                    Text.periode(p),
                    delivered ? "ja" : "nee",
                    delivered ? Text.date(at) : "–",
                    DeliveryCalendar.onTime(p, delivered, at)));
        }
        List<UnitRow> providers = regionProviders(data, m.jeugdregioCode(), GEMEENTE_PROVIDERS);
        List<HomeFunnel> funnels = new ArrayList<>();
        for (Indicator indicator : SiteSelections.HOME_FUNNELS) {
            Periode p = PageParts.periodeFor(data, indicator);
            Charts.FunnelChart chart = PageParts.funnelChart(data, indicator, p, unit);
            if (chart != null) {
                funnels.add(new HomeFunnel(indicator.titel(), Text.periode(p), chart));
            }
        }
        return new UnitPage(
                "Gemeente",
                m.naam(),
                "Gemeente " + m.naam() + " (" + m.code() + "), provincie " + m.provincie()
                        + ", vergeleken met de jeugdregio, gemeenten van dezelfde grootte en Nederland.",
                "../regio/" + m.jeugdregioCode() + ".html",
                m.jeugdregioNaam(),
                sizeClass == null ? null : PageParts.sizeClassName(sizeClass),
                columns,
                comparison.outcomes(),
                comparison.outputs(),
                comparison.signals(),
                NextQuestions.shareAndRatio(data, unit),
                NextQuestions.of(data, unit),
                funnels,
                calendar.provisional(data, latest),
                PageParts.trends(data, own, lines),
                deliveries,
                (providers.size() < GEMEENTE_PROVIDERS ? "De" : "De " + GEMEENTE_PROVIDERS + " grootste")
                        + " aanbieders (op AGB-code) van de jeugdhulp in jeugdregio " + m.jeugdregioNaam()
                        + ", waartoe " + m.naam() + " behoort, met hun uitkomsten in die regio; "
                        + "de pagina van de jeugdregio heeft ze allemaal. Per aanbieder zijn er cijfers per jeugdregio, "
                        + "niet per gemeente: per gemeente zijn de aantallen te klein om te tonen.",
                providers,
                PageParts.titles(SiteSelections.PROVIDER_COLUMNS),
                null,
                null,
                CohortPages.of(data, own, lines),
                PairedReading.of(data, unit),
                VooruitblikPages.of(data, unit));
    }

    /** The providers a gemeente page lists: the largest of its jeugdregio; the regio page has them all. */
    private static final int GEMEENTE_PROVIDERS = 10;

    /**
     * The providers of a jeugdregio with their outcomes there (niveau aanbieder_jeugdregio): the {@code limit} with the
     * most youths (as published), largest first, then by AGB code; the pooled small providers last.
     */
    private static List<UnitRow> regionProviders(ReportData data, String regioCode, int limit) {
        Periode latest = data.latest();
        Periode followUp = data.latestWithFollowUp();
        List<Map.Entry<Double, UnitRow>> rows = new ArrayList<>();
        data.units(latest, Niveau.AANBIEDER_JEUGDREGIO).forEach((u, figures) -> {
            if (u.code().startsWith(regioCode + "-")) {
                String agb = u.code().substring(regioCode.length() + 1);
                Disclosure.Figure youths = data.figure(latest, u, Indicator.JEUGDIGEN_JH);
                // the pooled small providers are no provider: last
                rows.add(Map.entry(
                        ProviderUnits.POOLED.equals(agb) ? -1.0 : youths.published() ? youths.value() : 0.0,
                        new UnitRow(
                                agb,
                                data.name(PageParts.providerUnit(agb)),
                                PageParts.providerCells(data, latest, followUp, u))));
            }
        });
        return rows.stream()
                .sorted(Comparator.comparing((Map.Entry<Double, UnitRow> e) -> -e.getKey())
                        .thenComparing(e -> e.getValue().code()))
                .limit(limit)
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The lines a gemeente's trend charts compare it with: its jeugdregio, its size class (if any) and Nederland. */
    private static List<PageParts.Named> comparedLines(Municipality m, Unit regio, Unit klasse, String sizeClass) {
        List<PageParts.Named> lines = new ArrayList<>();
        lines.add(new PageParts.Named(regio, "Jeugdregio " + m.jeugdregioNaam()));
        if (klasse != null) {
            lines.add(new PageParts.Named(
                    klasse, "G" + PageParts.sizeClassName(sizeClass).substring(1)));
        }
        lines.add(new PageParts.Named(Unit.NEDERLAND, "Nederland"));
        return lines;
    }

    /** A jeugdregio's page. */
    UnitPage regio(ReportData data, Jeugdregio r) {
        Periode latest = data.latest();
        Unit unit = new Unit(Niveau.JEUGDREGIO, r.code());
        Comparison comparison = comparison(data, unit, List.of(unit, Unit.NEDERLAND), List.of(r.naam(), "Nederland"));
        PageParts.Named own = new PageParts.Named(unit, r.naam());
        List<PageParts.Named> national = List.of(new PageParts.Named(Unit.NEDERLAND, "Nederland"));
        List<UnitRow> providerRows = regionProviders(data, r.code(), Integer.MAX_VALUE);
        List<UnitRow> members = new ArrayList<>();
        for (Municipality m : r.gemeenten()) {
            List<Cell> cells = new ArrayList<>();
            for (Indicator indicator : SiteSelections.MAIN) {
                cells.add(PageParts.cell(
                        data.figure(
                                PageParts.periodeFor(data, indicator), new Unit(Niveau.GEMEENTE, m.code()), indicator),
                        indicator.titel()));
            }
            members.add(new UnitRow(m.code(), m.naam(), cells));
        }
        return new UnitPage(
                "Jeugdregio",
                "Jeugdregio " + r.naam(),
                "Jeugdregio " + r.naam() + " (" + r.code() + ") met "
                        + r.gemeenten().size()
                        + " gemeenten. De cijfers zijn berekend uit de trajecten van de gemeenten die aanleverden.",
                null,
                null,
                null,
                List.of(r.naam(), "Nederland"),
                comparison.outcomes(),
                comparison.outputs(),
                comparison.signals(),
                NextQuestions.shareAndRatio(data, unit),
                NextQuestions.of(data, unit),
                List.of(),
                calendar.provisional(data, latest),
                PageParts.trends(data, own, national),
                null,
                "De aanbieders (op AGB-code) van de jeugdhulp van de gemeenten in deze jeugdregio, met hun uitkomsten"
                        + " in de regio. Een aanbieder die ook elders werkt, heeft op zijn eigen pagina de landelijke cijfers.",
                providerRows,
                PageParts.titles(SiteSelections.PROVIDER_COLUMNS),
                PageParts.titles(SiteSelections.MAIN),
                members,
                CohortPages.of(data, own, national),
                PairedReading.of(data, unit),
                VooruitblikPages.of(data, unit));
    }

    /** The comparison of a unit: the outcome rows, the output rows and its signals in plain Dutch. */
    private record Comparison(List<FigureRow> outcomes, List<FigureRow> outputs, List<String> signals) {}

    /**
     * The comparison of a gemeente or jeugdregio: first the outcomes ("Hoe gaat het met de jeugdigen na de hulp?") with
     * what they say and do not say and the unit's signals, then the output figures. {@code compared}: the unit and the
     * units it is compared with (null: no such unit, e.g. no size class).
     */
    private Comparison comparison(ReportData data, Unit unit, List<Unit> compared, List<String> columns) {
        List<FigureRow> outcomes = new ArrayList<>();
        List<FigureRow> outputs = new ArrayList<>();
        for (Indicator indicator : Indicator.ALL) {
            if (Indicator.INSTROOM.contains(indicator)) {
                continue; // in their own section, "Wat gebeurt er na de start?"
            }
            Periode p = PageParts.periodeFor(data, indicator);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < compared.size(); i++) {
                Unit u = compared.get(i);
                cells.add(PageParts.cell(
                        u == null
                                ? Disclosure.Figure.suppressed(indicator, Disclosure.REASON_NO_SIZE_CLASS)
                                : data.figure(p, u, indicator),
                        columns.get(i)));
            }
            if (SiteSelections.OUTCOMES.contains(indicator)) {
                String signaal = String.join(
                        "; ",
                        data.signals(p, unit).stream()
                                .filter(s -> s.indicator().equals(indicator))
                                .map(PageParts::signalText)
                                .toList());
                outcomes.add(new FigureRow(
                        indicator.id(),
                        indicator.titel(),
                        indicator.eenheid(),
                        cells,
                        texts.says(indicator),
                        texts.doesNotSay(indicator),
                        signaal,
                        PageParts.estimateText(data, p, unit, indicator)));
            } else {
                outputs.add(new FigureRow(
                        indicator.id(), indicator.titel(), indicator.eenheid(), cells, null, null, null, null));
            }
        }
        return new Comparison(outcomes, outputs, PageParts.signalSentences(data, unit));
    }
}
