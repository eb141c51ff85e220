package nl.jeugdspiegel.ingest;

import java.time.Instant;
import nl.jeugdspiegel.core.lake.Provenance;

/**
 * One uploaded object, as an S3 ObjectCreated event describes it.
 *
 * @param key       the URL-decoded object key
 * @param versionId the object version (null when the bucket is not versioned)
 * @param eTag      the ETag of the upload (may be null)
 * @param size      the size in bytes (0 when unknown)
 * @param eventTime when S3 received the object; orders deliveries
 * @param sequencer S3's per-key ordering token (may be null)
 */
public record UploadEvent(
        String bucket, String key, String versionId, String eTag, long size, Instant eventTime, String sequencer) {

    /** Event JSON writes absent values as empty strings: they are absent here. */
    public UploadEvent {
        versionId = blankToNull(versionId);
        eTag = blankToNull(eTag);
        sequencer = blankToNull(sequencer);
    }

    /**
     * Which delivery this upload is ({@link Provenance}), with the version and ETag S3 gave when it was read, and its
     * hash once it is known (null before).
     */
    public Provenance provenance(String version, String objectETag, String sha256) {
        return new Provenance(key, version, objectETag, sha256, eventTime, sequencer);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
