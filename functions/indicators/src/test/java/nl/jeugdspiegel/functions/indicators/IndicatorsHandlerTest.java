package nl.jeugdspiegel.functions.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import java.util.Set;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.RecomputeRequest;
import nl.jeugdspiegel.indicators.RecomputeRequest.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The queue messages of events/*.json and hostile bodies, as the handler turns them into a typed request. */
class IndicatorsHandlerTest {

    private static RecomputeRequest.Batch batch(SQSEvent sqs) {
        return RecomputeRequest.of(sqs.getRecords().stream()
                .map(m -> QueueMessages.read(m.getBody()))
                .toList());
    }

    private static String notification(String key) {
        return "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventTime\":\"2025-01-15T10:00:05.000Z\","
                + "\"s3\":{\"object\":{\"key\":\"" + key + "\"}}}]}";
    }

    @ParameterizedTest
    @Event(value = "events/sqs-lake-updated.json", type = SQSEvent.class)
    void lakeNotificationWithUrlEncodedKeyAndS3TestMessage(SQSEvent sqs) {
        RecomputeRequest.Batch batch = batch(sqs);
        assertFalse(batch.request().all());
        assertEquals(Set.of(Periode.parse("2024H2")), batch.request().changed());
        assertTrue(batch.malformed().isEmpty(), "S3's test message is skipped, not malformed");
    }

    @ParameterizedTest
    @Event(value = "events/sqs-scheduled-recompute.json", type = SQSEvent.class)
    void scheduledFullRun(SQSEvent sqs) {
        assertTrue(batch(sqs).request().all());
    }

    @ParameterizedTest
    @Event(value = "events/sqs-malformed-messages.json", type = SQSEvent.class)
    void malformedMessagesAreNamedAndTheRestIsRead(SQSEvent sqs) {
        RecomputeRequest.Batch batch = batch(sqs);
        assertEquals(Set.of(0, 1), batch.malformed().keySet());
        assertEquals(Set.of(Periode.parse("2024H2")), batch.request().changed());
    }

    @Test
    void keysAreUrlDecodedByTheEventsLibrary() {
        Message read = QueueMessages.read(
                notification("lake/trajecten/periode%3D2025H1/gemeente%3DGM0363/part-00000.parquet"));
        assertEquals(
                new Message.ObjectsCreated(List.of("lake/trajecten/periode=2025H1/gemeente=GM0363/part-00000.parquet")),
                read);
    }

    @Test
    void hostileBodiesAreMalformedOrSkippedNeverFatal() {
        for (String body : List.of("not json", "[1,2]", "\"text\"", "{", "{\"Records\":\"x\"}", "{\"foo\":1}", "")) {
            assertInstanceOf(Message.Malformed.class, QueueMessages.read(body), body);
        }
        assertInstanceOf(Message.Malformed.class, QueueMessages.read(null));
        assertInstanceOf(Message.Malformed.class, QueueMessages.read(notification("lake/%ZZ/part-00000.parquet")));
        assertEquals(
                new Message.WithoutRecords("s3:TestEvent"),
                QueueMessages.read("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"));
        RecomputeRequest request = RecomputeRequest.of(List.of(
                        QueueMessages.read(notification("uploads/GM0014/2025H1/trajecten.csv")),
                        QueueMessages.read(notification("indicators/periode%3D2025H1/indicators.csv"))))
                .request();
        assertTrue(request.isEmpty(), "keys outside the lake ask for nothing");
    }
}
