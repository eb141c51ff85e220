package nl.jeugdspiegel.contract;

import nl.jeugdspiegel.core.Periode;

/**
 * One row of the indicator table (docs/indicatoren.md): exact values, unrounded. Empty values are null.
 * The four funnel columns extend the table of the definitions: control limits around the national value
 * for this row's denominator, for shares, rates, means and O/E ratios.
 */
public record IndicatorRow(
        Periode periode,
        Niveau niveau,
        String code,
        String naam,
        Indicator indicator,
        Double teller,
        Double noemer,
        Double waarde,
        Double ciLaag,
        Double ciHoog,
        Status status,
        Double funnel95Laag,
        Double funnel95Hoog,
        Double funnel998Laag,
        Double funnel998Hoog) {

    /** A row's status column (docs/indicatoren.md, "status"). */
    public enum Status {
        /** The value is computed. */
        OK,
        /** The unit has no data for it in P (no delivery, no population figure, too few costs filled in). */
        NIET_BESCHIKBAAR,
        /** The follow-up window of P has not yet passed (the re-entry outcomes). */
        NOG_NIET_BESCHIKBAAR;

        private final String code = name().toLowerCase(java.util.Locale.ROOT);

        /** As written in the tables: {@code ok}, {@code niet_beschikbaar}, {@code nog_niet_beschikbaar}. */
        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }

        public static Status of(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no status " + code);
        }
    }

    /** Is the value computed ({@link Status#OK})? */
    public boolean ok() {
        return status == Status.OK;
    }
}
