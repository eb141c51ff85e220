package nl.jeugdspiegel.ingest.receipt;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The receipt (ontvangstbewijs) of one delivery, written to {@code receipts/…/{naam}.json} for
 * every delivery, accepted or rejected. Field names are Dutch, as read by the municipality's data
 * officer; docs/aanleveren.md explains each field (docs/contract.md §3). Never holds a value from the file.
 */
@JsonPropertyOrder({
    "contractversie",
    "status",
    "toegepast",
    "melding",
    "gemeente",
    "gemeentenaam",
    "periode",
    "bron",
    "aantallen",
    "berichten",
    "afwijzing",
    "fouten",
    "dubbele_sleutels",
    "kolommen_genegeerd",
    "waarschuwingen",
    "drempel_afgewezen_procent",
    "identiek_aan",
    "vervangt",
    "levering_in_gebruik",
    "kenmerken",
    "vergelijking_vorige",
    "publicatie",
    "lake_sleutel",
    "verwerkt_op",
    "verwerkingstijd_ms"
})
public record Receipt(
        String contractversie,
        String status,
        Boolean toegepast,
        String melding,
        String gemeente,
        String gemeentenaam,
        String periode,
        Bron bron,
        Aantallen aantallen,
        Berichten berichten,
        Afwijzing afwijzing,
        List<Fout> fouten,
        @JsonProperty("dubbele_sleutels") Regels dubbeleSleutels,
        @JsonProperty("kolommen_genegeerd") List<String> kolommenGenegeerd,
        List<String> waarschuwingen,
        @JsonProperty("drempel_afgewezen_procent") Double drempelAfgewezenProcent,
        @JsonProperty("identiek_aan") String identiekAan,
        Levering vervangt,
        @JsonProperty("levering_in_gebruik") Levering leveringInGebruik,
        Kenmerken kenmerken,
        @JsonProperty("vergelijking_vorige") Vergelijking vergelijkingVorige,
        Publicatie publicatie,
        @JsonProperty("lake_sleutel") String lakeSleutel,
        @JsonProperty("verwerkt_op") Instant verwerktOp,
        @JsonProperty("verwerkingstijd_ms") long verwerkingstijdMs) {

    public static final String GEACCEPTEERD = "geaccepteerd";
    public static final String AFGEWEZEN = "afgewezen";

    /** The uploaded object. */
    public record Bron(
            String sleutel,
            String versie,
            String etag,
            String sha256,
            @JsonProperty("grootte_bytes") long grootteBytes,
            @JsonProperty("ontvangen_op") Instant ontvangenOp) {}

    public record Aantallen(
            @JsonProperty("rijen_gelezen") long rijenGelezen,
            @JsonProperty("rijen_geaccepteerd") long rijenGeaccepteerd,
            @JsonProperty("rijen_afgewezen") long rijenAfgewezen,
            @JsonProperty("rijen_dubbel") long rijenDubbel,
            @JsonProperty("rijen_in_lake") long rijenInLake) {}

    /**
     * An iJw delivery (a zip of messages): how many messages were read, accepted and refused (and, per type, the
     * iJw messages of other types that were skipped), the refused ones
     * (file, line, column and the schema's reason, never a value from the message), and for the rows named in
     * {@code fouten} and {@code dubbele_sleutels}, which messages the reconstructed trajectory came from (its
     * warnings, such as categories without a sound mapping, go to the receipt's {@code waarschuwingen}). The
     * rows of an iJw delivery are its reconstructed trajectories, numbered from 2 as in a CSV with a header.
     */
    @JsonPropertyOrder({
        "gelezen",
        "geaccepteerd",
        "afgewezen",
        "per_type",
        "overgeslagen",
        "berichten_andere_gemeente",
        "trajecten_gereconstrueerd",
        "vervoer_overgeslagen",
        "zonder_hulpvorm",
        "productcodes",
        "wachtend_einde_periode",
        "afgewezen_berichten",
        "afgewezen_niet_getoond",
        "bronnen_van_regels",
        "uitleg"
    })
    public record Berichten(
            long gelezen,
            long geaccepteerd,
            long afgewezen,
            @JsonProperty("per_type") Map<String, Long> perType,
            Map<String, Long> overgeslagen,
            @JsonProperty("berichten_andere_gemeente") Map<String, Long> berichtenAndereGemeente,
            @JsonProperty("trajecten_gereconstrueerd") long trajectenGereconstrueerd,
            @JsonProperty("vervoer_overgeslagen") long vervoerOvergeslagen,
            @JsonProperty("zonder_hulpvorm") List<ZonderHulpvorm> zonderHulpvorm,
            Productcodes productcodes,
            @JsonProperty("wachtend_einde_periode") long wachtendEindePeriode,
            @JsonProperty("afgewezen_berichten") List<Bericht> afgewezenBerichten,
            @JsonProperty("afgewezen_niet_getoond") long afgewezenNietGetoond,
            @JsonProperty("bronnen_van_regels") Map<Long, String> bronnenVanRegels,
            String uitleg,
            @JsonIgnore List<String> waarschuwingen) {}

    /**
     * Trajectories of one product category that have no hulpvorm (docs/contract.md §2), and the product codes
     * they carry (codes only, at most 100), which a product mapping file could resolve.
     */
    public record ZonderHulpvorm(String productcategorie, long trajecten, List<String> productcodes) {}

    /**
     * The municipality's product mapping used for this delivery: its key, the products it maps, the lines
     * ignored (-1: the file was too large to read), and the trajectories that got their hulpvorm from it.
     */
    public record Productcodes(
            String sleutel,
            long producten,
            @JsonProperty("regels_genegeerd") long regelsGenegeerd,
            @JsonProperty("trajecten_toegewezen") long trajectenToegewezen) {}

    /** One refused message. */
    public record Bericht(String code, String bestand, Integer regel, Integer kolom, String reden) {}

    /** Why the whole delivery was rejected, and what to do about it. */
    public record Afwijzing(String code, String omschrijving, String melding, Long regel, String advies) {}

    /** Rows rejected for one reason code, and what to do about them. */
    public record Fout(
            String code,
            String omschrijving,
            String advies,
            long aantal,
            List<Long> regels,
            @JsonProperty("regels_niet_getoond") long regelsNietGetoond,
            @JsonProperty("per_kolom") Map<String, Long> perKolom) {}

    public record Regels(long aantal, List<Long> regels, String uitleg) {}

    /** A delivery, as other receipts refer to it. */
    public record Levering(
            String sleutel, @JsonProperty("ontvangen_op") Instant ontvangenOp) {}

    /**
     * What an accepted delivery holds, in counts and shares of rows (never a value): the basis of
     * {@code vergelijking_vorige}. Fill rates ({@code vulgraad}, 0–1) by column: aanmelddatum of the jeugdhulp started
     * in the periode, kosten and aanbieder_agb of all jeugdhulp rows, zonder_hulp_verder and tevredenheid of the
     * jeugdhulp ended in the periode; null where that denominator is 0.
     */
    @JsonPropertyOrder({"rijen", "jeugdigen", "jeugdhulp_rijen", "vulgraad", "aandeel_beeindigd", "aandeel_met_verblijf"
    })
    public record Kenmerken(
            long rijen,
            long jeugdigen,
            @JsonProperty("jeugdhulp_rijen") long jeugdhulpRijen,
            Map<String, Double> vulgraad,
            @JsonProperty("aandeel_beeindigd") Double aandeelBeeindigd,
            @JsonProperty("aandeel_met_verblijf") Double aandeelMetVerblijf) {}

    /**
     * This delivery against the previous accepted one of the same gemeente: the one it replaced for the same periode
     * ({@code grond} {@code vervangen}), else the one in force for the periode before ({@code vorige_periode}).
     */
    public record Vergelijking(
            Levering levering,
            String periode,
            String grond,
            List<Meting> metingen,
            List<String> waarschuwingen,
            Drempels drempels) {

        /** {@code grond}: the delivery this one replaced for the same periode. */
        public static final String VERVANGEN = "vervangen";
        /** {@code grond}: the delivery in force for the periode before. */
        public static final String VORIGE_PERIODE = "vorige_periode";
    }

    /**
     * One measure before and now. {@code eenheid} {@code aantal}: {@code wijziging} in percent of {@code vorige};
     * {@code aandeel}: values 0–1 and {@code wijziging} in percentage points. Null where a value has no denominator.
     */
    public record Meting(
            String naam,
            String omschrijving,
            String eenheid,
            Double vorige,
            Double nu,
            Double wijziging,
            boolean waarschuwing) {}

    /** When a change is implausibly large (docs/aanleveren.md, settings {@code VERGELIJKING_*}). */
    public record Drempels(
            @JsonProperty("aantal_procent") double aantalProcent,
            @JsonProperty("vulgraad_procentpunt") double vulgraadProcentpunt,
            @JsonProperty("aandeel_procentpunt") double aandeelProcentpunt,
            @JsonProperty("minimum_rijen") long minimumRijen,
            @JsonProperty("minimum_noemer") long minimumNoemer) {}

    /** The indicators this delivery leaves {@code niet_beschikbaar} for its gemeente and periode, and why. */
    public record Publicatie(
            @JsonProperty("niet_beschikbaar") List<NietBeschikbaar> nietBeschikbaar, String uitleg) {}

    public record NietBeschikbaar(List<String> indicatoren, String reden) {}
}
