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
    public static final String STIJGEND = "stijgend";
    public static final String DALEND = "dalend";
    public static final String BETER = "beter";
    public static final String SLECHTER = "slechter";

    private SignalRows() {}

    /** The kinds of signal (indicators v1.3): against the country, against one year earlier, over five half-years. */
    public enum Soort {
        AFWIJKING("afwijking"),
        VERANDERING("verandering"),
        TREND("trend");

        private final String code;

        Soort(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Soort of(String code) {
            for (Soort s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no soort " + code);
        }
    }

    /** The false discovery rate at which the units of one test family are flagged (Benjamini–Hochberg). */
    public static final double Q = 0.05;

    /**
     * One flagged (niveau, code, indicator) of one kind ({@code soort}), with its z, its two-sided p and its
     * Benjamini–Hochberg adjusted p ({@code q}, within its periode, niveau, indicator and soort). For an afwijking,
     * {@code phi} and {@code tau2} of its niveau and indicator and {@code referentie} the national value; for a
     * verandering, {@code referentie} the value one year earlier; for a trend, {@code referentie} the pooled value of
     * the half-years tested; no φ or τ² for either.
     */
    public record Signal(
            Periode periode,
            Niveau niveau,
            String code,
            Indicator indicator,
            Soort soort,
            String signaal,
            String richting,
            Double z,
            Double p,
            Double q,
            Double phi,
            Double tau2,
            Double waarde,
            Double referentie) {

        public boolean afwijking() {
            return soort == Soort.AFWIJKING;
        }
    }

    /** The over-dispersion of one niveau and indicator: I units with a z-score, φ and the τ² used (0 when none). */
    public record Dispersion(Niveau niveau, Indicator indicator, int eenheden, double phi, double tau2) {}

    /** The signals and dispersions of one periode. */
    public record Result(List<Signal> signals, List<Dispersion> dispersion) {}
}
