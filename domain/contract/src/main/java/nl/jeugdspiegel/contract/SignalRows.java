package nl.jeugdspiegel.contract;

import java.util.List;
import nl.jeugdspiegel.core.Periode;

/**
 * The rows of the signal tables of a periode (indicators v1.2 "signals", {@link SignalTable}): what the indicators stage
 * flags and the report shows. How they are computed is the engine's business; what they mean is here.
 */
public final class SignalRows {

    /** The niveaus signalled. */
    public static final List<Niveau> NIVEAUS = List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.AANBIEDER);

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
            Periode periode,
            Niveau niveau,
            String code,
            Indicator indicator,
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
    public record Dispersion(Niveau niveau, Indicator indicator, int eenheden, double phi, double tau2) {}

    /** The signals and dispersions of one periode. */
    public record Result(List<Signal> signals, List<Dispersion> dispersion) {}
}
