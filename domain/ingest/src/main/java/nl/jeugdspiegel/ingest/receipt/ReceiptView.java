package nl.jeugdspiegel.ingest.receipt;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A receipt as a person reads it, in plain Dutch: a title, the verdict and its sections (facts, tables, points). The
 * HTML page ({@link ReceiptPage}) and the terminal text ({@link ReceiptText}) both render this view, so they say the
 * same; both come from the {@link Receipt} that is also the JSON. Holds nothing the receipt does not.
 */
public record ReceiptView(
        String titel, boolean geaccepteerd, String oordeel, String melding, List<Section> secties, String voet) {

    /** A fact: label and value. */
    public record Fact(String label, String waarde) {}

    /** A table row: its heading cell and the other cells. */
    public record Row(String kop, List<String> cellen) {}

    public record Table(String bijschrift, List<String> koppen, List<Row> rijen) {}

    public record Section(
            String id, String kop, List<Fact> feiten, List<Table> tabellen, List<String> punten, String toelichting) {}

    static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss", NL).withZone(ZoneId.of("Europe/Amsterdam"));
    /** Lines listed per reason, as the receipt holds up to 100. */
    private static final int LINES_SHOWN = 20;

    public static ReceiptView of(Receipt r) {
        boolean accepted = Receipt.GEACCEPTEERD.equals(r.status());
        long rejectedRows = r.aantallen() == null ? 0 : r.aantallen().rijenAfgewezen();
        String oordeel = !accepted
                ? "Afgewezen"
                : (Boolean.FALSE.equals(r.toegepast()) ? "Goedgekeurd, niet toegepast" : "Geaccepteerd")
                        + (rejectedRows == 0
                                ? ""
                                : ", " + count(rejectedRows) + (rejectedRows == 1 ? " regel" : " regels")
                                        + " afgewezen");
        String wie = r.gemeentenaam() != null
                ? r.gemeentenaam() + " (" + r.gemeente() + ")"
                : r.gemeente() != null ? r.gemeente() : "onbekende gemeente";
        String titel = "Ontvangstbewijs " + wie + (r.periode() == null ? "" : ", " + r.periode());
        List<Section> sections = new ArrayList<>();
        if (r.afwijzing() != null) {
            sections.add(rejection(r.afwijzing()));
        }
        sections.add(counts(r));
        if (r.fouten() != null && !r.fouten().isEmpty()) {
            sections.add(errors(r.fouten()));
        }
        List<String> warnings = new ArrayList<>(r.waarschuwingen() == null ? List.of() : r.waarschuwingen());
        if (r.dubbeleSleutels() != null) {
            warnings.add(count(r.dubbeleSleutels().aantal()) + " "
                    + r.dubbeleSleutels().uitleg() + " (regels "
                    + lines(r.dubbeleSleutels().regels(), 0) + ")");
        }
        if (!warnings.isEmpty()) {
            sections.add(new Section("waarschuwingen", "Waarschuwingen", List.of(), List.of(), warnings, null));
        }
        if (r.berichten() != null) {
            sections.add(messages(r.berichten()));
        }
        if (r.vergelijkingVorige() != null) {
            sections.add(comparison(r.vergelijkingVorige()));
        } else if (r.kenmerken() != null) {
            sections.add(new Section(
                    "vergelijking",
                    "Vergeleken met de vorige levering",
                    List.of(),
                    List.of(),
                    List.of(),
                    "Er is geen eerdere geaccepteerde levering van deze gemeente voor dit of het vorige halfjaar om mee te "
                            + "vergelijken."));
        }
        if (r.publicatie() != null) {
            sections.add(publication(r.publicatie()));
        }
        sections.add(source(r));
        String voet = "Contractversie " + r.contractversie() + ". Verwerkt op " + time(r.verwerktOp()) + " in "
                + count(r.verwerkingstijdMs()) + " ms. Dit bewijs bevat geen BSN of andere waarde uit het bestand: "
                + "alleen regelnummers, kolomnamen en aantallen. De machineleesbare versie staat ernaast (.json). Bij elke "
                + "reden hierboven staat wat u kunt doen; met vragen kunt u bij de beheerder van de Jeugdspiegel terecht "
                + "(noem de SHA-256 van het bestand).";
        return new ReceiptView(titel, accepted, oordeel, r.melding(), sections, voet);
    }

    private static Section rejection(Receipt.Afwijzing a) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Reden", a.omschrijving() + " (" + a.code() + ")"));
        facts.add(new Fact("Toelichting", a.melding()));
        if (a.regel() != null) {
            facts.add(new Fact("Regel", count(a.regel())));
        }
        if (a.advies() != null) {
            facts.add(new Fact("Wat u kunt doen", a.advies()));
        }
        return new Section("afwijzing", "Waarom de levering is afgewezen", facts, List.of(), List.of(), null);
    }

    private static Section counts(Receipt r) {
        Receipt.Aantallen a = r.aantallen();
        List<Fact> facts = List.of(
                new Fact("Regels gelezen", count(a.rijenGelezen())),
                // in a refused delivery no row is stored: its rows without errors are not "geaccepteerd"
                new Fact(
                        Receipt.GEACCEPTEERD.equals(r.status())
                                ? "Geaccepteerd"
                                : "Zonder fouten (niet opgeslagen: de levering is afgewezen)",
                        count(a.rijenGeaccepteerd())),
                new Fact("Afgewezen", count(a.rijenAfgewezen())),
                new Fact("Vervangen door een latere regel met dezelfde sleutel", count(a.rijenDubbel())),
                new Fact("Opgenomen in de benchmark", count(a.rijenInLake())));
        String note = r.drempelAfgewezenProcent() == null
                ? null
                : "Worden meer dan " + number(r.drempelAfgewezenProcent())
                        + "% van de regels afgewezen, dan wordt de hele "
                        + "levering afgewezen (te_veel_fouten). Een afgewezen regel wordt nooit half opgeslagen.";
        if (r.kolommenGenegeerd() != null && !r.kolommenGenegeerd().isEmpty()) {
            facts = new ArrayList<>(facts);
            facts.add(new Fact(
                    "Kolommen genegeerd (niet in het contract, niet opgeslagen)",
                    String.join(", ", r.kolommenGenegeerd())));
        }
        return new Section("aantallen", "Aantallen", facts, List.of(), List.of(), note);
    }

    private static Section errors(List<Receipt.Fout> fouten) {
        List<Row> rows = new ArrayList<>();
        for (Receipt.Fout f : fouten) {
            String perColumn = f.perKolom() == null
                    ? ""
                    : f.perKolom().entrySet().stream()
                            .map(e -> e.getKey() + " " + count(e.getValue()))
                            .collect(Collectors.joining(", "));
            rows.add(new Row(
                    f.omschrijving() + " (" + f.code() + ")",
                    List.of(
                            count(f.aantal()),
                            lines(f.regels(), f.regelsNietGetoond()),
                            perColumn,
                            f.advies() == null ? "" : f.advies())));
        }
        return new Section(
                "fouten",
                "Afgewezen regels per reden",
                List.of(),
                List.of(new Table(
                        "Afgewezen regels per reden, met de eerste regelnummers (de kopregel is regel 1)",
                        List.of("Reden", "Regels", "Regelnummers", "Per kolom", "Wat u kunt doen"),
                        rows)),
                List.of(),
                "Een afgewezen regel is niet opgenomen in de benchmark. Verbeter de regels in uw bronsysteem en lever het hele bestand "
                        + "opnieuw aan: een nieuwe levering vervangt de vorige voor dit halfjaar.");
    }

    private static Section messages(Receipt.Berichten b) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Berichten gelezen", count(b.gelezen())));
        facts.add(new Fact("Berichten geaccepteerd", count(b.geaccepteerd())));
        facts.add(new Fact("Berichten afgewezen", count(b.afgewezen())));
        if (b.perType() != null && !b.perType().isEmpty()) {
            facts.add(new Fact("Per berichttype", joined(b.perType())));
        }
        if (b.overgeslagen() != null && !b.overgeslagen().isEmpty()) {
            facts.add(new Fact("Overgeslagen (andere berichttypen)", joined(b.overgeslagen())));
        }
        if (b.berichtenAndereGemeente() != null && !b.berichtenAndereGemeente().isEmpty()) {
            facts.add(new Fact("Weggelaten: berichten van een andere gemeente", joined(b.berichtenAndereGemeente())));
        }
        facts.add(new Fact("Trajecten opgebouwd", count(b.trajectenGereconstrueerd())));
        if (b.vervoerOvergeslagen() > 0) {
            facts.add(new Fact("Vervoer (categorie 42) overgeslagen", count(b.vervoerOvergeslagen())));
        }
        facts.add(new Fact("Wachtend op de laatste dag van het halfjaar", count(b.wachtendEindePeriode())));
        List<Table> tables = new ArrayList<>();
        if (b.afgewezenBerichten() != null && !b.afgewezenBerichten().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (Receipt.Bericht m : b.afgewezenBerichten()) {
                rows.add(new Row(
                        m.bestand() == null ? "" : m.bestand(),
                        List.of(
                                m.regel() == null ? "" : count(m.regel()),
                                m.kolom() == null ? "" : count(m.kolom()),
                                m.reden() == null ? m.code() : m.reden())));
            }
            tables.add(new Table(
                    "Afgewezen berichten"
                            + (b.afgewezenNietGetoond() > 0
                                    ? " (" + count(b.afgewezenNietGetoond()) + " niet getoond)"
                                    : ""),
                    List.of("Bestand", "Regel", "Kolom", "Reden"),
                    rows));
        }
        if (b.zonderHulpvorm() != null && !b.zonderHulpvorm().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (Receipt.ZonderHulpvorm z : b.zonderHulpvorm()) {
                rows.add(new Row(
                        z.productcategorie(), List.of(count(z.trajecten()), String.join(", ", z.productcodes()))));
            }
            tables.add(new Table(
                    "Trajecten zonder hulpvorm per productcategorie: een productcodebestand kan ze aanvullen",
                    List.of("Productcategorie", "Trajecten", "Productcodes"),
                    rows));
        }
        return new Section("berichten", "iJw-berichten", facts, tables, List.of(), b.uitleg());
    }

    private static Section comparison(Receipt.Vergelijking v) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(
                "Vergeleken met",
                (v.levering() == null ? "de levering in gebruik" : v.levering().sleutel()) + " ("
                        + (Receipt.Vergelijking.VERVANGEN.equals(v.grond())
                                ? "de levering voor " + v.periode() + " die deze vervangt"
                                : "de levering voor het vorige halfjaar, " + v.periode())
                        + ")"));
        List<Row> rows = new ArrayList<>();
        for (Receipt.Meting m : v.metingen()) {
            boolean share = "aandeel".equals(m.eenheid());
            rows.add(new Row(
                    m.omschrijving(),
                    List.of(
                            share ? percent(m.vorige()) : count(m.vorige()),
                            share ? percent(m.nu()) : count(m.nu()),
                            m.wijziging() == null ? "–" : signed(m.wijziging()) + (share ? " procentpunt" : "%"),
                            m.waarschuwing() ? "opvallend" : "")));
        }
        Receipt.Drempels d = v.drempels();
        String note = "Opvallend is een verandering van meer dan " + number(d.aantalProcent())
                + "% in het aantal regels of jeugdigen (als de vorige levering minstens " + count(d.minimumRijen())
                + " regels had), meer dan " + number(d.vulgraadProcentpunt()) + " procentpunt in hoe vaak een kolom is "
                + "ingevuld, of meer dan " + number(d.aandeelProcentpunt())
                + " procentpunt in het aandeel beëindigd of met "
                + "verblijf (beide als er minstens " + count(d.minimumNoemer()) + " waarnemingen zijn). Een opvallende "
                + "verandering kan kloppen; het bewijs vraagt u dat na te gaan.";
        return new Section(
                "vergelijking",
                "Vergeleken met de vorige levering",
                facts,
                List.of(new Table(
                        "Deze levering naast de vorige",
                        List.of("Wat", "Vorige", "Nu", "Verandering", "Let op"),
                        rows)),
                v.waarschuwingen(),
                note);
    }

    private static Section publication(Receipt.Publicatie p) {
        List<Row> rows = new ArrayList<>();
        for (Receipt.NietBeschikbaar n : p.nietBeschikbaar()) {
            rows.add(new Row(
                    n.indicatoren().stream().map(ReceiptView::indicatorName).collect(Collectors.joining("; ")),
                    List.of(n.reden())));
        }
        List<Table> tables = rows.isEmpty()
                ? List.of()
                : List.of(new Table(
                        "Indicatoren die deze levering niet beschikbaar laat", List.of("Indicatoren", "Waarom"), rows));
        List<String> points = rows.isEmpty()
                ? List.of("Deze levering bevat alles wat de indicatoren van deze gemeente nodig hebben.")
                : List.of();
        return new Section("publicatie", "Wat deze levering mogelijk maakt", List.of(), tables, points, p.uitleg());
    }

    /** An indicator as the site names it ("Kosten per jeugdige"), not by its code; an unknown code as it is. */
    private static String indicatorName(String id) {
        try {
            return nl.jeugdspiegel.contract.Indicator.byId(id).titel();
        } catch (IllegalArgumentException unknown) {
            return id;
        }
    }

    private static Section source(Receipt r) {
        Receipt.Bron b = r.bron();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Bestand", b.sleutel()));
        facts.add(new Fact("Ontvangen op", time(b.ontvangenOp())));
        facts.add(new Fact("Grootte", count(b.grootteBytes()) + " bytes"));
        if (b.sha256() != null) {
            facts.add(new Fact("SHA-256", b.sha256()));
        }
        if (r.identiekAan() != null) {
            facts.add(new Fact("Byte voor byte gelijk aan", r.identiekAan()));
        }
        if (r.vervangt() != null) {
            facts.add(new Fact(
                    "Vervangt",
                    r.vervangt().sleutel() + " (ontvangen " + time(r.vervangt().ontvangenOp()) + ")"));
        }
        if (r.leveringInGebruik() != null) {
            facts.add(new Fact("Levering in gebruik", r.leveringInGebruik().sleutel()));
        }
        return new Section("bron", "Het bestand", facts, List.of(), List.of(), null);
    }

    private static String lines(List<Long> lines, long notShown) {
        if (lines == null || lines.isEmpty()) {
            return "";
        }
        String shown = lines.stream().limit(LINES_SHOWN).map(ReceiptView::count).collect(Collectors.joining(", "));
        long more = notShown + Math.max(0, lines.size() - LINES_SHOWN);
        return more > 0 ? shown + " en " + count(more) + " meer" : shown;
    }

    private static String joined(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A count as Dutch readers write it ({@code 1.663}); null as "–". */
    public static String count(Number n) {
        return n == null ? "–" : NumberFormat.getIntegerInstance(NL).format(Math.round(n.doubleValue()));
    }

    private static String number(double d) {
        return NumberFormat.getNumberInstance(NL).format(d);
    }

    private static String percent(Double fraction) {
        return fraction == null ? "–" : NumberFormat.getIntegerInstance(NL).format(Math.round(100 * fraction)) + "%";
    }

    private static String signed(double d) {
        String s = NumberFormat.getNumberInstance(NL).format(Math.round(d * 10) / 10.0);
        return d > 0 ? "+" + s : s;
    }

    private static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }
}
