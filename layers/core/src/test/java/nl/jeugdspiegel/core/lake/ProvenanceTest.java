package nl.jeugdspiegel.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static final Provenance DELIVERY = new Provenance(
            "uploads/GM0363/2024H1/trajecten 2024H1 (é).csv",
            "v1",
            "etag",
            "ab".repeat(32),
            Instant.parse("2024-07-15T09:30:00Z"),
            "0067878B1C");

    @Test
    void oneSpellingInTheFooterAndInTheS3Metadata() {
        Map<String, String> footer = DELIVERY.toFooter("1.2");
        Map<String, String> s3 = DELIVERY.toS3Metadata();
        for (String name : footer.keySet()) {
            if (!name.equals(Provenance.CONTRACT_VERSION)) {
                assertTrue(s3.containsKey(name), name + " has one name in both");
            }
        }
        assertEquals(DELIVERY.key(), footer.get(Provenance.KEY), "the footer keeps the key as it is, for analysts");
        assertTrue(s3.values().stream().allMatch(v -> v.chars().allMatch(c -> c < 128)), "S3 metadata is ASCII");
        assertEquals(Optional.of(DELIVERY), Provenance.fromS3Metadata(s3));
        Provenance fromFooter = Provenance.fromFooter(footer).orElseThrow();
        assertTrue(fromFooter.sameUpload(DELIVERY));
        assertEquals(null, fromFooter.sha256(), "the footer is written before the hash is known");
    }

    @Test
    void lakeObjectsWrittenBeforeV13AreStillRead() {
        Map<String, String> earlier = Map.of(
                "bron-sleutel", "uploads%2FGM0363%2F2024H1%2Fa.csv",
                "bron-versie", "",
                "bron-etag", "e",
                "bron-sha256", "cd".repeat(32),
                "bron-tijd", "2024-07-15T09:30:00Z",
                "bron-volgnummer", "");
        Provenance read = Provenance.fromS3Metadata(earlier).orElseThrow();
        assertEquals("uploads/GM0363/2024H1/a.csv", read.key());
        assertEquals(null, read.versionId());
        assertEquals("cd".repeat(32), read.sha256());
        assertTrue(Provenance.profileIn(earlier).isEmpty(), "no profile: the file is read instead");
    }

    @Test
    void orderIsEventTimeThenKeyThenSequencer() {
        Provenance later = new Provenance(DELIVERY.key(), "v2", "e2", "x", DELIVERY.eventTime(), "0067878B1D");
        assertTrue(later.isNewerThan(DELIVERY));
        assertFalse(DELIVERY.isNewerThan(DELIVERY), "a replay is not newer");
        Provenance longerSequencer = new Provenance(DELIVERY.key(), "v3", "e3", "x", DELIVERY.eventTime(), "100");
        assertTrue(DELIVERY.isNewerThan(longerSequencer), "sequencers compare as hexadecimal numbers");
    }

    @Test
    void theProfileTravelsWithTheLakeObject() {
        LakeProfile profile = new LakeProfile(10, 8, 3, 9, 2, 7, 9, 4, 3, 2, 1, 1, 0, 5, -1);
        Map<String, String> s3 = DELIVERY.toS3Metadata(profile);
        assertEquals(Optional.of(profile), Provenance.profileIn(s3));
        assertEquals(Optional.empty(), LakeProfile.fromMetadataValue("1:1,2,3"));
        assertEquals(
                Optional.empty(),
                LakeProfile.fromMetadataValue("2:" + profile.toMetadataValue().substring(2)));
        assertEquals(Optional.empty(), LakeProfile.fromMetadataValue("1:a,b,c,d,e,f,g,h,i,j,k,l,m,n,o"));
    }
}
