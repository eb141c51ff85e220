package nl.jeugdspiegel.runner;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.jeugdspiegel.core.json.Json;

/**
 * S3 ObjectCreated events as S3 sends them to Lambda: the same JSON shape as {@code events/*.json}
 * (a template read from there when available), with the key URL-encoded, then deserialised the way
 * the Lambda Java runtime does.
 */
final class S3Events {

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private S3Events() {}

    static String objectCreatedJson(
            String bucket, String key, long size, String eTag, Instant eventTime, long sequence) {
        return objectCreatedJson("jeugdspiegel-ingest-uploads", bucket, key, size, eTag, eventTime, sequence);
    }

    /** The event of one new object, for the S3 notification configuration {@code configurationId}. */
    static String objectCreatedJson(
            String configurationId,
            String bucket,
            String key,
            long size,
            String eTag,
            Instant eventTime,
            long sequence) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", "eu-central-1");
        record.put("eventTime", EVENT_TIME.format(eventTime.truncatedTo(ChronoUnit.MILLIS)));
        record.put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "local-runner");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "local");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("eTag", eTag == null ? "" : eTag.replace("\"", ""));
        object.put("sequencer", String.format(Locale.ROOT, "%018X", sequence));
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        records.add(record);
        return event.toString();
    }

    /** S3 URL-encodes keys in events (a space becomes {@code +}); slashes stay. */
    static String encodeKey(String key) {
        StringBuilder encoded = new StringBuilder();
        for (String part : key.split("/", -1)) {
            if (encoded.length() > 0) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(part, StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    /** An SQS batch as Lambda delivers it from a queue, one message per body (S3 notifications or the schedule). */
    static SQSEvent sqsBatch(String queueName, List<String> bodies) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        int n = 0;
        for (String body : bodies) {
            ObjectNode message = records.addObject();
            message.put(
                    "messageId",
                    UUID.nameUUIDFromBytes((queueName + n++).getBytes(StandardCharsets.UTF_8))
                            .toString());
            message.put("receiptHandle", "local-" + n);
            message.put("body", body);
            message.putObject("attributes").put("ApproximateReceiveCount", "1");
            message.putObject("messageAttributes");
            message.put("eventSource", "aws:sqs");
            message.put("eventSourceARN", "arn:aws:sqs:eu-central-1:000000000000:" + queueName);
            message.put("awsRegion", "eu-central-1");
        }
        return LambdaEventSerializers.serializerFor(SQSEvent.class, S3Events.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static S3Event parse(String json) {
        return LambdaEventSerializers.serializerFor(S3Event.class, S3Events.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
