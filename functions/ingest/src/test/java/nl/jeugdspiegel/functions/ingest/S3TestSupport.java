package nl.jeugdspiegel.functions.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.ingest.IngestService;
import nl.jeugdspiegel.ingest.TestUploads;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** Helpers for tests that drive the ingest handler with events/*.json against a real S3 API. */
abstract class S3TestSupport {

    private static final java.util.function.Predicate<String> KNOWN =
            nl.jeugdspiegel.core.reference.ReferenceData.get()::isMunicipality;

    static final PseudonymKey KEY = PseudonymKey.fromSecretText("integration-test-key-0123456789abcdef");
    static final S3Event UPLOAD = Events.load("s3-put-upload.json");
    static final S3Event REPLACEMENT = Events.load("s3-put-upload-replacement.json");
    static final S3Event INVALID_KEY = Events.load("s3-put-upload-invalid-key.json");
    static final String BUCKET = Events.bucket(UPLOAD);
    static final String LAKE_KEY = "lake/trajecten/periode=2024H1/gemeente=GM0363/part-00000.parquet";

    abstract S3Client s3();

    IngestHandler handler() {
        return new IngestHandler(
                new IngestService(s3(), KEY, RejectionThreshold.DEFAULT, Clock.systemUTC()),
                MetricsFactory.getMetricsInstance());
    }

    @BeforeEach
    void emptyBucket() {
        S3Client s3 = s3();
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()) {
            s3.deleteObject(r -> r.bucket(BUCKET).key(o.key()));
        }
    }

    void put(String key, String content) {
        s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    void put(String key, byte[] content) {
        s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }

    Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    Receipt receipt(S3Event event) throws IOException {
        String key = BucketLayout.receipt(Events.key(event), KNOWN);
        return Receipts.read(get(key).orElseThrow(() -> new AssertionError("no receipt at " + key)));
    }

    /** The readable receipt beside the JSON. */
    String page(S3Event event) {
        String key = BucketLayout.receiptPage(BucketLayout.receipt(Events.key(event), KNOWN));
        return new String(
                get(key).orElseThrow(() -> new AssertionError("no readable receipt at " + key)),
                StandardCharsets.UTF_8);
    }

    List<Trajectory> lakeRows() throws IOException {
        Path file = Files.createTempFile("lake", ".parquet");
        try {
            Files.write(file, get(LAKE_KEY).orElseThrow(() -> new AssertionError("no lake file")));
            return LakeReader.readAll(file);
        } finally {
            Files.delete(file);
        }
    }

    static String validUpload(int rows) {
        return TestUploads.csv(TestUploads.rows(rows));
    }
}
