package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;

class RecomputeRequestTest {

    private static final Set<Periode> LAKE =
            Set.of(Periode.parse("2024H1"), Periode.parse("2024H2"), Periode.parse("2025H1"), Periode.parse("2025H2"));

    private static RecomputeRequest.Message notification(String key) {
        return new RecomputeRequest.Message.ObjectsCreated(List.of(key));
    }

    private static RecomputeRequest fromMessages(List<RecomputeRequest.Message> messages) {
        return RecomputeRequest.of(messages).request();
    }

    @Test
    void lakeNotificationsNameTheirPeriods() {
        RecomputeRequest request = fromMessages(List.of(
                notification("lake/trajecten/periode=2025H1/gemeente=GM0363/part-00000.parquet"),
                notification("lake/trajecten/periode=2025H1/gemeente=GM0014/part-00000.parquet"),
                notification("lake/trajecten/periode=2024H2/gemeente=GM0014/part-00000.parquet")));
        assertFalse(request.all());
        assertEquals(Set.of(Periode.parse("2024H2"), Periode.parse("2025H1")), request.changed());
    }

    @Test
    void affectedAreTheChangedPeriodeThePreviousOneAndLaterOnes() {
        // 2025H1 changed: 2024H2 (its follow-up lies in 2025H1), 2025H1 and the later 2025H2; not 2024H1
        assertEquals(
                Set.of(Periode.parse("2024H2"), Periode.parse("2025H1"), Periode.parse("2025H2")),
                RecomputeRequest.of(Periode.parse("2025H1")).affected(LAKE));
        assertEquals(LAKE, RecomputeRequest.ALL.affected(LAKE));
    }

    @Test
    void scheduledMessageAsksForEverything() {
        assertTrue(fromMessages(List.of(
                        notification("lake/trajecten/periode=2025H1/gemeente=GM0014/part-00000.parquet"),
                        new RecomputeRequest.Message.RecomputeAll()))
                .all());
    }

    @Test
    void oddMessagesAreSkipped() {
        RecomputeRequest request = fromMessages(List.of(
                new RecomputeRequest.Message.Malformed("geen JSON"),
                new RecomputeRequest.Message.WithoutRecords("s3:TestEvent"),
                notification("uploads/GM0014/2025H1/trajecten.csv"),
                notification("indicators/periode=2025H1/indicators.csv")));
        assertTrue(request.isEmpty());
        assertTrue(request.affected(LAKE).isEmpty());
    }
}
