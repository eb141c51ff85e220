package nl.jeugdspiegel.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.json.Json;

/**
 * {@code indicators/manifest.json}: what the indicators stage hands to the report (and what the local runner
 * prints). Written by {@link IndicatorService} after the tables; its arrival starts the report. Field names are
 * the JSON's, documented in docs/architecture.md.
 *
 * @param periods                  every periode with lake data, in order
 * @param overgeslagenLakeObjecten lake objects that are not readable lake files: left out of every figure
 * @param bevolking                per population year, whether the file is synthetic
 */
@JsonPropertyOrder({"perioden", "overgeslagen_lake_objecten", "bevolking"})
public record Manifest(
        @JsonProperty("perioden") SortedMap<Periode, Period> periods,
        @JsonProperty("overgeslagen_lake_objecten") List<SkippedObject> overgeslagenLakeObjecten,
        SortedMap<Integer, PopulationYear> bevolking) {

    public Manifest {
        periods = periods == null ? new TreeMap<>() : new TreeMap<>(periods);
        overgeslagenLakeObjecten = overgeslagenLakeObjecten == null ? List.of() : List.copyOf(overgeslagenLakeObjecten);
        bevolking = bevolking == null ? new TreeMap<>() : new TreeMap<>(bevolking);
    }

    /**
     * One periode.
     *
     * @param vervolgBeschikbaar is the next periode delivered (so follow-up indicators exist)?
     * @param inhoudSha256       the table's content hash: any new figure changes the manifest, and so starts the report
     * @param leveringen         per delivering gemeente the S3 event time of its delivery (null when unknown)
     * @param grootteklassen     the size class of every gemeente
     * @param dubbelGeleverd     per gemeente with doubly delivered youths, the content hash of its private overlap file
     *                           ({@link IndicatorKeys#overlap}); a gemeente no longer listed has its file removed
     */
    @JsonPropertyOrder({
        "tabel_csv",
        "tabel_parquet",
        "vervolg_beschikbaar",
        "inhoud_sha256",
        "leveringen",
        "grootteklassen",
        "dubbel_geleverd"
    })
    public record Period(
            @JsonProperty("tabel_csv") String tabelCsv,
            @JsonProperty("tabel_parquet") String tabelParquet,
            @JsonProperty("vervolg_beschikbaar") boolean vervolgBeschikbaar,
            @JsonProperty("inhoud_sha256") String inhoudSha256,

            @JsonInclude(content = JsonInclude.Include.ALWAYS)
            SortedMap<String, Instant> leveringen,

            SortedMap<String, String> grootteklassen,
            @JsonProperty("dubbel_geleverd") SortedMap<String, String> dubbelGeleverd) {

        public Period {
            leveringen = leveringen == null ? new TreeMap<>() : new TreeMap<>(leveringen);
            grootteklassen = grootteklassen == null ? new TreeMap<>() : new TreeMap<>(grootteklassen);
            dubbelGeleverd = dubbelGeleverd == null ? new TreeMap<>() : new TreeMap<>(dubbelGeleverd);
        }
    }

    /** A lake object left out, and why (the reason quotes nothing from the object). */
    public record SkippedObject(String sleutel, String reden) {}

    public record PopulationYear(boolean synthetisch) {}

    /** Is any population file synthetic (the report then says so on every page)? */
    public boolean syntheticPopulation() {
        return bevolking.values().stream().anyMatch(PopulationYear::synthetisch);
    }

    public byte[] toJson() {
        return Json.bytes(this);
    }

    public static Manifest read(byte[] json) throws IOException {
        return Json.MAPPER.readValue(json, Manifest.class);
    }
}
