package nl.jeugdspiegel.ingest.receipt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The receipt (ontvangstbewijs) of one delivery, written to {@code receipts/…/{naam}.json} for
 * every delivery, accepted or rejected. Field names are Dutch, as read by the municipality's data
 * officer; docs/ontvangstbewijs.md explains each field. Never holds a value from the file.
 */
@JsonPropertyOrder({"contractversie", "status", "toegepast", "melding", "gemeente", "gemeentenaam", "periode",
        "bron", "aantallen", "afwijzing", "fouten", "dubbele_sleutels", "kolommen_genegeerd", "waarschuwingen",
        "drempel_afgewezen_procent", "identiek_aan", "vervangt", "levering_in_gebruik", "lake_sleutel",
        "verwerkt_op", "verwerkingstijd_ms"})
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
        Afwijzing afwijzing,
        List<Fout> fouten,
        @JsonProperty("dubbele_sleutels") Regels dubbeleSleutels,
        @JsonProperty("kolommen_genegeerd") List<String> kolommenGenegeerd,
        List<String> waarschuwingen,
        @JsonProperty("drempel_afgewezen_procent") Double drempelAfgewezenProcent,
        @JsonProperty("identiek_aan") String identiekAan,
        Levering vervangt,
        @JsonProperty("levering_in_gebruik") Levering leveringInGebruik,
        @JsonProperty("lake_sleutel") String lakeSleutel,
        @JsonProperty("verwerkt_op") Instant verwerktOp,
        @JsonProperty("verwerkingstijd_ms") long verwerkingstijdMs) {

    public static final String GEACCEPTEERD = "geaccepteerd";
    public static final String AFGEWEZEN = "afgewezen";

    /** The uploaded object. */
    public record Bron(String sleutel, String versie, String etag, String sha256,
                       @JsonProperty("grootte_bytes") long grootteBytes,
                       @JsonProperty("ontvangen_op") Instant ontvangenOp) {
    }

    public record Aantallen(
            @JsonProperty("rijen_gelezen") long rijenGelezen,
            @JsonProperty("rijen_geaccepteerd") long rijenGeaccepteerd,
            @JsonProperty("rijen_afgewezen") long rijenAfgewezen,
            @JsonProperty("rijen_dubbel") long rijenDubbel,
            @JsonProperty("rijen_in_lake") long rijenInLake) {
    }

    /** Why the whole delivery was rejected. */
    public record Afwijzing(String code, String omschrijving, String melding, Long regel) {
    }

    /** Rows rejected for one reason code. */
    public record Fout(String code, String omschrijving, long aantal, List<Long> regels,
                       @JsonProperty("regels_niet_getoond") long regelsNietGetoond,
                       @JsonProperty("per_kolom") Map<String, Long> perKolom) {
    }

    public record Regels(long aantal, List<Long> regels, String uitleg) {
    }

    /** A delivery, as other receipts refer to it. */
    public record Levering(String sleutel, @JsonProperty("ontvangen_op") Instant ontvangenOp) {
    }
}
