package nl.jeugdspiegel.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * A municipality's private overlap file ({@link IndicatorKeys#overlap}): how many of the youths it delivered jeugdhulp
 * for were delivered by another municipality for the same day too, and by which municipalities how many. Counts and
 * gemeentecodes only: no pseudonym (it would link the youth across municipalities), no value of any row. Exact counts:
 * the file is as private as the receipts beside it.
 */
@JsonPropertyOrder({"gemeente", "gemeentenaam", "periode", "dubbel_geleverd", "andere_gemeenten", "uitleg"})
public record OverlapFile(
        String gemeente,
        String gemeentenaam,
        String periode,
        @JsonProperty("dubbel_geleverd") long dubbelGeleverd,
        @JsonProperty("andere_gemeenten") List<Other> andereGemeenten,
        String uitleg) {

    /** Another municipality and the youths both delivered for the same day. */
    public record Other(String gemeente, String naam, long jeugdigen) {}

    static final String UITLEG =
            "Jeugdigen (herkend aan hun pseudoniem) voor wie uw gemeente jeugdhulp aanleverde die liep op"
                    + " een dag waarop ook een andere gemeente jeugdhulp voor hen aanleverde. Bij het woonplaatsbeginsel is"
                    + " meestal één gemeente verantwoordelijk: ga na, samen met de genoemde gemeente, wie de hulp betaalt. Een"
                    + " verhuizing binnen het halfjaar (het ene traject eindigt voor het andere begint) telt niet. Een jeugdige"
                    + " kan met meer dan één andere gemeente overlappen; de aantallen per gemeente tellen dan samen op tot meer"
                    + " dan dubbel_geleverd.";

    static OverlapFile of(String gemeente, String periode, long total, Map<String, Long> others) {
        ReferenceData reference = ReferenceData.get();
        List<Other> list = new ArrayList<>();
        others.forEach((code, n) -> list.add(new Other(code, name(reference, code), n)));
        return new OverlapFile(gemeente, name(reference, gemeente), periode, total, list, UITLEG);
    }

    private static String name(ReferenceData reference, String code) {
        return reference.municipality(code).map(Municipality::naam).orElse(code);
    }

    public byte[] toJson() {
        return Json.bytes(this);
    }

    public static OverlapFile read(byte[] json) throws IOException {
        return Json.MAPPER.readValue(json, OverlapFile.class);
    }
}
