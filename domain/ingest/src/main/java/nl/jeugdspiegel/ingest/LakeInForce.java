package nl.jeugdspiegel.ingest;

import java.util.Optional;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;

/**
 * The lake object of a gemeente and periode as one HEAD found it: whether there is one, which delivery it holds, and
 * that delivery's profile. Read once per delivery and handed to what needs it: the assessment (is this a replay, a
 * replacement or a first delivery; what to compare with), the write (only when the object is still as seen) and the
 * rejection (which delivery stays in force).
 *
 * @param key    the lake key
 * @param object the object, empty when there is none
 */
record LakeInForce(String key, Optional<ObjectInfo> object) {

    static LakeInForce read(ObjectStore store, String lakeKey) {
        return new LakeInForce(lakeKey, store.head(lakeKey));
    }

    /** The delivery the object holds; empty when there is none, or it was not written by this ingest. */
    Optional<Provenance> provenance() {
        return object.flatMap(o -> Provenance.fromS3Metadata(o.metadata()));
    }

    /** The profile stored with the object (since v1.3); empty for an older object, which is then read instead. */
    Optional<LakeProfile> profile() {
        return object.flatMap(o -> Provenance.profileIn(o.metadata()));
    }

    /** The write condition "as seen": still absent, or still at the ETag the HEAD gave. */
    ObjectStore.Condition unchanged() {
        return ObjectStore.Condition.asSeen(object);
    }
}
