package nl.jeugdspiegel.core.storage;

import java.time.Instant;
import java.util.Map;

/**
 * What the store knows of an object without reading it. From a listing the version and metadata are not known
 * ({@code null} and empty); from {@link ObjectStore#head} or {@link ObjectStore#openIfExists} they are.
 *
 * @param eTag     the entity tag, or null when the store gives none
 * @param metadata the user metadata ({@code x-amz-meta-*}), keys in lower case
 */
public record ObjectInfo(
        String key, String eTag, long size, Instant lastModified, String versionId, Map<String, String> metadata) {

    public ObjectInfo {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
