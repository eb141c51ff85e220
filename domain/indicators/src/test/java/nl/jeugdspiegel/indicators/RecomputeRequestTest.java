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

    private static String notification(String key) {
        return "{\"Records\":[{\"eventSource\":\"aws:s3\",\"s3\":{\"object\":{\"key\":\"" + key + "\"}}}]}";
    }

    @Test
    void lakeNotificationsNameTheirPeriods() {
        RecomputeRequest request = RecomputeRequest.fromMessages(List.of(
                notification("lake/trajecten/periode%3D2025H1/gemeente%3DGM0363/part-00000.parquet"),
                notification("lake/trajecten/periode=2025H1/gemeente=GM0014/part-00000.parquet"),
                notification("lake/trajecten/periode%3D2024H2/gemeente%3DGM0014/part-00000.parquet")));
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
        assertTrue(RecomputeRequest.fromMessages(List.of(
                        notification("lake/trajecten/periode=2025H1/gemeente=GM0014/part-00000.parquet"),
                        "{\"recompute\":\"all\"}"))
                .all());
    }

    @Test
    void oddMessagesAreSkipped() {
        RecomputeRequest request = RecomputeRequest.fromMessages(List.of(
                "not json",
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}",
                notification("uploads/GM0014/2025H1/trajecten.csv"),
                notification("indicators/periode%3D2025H1/indicators.csv")));
        assertTrue(request.isEmpty());
        assertTrue(request.affected(LAKE).isEmpty());
    }
}
