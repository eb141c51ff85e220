package nl.jeugdspiegel.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the signal tables of a periode (indicators v1.2 "signals", {@link SignalTable}): what the indicators stage
 * flags and the report shows. How they are computed is the engine's business; what they mean is here.
 */
public final class SignalRows {

    /** The indicators signalled, and whether higher counts as better. */
    public static final Map<String, Boolean> HIGHER_IS_BETTER;

    static {
        Map<String, Boolean> higher = new LinkedHashMap<>();
        higher.put("beeindigd_volgens_plan", true);
        higher.put("voortijdig_beeindigd", false);
        higher.put("zonder_hulp_verder", true);
        higher.put("tevredenheid_gemiddeld", true);
        higher.put("geen_nieuwe_hulp_6m", true);
        higher.put("geen_nieuwe_start_cbs", true);
        higher.put("oe_volgens_plan", true);
        higher.put("wachttijd_mediaan_dagen", false);
        HIGHER_IS_BETTER = java.util.Collections.unmodifiableMap(higher);
    }

    /** The niveaus signalled. */
    public static final List<String> NIVEAUS =
            List.of(Niveau.GEMEENTE.code(), Niveau.JEUGDREGIO.code(), Niveau.AANBIEDER.code());

    public static final String AFWIJKING_BOVEN = "boven";
    public static final String AFWIJKING_ONDER = "onder";
    public static final String GESTEGEN = "gestegen";
    public static final String GEDAALD = "gedaald";
    public static final String BETER = "beter";
    public static final String SLECHTER = "slechter";

    private SignalRows() {}

    /**
     * One flagged (niveau, code, indicator). For an afwijking, {@code phi} and {@code tau2} of its niveau and indicator
     * and {@code referentie} the national value; for a verandering, {@code referentie} the value one year earlier and no
     * φ or τ².
     */
    public record Signal(
            String periode,
            String niveau,
            String code,
            String indicator,
            String signaal,
            String richting,
            Double z,
            Double phi,
            Double tau2,
            Double waarde,
            Double referentie) {

        public boolean afwijking() {
            return signaal.equals(AFWIJKING_BOVEN) || signaal.equals(AFWIJKING_ONDER);
        }
    }

    /** The over-dispersion of one niveau and indicator: I units with a z-score, φ and the τ² used (0 when none). */
    public record Dispersion(String niveau, String indicator, int eenheden, double phi, double tau2) {}

    /** The signals and dispersions of one periode. */
    public record Result(List<Signal> signals, List<Dispersion> dispersion) {}
}
