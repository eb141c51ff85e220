package nl.jeugdspiegel.indicators;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a batch of queue messages asks for: the periods of the lake objects that changed (S3 event
 * notifications of {@code lake/trajecten/periode=P/gemeente=G/part-00000.parquet}), or everything
 * ({@code {"recompute":"all"}}, the scheduled full run), from the typed {@link Message}s the handler read. S3's test
 * message is skipped; a malformed message is reported ({@link #of}) and dropped: one odd message must not block the
 * queue.
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

    /**
     * One queue message, as the handler read it with the Lambda events library: an S3 notification of objects
     * created (their URL-decoded keys), the scheduled {@code {"recompute":"all"}}, a message S3 sends without
     * records (its test message), or one that is none of these, with why.
     */
    public sealed interface Message {
        /** An S3 notification: the keys of the objects it names, URL-decoded. */
        record ObjectsCreated(List<String> keys) implements Message {
            public ObjectsCreated {
                keys = List.copyOf(keys);
            }
        }

        /** The scheduled full run. */
        record RecomputeAll() implements Message {}

        /** A message without records that S3 sends (its {@code s3:TestEvent}): nothing to do. */
        record WithoutRecords(String event) implements Message {}

        /** Not a message this queue should carry; {@code reason} is for the log. */
        record Malformed(String reason) implements Message {}
    }

    /** A batch read: what it asks for, and which of its messages (by position) are malformed, with why. */
    public record Batch(RecomputeRequest request, Map<Integer, String> malformed) {}

    /**
     * Combines the messages of one batch. A malformed one is reported, not fatal, so one bad message cannot make the
     * batch fail until it dead-letters; keys outside the lake (an upload, a table) are skipped.
     */
    public static Batch of(List<Message> messages) {
        Set<Periode> changed = new TreeSet<>();
        Map<Integer, String> malformed = new TreeMap<>();
        boolean all = false;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message instanceof Message.RecomputeAll) {
                all = true;
            } else if (message instanceof Message.ObjectsCreated created) {
                for (String key : created.keys()) {
                    Optional<Periode> periode = lakePeriode(key);
                    if (periode.isPresent()) {
                        changed.add(periode.get());
                    } else {
                        LOG.warn("skipped a notification for a key outside the lake: {}", key);
                    }
                }
            } else if (message instanceof Message.WithoutRecords without) {
                LOG.info("skipped a message without Records (event {})", without.event());
            } else if (message instanceof Message.Malformed bad) {
                malformed.put(i, bad.reason());
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
