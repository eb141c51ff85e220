package nl.jeugdspiegel.contract;

/**
 * The provider unit rule of indicators v1.3 ("providers at their real number"): an AGB code is its own {@code aanbieder}
 * unit in a periode from {@value #MIN_YOUTHS} distinct youths with active jeugdhulp in all municipalities, and its own
 * {@code aanbieder_jeugdregio} unit ({@code {jeugdregio}-{agb}}) from as many in that region. The trajectories of smaller
 * AGBs still count, pooled in one unit per level: {@code overig} and {@code {jeugdregio}-overig}. So the number of
 * provider units, rows and pages is bounded by the number of real providers, whatever a delivery holds.
 */
public final class ProviderUnits {

    /** Distinct youths an AGB needs in a periode to be a unit of its own. */
    public static final int MIN_YOUTHS = 10;

    /** The code of the pooled national unit, and the suffix of the pooled regional ones. */
    public static final String POOLED = "overig";

    /** The name of a pooled unit, as the tables and the site give it. */
    public static final String POOLED_NAAM = "Kleine aanbieders (minder dan " + MIN_YOUTHS + " jeugdigen)";

    private ProviderUnits() {}

    /** Is a provider with this many distinct youths a unit of its own? */
    public static boolean ownUnit(long youths) {
        return youths >= MIN_YOUTHS;
    }

    /**
     * The pooled unit a provider unit code joins: {@code overig} for an AGB, {@code {jeugdregio}-overig} for
     * {@code {jeugdregio}-{agb}}.
     */
    public static String pooledCode(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? POOLED : code.substring(0, dash + 1) + POOLED;
    }

    /** Is this provider unit code a pooled unit? */
    public static boolean pooled(String code) {
        return agb(code).equals(POOLED);
    }

    /** The AGB part of a provider unit code ({@code overig} for a pooled unit). */
    public static String agb(String code) {
        return code.substring(code.indexOf('-') + 1);
    }

    /** The jeugdregio part of an {@code aanbieder_jeugdregio} code, or empty for a national one. */
    public static String jeugdregio(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? "" : code.substring(0, dash);
    }
}
