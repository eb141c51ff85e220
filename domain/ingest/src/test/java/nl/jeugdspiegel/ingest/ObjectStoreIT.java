package nl.jeugdspiegel.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import nl.jeugdspiegel.s3local.Faults.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The store's atomic writes against the embedded S3 server: multipart upload and copy, conditions, aborts. */
class ObjectStoreIT {

    private static final long PART = 5L * 1024 * 1024;
    private static EmbeddedS3 server;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.inMemory();
        s3 = server.clientBuilder()
                .overrideConfiguration(AwsClients.overrides(3, Duration.ofSeconds(30)))
                .build();
        s3.createBucket(r -> r.bucket("store"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void uploadsLargeFilesInPartsAndCopiesThemInParts(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes((int) (2 * PART + 123_456));
        Path file = dir.resolve("big.bin");
        Files.write(file, content);
        ObjectStore store = new ObjectStore(s3, "store", PART, PART);
        store.putFile(
                "lake/big.bin",
                file,
                "application/octet-stream",
                Map.of("bron-sha256", "x"),
                ObjectStore.Condition.ABSENT);
        assertArrayEquals(
                content,
                s3.getObjectAsBytes(r -> r.bucket("store").key("lake/big.bin")).asByteArray());
        assertEquals("x", store.head("lake/big.bin").orElseThrow().metadata().get("bron-sha256"));

        store.copy("lake/big.bin", null, content.length, "quarantine/big.bin");
        assertArrayEquals(
                content,
                s3.getObjectAsBytes(r -> r.bucket("store").key("quarantine/big.bin"))
                        .asByteArray());
    }

    @Test
    void aFailedMultipartUploadLeavesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.bin");
        Files.write(file, randomBytes((int) (2 * PART + 10)));
        ObjectStore store = new ObjectStore(s3, "store", PART, PART);
        server.faults()
                .failNext(Operation.MULTIPART, 1, 0) // the create succeeds...
                .failAlways(Operation.MULTIPART, 500); // ...every part fails
        try {
            assertThrows(
                    SdkException.class,
                    () -> store.putFile(
                            "lake/failed.bin", file, "application/octet-stream", Map.of(), ObjectStore.Condition.NONE));
        } finally {
            server.faults().clear();
        }
        assertTrue(store.head("lake/failed.bin").isEmpty(), "no object");
        assertTrue(s3.listMultipartUploads(r -> r.bucket("store")).uploads().isEmpty(), "the upload was aborted");
    }

    @Test
    void conditionalWritesRefuseAChangedObject(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.bin");
        Files.writeString(file, "v1");
        ObjectStore store = new ObjectStore(s3, "store");
        assertEquals(
                ObjectStore.Write.WRITTEN,
                store.putFile("lake/c.bin", file, "text/plain", Map.of(), ObjectStore.Condition.ABSENT));
        String eTag = store.head("lake/c.bin").orElseThrow().eTag();
        assertEquals(
                ObjectStore.Write.CONDITION_FAILED,
                store.putFile("lake/c.bin", file, "text/plain", Map.of(), ObjectStore.Condition.ABSENT));
        s3.putObject(r -> r.bucket("store").key("lake/c.bin"), RequestBody.fromString("changed meanwhile"));
        assertEquals(
                ObjectStore.Write.CONDITION_FAILED,
                store.putFile("lake/c.bin", file, "text/plain", Map.of(), ObjectStore.Condition.unchanged(eTag)));
        assertEquals(
                ObjectStore.Write.CONDITION_FAILED,
                store.putBytes(
                        "lake/c.bin", new byte[] {1}, "text/plain", Map.of(), ObjectStore.Condition.unchanged(eTag)));
        assertEquals(
                "changed meanwhile",
                new String(store.readIfExists("lake/c.bin").orElseThrow(), StandardCharsets.UTF_8));
        String current = store.head("lake/c.bin").orElseThrow().eTag();
        assertEquals(
                ObjectStore.Write.WRITTEN,
                store.putFile(
                        "lake/c.bin",
                        file,
                        "text/plain",
                        Map.of("bron-sleutel", "x"),
                        ObjectStore.Condition.unchanged(current)));
        ObjectInfo info = store.head("lake/c.bin").orElseThrow();
        assertEquals("x", info.metadata().get("bron-sleutel"));
        assertEquals(2, info.size());
    }

    @Test
    void aMissingObjectOrVersionIsEmptyNotAnError() {
        ObjectStore store = new ObjectStore(s3, "store");
        assertTrue(store.openIfExists("uploads/none.csv", null).isEmpty());
        assertTrue(store.head("uploads/none.csv").isEmpty());
    }
}
