package nl.jeugdspiegel.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a batch of queue messages asks for: the periods of the lake objects that changed (S3 event
 * notifications of {@code lake/trajecten/periode=P/gemeente=G/part-00000.parquet}), or everything
 * ({@code {"recompute":"all"}}, the scheduled full run). S3's test message is skipped; a malformed message is
 * reported ({@link #read}) and dropped: one odd message must not block the queue.
 */
public record RecomputeRequest(boolean all, Set<Periode> changed) {

    private static final Logger LOG = LoggerFactory.getLogger(RecomputeRequest.class);

    public static final RecomputeRequest ALL = new RecomputeRequest(true, Set.of());

    public RecomputeRequest {
        changed = Set.copyOf(changed);
    }

    public static RecomputeRequest of(Periode... changed) {
        return new RecomputeRequest(false, Set.of(changed));
    }

    public boolean isEmpty() {
        return !all && changed.isEmpty();
    }

    /** A batch read: what it asks for, and which of its messages (by position) are malformed, with why. */
    public record Batch(RecomputeRequest request, Map<Integer, String> malformed) {}

    /** Combines the bodies of one batch of messages. */
    public static RecomputeRequest fromMessages(List<String> bodies) {
        return read(bodies).request();
    }

    /**
     * Reads a batch message by message: a malformed one (not JSON, no S3 notification of the expected shape, a
     * key that is not validly URL-encoded) is reported, not fatal, so one bad message cannot make the batch
     * fail until it dead-letters. S3's test message and notifications for keys outside the lake are skipped.
     */
    public static Batch read(List<String> bodies) {
        Set<Periode> changed = new TreeSet<>();
        Map<Integer, String> malformed = new TreeMap<>();
        boolean all = false;
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            try {
                JsonNode message = body == null ? null : Json.MAPPER.readTree(body);
                if (message == null || !message.isObject()) {
                    malformed.put(i, "geen JSON-object");
                } else if ("all".equals(message.path("recompute").asText())) {
                    all = true;
                } else if (message.has("Records") && message.get("Records").isArray()) {
                    for (JsonNode record : message.get("Records")) {
                        String key = record.at("/s3/object/key").asText("");
                        Optional<Periode> periode = lakePeriode(URLDecoder.decode(key, StandardCharsets.UTF_8));
                        if (periode.isPresent()) {
                            changed.add(periode.get());
                        } else {
                            LOG.warn("skipped a notification for a key outside the lake: {}", key);
                        }
                    }
                } else if (message.has("Event")) {
                    LOG.info(
                            "skipped a message without Records (event {})",
                            message.path("Event").asText("unknown"));
                } else {
                    malformed.put(i, "geen S3-melding en geen {\"recompute\":\"all\"}");
                }
            } catch (JsonProcessingException e) {
                malformed.put(i, "geen JSON (" + body.length() + " tekens)");
            } catch (IllegalArgumentException e) {
                malformed.put(i, "sleutel niet geldig URL-gecodeerd");
            }
        }
        return new Batch(all ? ALL : new RecomputeRequest(false, changed), malformed);
    }

    /** The periode of a lake object key, if it is one. */
    static Optional<Periode> lakePeriode(String key) {
        return BucketLayout.partitionOf(key)
                .filter(p -> p.file().endsWith(".parquet"))
                .map(BucketLayout.Partition::periode);
    }

    /**
     * The periods whose tables are rewritten, out of those that have deliveries: all of them for a full
     * run; otherwise each changed periode Q, the periode before it (its follow-up window lies in Q) and the
     * later ones (merged rows carried over from Q can still be active there). Earlier periods change only
     * through late registrations; the scheduled full run picks those up.
     */
    public Set<Periode> affected(Set<Periode> lakePeriods) {
        if (all) {
            return new TreeSet<>(lakePeriods);
        }
        Set<Periode> out = new TreeSet<>();
        for (Periode p : lakePeriods) {
            for (Periode q : changed) {
                if (p.compareTo(q.previous()) >= 0) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
