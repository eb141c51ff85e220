package nl.jeugdspiegel.core.lake;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which delivery a lake file holds: one record, one spelling. The same names ({@value #KEY}, {@value #VERSION},
 * {@value #TIME}, ...) are the Parquet footer's key/value metadata, where analysts read them with
 * {@code parquet_kv_metadata}, and the lake object's S3 user metadata, where ingest reads them with one HEAD to decide
 * whether a new delivery is newer than the one in force. The footer is written before the upload is read to its end,
 * so it has no hash; the S3 metadata has, and the delivery's {@link LakeProfile} for the next delivery's comparison.
 * Deliveries are ordered by S3 event time, then key, then S3's sequencer, so an older delivery that arrives late never
 * replaces a newer one.
 *
 * @param key       the upload's key
 * @param versionId its S3 version, or null in a bucket without versioning
 * @param eTag      its ETag, or null
 * @param sha256    hex SHA-256 of the uploaded bytes, or null where not yet known (the footer)
 * @param eventTime the S3 event time: when the gemeente delivered
 * @param sequencer S3's sequencer of the event, or null
 */
public record Provenance(
        String key, String versionId, String eTag, String sha256, Instant eventTime, String sequencer) {

    public static final String KEY = "jeugdspiegel.bron_sleutel";
    public static final String VERSION = "jeugdspiegel.bron_versie";
    /** The S3 event time of the delivery (ISO-8601): when a gemeente delivered, for the report's "laat" rule. */
    public static final String TIME = "jeugdspiegel.bron_tijd";

    public static final String ETAG = "jeugdspiegel.bron_etag";
    public static final String SHA256 = "jeugdspiegel.bron_sha256";
    public static final String SEQUENCER = "jeugdspiegel.bron_volgnummer";
    public static final String CONTRACT_VERSION = "jeugdspiegel.contractversie";
    /** In the S3 metadata only: the delivery's profile ({@link LakeProfile#toMetadataValue}). */
    public static final String PROFILE = "jeugdspiegel.profiel";

    /** The names S3 metadata had before contract v1.3 (read, never written): lake objects in force keep them. */
    private static final Map<String, String> EARLIER_S3_NAMES = Map.of(
            KEY, "bron-sleutel",
            VERSION, "bron-versie",
            ETAG, "bron-etag",
            SHA256, "bron-sha256",
            TIME, "bron-tijd",
            SEQUENCER, "bron-volgnummer");

    public static final Comparator<Provenance> ORDER = Comparator.comparing(Provenance::eventTime)
            .thenComparing(Provenance::key)
            .thenComparing(r -> paddedSequencer(r.sequencer()));

    public Provenance {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /** Is this delivery strictly newer than {@code other}? Equal deliveries (a replay) are not. */
    public boolean isNewerThan(Provenance other) {
        return ORDER.compare(this, other) > 0;
    }

    /** The same upload (key, version and time), whatever is known of its hash. */
    public boolean sameUpload(Provenance other) {
        return key.equals(other.key) && Objects.equals(versionId, other.versionId) && eventTime.equals(other.eventTime);
    }

    /** For the Parquet footer (readable by analysts): the key as it is, the contract version, no hash. */
    public Map<String, String> toFooter(String contractVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY, key);
        m.put(VERSION, nullToEmpty(versionId));
        m.put(TIME, eventTime.toString());
        m.put(CONTRACT_VERSION, contractVersion);
        return m;
    }

    /** As S3 user metadata: ASCII only, so the key is URL-encoded. */
    public Map<String, String> toS3Metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY, URLEncoder.encode(key, StandardCharsets.UTF_8));
        m.put(VERSION, nullToEmpty(versionId));
        m.put(ETAG, nullToEmpty(eTag));
        m.put(SHA256, nullToEmpty(sha256));
        m.put(TIME, eventTime.toString());
        m.put(SEQUENCER, nullToEmpty(sequencer));
        return m;
    }

    /** As S3 user metadata with the delivery's profile, for the lake object. */
    public Map<String, String> toS3Metadata(LakeProfile profile) {
        Map<String, String> m = toS3Metadata();
        m.put(PROFILE, profile.toMetadataValue());
        return m;
    }

    /** The provenance in a Parquet footer; empty when the file was not written by this ingest. */
    public static Optional<Provenance> fromFooter(Map<String, String> footer) {
        String key = footer.get(KEY);
        String time = footer.get(TIME);
        if (key == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Provenance(key, emptyToNull(footer.get(VERSION)), null, null, Instant.parse(time), null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The provenance in an object's S3 metadata (also as written before v1.3); empty when this ingest wrote none. */
    public static Optional<Provenance> fromS3Metadata(Map<String, String> metadata) {
        String key = s3Value(metadata, KEY);
        String time = s3Value(metadata, TIME);
        if (key == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Provenance(
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    emptyToNull(s3Value(metadata, VERSION)),
                    emptyToNull(s3Value(metadata, ETAG)),
                    emptyToNull(s3Value(metadata, SHA256)),
                    Instant.parse(time),
                    emptyToNull(s3Value(metadata, SEQUENCER))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The profile in a lake object's S3 metadata; empty for an object written before v1.3, or a foreign one. */
    public static Optional<LakeProfile> profileIn(Map<String, String> metadata) {
        return LakeProfile.fromMetadataValue(metadata.get(PROFILE));
    }

    private static String s3Value(Map<String, String> metadata, String name) {
        String value = metadata.get(name);
        return value != null ? value : metadata.get(EARLIER_S3_NAMES.get(name));
    }

    /** S3 sequencers are hexadecimal of varying length: compare them as numbers. */
    static String paddedSequencer(String sequencer) {
        String s = sequencer == null ? "" : sequencer.toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, 64 - s.length())) + s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
