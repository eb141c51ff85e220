package nl.jeugdspiegel.ingest.delivery;

import java.util.Locale;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;

/**
 * The 5 % rule (docs/contract.md §3): a delivery of which more than the threshold of its units ({@code regels}, or
 * the {@code berichten} of a zip) was rejected is rejected as a whole with {@code te_veel_fouten}.
 *
 * @param maxRejectedFraction the threshold, a fraction between 0 and 1
 */
public record RejectionThreshold(double maxRejectedFraction) {

    /** Default: more than 5 % of the rows rejected rejects the delivery. */
    public static final RejectionThreshold DEFAULT = new RejectionThreshold(0.05);

    public RejectionThreshold {
        if (maxRejectedFraction < 0 || maxRejectedFraction > 1) {
            throw new IllegalArgumentException("the rejection threshold is a fraction between 0 and 1");
        }
    }

    /** {@code te_veel_fouten} when more than the threshold of the {@code read} units was rejected; else null. */
    public FileProblem check(long rejected, long read, String units) {
        double fraction = read == 0 ? 0 : (double) rejected / read;
        if (fraction <= maxRejectedFraction) {
            return null;
        }
        return FileProblem.of(
                ReasonCode.TE_VEEL_FOUTEN,
                String.format(
                        Locale.ROOT,
                        "%d van de %d %s (%.1f %%) zijn afgewezen; de grens is %.1f %%",
                        rejected,
                        read,
                        units,
                        100 * fraction,
                        100 * maxRejectedFraction));
    }
}
