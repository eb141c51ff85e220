package nl.jeugdspiegel.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.html.PagePolicy;
import nl.jeugdspiegel.core.reference.Jeugdregio;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.report.PageModels.Cell;
import nl.jeugdspiegel.report.PageModels.Delivery;
import nl.jeugdspiegel.report.PageModels.DownloadsPage;
import nl.jeugdspiegel.report.PageModels.FigureRow;
import nl.jeugdspiegel.report.PageModels.Frame;
import nl.jeugdspiegel.report.PageModels.GemeenteLine;
import nl.jeugdspiegel.report.PageModels.GemeentenPage;
import nl.jeugdspiegel.report.PageModels.Group;
import nl.jeugdspiegel.report.PageModels.HomeFunnel;
import nl.jeugdspiegel.report.PageModels.HomePage;
import nl.jeugdspiegel.report.PageModels.IndicatorPage;
import nl.jeugdspiegel.report.PageModels.KeyFigure;
import nl.jeugdspiegel.report.PageModels.MethodePage;
import nl.jeugdspiegel.report.PageModels.Named;
import nl.jeugdspiegel.report.PageModels.ProviderPage;
import nl.jeugdspiegel.report.PageModels.ProvidersPage;
import nl.jeugdspiegel.report.PageModels.RankingRow;
import nl.jeugdspiegel.report.PageModels.RegionCell;
import nl.jeugdspiegel.report.PageModels.Trend;
import nl.jeugdspiegel.report.PageModels.UnitPage;
import nl.jeugdspiegel.report.PageModels.UnitRow;

/**
 * Renders the whole static site from published figures: home, one page per gemeente, jeugdregio, indicator and
 * provider, the methodology and downloads. Each page kind has its typed model ({@link PageModels}) that its Mustache
 * template reads (HTML-escaped by default); charts are inline SVG ({@link Charts}); the downloads are written by
 * {@link Downloads}, the provisional rule is {@link DeliveryCalendar}'s. No fonts or requests outside the site, so it
 * works from a file:// path; one small inline script, the gemeente chooser ({@code site/kies.js}), which without
 * scripts leaves a link to the list of all gemeenten. Each page's Content-Security-Policy allows only its inline
 * style and that script, by their hashes.
 */
public final class SiteBuilder {

    private final MustacheFactory templates = new DefaultMustacheFactory("site/templates");
    private final String css;
    private final String script;
    private final String csp;
    private final List<Named> gemeenteKeuze;
    private final IndicatorTexts texts = new IndicatorTexts();
    private final DeliveryCalendar calendar;

    public SiteBuilder() {
        this(Clock.systemUTC());
    }

    /** With the clock that says when the site is published. */
    public SiteBuilder(Clock clock) {
        this.calendar = new DeliveryCalendar(clock);
        css = resource("site/style.css").strip();
        script = resource("site/kies.js").strip();
        csp = PagePolicy.contentSecurityPolicy(css, script);
        gemeenteKeuze = ReferenceData.get().municipalities().stream()
                .sorted(Comparator.comparing(Municipality::naam))
                .map(m -> new Named(m.code(), m.naam()))
                .toList();
    }

    /** Every file of the site by its relative path. */
    public Map<String, byte[]> build(ReportData data) {
        Map<String, byte[]> site = new LinkedHashMap<>();
        ReferenceData reference = ReferenceData.get();
        for (Municipality m : reference.municipalities()) {
            site.put(
                    "gemeente/" + m.code() + ".html",
                    page("unit", frame(data, m.naam(), "../"), gemeentePage(data, m)));
        }
        for (Jeugdregio r : reference.regions()) {
            site.put(
                    "regio/" + r.code() + ".html",
                    page("unit", frame(data, "Jeugdregio " + r.naam(), "../"), regioPage(data, r)));
        }
        for (Indicator indicator : Indicator.ALL) {
            Frame frame = frame(data, indicator.titel(), "../");
            site.put(
                    "indicator/" + indicator.id() + ".html",
                    page("indicator", frame, indicatorPage(data, indicator, false)));
            site.put(
                    "indicator/" + indicator.id() + "-op-waarde.html",
                    page("indicator", frame, indicatorPage(data, indicator, true)));
        }
        List<String> providers = PageParts.providers(data);
        for (String agb : providers) {
            ProviderPage page = providerPage(data, agb);
            site.put("aanbieder/" + agb + ".html", page("aanbieder", frame(data, page.kop(), "../"), page));
        }
        ProvidersPage index = new ProvidersPage(
                ProviderUnits.MIN_YOUTHS,
                providers.stream()
                        .map(a -> new Named(a, data.name(PageParts.providerUnit(a))))
                        .toList());
        site.put("aanbieders.html", page("aanbieders", frame(data, "Aanbieders", ""), index));
        site.put("downloads/aanbieders.csv", Downloads.csv(data, Downloads.PROVIDER_NIVEAUS));
        site.put("methode.html", page("methode", frame(data, "Methode", ""), methodePage(data)));
        site.put("gemeenten.html", page("gemeenten", frame(data, "Alle gemeenten", ""), gemeentenPage()));
        site.put("downloads.html", page("downloads", frame(data, "Downloads", ""), new DownloadsPage()));
        site.put("downloads/cijfers.csv", Downloads.csv(data, Downloads.MUNICIPAL_NIVEAUS));
        site.put("downloads/cijfers-excel.csv", Downloads.csvForDutchExcel(data, Downloads.MUNICIPAL_NIVEAUS));
        site.put("downloads/aanbieders-excel.csv", Downloads.csvForDutchExcel(data, Downloads.PROVIDER_NIVEAUS));
        site.put("downloads/codeboek.csv", Codebook.csv(texts, false));
        site.put("downloads/codeboek-excel.csv", Codebook.csv(texts, true));
        site.put("downloads/cijfers.json", Downloads.json(data));
        site.put("index.html", page("index", frame(data, "Jeugdhulp in Nederland", ""), homePage(data)));
        return site;
    }

    // --- pages ------------------------------------------------------------------------------------

    private HomePage homePage(ReportData data) {
        Periode latest = data.latest();
        long delivered = ReferenceData.get().municipalities().stream()
                .filter(m -> data.delivered(latest, m.code()))
                .count();
        List<KeyFigure> outcomeFigures = new ArrayList<>();
        for (Indicator indicator : SiteSelections.OUTCOMES) {
            outcomeFigures.add(new KeyFigure(
                    indicator.id(),
                    indicator.titel(),
                    PageParts.cell(
                            data.figure(PageParts.periodeFor(data, indicator), Unit.NEDERLAND, indicator),
                            "Nederland")));
        }
        List<KeyFigure> keyFigures = new ArrayList<>();
        keyFigures.add(new KeyFigure(
                Indicator.JEUGDIGEN_JH.id(),
                Indicator.JEUGDIGEN_JH.titel(),
                PageParts.cell(data.figure(latest, Unit.NEDERLAND, Indicator.JEUGDIGEN_JH), "Nederland")));
        for (Indicator indicator : SiteSelections.MAIN) {
            if (SiteSelections.OUTCOMES.contains(indicator)) {
                continue;
            }
            keyFigures.add(new KeyFigure(
                    indicator.id(),
                    indicator.titel(),
                    PageParts.cell(
                            data.figure(PageParts.periodeFor(data, indicator), Unit.NEDERLAND, indicator),
                            "Nederland")));
        }
        List<Trend> trends = new ArrayList<>();
        for (Indicator indicator : SiteSelections.MAIN) {
            trends.add(PageParts.trend(data, indicator, new PageParts.Named(Unit.NEDERLAND, "Nederland"), List.of()));
        }
        List<HomeFunnel> funnels = new ArrayList<>();
        for (Indicator indicator : SiteSelections.HOME_FUNNELS) {
            Periode p = PageParts.periodeFor(data, indicator);
            Charts.FunnelChart chart = PageParts.funnelChart(data, indicator, p);
            if (chart != null) {
                funnels.add(new HomeFunnel(
                        indicator.titel(),
                        Text.periode(p),
                        chart.withTableHref("indicator/" + indicator.id() + ".html")));
            }
        }
        List<Named> regios = ReferenceData.get().regions().stream()
                .sorted(Comparator.comparing(Jeugdregio::naam))
                .map(r -> new Named(r.code(), r.naam()))
                .toList();
        return new HomePage(delivered, outcomeFigures, keyFigures, trends, funnels, regios, texts.all());
    }

    private static GemeentenPage gemeentenPage() {
        return new GemeentenPage(ReferenceData.get().municipalities().stream()
                .sorted(Comparator.comparing(Municipality::naam))
                .map(m -> new GemeenteLine(m.code(), m.naam(), m.provincie(), m.jeugdregioCode(), m.jeugdregioNaam()))
                .toList());
    }

    private UnitPage gemeentePage(ReportData data, Municipality m) {
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
                !comparison.signals().isEmpty(),
                NextQuestions.shareAndRatio(data, unit),
                NextQuestions.of(data, unit),
                funnels,
                !funnels.isEmpty(),
                calendar.provisional(data, latest),
                PageParts.trends(data, new PageParts.Named(unit, m.naam()), comparedLines(m, regio, klasse, sizeClass)),
                true,
                deliveries,
                !providers.isEmpty(),
                "De " + GEMEENTE_PROVIDERS + " grootste aanbieders (op AGB-code) van de jeugdhulp in jeugdregio "
                        + m.jeugdregioNaam() + ", waartoe " + m.naam() + " behoort, met hun uitkomsten in die regio; "
                        + "de pagina van de jeugdregio heeft ze allemaal. Per aanbieder zijn er cijfers per jeugdregio, "
                        + "niet per gemeente: per gemeente zijn de aantallen te klein om te tonen.",
                providers,
                PageParts.titles(SiteSelections.PROVIDER_COLUMNS),
                null,
                false,
                null);
    }

    /** The providers a gemeente page lists: the largest of its jeugdregio; the regio page has them all. */
    private static final int GEMEENTE_PROVIDERS = 10;

    /**
     * The providers of a jeugdregio with their outcomes there (niveau aanbieder_jeugdregio): the {@code limit} with the
     * most youths (as published), largest first, then by AGB code.
     */
    private static List<UnitRow> regionProviders(ReportData data, String regioCode, int limit) {
        Periode latest = data.latest();
        Periode followUp = data.latestWithFollowUp();
        List<Map.Entry<Double, UnitRow>> rows = new ArrayList<>();
        data.units(latest, Niveau.AANBIEDER_JEUGDREGIO).forEach((u, figures) -> {
            if (u.code().startsWith(regioCode + "-")) {
                String agb = u.code().substring(regioCode.length() + 1);
                Disclosure.Figure youths = data.figure(latest, u, Indicator.JEUGDIGEN_JH);
                rows.add(Map.entry(
                        youths.published() ? youths.value() : 0.0,
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

    private UnitPage regioPage(ReportData data, Jeugdregio r) {
        Periode latest = data.latest();
        Unit unit = new Unit(Niveau.JEUGDREGIO, r.code());
        Comparison comparison = comparison(data, unit, List.of(unit, Unit.NEDERLAND), List.of(r.naam(), "Nederland"));
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
                !comparison.signals().isEmpty(),
                NextQuestions.shareAndRatio(data, unit),
                NextQuestions.of(data, unit),
                List.of(),
                false,
                calendar.provisional(data, latest),
                PageParts.trends(
                        data,
                        new PageParts.Named(unit, r.naam()),
                        List.of(new PageParts.Named(Unit.NEDERLAND, "Nederland"))),
                false,
                null,
                !providerRows.isEmpty(),
                "De aanbieders (op AGB-code) van de jeugdhulp van de gemeenten in deze jeugdregio, met hun uitkomsten"
                        + " in de regio. Een aanbieder die ook elders werkt, heeft op zijn eigen pagina de landelijke cijfers.",
                providerRows,
                PageParts.titles(SiteSelections.PROVIDER_COLUMNS),
                PageParts.titles(SiteSelections.MAIN),
                true,
                members);
    }

    private IndicatorPage indicatorPage(ReportData data, Indicator indicator, boolean byValue) {
        Periode p = PageParts.periodeFor(data, indicator);
        Disclosure.Figure nl = data.figure(p, Unit.NEDERLAND, indicator);
        List<Map.Entry<Unit, Disclosure.Figure>> gemeenten = new ArrayList<>();
        data.units(p, Niveau.GEMEENTE)
                .forEach((unit, figures) -> gemeenten.add(Map.entry(unit, figures.get(indicator))));
        for (Municipality m : ReferenceData.get().municipalities()) {
            Unit unit = new Unit(Niveau.GEMEENTE, m.code());
            if (gemeenten.stream().noneMatch(e -> e.getKey().equals(unit))) {
                gemeenten.add(
                        Map.entry(unit, Disclosure.Figure.suppressed(indicator, Disclosure.REASON_NOT_DELIVERED)));
            }
        }
        Comparator<Map.Entry<Unit, Disclosure.Figure>> byName = Comparator.comparing(e -> data.name(e.getKey()));
        gemeenten.sort(
                byValue
                        ? Comparator.comparing((Map.Entry<Unit, Disclosure.Figure> e) ->
                                        e.getValue().published() ? 0 : 1)
                                .thenComparing(e ->
                                        e.getValue().published() ? -e.getValue().value() : 0)
                                .thenComparing(byName)
                        : byName);
        List<RankingRow> ranking = new ArrayList<>();
        for (Map.Entry<Unit, Disclosure.Figure> e : gemeenten) {
            Disclosure.Figure f = e.getValue();
            String noemer = f.published() && f.noemer() != null
                    ? (indicator.kind() == Indicator.Kind.RATIO ? Text.number(f.noemer(), 1) : Text.count(f.noemer()))
                    : "";
            ranking.add(new RankingRow(
                    e.getKey().code(),
                    data.name(e.getKey()),
                    PageParts.cell(f, "Waarde"),
                    noemer,
                    indicator.signalled()
                            ? PageParts.signalDeviation(data, p, e.getKey(), f, indicator)
                            : PageParts.deviation(f)));
        }
        List<Group> groups = new ArrayList<>();
        for (Jeugdregio r : ReferenceData.get().regions()) {
            groups.add(new Group(
                    "Jeugdregio " + r.naam(),
                    "../regio/" + r.code() + ".html",
                    PageParts.cell(data.figure(p, new Unit(Niveau.JEUGDREGIO, r.code()), indicator), "Waarde")));
        }
        for (SizeClass c : SizeClass.values()) {
            groups.add(new Group(
                    "Gemeenten met " + c.naam(),
                    null,
                    PageParts.cell(data.figure(p, new Unit(Niveau.GROOTTEKLASSE, c.code()), indicator), "Waarde")));
        }
        boolean funnelKind = Charts.funnelKind(indicator);
        return new IndicatorPage(
                indicator.titel(),
                texts.definition(indicator),
                texts.says(indicator),
                texts.doesNotSay(indicator),
                byValue,
                indicator.id() + ".html",
                indicator.id() + "-op-waarde.html",
                calendar.provisional(data, p),
                Text.periode(p),
                indicator.eenheid(),
                Text.value(nl),
                Text.interval(nl),
                funnelKind,
                funnelKind ? PageParts.funnelChart(data, indicator, p) : null,
                ranking,
                groups);
    }

    private MethodePage methodePage(ReportData data) {
        // woonplaatsbeginsel: only the national and regional totals (each municipality reads its own in private)
        Periode latest = data.latest();
        Indicator id = Indicator.DUBBEL_GELEVERD;
        List<RegionCell> regions = new ArrayList<>();
        for (Jeugdregio r : ReferenceData.get().regions()) {
            regions.add(new RegionCell(
                    r.code(),
                    r.naam(),
                    PageParts.cell(data.figure(latest, new Unit(Niveau.JEUGDREGIO, r.code()), id))));
        }
        return new MethodePage(
                texts.all(),
                Disclosure.REASON_SMALL_CELL,
                Text.periode(latest),
                PageParts.cell(data.figure(latest, Unit.NEDERLAND, id)),
                regions);
    }

    /** A provider's page: its national figures against Nederland, its signals, and its figures per jeugdregio. */
    private ProviderPage providerPage(ReportData data, String agb) {
        Periode latest = data.latest();
        Periode followUp = data.latestWithFollowUp();
        Unit unit = PageParts.providerUnit(agb);
        String naam = data.name(unit);
        // the pooled unit (indicators v1.3) is no provider but the providers with fewer than 10 youths, together
        boolean pooled = ProviderUnits.POOLED.equals(agb);
        List<FigureRow> rows = new ArrayList<>();
        for (Indicator indicator : Disclosure.PROVIDER_PUBLISHED) {
            Periode p = PageParts.periodeFor(data, indicator);
            rows.add(new FigureRow(
                    indicator.id(),
                    indicator.titel(),
                    indicator.eenheid(),
                    List.of(
                            PageParts.cell(data.figure(p, unit, indicator), naam),
                            PageParts.cell(data.figure(p, Unit.NEDERLAND, indicator), "Nederland")),
                    texts.says(indicator),
                    texts.doesNotSay(indicator),
                    null));
        }
        List<String> signals = PageParts.signalSentences(data, unit);
        List<UnitRow> regions = new ArrayList<>();
        for (Jeugdregio r : ReferenceData.get().regions()) {
            Unit regional = new Unit(Niveau.AANBIEDER_JEUGDREGIO, r.code() + "-" + agb);
            if (data.units(latest, Niveau.AANBIEDER_JEUGDREGIO).containsKey(regional)) {
                regions.add(new UnitRow(r.code(), r.naam(), PageParts.providerCells(data, latest, followUp, regional)));
            }
        }
        return new ProviderPage(
                naam,
                pooled ? naam : "Aanbieder " + naam,
                agb,
                pooled,
                ProviderUnits.MIN_YOUTHS,
                calendar.provisional(data, latest),
                rows,
                signals,
                !signals.isEmpty(),
                regions,
                regions.size(),
                PageParts.titles(SiteSelections.PROVIDER_COLUMNS));
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
            Periode p = PageParts.periodeFor(data, indicator);
            List<Cell> cells = new ArrayList<>();
            for (Unit u : compared) {
                cells.add(
                        u == null
                                ? PageParts.cell(
                                        Disclosure.Figure.suppressed(indicator, Disclosure.REASON_NO_SIZE_CLASS))
                                : PageParts.cell(data.figure(p, u, indicator)));
            }
            cells = PageParts.labelled(cells, columns);
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
                        signaal));
            } else {
                outputs.add(
                        new FigureRow(indicator.id(), indicator.titel(), indicator.eenheid(), cells, null, null, null));
            }
        }
        return new Comparison(outcomes, outputs, PageParts.signalSentences(data, unit));
    }

    // --- parts ------------------------------------------------------------------------------------

    private Frame frame(ReportData data, String title, String root) {
        return new Frame(
                title,
                root,
                css,
                csp,
                script,
                gemeenteKeuze,
                data.syntheticPopulation(),
                Text.periode(data.latest()),
                Text.periode(data.latestWithFollowUp()));
    }

    // --- rendering ---------------------------------------------------------------------------------

    /** A template over its page model, with the frame behind it (names the page lacks are the frame's). */
    private byte[] page(String template, Frame frame, Record model) {
        Mustache mustache = templates.compile(template + ".mustache");
        StringWriter out = new StringWriter(64 * 1024);
        mustache.execute(out, new Object[] {frame, model});
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A text resource on the class path (templates' CSS). */
    private static String resource(String name) {
        try (InputStream in = SiteBuilder.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
