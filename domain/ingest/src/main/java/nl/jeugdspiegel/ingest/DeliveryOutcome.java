package nl.jeugdspiegel.ingest;

import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.ingest.problem.FileProblem;

/**
 * What became of one delivery (docs/contract.md §3). The receipt's {@code status}, {@code toegepast},
 * {@code vervangt}, {@code identiek_aan} and {@code levering_in_gebruik} follow from it, in
 * {@link ReceiptMaker} and nowhere else.
 */
public sealed interface DeliveryOutcome {

    /**
     * Not taken in: the file as a whole, or more than the threshold of its rows, failed; or its processing failed.
     *
     * @param inForce       the delivery that stays in force for the same gemeente and periode, or null
     * @param quarantineKey where a copy of the upload was put, or null when it was not (a processing failure)
     */
    record Rejected(FileProblem problem, Provenance inForce, String quarantineKey) implements DeliveryOutcome {}

    /** Accepted, but a newer delivery for the same gemeente and periode is in force and stays so: it replaces nothing. */
    record NotApplied(Provenance inForce, String lakeKey) implements DeliveryOutcome {}

    /**
     * Accepted and written to the lake: from now on it is the delivery in force.
     *
     * @param written     this delivery, as the lake object's metadata now names it
     * @param replaced    the earlier delivery whose rows it replaced, or null (none, or a replay of itself)
     * @param identicalTo the key of the delivery in force before whose bytes were the same, or null
     */
    record Applied(Provenance written, Provenance replaced, String identicalTo, String lakeKey)
            implements DeliveryOutcome {}
}
