package nl.jeugdspiegel.ingest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.jeugdspiegel.core.lake.LakeSchema;

/**
 * Which delivery a lake file holds: stored as the lake object's S3 user metadata (read with one HEAD)
 * and in the Parquet footer. Deliveries are ordered by S3 event time, then key, then S3's sequencer, so
 * an older delivery that arrives late never replaces a newer one.
 */
public record DeliveryRef(
        String key, String versionId, String eTag, String sha256, Instant eventTime, String sequencer) {

    private static final String KEY = "bron-sleutel";
    private static final String VERSION = "bron-versie";
    private static final String ETAG = "bron-etag";
    private static final String SHA256 = "bron-sha256";
    private static final String TIME = "bron-tijd";
    private static final String SEQUENCER = "bron-volgnummer";

    public static final Comparator<DeliveryRef> ORDER = Comparator.comparing(DeliveryRef::eventTime)
            .thenComparing(DeliveryRef::key)
            .thenComparing(r -> paddedSequencer(r.sequencer()));

    public static DeliveryRef of(UploadEvent event, String versionId, String eTag, String sha256) {
        return new DeliveryRef(event.key(), versionId, eTag, sha256, event.eventTime(), event.sequencer());
    }

    /** Is this delivery strictly newer than {@code other}? Equal deliveries (a replay) are not. */
    public boolean isNewerThan(DeliveryRef other) {
        return ORDER.compare(this, other) > 0;
    }

    /** As S3 user metadata: ASCII only, so the key is URL-encoded. */
    public Map<String, String> toS3Metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY, URLEncoder.encode(key, StandardCharsets.UTF_8));
        m.put(VERSION, nullToEmpty(versionId));
        m.put(ETAG, nullToEmpty(eTag));
        m.put(SHA256, sha256);
        m.put(TIME, eventTime.toString());
        m.put(SEQUENCER, nullToEmpty(sequencer));
        return m;
    }

    /**
     * The provenance for the Parquet footer, readable by analysts ({@code parquet_kv_metadata} in DuckDB).
     * It is known before the file is read, so it has no hash; the S3 metadata has.
     */
    public static Map<String, String> footerMetadata(UploadEvent event, String versionId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LakeSchema.FOOTER_BRON_SLEUTEL, event.key());
        m.put(LakeSchema.FOOTER_BRON_VERSIE, nullToEmpty(versionId));
        m.put(LakeSchema.FOOTER_BRON_TIJD, event.eventTime().toString());
        m.put(LakeSchema.FOOTER_CONTRACTVERSIE, IngestService.CONTRACT_VERSION);
        return m;
    }

    /** Reads the metadata of a lake object; empty when it was not written by this ingest. */
    public static Optional<DeliveryRef> fromS3Metadata(Map<String, String> metadata) {
        String key = metadata.get(KEY);
        String time = metadata.get(TIME);
        if (key == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeliveryRef(
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    emptyToNull(metadata.get(VERSION)),
                    emptyToNull(metadata.get(ETAG)),
                    metadata.get(SHA256),
                    Instant.parse(time),
                    emptyToNull(metadata.get(SEQUENCER))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** S3 sequencers are hexadecimal of varying length: compare them as numbers. */
    static String paddedSequencer(String sequencer) {
        String s = sequencer == null ? "" : sequencer.toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, 64 - s.length())) + s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
