package nl.jeugdspiegel.s3local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class EmbeddedS3Test {

    @Test
    void aFolderIsABucketOfPlainFiles(@TempDir Path dir) throws Exception {
        Path bucketDir = dir.resolve("My Data");
        Files.createDirectories(bucketDir.resolve("uploads/GM0363/2024H1"));
        Files.writeString(bucketDir.resolve("uploads/GM0363/2024H1/a b.csv"), "written on disk");
        try (EmbeddedS3 server = EmbeddedS3.onFolder(bucketDir, "jeugdspiegel-local");
                S3Client s3 = server.client()) {
            assertEquals(
                    "written on disk",
                    s3.getObjectAsBytes(r -> r.bucket("jeugdspiegel-local").key("uploads/GM0363/2024H1/a b.csv"))
                            .asUtf8String());
            s3.putObject(
                    r -> r.bucket("jeugdspiegel-local")
                            .key("receipts/GM0363/2024H1/a b.json")
                            .metadata(java.util.Map.of("bron", "test")),
                    RequestBody.fromString("{}"));
            assertEquals("{}", Files.readString(bucketDir.resolve("receipts/GM0363/2024H1/a b.json")));
            assertEquals(
                    "test",
                    s3.headObject(r -> r.bucket("jeugdspiegel-local").key("receipts/GM0363/2024H1/a b.json"))
                            .metadata()
                            .get("bron"));
            assertEquals(
                    java.util.List.of("uploads/GM0363/2024H1/a b.csv"),
                    s3.listObjectsV2(r -> r.bucket("jeugdspiegel-local").prefix("uploads/")).contents().stream()
                            .map(S3Object::key)
                            .toList());
        }
    }

    @Test
    void injectsErrorsAndDelays() {
        try (EmbeddedS3 server = EmbeddedS3.inMemory();
                S3Client s3 = server.client()) {
            s3.createBucket(r -> r.bucket("faults"));
            s3.putObject(r -> r.bucket("faults").key("k"), RequestBody.fromString("v"));
            server.faults().failAlways(Faults.Operation.GET, 500);
            S3Exception error = assertThrows(
                    S3Exception.class,
                    () -> s3.getObjectAsBytes(r -> r.bucket("faults").key("k")));
            assertEquals(500, error.statusCode());
            server.faults().clear();
            server.faults()
                    .failNext(Faults.Operation.GET, 1, 503)
                    .delayNext(Faults.Operation.GET, 1, Duration.ofMillis(50));
            assertEquals(
                    "v", s3.getObjectAsBytes(r -> r.bucket("faults").key("k")).asString(StandardCharsets.UTF_8));
            assertTrue(server.faults().injected() >= 2);
        }
    }
}
