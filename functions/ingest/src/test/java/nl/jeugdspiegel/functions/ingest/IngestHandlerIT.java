package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The ingest flow against the in-process S3 server (S3Proxy) through the real SDK. */
class IngestHandlerIT extends IngestFlowContract {

    @RegisterExtension
    static final EmbeddedS3Extension S3 = new EmbeddedS3Extension();

    @Override
    S3Client s3() {
        return S3.client();
    }

    /**
     * In a versioned bucket (as the template creates it) S3 events carry the version id; ingest reads
     * exactly that version, also when the key was overwritten before the event was handled.
     */
    @Test
    void readsTheVersionNamedInTheEvent() throws IOException {
        s3().putBucketVersioning(
                        r -> r.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        try {
            String first = s3().putObject(
                            r -> r.bucket(BUCKET).key(Events.key(UPLOAD)), RequestBody.fromString(validUpload(9)))
                    .versionId();
            put(Events.key(UPLOAD), validUpload(4)); // overwritten before the first event is handled
            S3Event event = Events.withVersionId("s3-put-upload.json", first);

            handler().handleRequest(event, null);
            assertEquals(9, lakeRows().size());
            assertEquals(first, receipt(UPLOAD).bron().versie());
        } finally {
            s3().putBucketVersioning(r ->
                    r.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        }
    }
}
