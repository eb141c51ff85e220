package nl.jeugdspiegel.functions.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Set;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.indicators.RecomputeRequest;
import org.junit.jupiter.api.Test;

/** The queue messages of events/*.json, as the handler turns them into a request. */
class IndicatorsHandlerTest {

    private static RecomputeRequest request(String event) {
        SQSEvent sqs = Events.load(event);
        return RecomputeRequest.fromMessages(
                sqs.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
    }

    @Test
    void lakeNotificationWithUrlEncodedKeyAndS3TestMessage() {
        RecomputeRequest request = request("sqs-lake-updated.json");
        assertFalse(request.all());
        assertEquals(Set.of(Periode.parse("2024H2")), request.changed());
    }

    @Test
    void scheduledFullRun() {
        assertTrue(request("sqs-scheduled-recompute.json").all());
    }

    @Test
    void malformedMessagesAreNamedAndTheRestIsRead() {
        SQSEvent sqs = Events.load("sqs-malformed-messages.json");
        RecomputeRequest.Batch batch = RecomputeRequest.read(
                sqs.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
        assertEquals(Set.of(0, 1), batch.malformed().keySet());
        assertEquals(Set.of(Periode.parse("2024H2")), batch.request().changed());
    }
}
