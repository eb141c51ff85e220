package nl.jeugdspiegel.ingest;

import nl.jeugdspiegel.ingest.receipt.Receipt;

/**
 * Told of every receipt once it is written (not of the {@code verwerking_mislukt} receipts of attempts that are
 * retried): in AWS the optional SNS notification per receipt, locally nothing (the runner prints the path itself). A
 * listener that fails is logged; the receipt stays written.
 */
@FunctionalInterface
public interface ReceiptListener {

    ReceiptListener NONE = (key, receipt) -> {};

    /** @param key the receipt's key ({@code receipts/…/{naam}.json}; the readable one is beside it) */
    void written(String key, Receipt receipt);
}
