package nl.jeugdspiegel.ingest;

import java.util.Optional;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.ReceiptPage;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a receipt (JSON, then its readable page) at the upload's receipt key, unless that key already holds the
 * receipt of a newer delivery of the same key (docs/contract.md §1): then beside it, in {@code eerdere-versies/}. Which
 * delivery a receipt belongs to is in its object metadata ({@link Provenance}), as for the lake.
 */
final class ReceiptWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptWriter.class);
    private static final int MAX_CONDITIONAL_WRITE_ATTEMPTS = 5;

    private final ReferenceData reference;

    ReceiptWriter(ReferenceData reference) {
        this.reference = reference;
    }

    /** Writes the receipt of {@code delivery}; returns the key written. */
    String write(ObjectStore store, Delivery delivery, Receipt receipt) {
        UploadEvent event = delivery.event();
        Provenance self = delivery.provenance();
        byte[] json = Receipts.toJson(receipt);
        String key = BucketLayout.receipt(event.key(), reference::isMunicipality);
        if (putUnlessNewer(store, key, json, "application/json", self)) {
            writePage(store, key, receipt, self);
            return key;
        }
        String beside = BucketLayout.earlierVersionReceipt(
                event.key(), reference::isMunicipality, event.eventTime(), delivery.versionId());
        store.putBytes(beside, json, "application/json", self.toS3Metadata(), ObjectStore.Condition.NONE);
        writePage(store, beside, receipt, self);
        return beside;
    }

    /**
     * Writes {@code key} as {@code self}'s, unless it already holds what a newer delivery of the same upload key wrote
     * there (its object metadata says whose it is): then returns false and leaves it. A write that loses to a
     * concurrent one looks again.
     */
    private static boolean putUnlessNewer(
            ObjectStore store, String key, byte[] content, String contentType, Provenance self) {
        for (int attempt = 1; attempt <= MAX_CONDITIONAL_WRITE_ATTEMPTS; attempt++) {
            Optional<ObjectInfo> existing = store.head(key);
            Optional<Provenance> holder = existing.flatMap(h -> Provenance.fromS3Metadata(h.metadata()));
            if (holder.isPresent()
                    && holder.get().key().equals(self.key())
                    && holder.get().isNewerThan(self)) {
                return false;
            }
            if (store.putBytes(key, content, contentType, self.toS3Metadata(), ObjectStore.Condition.asSeen(existing))
                    == ObjectStore.Write.WRITTEN) {
                return true;
            }
        }
        throw new IllegalStateException("the receipt " + key + " kept changing while it was written");
    }

    /**
     * The readable receipt beside its JSON, written after it (a retry writes both again), under the same rule: never
     * over the page of a newer delivery, which a concurrent ingest of the same key may have written in between. A
     * failure to render is logged and leaves the JSON, which is the contract, in place.
     */
    private static void writePage(ObjectStore store, String jsonKey, Receipt receipt, Provenance self) {
        byte[] html;
        try {
            html = ReceiptPage.html(receipt);
        } catch (RuntimeException e) {
            LOG.error("no readable receipt for {}: {}", jsonKey, Failures.describe(e));
            return;
        }
        putUnlessNewer(store, BucketLayout.receiptPage(jsonKey), html, "text/html; charset=utf-8", self);
    }
}
