package nl.jeugdspiegel.functions.indicators;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.indicators.RecomputeRequest.Message;

/**
 * The body of one queue message as a typed {@link Message}: an S3 notification is read with the Lambda events
 * library (the serializer the Java runtime itself uses, so {@code Records}, the event time and the URL-encoded key
 * are read as S3 wrote them); the scheduled run and S3's test message are read into the small records below.
 */
final class QueueMessages {

    private static final PojoSerializer<S3Event> S3_NOTIFICATION =
            LambdaEventSerializers.serializerFor(S3Event.class, QueueMessages.class.getClassLoader());

    /** What the queue carries besides S3 notifications: the schedule's message, or S3's test message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OtherMessage(
            String recompute, @JsonProperty("Event") String event) {}

    private QueueMessages() {}

    static Message read(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return new Message.Malformed("geen JSON-object");
        }
        OtherMessage other;
        try {
            other = Json.MAPPER.readValue(body, OtherMessage.class);
        } catch (JsonProcessingException e) {
            return new Message.Malformed("geen JSON (" + body.length() + " tekens)");
        }
        if ("all".equals(other.recompute())) {
            return new Message.RecomputeAll();
        }
        if (other.event() != null) {
            return new Message.WithoutRecords(other.event());
        }
        S3Event notification;
        try {
            notification = S3_NOTIFICATION.fromJson(body);
        } catch (RuntimeException e) {
            return new Message.Malformed("geen S3-melding van de verwachte vorm");
        }
        if (notification.getRecords() == null || notification.getRecords().isEmpty()) {
            return new Message.Malformed("geen S3-melding en geen {\"recompute\":\"all\"}");
        }
        List<String> keys = new ArrayList<>();
        for (S3EventNotificationRecord record : notification.getRecords()) {
            if (record.getS3() == null || record.getS3().getObject() == null) {
                return new Message.Malformed("S3-melding zonder object");
            }
            try {
                keys.add(record.getS3().getObject().getUrlDecodedKey());
            } catch (IllegalArgumentException e) {
                return new Message.Malformed("sleutel niet geldig URL-gecodeerd");
            }
        }
        return new Message.ObjectsCreated(keys);
    }
}
