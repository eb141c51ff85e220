package nl.jeugdspiegel.indicators;

import nl.jeugdspiegel.contract.Indicator;

/**
 * The layout of the per-gemeente (and per gemeente–provider cell) counters of {@link IndicatorEngine}: one
 * {@code long[METRICS]} per gemeente, summed per unit. Each block is named here once, with its width; an index is a
 * block's start plus a category, a verwijzer or an O/E stratum.
 */
final class Counters {

    /** The categories of the trajectory counts, as in {@link Indicator#CATEGORIES}. */
    static final int CATEGORY_COUNT = 5;

    static final int JH_ZONDER = 0;
    static final int JH_MET = 1;
    static final int JH_ONBEKEND = 2;
    static final int ACTIVE = 0; // + category 0..4
    static final int STARTED = ACTIVE + CATEGORY_COUNT; // + category
    static final int ENDED = STARTED + CATEGORY_COUNT; // + category
    static final int VERWIJZER = ENDED + CATEGORY_COUNT; // + index in Indicator.VERWIJZERS (7)
    static final int PLAN = VERWIJZER + 7;
    static final int VOORTIJDIG = PLAN + 1;
    static final int ZHV_FILLED = VOORTIJDIG + 1;
    static final int ZHV_YES = ZHV_FILLED + 1;
    static final int TEV_N = ZHV_YES + 1;
    static final int TEV_SUM = TEV_N + 1;
    static final int TEV_SUM_SQ = TEV_SUM + 1;
    static final int CBS_OK = TEV_SUM_SQ + 1;
    static final int COHORT = CBS_OK + 1;
    static final int COHORT_OK = COHORT + 1;
    static final int JH_ROWS = COHORT_OK + 1;
    static final int JH_ROWS_KOSTEN = JH_ROWS + 1;
    static final int KOSTEN_CENT = JH_ROWS_KOSTEN + 1;
    static final int ACTIVE_AGB = KOSTEN_CENT + 1;
    static final int STRATA = 36; // 4 age bands × 3 geslacht × 3 verblijf (zonder, met, onbekend)
    static final int STRATUM_ENDED = ACTIVE_AGB + 1; // + stratum
    static final int STRATUM_PLAN = STRATUM_ENDED + STRATA;
    static final int METRICS = STRATUM_PLAN + STRATA;

    private Counters() {}

    /** The O/E stratum: age band × geslacht × verblijf (zonder, met, onbekend: its own stratum). */
    static int stratum(int leeftijd, int geslacht, int verblijf) {
        int band = leeftijd <= 3 ? 0 : leeftijd <= 11 ? 1 : leeftijd <= 17 ? 2 : 3;
        int sex = geslacht >= 0 && geslacht <= 2 ? geslacht : 0;
        return (band * 3 + sex) * 3 + verblijf;
    }

    /** All jeugdhulp of a count (zonder, met and onbekend verblijf): every JH total includes unknown verblijf. */
    static long jh(long[] totals, int base) {
        return totals[base + JH_ZONDER] + totals[base + JH_MET] + totals[base + JH_ONBEKEND];
    }
}
