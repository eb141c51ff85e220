package nl.jeugdspiegel.ingest;

import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.receipt.Receipt;

/**
 * One delivery as far as it was read: what a receipt says besides the {@link DeliveryOutcome}.
 *
 * @param object       the uploaded object as S3 gave it, or null when it could not be read
 * @param key          the parsed upload key, or null when the key itself was refused
 * @param sha256       hex SHA-256 of the uploaded bytes, or null when they were not read
 * @param result       the rows read, or null when the file was refused before its rows
 * @param berichten    for a zip of iJw messages, its receipt part; else null
 * @param startedNanos {@link System#nanoTime()} when processing began
 */
record Delivery(
        UploadEvent event,
        ObjectInfo object,
        UploadKey key,
        String sha256,
        DeliveryResult result,
        Receipt.Berichten berichten,
        long startedNanos) {

    static Delivery unread(UploadEvent event, ObjectInfo object, long startedNanos) {
        return new Delivery(event, object, null, null, null, null, startedNanos);
    }

    /** The upload's size: from S3 when it answered, else from the event. */
    long size() {
        return sizeOf(event, object);
    }

    /** The upload's size: from S3 when it answered with one, else from the event. */
    static long sizeOf(UploadEvent event, ObjectInfo object) {
        return object != null && object.size() > 0 ? object.size() : event.size();
    }

    String versionId() {
        return object != null ? object.versionId() : event.versionId();
    }

    String eTag() {
        return object != null ? object.eTag() : event.eTag();
    }

    /** Which delivery this is, for the lake object's and the receipt's metadata; the hash once it is known. */
    Provenance provenance() {
        return event.provenance(versionId(), eTag(), sha256);
    }
}
