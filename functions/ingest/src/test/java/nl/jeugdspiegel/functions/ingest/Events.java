package nl.jeugdspiegel.functions.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import nl.jeugdspiegel.core.json.Json;

/**
 * The repository's events/*.json (the files {@code sam local invoke -e} uses; on the test class path as
 * {@code events/…}) loaded with aws-lambda-java-tests' {@link EventLoader}, and the variants the ingest tests need
 * of them: a versioned object, a later upload of the same key, another key.
 */
final class Events {

    private Events() {}

    static S3Event load(String name) {
        return EventLoader.loadS3Event("events/" + name);
    }

    /** An event file with the object's versionId set, as S3 sends it for a versioned bucket. */
    static S3Event withVersionId(String name, String versionId) {
        return with(name, record -> ((ObjectNode) record.at("/s3/object")).put("versionId", versionId));
    }

    /** An event file for a later upload of the same key: another event time and sequencer. */
    static S3Event later(String name, String eventTime, String sequencer) {
        return with(name, record -> {
            record.put("eventTime", eventTime);
            ((ObjectNode) record.at("/s3/object")).put("sequencer", sequencer);
        });
    }

    /** The upload event of {@code s3-put-upload.json} for another key, URL-encoded as S3 sends it. */
    static S3Event upload(String key) {
        String encoded = java.util.Arrays.stream(key.split("/", -1))
                .map(segment -> java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("/"));
        return with("s3-put-upload.json", record -> ((ObjectNode) record.at("/s3/object")).put("key", encoded));
    }

    private static S3Event with(String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode json;
            try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
                json = (ObjectNode) Json.MAPPER.readTree(in);
            }
            change.accept((ObjectNode) json.at("/Records/0"));
            return LambdaEventSerializers.serializerFor(S3Event.class, Events.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bucket(S3Event event) {
        return event.getRecords().get(0).getS3().getBucket().getName();
    }

    static String key(S3Event event) {
        return event.getRecords().get(0).getS3().getObject().getUrlDecodedKey();
    }
}
