package nl.jeugdspiegel.core.lake;

import java.time.LocalDate;

/**
 * One row of the lake (docs/contract.md §6): a pseudonymised trajectory. Dates are epoch days; absent values
 * use the sentinels {@link #NO_DATE}, {@link #NO_SCORE} and {@link #NO_AMOUNT}, absent codes are null.
 *
 * @param kostenCent euro cents, or {@link #NO_AMOUNT}
 * @param verblijf   with or without a stay, null when unknown ({@link Verblijf#of})
 */
public record Trajectory(
        String client,
        int geboortejaar,
        int leeftijdStart,
        String geslacht,
        String soort,
        String hulpvorm,
        int startdatum,
        int einddatum,
        String redenBeeindiging,
        String verwijzer,
        int aanmelddatum,
        String zonderHulpVerder,
        int tevredenheid,
        long kostenCent,
        String aanbiederAgb,
        String productcategorie,
        Boolean verblijf) {

    public static final int NO_DATE = Integer.MIN_VALUE;
    public static final int NO_SCORE = 0;
    public static final long NO_AMOUNT = Long.MIN_VALUE;

    public static final String JEUGDHULP = "jeugdhulp";
    public static final String JEUGDBESCHERMING = "jeugdbescherming";
    public static final String JEUGDRECLASSERING = "jeugdreclassering";

    /**
     * The hulpvorm's place in the key of a trajectory (client, soort, hulpvorm, startdatum), as a number below 128:
     * the hulpvorm's code (BIJ codes are at most 63); without one (iJw rows, docs/contract.md §6) 64 + the
     * product category, so that two products of one client starting on one day stay two trajectories.
     */
    public static int hulpvormKey(int hulpvorm, int productcategorie) {
        return hulpvorm > 0 ? hulpvorm & 0x3F : 64 | (productcategorie & 0x3F);
    }

    /** {@link #hulpvormKey(int, int)} of this row. */
    public int hulpvormKey() {
        return hulpvormKey(
                hulpvorm == null ? 0 : Integer.parseInt(hulpvorm),
                productcategorie == null ? 0 : Integer.parseInt(productcategorie));
    }

    public boolean hasEinddatum() {
        return einddatum != NO_DATE;
    }

    public boolean hasAanmelddatum() {
        return aanmelddatum != NO_DATE;
    }

    public boolean hasTevredenheid() {
        return tevredenheid != NO_SCORE;
    }

    public boolean hasKosten() {
        return kostenCent != NO_AMOUNT;
    }

    public LocalDate start() {
        return LocalDate.ofEpochDay(startdatum);
    }

    public LocalDate end() {
        return hasEinddatum() ? LocalDate.ofEpochDay(einddatum) : null;
    }
}
