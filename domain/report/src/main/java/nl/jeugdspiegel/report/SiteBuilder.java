package nl.jeugdspiegel.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.SignalRows;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.html.PagePolicy;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.core.reference.Jeugdregio;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.report.ReportData.Unit;

/**
 * Renders the whole static site from published figures: home, one page per gemeente, jeugdregio and
 * indicator, the methodology and downloads. Pages come from Mustache templates (HTML-escaped by
 * default); charts are inline SVG; no scripts, fonts or requests outside the site, so it works from a
 * file:// path. Each page carries a Content-Security-Policy that allows only its own inline style.
 */
public final class SiteBuilder {

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
    /** A delivery is on time when it arrives within this many days after the half-year. */
    static final int ON_TIME_DAYS = 92;

    private final MustacheFactory templates = new DefaultMustacheFactory("site/templates");
    private final String css;
    private final String csp;
    private final Properties definitions = new Properties();
    /** When the site is published: the latest half-year is provisional until its delivery deadline has passed. */
    private final java.time.Clock clock;

    public SiteBuilder() {
        this(java.time.Clock.systemUTC());
    }

    /** With the clock that says when the site is published. */
    public SiteBuilder(java.time.Clock clock) {
        this.clock = clock;
        css = resource("site/style.css").strip();
        csp = PagePolicy.contentSecurityPolicy(css);
        try (InputStream in = SiteBuilder.class.getClassLoader().getResourceAsStream("site/definities.properties")) {
            definitions.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the site by its relative path. */
    public Map<String, byte[]> build(ReportData data) {
        Map<String, byte[]> site = new LinkedHashMap<>();
        ReferenceData reference = ReferenceData.get();
        for (Municipality m : reference.municipalities()) {
            site.put("gemeente/" + m.code() + ".html", page("unit", gemeentePage(data, m)));
        }
        for (Jeugdregio r : reference.regions()) {
            site.put("regio/" + r.code() + ".html", page("unit", regioPage(data, r)));
        }
        for (Indicator indicator : Indicator.ALL) {
            site.put("indicator/" + indicator.id() + ".html", page("indicator", indicatorPage(data, indicator, false)));
            site.put(
                    "indicator/" + indicator.id() + "-op-waarde.html",
                    page("indicator", indicatorPage(data, indicator, true)));
        }
        List<String> providers = providers(data);
        for (String agb : providers) {
            site.put("aanbieder/" + agb + ".html", page("aanbieder", providerPage(data, agb)));
        }
        Map<String, Object> index = base(data, "Aanbieders", "");
        index.put("minYouths", ProviderUnits.MIN_YOUTHS);
        index.put(
                "providers",
                providers.stream()
                        .map(a -> Map.of("code", a, "naam", data.name(providerUnit(a))))
                        .toList());
        site.put("aanbieders.html", page("aanbieders", index));
        site.put("downloads/aanbieders.csv", csv(data, PROVIDER_NIVEAUS));
        site.put("methode.html", page("methode", methodePage(data)));
        site.put("downloads.html", page("downloads", base(data, "Downloads", "")));
        site.put("downloads/cijfers.csv", csv(data, MUNICIPAL_NIVEAUS));
        site.put("downloads/cijfers.json", json(data));
        site.put("index.html", page("index", homePage(data)));
        return site;
    }

    // --- pages ------------------------------------------------------------------------------------

    private Map<String, Object> homePage(ReportData data) {
        Map<String, Object> model = base(data, "Jeugdhulp in Nederland", "");
        Periode latest = data.latest();
        long delivered = ReferenceData.get().municipalities().stream()
                .filter(m -> data.delivered(latest, m.code()))
                .count();
        model.put("deliveredCount", delivered);
        List<Map<String, Object>> keyFigures = new ArrayList<>();
        for (Indicator indicator : MAIN) {
            keyFigures.add(Map.of(
                    "id",
                    indicator.id(),
                    "titel",
                    indicator.titel(),
                    "nl",
                    cell(data.figure(periodeFor(data, indicator), Unit.NEDERLAND, indicator))));
        }
        keyFigures.add(
                0,
                Map.of(
                        "id",
                        Indicator.JEUGDIGEN_JH.id(),
                        "titel",
                        Indicator.JEUGDIGEN_JH.titel(),
                        "nl",
                        cell(data.figure(latest, Unit.NEDERLAND, Indicator.JEUGDIGEN_JH))));
        model.put("keyFigures", keyFigures);
        List<Map<String, Object>> trends = new ArrayList<>();
        for (Indicator indicator : MAIN) {
            trends.add(trend(data, indicator, Unit.NEDERLAND, null, "Nederland"));
        }
        model.put("trends", trends);
        List<Map<String, Object>> funnels = new ArrayList<>();
        for (Indicator indicator : HOME_FUNNELS) {
            Periode p = periodeFor(data, indicator);
            Map<String, Object> chart = funnelChart(data, indicator, p);
            if (chart != null) {
                chart.put("tableHref", "indicator/" + indicator.id() + ".html");
                funnels.add(Map.of("titel", indicator.titel(), "periodeText", Text.periode(p), "chart", chart));
            }
        }
        model.put("funnels", funnels);
        List<Map<String, Object>> gemeenten = new ArrayList<>();
        ReferenceData.get().municipalities().stream()
                .sorted(Comparator.comparing(Municipality::naam))
                .forEach(m -> gemeenten.add(Map.of("code", m.code(), "naam", m.naam())));
        model.put("gemeenten", gemeenten);
        List<Map<String, Object>> regios = new ArrayList<>();
        ReferenceData.get().regions().stream()
                .sorted(Comparator.comparing(Jeugdregio::naam))
                .forEach(r -> regios.add(Map.of("code", r.code(), "naam", r.naam())));
        model.put("regios", regios);
        model.put("indicators", indicatorList());
        return model;
    }

    private Map<String, Object> gemeentePage(ReportData data, Municipality m) {
        Periode latest = data.latest();
        Unit unit = new Unit(Niveau.GEMEENTE, m.code());
        Unit regio = new Unit(Niveau.JEUGDREGIO, m.jeugdregioCode());
        String sizeClass = data.sizeClass(latest, m.code());
        Unit klasse = sizeClass == null ? null : new Unit(Niveau.GROOTTEKLASSE, sizeClass);
        Map<String, Object> model = base(data, m.naam(), "../");
        model.put("kind", "Gemeente");
        model.put("naam", m.naam());
        model.put(
                "intro",
                "Gemeente " + m.naam() + " (" + m.code() + "), provincie " + m.provincie()
                        + ", vergeleken met de jeugdregio, gemeenten van dezelfde grootte en Nederland.");
        model.put("regioHref", "../regio/" + m.jeugdregioCode() + ".html");
        model.put("regioNaam", m.jeugdregioNaam());
        model.put("sizeClassText", sizeClass == null ? null : sizeClassName(sizeClass));
        model.put("columns", List.of(m.naam(), "Jeugdregio", "Grootteklasse", "Nederland"));
        List<Unit> compared = new ArrayList<>(List.of(unit, regio));
        compared.add(klasse);
        compared.add(Unit.NEDERLAND);
        comparison(data, model, unit, compared);
        List<Map<String, Object>> trends = new ArrayList<>();
        for (Indicator indicator : MAIN) {
            trends.add(trend(data, indicator, unit, Unit.NEDERLAND, m.naam()));
        }
        model.put("trends", trends);
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (Periode p : data.periods()) {
            boolean delivered = data.delivered(p, m.code());
            Instant at = data.deliveredAt(p, m.code());
            Instant deadline = deadline(p).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            deliveries.add(Map.of(
                    "periode",
                    Text.periode(p),
                    "geleverd",
                    delivered ? "ja" : "nee",
                    "datum",
                    delivered ? Text.date(at) : "–",
                    "opTijd",
                    !delivered ? "–" : at == null ? "onbekend" : at.isBefore(deadline) ? "ja" : "nee, te laat"));
        }
        model.put("hasDeliveries", true);
        model.put("deliveries", deliveries);
        return model;
    }

    private Map<String, Object> regioPage(ReportData data, Jeugdregio r) {
        Periode latest = data.latest();
        Unit unit = new Unit(Niveau.JEUGDREGIO, r.code());
        Map<String, Object> model = base(data, "Jeugdregio " + r.naam(), "../");
        model.put("kind", "Jeugdregio");
        model.put("naam", "Jeugdregio " + r.naam());
        model.put(
                "intro",
                "Jeugdregio " + r.naam() + " (" + r.code() + ") met "
                        + r.gemeenten().size()
                        + " gemeenten. De cijfers zijn berekend uit de trajecten van de gemeenten die aanleverden.");
        model.put("columns", List.of(r.naam(), "Nederland"));
        comparison(data, model, unit, List.of(unit, Unit.NEDERLAND));
        List<Map<String, Object>> providerRows = new ArrayList<>();
        Periode followUp = data.latestWithFollowUp();
        data.units(latest, Niveau.AANBIEDER_JEUGDREGIO).forEach((u, figures) -> {
            if (u.code().startsWith(r.code() + "-")) {
                String agb = u.code().substring(r.code().length() + 1);
                providerRows.add(Map.of(
                        "code",
                        agb,
                        "naam",
                        data.name(providerUnit(agb)),
                        "cells",
                        providerCells(data, latest, followUp, u)));
            }
        });
        model.put("hasProviders", !providerRows.isEmpty());
        model.put("providers", providerRows);
        model.put(
                "providerColumns",
                PROVIDER_COLUMNS.stream().map(Indicator::titel).toList());
        List<Map<String, Object>> trends = new ArrayList<>();
        for (Indicator indicator : MAIN) {
            trends.add(trend(data, indicator, unit, Unit.NEDERLAND, r.naam()));
        }
        model.put("trends", trends);
        List<String> memberColumns = new ArrayList<>();
        for (Indicator indicator : MAIN) {
            memberColumns.add(indicator.titel());
        }
        model.put("memberColumns", memberColumns);
        List<Map<String, Object>> members = new ArrayList<>();
        for (Municipality m : r.gemeenten()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Indicator indicator : MAIN) {
                cells.add(
                        cell(data.figure(periodeFor(data, indicator), new Unit(Niveau.GEMEENTE, m.code()), indicator)));
            }
            members.add(Map.of("code", m.code(), "naam", m.naam(), "cells", cells));
        }
        model.put("hasMembers", true);
        model.put("members", members);
        model.put("latestText", Text.periode(latest));
        return model;
    }

    private Map<String, Object> indicatorPage(ReportData data, Indicator indicator, boolean byValue) {
        Periode p = periodeFor(data, indicator);
        Map<String, Object> model = base(data, indicator.titel(), "../");
        model.put("titel", indicator.titel());
        model.put("definitie", definition(indicator));
        model.put("zegt", says(indicator, "zegt"));
        model.put("zegtNiet", says(indicator, "zegtniet"));
        model.put("byValue", byValue);
        model.put("byNameHref", indicator.id() + ".html");
        model.put("byValueHref", indicator.id() + "-op-waarde.html");
        model.put("voorlopig", provisional(data, p));
        model.put("periodeText", Text.periode(p));
        model.put("unit", indicator.eenheid());
        Disclosure.Figure nl = data.figure(p, Unit.NEDERLAND, indicator);
        model.put("nlValue", Text.value(nl));
        model.put("nlInterval", Text.interval(nl));
        boolean funnelKind = Charts.funnelKind(indicator);
        model.put("funnelKind", funnelKind);
        model.put("chart", funnelKind ? funnelChart(data, indicator, p) : null);
        List<Map.Entry<Unit, Disclosure.Figure>> gemeenten = new ArrayList<>();
        data.units(p, Niveau.GEMEENTE)
                .forEach((unit, figures) -> gemeenten.add(Map.entry(unit, figures.get(indicator))));
        for (Municipality m : ReferenceData.get().municipalities()) {
            Unit unit = new Unit(Niveau.GEMEENTE, m.code());
            if (gemeenten.stream().noneMatch(e -> e.getKey().equals(unit))) {
                gemeenten.add(
                        Map.entry(unit, Disclosure.Figure.suppressed(indicator, Disclosure.REASON_NOT_AVAILABLE)));
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
        boolean signalled = indicator.signalled();
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (Map.Entry<Unit, Disclosure.Figure> e : gemeenten) {
            Disclosure.Figure f = e.getValue();
            Map<String, Object> row = new HashMap<>();
            row.put("code", e.getKey().code());
            row.put("naam", data.name(e.getKey()));
            row.put("figure", cell(f));
            row.put(
                    "noemer",
                    f.published() && f.noemer() != null
                            ? (indicator.kind() == Indicator.Kind.RATIO
                                    ? Text.number(f.noemer(), 1)
                                    : Text.count(f.noemer()))
                            : "");
            row.put("afwijking", signalled ? signalDeviation(data, p, e.getKey(), f, indicator) : deviation(f));
            ranking.add(row);
        }
        model.put("ranking", ranking);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Jeugdregio r : ReferenceData.get().regions()) {
            groups.add(Map.of(
                    "naam",
                    "Jeugdregio " + r.naam(),
                    "href",
                    "../regio/" + r.code() + ".html",
                    "figure",
                    cell(data.figure(p, new Unit(Niveau.JEUGDREGIO, r.code()), indicator))));
        }
        for (SizeClass c : SizeClass.values()) {
            Map<String, Object> group = new HashMap<>();
            group.put("naam", "Gemeenten met " + c.naam());
            group.put("figure", cell(data.figure(p, new Unit(Niveau.GROOTTEKLASSE, c.code()), indicator)));
            groups.add(group);
        }
        model.put("groups", groups);
        return model;
    }

    private Map<String, Object> methodePage(ReportData data) {
        Map<String, Object> model = base(data, "Methode", "");
        model.put("indicators", indicatorList());
        model.put("smallCellReason", Disclosure.REASON_SMALL_CELL);
        // woonplaatsbeginsel: only the national and regional totals (each municipality reads its own in private)
        Periode latest = data.latest();
        Indicator id = Indicator.DUBBEL_GELEVERD;
        model.put("overlapPeriode", Text.periode(latest));
        model.put("overlapNl", cell(data.figure(latest, Unit.NEDERLAND, id)));
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Jeugdregio r : ReferenceData.get().regions()) {
            regions.add(Map.of(
                    "code", r.code(),
                    "naam", r.naam(),
                    "cell", cell(data.figure(latest, new Unit(Niveau.JEUGDREGIO, r.code()), id))));
        }
        model.put("overlapRegions", regions);
        return model;
    }

    /** A provider's page: its national figures against Nederland, its signals, and its figures per jeugdregio. */
    private Map<String, Object> providerPage(ReportData data, String agb) {
        Periode latest = data.latest();
        Periode followUp = data.latestWithFollowUp();
        Unit unit = providerUnit(agb);
        String naam = data.name(unit);
        // the pooled unit (indicators v1.3) is no provider but the providers with fewer than 10 youths, together
        boolean pooled = ProviderUnits.POOLED.equals(agb);
        String kop = pooled ? naam : "Aanbieder " + naam;
        Map<String, Object> model = base(data, kop, "../");
        model.put("naam", naam);
        model.put("kop", kop);
        model.put("agb", agb);
        model.put("pooled", pooled);
        model.put("minYouths", ProviderUnits.MIN_YOUTHS);
        model.put("voorlopig", provisional(data, latest));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Indicator indicator : Disclosure.PROVIDER_PUBLISHED) {
            Periode p = periodeFor(data, indicator);
            Map<String, Object> row = new HashMap<>();
            row.put("id", indicator.id());
            row.put("titel", indicator.titel());
            row.put("unit", indicator.eenheid());
            row.put("zegt", says(indicator, "zegt"));
            row.put("zegtNiet", says(indicator, "zegtniet"));
            row.put(
                    "cells",
                    List.of(cell(data.figure(p, unit, indicator)), cell(data.figure(p, Unit.NEDERLAND, indicator))));
            rows.add(row);
        }
        model.put("rows", rows);
        List<String> signals = signalSentences(data, unit);
        model.put("signals", signals);
        model.put("hasSignals", !signals.isEmpty());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Jeugdregio r : ReferenceData.get().regions()) {
            Unit regional = new Unit(Niveau.AANBIEDER_JEUGDREGIO, r.code() + "-" + agb);
            if (data.units(latest, Niveau.AANBIEDER_JEUGDREGIO).containsKey(regional)) {
                regions.add(Map.of(
                        "code", r.code(), "naam", r.naam(), "cells", providerCells(data, latest, followUp, regional)));
            }
        }
        model.put("regions", regions);
        model.put("regionCount", regions.size());
        model.put(
                "providerColumns",
                PROVIDER_COLUMNS.stream().map(Indicator::titel).toList());
        return model;
    }

    /** The providers with a unit in the latest half-year, or in the latest one with follow-up, by AGB code. */
    private static List<String> providers(ReportData data) {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (Periode p : List.of(data.latest(), data.latestWithFollowUp())) {
            data.units(p, Niveau.AANBIEDER).keySet().forEach(u -> codes.add(u.code()));
        }
        return new ArrayList<>(codes);
    }

    private static Unit providerUnit(String agb) {
        return new Unit(Niveau.AANBIEDER, agb);
    }

    /** A provider unit's cells of {@link #PROVIDER_COLUMNS} (follow-up indicators of the latest half-year with it). */
    private static List<Map<String, Object>> providerCells(
            ReportData data, Periode latest, Periode followUp, Unit unit) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Indicator indicator : PROVIDER_COLUMNS) {
            cells.add(cell(data.figure(indicator.followUp() ? followUp : latest, unit, indicator)));
        }
        return cells;
    }

    /**
     * The comparison of a gemeente or jeugdregio: first the outcomes ("Hoe gaat het met de jeugdigen na de hulp?") with
     * what they say and do not say and the unit's signals, then the output figures. {@code compared}: the unit and the
     * units it is compared with (null: no such unit, e.g. no size class).
     */
    private void comparison(ReportData data, Map<String, Object> model, Unit unit, List<Unit> compared) {
        List<Map<String, Object>> outcomes = new ArrayList<>();
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (Indicator indicator : Indicator.ALL) {
            Periode p = periodeFor(data, indicator);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Unit u : compared) {
                cells.add(
                        u == null
                                ? cell(Disclosure.Figure.suppressed(indicator, Disclosure.REASON_NOT_AVAILABLE))
                                : cell(data.figure(p, u, indicator)));
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", indicator.id());
            row.put("titel", indicator.titel());
            row.put("unit", indicator.eenheid());
            row.put("cells", cells);
            if (OUTCOMES.contains(indicator)) {
                row.put("zegt", says(indicator, "zegt"));
                row.put("zegtNiet", says(indicator, "zegtniet"));
                row.put(
                        "signaal",
                        String.join(
                                "; ",
                                data.signals(p, unit).stream()
                                        .filter(s -> s.indicator().equals(indicator))
                                        .map(SiteBuilder::signalText)
                                        .toList()));
                outcomes.add(row);
            } else {
                outputs.add(row);
            }
        }
        model.put("outcomes", outcomes);
        model.put("rows", outputs);
        List<String> signals = signalSentences(data, unit);
        model.put("signals", signals);
        model.put("hasSignals", !signals.isEmpty());
        model.put("voorlopig", provisional(data, data.latest()));
    }

    /** The unit's signals in plain Dutch, each for the half-year its indicator is shown for. */
    private static List<String> signalSentences(ReportData data, Unit unit) {
        List<String> out = new ArrayList<>();
        for (Indicator indicator : Indicator.SIGNALLED) {
            Periode p = periodeFor(data, indicator);
            for (SignalRows.Signal s : data.signals(p, unit)) {
                if (s.indicator().equals(indicator)) {
                    out.add(indicator.titel() + " (" + Text.periode(p) + "): " + signalText(s) + ".");
                }
            }
        }
        return out;
    }

    /** A signal in plain Dutch: "significant lager dan verwacht (slechter)", "verbeterd sinds vorig jaar". */
    static String signalText(SignalRows.Signal s) {
        if (s.afwijking()) {
            return (s.signaal().equals(SignalRows.AFWIJKING_BOVEN) ? "significant hoger" : "significant lager")
                    + " dan verwacht (" + s.richting() + ")";
        }
        return (s.richting().equals(SignalRows.BETER) ? "verbeterd" : "verslechterd") + " sinds vorig jaar ("
                + (s.signaal().equals(SignalRows.GESTEGEN) ? "gestegen" : "gedaald") + ")";
    }

    /** The deviation of a signalled indicator: from the signals, whose limits are corrected for over-dispersion. */
    private static String signalDeviation(
            ReportData data, Periode p, Unit unit, Disclosure.Figure f, Indicator indicator) {
        if (!f.published()) {
            return "";
        }
        return data.signals(p, unit).stream()
                .filter(s -> s.indicator().equals(indicator) && s.afwijking())
                .map(SiteBuilder::signalText)
                .findFirst()
                .orElse("niet afwijkend");
    }

    /**
     * Is this half-year still provisional? Only the latest can be: while a municipality has not delivered for it, or
     * its deadline (three months after the half-year) has not passed, late deliveries can still change its figures.
     */
    private boolean provisional(ReportData data, Periode p) {
        if (!p.equals(data.latest())) {
            return false;
        }
        boolean allDelivered = ReferenceData.get().municipalities().stream().allMatch(m -> data.delivered(p, m.code()));
        return !allDelivered || LocalDate.now(clock).isBefore(deadline(p).plusDays(1));
    }

    /** The one line of what an indicator says ({@code zegt}) or does not say ({@code zegtniet}). */
    private String says(Indicator indicator, String kind) {
        String id = indicator.id();
        int dot = id.indexOf('.');
        return definitions.getProperty(kind + "." + (dot > 0 ? id.substring(0, dot) : id), "");
    }

    // --- parts ------------------------------------------------------------------------------------

    private Map<String, Object> base(ReportData data, String title, String root) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("root", root);
        model.put("css", css);
        model.put("csp", csp);
        model.put("synthetic", data.syntheticPopulation());
        model.put("latestText", Text.periode(data.latest()));
        model.put("followUpText", Text.periode(data.latestWithFollowUp()));
        return model;
    }

    private List<Map<String, Object>> indicatorList() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Indicator indicator : Indicator.ALL) {
            list.add(Map.of("id", indicator.id(), "titel", indicator.titel(), "definitie", definition(indicator)));
        }
        return list;
    }

    private String definition(Indicator indicator) {
        String id = indicator.id();
        if (id.startsWith("verwijzer.")) {
            return definitions.getProperty("verwijzer") + " "
                    + indicator.titel().replaceFirst(".*verwezen door ", "") + ".";
        }
        int dot = id.indexOf('.');
        if (dot > 0) {
            return definitions.getProperty(id.substring(0, dot)) + " Soort: "
                    + id.substring(dot + 1).replace('_', ' ') + ".";
        }
        return definitions.getProperty(id, indicator.titel());
    }

    /** The follow-up indicators are shown for the latest periode whose follow-up is complete. */
    private static Periode periodeFor(ReportData data, Indicator indicator) {
        return indicator.followUp() ? data.latestWithFollowUp() : data.latest();
    }

    private static Map<String, Object> cell(Disclosure.Figure f) {
        Map<String, Object> cell = new HashMap<>();
        cell.put("value", Text.value(f));
        cell.put("interval", Text.interval(f));
        cell.put("reason", f.published() ? null : f.reason());
        return cell;
    }

    static String deviation(Disclosure.Figure f) {
        if (!f.published() || f.funnel95Low() == null) {
            return "";
        }
        double v = f.value();
        if (f.funnel998Low() != null && (v < f.funnel998Low() || v > f.funnel998High())) {
            return v > f.funnel998High() ? "hoger dan landelijk (99,8%)" : "lager dan landelijk (99,8%)";
        }
        if (v < f.funnel95Low() || v > f.funnel95High()) {
            return v > f.funnel95High() ? "hoger dan landelijk (95%)" : "lager dan landelijk (95%)";
        }
        return "niet afwijkend";
    }

    private Map<String, Object> funnelChart(ReportData data, Indicator indicator, Periode p) {
        Disclosure.Figure national = data.figure(p, Unit.NEDERLAND, indicator);
        if (!national.published()) {
            return null;
        }
        List<Charts.FunnelPoint> points = new ArrayList<>();
        data.units(p, Niveau.GEMEENTE).forEach((unit, figures) -> {
            Disclosure.Figure f = figures.get(indicator);
            if (f != null && f.published() && f.noemer() != null) {
                points.add(new Charts.FunnelPoint(data.name(unit), f.noemer(), f.value(), Text.value(f)));
            }
        });
        String title = "Trechterdiagram " + indicator.titel().toLowerCase(Locale.ROOT) + ", " + Text.periode(p) + " ("
                + points.size() + " gemeenten met een getoonde waarde)";
        SignalRows.Dispersion dispersion = data.dispersion(p, Niveau.GEMEENTE, indicator);
        return Charts.funnel(
                indicator,
                indicator.kind() == Indicator.Kind.RATIO ? 1.0 : national.value(),
                points,
                title,
                dispersion == null ? 0 : dispersion.tau2());
    }

    private Map<String, Object> trend(ReportData data, Indicator indicator, Unit unit, Unit compare, String name) {
        List<Periode> periods = data.periods();
        List<Double> values = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        List<Double> nl = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Periode p : periods) {
            Disclosure.Figure f = data.figure(p, unit, indicator);
            values.add(f.value());
            lows.add(f.low());
            highs.add(f.high());
            Disclosure.Figure other = compare == null ? null : data.figure(p, compare, indicator);
            nl.add(other == null ? null : other.value());
            Map<String, Object> row = new HashMap<>();
            row.put("periode", Text.periode(p));
            row.put("main", cell(f));
            row.put("nl", other == null ? null : cell(other));
            rows.add(row);
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(name, true, values, lows, highs));
        if (compare != null) {
            series.add(new Charts.Series("Nederland", false, nl, nl, nl));
        }
        Map<String, Object> chart = Charts.trend(
                indicator,
                periods,
                series,
                indicator.titel() + ", " + name + ", " + Text.periode(periods.get(0)) + " tot en met "
                        + Text.periode(periods.get(periods.size() - 1)));
        if (chart != null) {
            chart.put("mainName", name);
            chart.put("otherName", compare == null ? null : "Nederland");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("titel", indicator.titel());
        model.put("chart", chart);
        model.put("rows", rows);
        return model;
    }

    private static String sizeClassName(String code) {
        for (SizeClass c : SizeClass.values()) {
            if (c.code().equals(code)) {
                return "gemeenten met " + c.naam();
            }
        }
        return code;
    }

    // --- downloads ---------------------------------------------------------------------------------

    private record Published(Periode periode, Unit unit, String naam, Disclosure.Figure figure) {}

    static final List<Niveau> MUNICIPAL_NIVEAUS =
            List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND);
    static final List<Niveau> PROVIDER_NIVEAUS = List.of(Niveau.AANBIEDER, Niveau.AANBIEDER_JEUGDREGIO);

    private static List<Published> allPublished(ReportData data, List<Niveau> niveaus) {
        List<Published> all = new ArrayList<>();
        for (Periode p : data.periods()) {
            for (Niveau niveau : niveaus) {
                data.units(p, niveau).forEach((unit, figures) -> figures.values()
                        .forEach(f -> all.add(new Published(p, unit, data.name(unit), f))));
            }
        }
        return all;
    }

    private static byte[] csv(ReportData data, List<Niveau> niveaus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer)) {
            csv.writeRecord(
                    "periode",
                    "niveau",
                    "code",
                    "naam",
                    "indicator",
                    "waarde",
                    "ci_laag",
                    "ci_hoog",
                    "teller",
                    "noemer",
                    "funnel_95_laag",
                    "funnel_95_hoog",
                    "funnel_998_laag",
                    "funnel_998_hoog",
                    "reden");
            for (Published p : allPublished(data, niveaus)) {
                Disclosure.Figure f = p.figure();
                csv.writeRecord(
                        p.periode().toString(),
                        p.unit().niveau().code(),
                        p.unit().code(),
                        p.naam(),
                        f.indicator().id(),
                        plain(f.value()),
                        plain(f.low()),
                        plain(f.high()),
                        plain(f.teller()),
                        plain(f.noemer()),
                        plain(f.funnel95Low()),
                        plain(f.funnel95High()),
                        plain(f.funnel998Low()),
                        plain(f.funnel998High()),
                        f.reason() == null ? "" : f.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] json(ReportData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
            out.writeStartArray();
            for (Published p : allPublished(data, MUNICIPAL_NIVEAUS)) {
                Disclosure.Figure f = p.figure();
                out.writeStartObject();
                out.writeStringField("periode", p.periode().toString());
                out.writeStringField("niveau", p.unit().niveau().code());
                out.writeStringField("code", p.unit().code());
                out.writeStringField("naam", p.naam());
                out.writeStringField("indicator", f.indicator().id());
                number(out, "waarde", f.value());
                number(out, "ci_laag", f.low());
                number(out, "ci_hoog", f.high());
                number(out, "teller", f.teller());
                number(out, "noemer", f.noemer());
                number(out, "funnel_95_laag", f.funnel95Low());
                number(out, "funnel_95_hoog", f.funnel95High());
                number(out, "funnel_998_laag", f.funnel998Low());
                number(out, "funnel_998_hoog", f.funnel998High());
                if (f.reason() != null) {
                    out.writeStringField("reden", f.reason());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Absent values are left out of the object (the file is large enough). */
    private static void number(JsonGenerator out, String name, Double value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value);
        }
    }

    private static String plain(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value)
                ? Long.toString(value.longValue())
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // --- rendering ---------------------------------------------------------------------------------

    private byte[] page(String template, Map<String, Object> model) {
        Mustache mustache = templates.compile(template + ".mustache");
        StringWriter out = new StringWriter(64 * 1024);
        mustache.execute(out, model);
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

    /** The day after which a delivery for the periode is late. */
    private static LocalDate deadline(Periode p) {
        return p.lastDay().plusDays(ON_TIME_DAYS);
    }
}
