package nl.jeugdspiegel.ingest.problem;

import java.util.Locale;

/**
 * The stable reason codes of docs/contract.md §3. Row codes reject one row; file codes reject the delivery.
 * {@link #KOLOM_DUBBEL} is an addition of this project (a header that names a column twice), as are the
 * codes of iJw deliveries: {@link #BERICHT_ONGELDIG} (one message refused) and {@link #ZIP_ONGELDIG}, and
 * {@link #REGEL_TE_LANG} (a line beyond the reading limits). {@link #VERWERKING_MISLUKT} is docs/contract.md §3;
 * {@link #BESTANDSTYPE_NIET_ONDERSTEUND} is contract v1.3 §1.
 */
public enum ReasonCode {
    // row codes
    BSN_ONGELDIG(
            false,
            "BSN is geen getal van 8 of 9 cijfers",
            "Controleer in uw bronsysteem het BSN van deze regels: het moet 8 of 9 cijfers zijn, zonder spaties "
                    + "of punten (een 8-cijferig BSN krijgt vanzelf een 0 ervoor)."),
    BSN_ELFPROEF(
            false,
            "BSN voldoet niet aan de elfproef",
            "Het BSN is waarschijnlijk verkeerd overgenomen of afgekapt (bijvoorbeeld een voorloopnul weggevallen "
                    + "in een spreadsheet). Zoek het juiste BSN op in uw bronsysteem."),
    ONBEKENDE_CODE(
            false,
            "code staat niet in de codelijst, of past niet bij de soort",
            "Gebruik de codes uit de codelijsten van het contract (BIJ en iJw); per_kolom zegt welke kolom. Let op: een "
                    + "hulpvorm van jeugdbescherming bij soort jeugdhulp past niet."),
    DATUM_ONGELDIG(
            false,
            "geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ), of een onmogelijke datum",
            "Schrijf datums als JJJJ-MM-DD of DD-MM-JJJJ. Een spreadsheet zet datums soms om naar een getal of "
                    + "naar MM/DD/JJJJ; exporteer de kolom als tekst."),
    EINDE_VOOR_START(
            false,
            "einddatum ligt voor de startdatum",
            "De einddatum ligt voor de startdatum: waarschijnlijk zijn de kolommen omgewisseld of is een jaartal "
                    + "verkeerd. Corrigeer de datums in uw bronsysteem."),
    AANMELDING_NA_START(
            false,
            "aanmelddatum ligt na de startdatum",
            "De aanmelddatum hoort op of voor de startdatum te liggen. Controleer of de juiste datum in de kolom aanmelddatum staat."),
    WAARDE_BUITEN_BEREIK(
            false,
            "waarde buiten het toegestane bereik, of geen getal",
            "Tevredenheid is een heel getal van 1 tot en met 10; kosten is een bedrag van 0 of meer met een punt of komma als decimaalteken."),
    VERPLICHT_LEEG(
            false,
            "verplichte waarde ontbreekt",
            "Vul de verplichte waarde in (per_kolom zegt welke). Reden_beeindiging is verplicht als er een einddatum is, verwijzer bij jeugdhulp."),
    BUITEN_PERIODE(
            false,
            "traject was op geen enkele dag van de periode actief",
            "Dit traject liep op geen enkele dag van het halfjaar in de bestandslocatie. Lever het aan bij het "
                    + "halfjaar waarin het liep, of controleer de datums."),
    KOLOMMEN_AANTAL(
            false,
            "aantal velden in de regel wijkt af van de kopregel",
            "De regel heeft meer of minder velden dan de kopregel. Meestal staat er een scheidingsteken (; of ,) "
                    + "in een waarde zonder aanhalingstekens eromheen."),
    // message code (iJw deliveries): rejects one message of the zip
    BERICHT_ONGELDIG(
            false,
            "iJw-bericht afgewezen: voldoet niet aan het iJw 3.2-XSD, is geen iJw-bericht, of is "
                    + "geen veilig .xml-bestand in de zip",
            "Het bericht is niet volgens iJw 3.2. Laat uw berichtensysteem het bericht opnieuw exporteren; de "
                    + "reden en de regel in het bericht staan erbij."),
    // file codes
    SLEUTEL_ONGELDIG(
            true,
            "bestandslocatie is niet uploads/GM####/JJJJH1|H2/naam.csv (of naam.zip)",
            "Upload het bestand opnieuw naar uploads/GM####/JJJJH1/naam.csv of uploads/GM####/JJJJH2/naam.csv, "
                    + "met uw eigen gemeentecode en het halfjaar waarover het gaat."),
    BESTANDSTYPE_NIET_ONDERSTEUND(
            true,
            "bestandstype wordt niet verwerkt: alleen .csv (trajecten) en .zip (iJw-berichten)",
            "Sla het bestand op als CSV (UTF-8, puntkomma of komma als scheidingsteken) en lever het opnieuw aan als "
                    + "naam.csv, of lever de iJw-berichten aan als één .zip."),
    BERICHTEN_ANDERE_GEMEENTE(
            true,
            "de meeste iJw-berichten zijn van een andere gemeente",
            "Een bericht telt voor uw gemeente als uw gemeente de afzender (JW301) of de ontvanger (JW305, JW307, "
                    + "JW315, JW323) is. Lever alleen die berichten aan, onder uw eigen gemeentecode."),
    GEMEENTE_ONBEKEND(
            true,
            "gemeentecode staat niet in de gemeentelijst",
            "De gemeentecode in de bestandslocatie bestaat niet (meer). Gebruik de CBS-code van uw gemeente, "
                    + "bijvoorbeeld GM0363; na een herindeling de nieuwe code."),
    KOLOM_ONTBREEKT(
            true,
            "verplichte kolom ontbreekt in de kopregel",
            "Voeg de ontbrekende kolom toe aan de kopregel (de melding noemt hem), met precies de naam uit het contract."),
    KOLOM_DUBBEL(
            true,
            "kopregel noemt een kolom meer dan eens",
            "Haal de dubbele kolom uit de kopregel, zodat elke kolomnaam er één keer in staat."),
    CODERING_ONGELDIG(
            true,
            "bestand is geen UTF-8-tekst",
            "Sla het bestand op als 'CSV UTF-8' (in Excel: Opslaan als, CSV UTF-8). Een .xlsx-bestand dat .csv heet, wordt niet gelezen."),
    SCHEIDINGSTEKEN_ONBEKEND(
            true,
            "scheidingsteken is geen ; of ,",
            "Scheid de kolommen met een puntkomma (;) of een komma (,), en gebruik in de hele kopregel hetzelfde teken."),
    LEEG_BESTAND(
            true,
            "bestand bevat geen gegevensregels",
            "Het bestand heeft geen gegevensregels. Controleer of de export het juiste halfjaar en de juiste selectie had."),
    TE_VEEL_FOUTEN(
            true,
            "te veel afgewezen regels (of iJw-berichten)",
            "Los de meest voorkomende fouten hieronder op en lever het hele bestand opnieuw aan; de eerdere levering blijft tot dan van kracht."),
    REGEL_TE_LANG(
            true,
            "een regel is te lang om als CSV te lezen: een kopregel van meer dan 64 KiB, een bestand zonder "
                    + "regeleinden, of een regel boven de leesgrenzen (meestal een aanhalingsteken dat niet wordt gesloten)",
            "Controleer de regel die de melding noemt: meestal is een aanhalingsteken niet gesloten. Sla het "
                    + "bestand opnieuw op als CSV met regeleinden."),
    VERWERKING_MISLUKT(
            true,
            "de verwerking is onverwacht mislukt; er is niets aan de benchmark veranderd en de levering kan opnieuw "
                    + "worden aangeboden",
            "U hoeft meestal niets te doen: de verwerking wordt opnieuw geprobeerd. Staat dit bewijs er na een "
                    + "uur nog, lever dan opnieuw aan of noem het kenmerk aan de beheerder."),
    ZIP_ONGELDIG(
            true,
            "bestand is geen leesbaar zipbestand, of overschrijdt de grenzen voor een zip",
            "Maak de zip opnieuw met alleen de iJw-berichten (.xml) erin, zonder wachtwoord en binnen de grenzen die de melding noemt.");

    private final boolean fileLevel;
    private final String omschrijving;
    private final String advies;

    ReasonCode(boolean fileLevel, String omschrijving, String advies) {
        this.fileLevel = fileLevel;
        this.omschrijving = omschrijving;
        this.advies = advies;
    }

    /** The code as written in receipts, e.g. {@code bsn_elfproef}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean fileLevel() {
        return fileLevel;
    }

    public String omschrijving() {
        return omschrijving;
    }

    /** What the data officer can do about it, in plain Dutch (shown in the receipt). */
    public String advies() {
        return advies;
    }
}
