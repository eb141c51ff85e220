package nl.jeugdspiegel.contract;

/**
 * One row of the indicator table (docs/indicatoren.md): exact values, unrounded. Empty values are null.
 * The four funnel columns extend the table of the definitions: control limits around the national value
 * for this row's denominator, for shares, rates, means and O/E ratios.
 */
public record IndicatorRow(
        String periode,
        String niveau,
        String code,
        String naam,
        String indicator,
        Double teller,
        Double noemer,
        Double waarde,
        Double ciLaag,
        Double ciHoog,
        String status,
        Double funnel95Laag,
        Double funnel95Hoog,
        Double funnel998Laag,
        Double funnel998Hoog) {

    public static final String OK = "ok";
    public static final String NIET_BESCHIKBAAR = "niet_beschikbaar";
    public static final String NOG_NIET_BESCHIKBAAR = "nog_niet_beschikbaar";
}
