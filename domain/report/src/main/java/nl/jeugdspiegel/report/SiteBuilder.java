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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.contract.TableFile;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.contract.VooruitblikTable;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.html.PagePolicy;
import nl.jeugdspiegel.core.reference.Jeugdregio;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
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
    private final List<Municipality> municipalitiesByName;
    private final List<Named> gemeenteKeuze;
    private final IndicatorTexts texts = new IndicatorTexts();
    private final DeliveryCalendar calendar;
    private final UnitPages unitPages;

    public SiteBuilder() {
        this(Clock.systemUTC());
    }

    /** With the clock that says when the site is published. */
    public SiteBuilder(Clock clock) {
        this.calendar = new DeliveryCalendar(clock);
        this.unitPages = new UnitPages(texts, calendar);
        css = resource("site/style.css").strip();
        script = resource("site/kies.js").strip();
        csp = PagePolicy.contentSecurityPolicy(css, script);
        municipalitiesByName = ReferenceData.get().municipalities().stream()
                .sorted(Comparator.comparing(Municipality::naam))
                .toList();
        gemeenteKeuze = municipalitiesByName.stream()
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
                    page("unit", frame(data, m.naam(), "../"), unitPages.gemeente(data, m)));
        }
        for (Jeugdregio r : reference.regions()) {
            site.put(
                    "regio/" + r.code() + ".html",
                    page("unit", frame(data, "Jeugdregio " + r.naam(), "../"), unitPages.regio(data, r)));
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
        site.put("downloads/aanbieders.csv", Downloads.csv(data, Downloads.PROVIDER_NIVEAUS, TableFile.Dialect.PLAIN));
        site.put("methode.html", page("methode", frame(data, "Methode", ""), methodePage(data)));
        site.put("gemeenten.html", page("gemeenten", frame(data, "Alle gemeenten", ""), gemeentenPage()));
        List<VooruitblikTable.Forecast> forecasts = data.forecasts().rows();
        site.put(
                "downloads.html",
                page("downloads", frame(data, "Downloads", ""), new DownloadsPage(!forecasts.isEmpty())));
        site.put("downloads/cijfers.csv", Downloads.csv(data, Downloads.MUNICIPAL_NIVEAUS, TableFile.Dialect.PLAIN));
        site.put(
                "downloads/cijfers-excel.csv",
                Downloads.csv(data, Downloads.MUNICIPAL_NIVEAUS, TableFile.Dialect.DUTCH_EXCEL));
        site.put(
                "downloads/aanbieders-excel.csv",
                Downloads.csv(data, Downloads.PROVIDER_NIVEAUS, TableFile.Dialect.DUTCH_EXCEL));
        site.put("downloads/codeboek.csv", Codebook.csv(texts, TableFile.Dialect.PLAIN));
        site.put("downloads/codeboek-excel.csv", Codebook.csv(texts, TableFile.Dialect.DUTCH_EXCEL));
        site.put("downloads/cijfers.json", Downloads.json(data));
        if (!forecasts.isEmpty()) {
            site.put(
                    "downloads/vooruitblik.csv",
                    Downloads.table(VooruitblikTable.FORECASTS, forecasts, TableFile.Dialect.PLAIN));
            site.put(
                    "downloads/vooruitblik-excel.csv",
                    Downloads.table(VooruitblikTable.FORECASTS, forecasts, TableFile.Dialect.DUTCH_EXCEL));
            site.put(
                    "downloads/backtest.csv",
                    Downloads.table(VooruitblikTable.BACKTEST, data.forecasts().backtest(), TableFile.Dialect.PLAIN));
        }
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
            outcomeFigures.add(keyFigure(data, indicator));
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
            keyFigures.add(keyFigure(data, indicator));
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

    /** An indicator's national figure for the home page, for the half-year it is shown for. */
    private static KeyFigure keyFigure(ReportData data, Indicator indicator) {
        return new KeyFigure(
                indicator.id(),
                indicator.titel(),
                PageParts.cell(
                        data.figure(PageParts.periodeFor(data, indicator), Unit.NEDERLAND, indicator), "Nederland"));
    }

    private GemeentenPage gemeentenPage() {
        return new GemeentenPage(municipalitiesByName.stream()
                .map(m -> new GemeenteLine(m.code(), m.naam(), m.provincie(), m.jeugdregioCode(), m.jeugdregioNaam()))
                .toList());
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
                regions,
                signalCounts(data, latest),
                VooruitblikPages.backtestLines(data.forecasts()));
    }

    /** How many signals the latest half-year has per soort, and how many of them chance would explain at most. */
    private static String signalCounts(ReportData data, Periode latest) {
        java.util.Map<SignalRows.Soort, Integer> counts = new java.util.EnumMap<>(SignalRows.Soort.class);
        for (SignalRows.Signal s : data.allSignals(latest)) {
            counts.merge(s.soort(), 1, Integer::sum);
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "In " + Text.periode(latest) + " zijn er geen signalen.";
        }
        List<String> parts = new ArrayList<>();
        for (SignalRows.Soort soort : SignalRows.Soort.values()) {
            int n = counts.getOrDefault(soort, 0);
            String plural = soort == SignalRows.Soort.TREND ? "trends" : soort.code() + "en";
            parts.add(n + " " + (n == 1 ? soort.code() : plural));
        }
        return "In " + Text.periode(latest) + " zijn er " + total + " signalen (" + String.join(", ", parts)
                + "), in de tabellen en op de pagina's waar het cijfer getoond mag worden; naar verwachting zijn daarvan"
                + " hoogstens " + (int) Math.ceil(total * SignalRows.Q) + " toeval.";
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
            if (Indicator.INSTROOM.contains(indicator)) {
                continue; // the 12-month states in their own section
            }
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
                    null,
                    PageParts.estimateText(data, p, unit, indicator)));
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
                regions,
                regions.size(),
                PageParts.titles(SiteSelections.PROVIDER_COLUMNS),
                CohortPages.twelveMonths(data, new PageParts.Named(unit, naam)));
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
