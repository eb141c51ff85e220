package nl.jeugdspiegel.ingest.problem;

import java.util.Locale;

/**
 * The stable reason codes of docs/contract.md §3. Row codes reject one row; file codes reject the delivery.
 * {@link #KOLOM_DUBBEL} is an addition of this project (a header that names a column twice), as are the
 * codes of iJw deliveries: {@link #BERICHT_ONGELDIG} (one message refused) and {@link #ZIP_ONGELDIG}, and
 * {@link #REGEL_TE_LANG} (a line beyond the reading limits). {@link #VERWERKING_MISLUKT} is docs/contract.md §3.
 */
public enum ReasonCode {
    // row codes
    BSN_ONGELDIG(false, "BSN is geen getal van 8 of 9 cijfers"),
    BSN_ELFPROEF(false, "BSN voldoet niet aan de elfproef"),
    ONBEKENDE_CODE(false, "code staat niet in de codelijst, of past niet bij de soort"),
    DATUM_ONGELDIG(false, "geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ), of een onmogelijke datum"),
    EINDE_VOOR_START(false, "einddatum ligt voor de startdatum"),
    AANMELDING_NA_START(false, "aanmelddatum ligt na de startdatum"),
    WAARDE_BUITEN_BEREIK(false, "waarde buiten het toegestane bereik, of geen getal"),
    VERPLICHT_LEEG(false, "verplichte waarde ontbreekt"),
    BUITEN_PERIODE(false, "traject was op geen enkele dag van de periode actief"),
    KOLOMMEN_AANTAL(false, "aantal velden in de regel wijkt af van de kopregel"),
    // message code (iJw deliveries): rejects one message of the zip
    BERICHT_ONGELDIG(
            false,
            "iJw-bericht afgewezen: voldoet niet aan het iJw 3.2-XSD, is geen iJw-bericht, of is "
                    + "geen veilig .xml-bestand in de zip"),
    // file codes
    SLEUTEL_ONGELDIG(true, "bestandslocatie is niet uploads/GM####/JJJJH1|H2/naam.csv (of naam.zip)"),
    GEMEENTE_ONBEKEND(true, "gemeentecode staat niet in de gemeentelijst"),
    KOLOM_ONTBREEKT(true, "verplichte kolom ontbreekt in de kopregel"),
    KOLOM_DUBBEL(true, "kopregel noemt een kolom meer dan eens"),
    CODERING_ONGELDIG(true, "bestand is geen UTF-8-tekst"),
    SCHEIDINGSTEKEN_ONBEKEND(true, "scheidingsteken is geen ; of ,"),
    LEEG_BESTAND(true, "bestand bevat geen gegevensregels"),
    TE_VEEL_FOUTEN(true, "te veel afgewezen regels (of iJw-berichten)"),
    REGEL_TE_LANG(
            true,
            "een regel is te lang om als CSV te lezen: een kopregel van meer dan 64 KiB, een bestand zonder "
                    + "regeleinden, of een regel boven de leesgrenzen (meestal een aanhalingsteken dat niet wordt gesloten)"),
    VERWERKING_MISLUKT(
            true,
            "de verwerking is onverwacht mislukt; de lake is niet gewijzigd en de levering kan opnieuw "
                    + "worden aangeboden"),
    ZIP_ONGELDIG(true, "bestand is geen leesbaar zipbestand, of overschrijdt de grenzen voor een zip");

    private final boolean fileLevel;
    private final String omschrijving;

    ReasonCode(boolean fileLevel, String omschrijving) {
        this.fileLevel = fileLevel;
        this.omschrijving = omschrijving;
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
}
