package nl.jeugdspiegel.functions.ingest;

import nl.jeugdspiegel.s3local.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The ingest flow against the in-process S3 server (S3Proxy) through the real SDK. */
class IngestHandlerIT extends IngestFlowContract {

    private static EmbeddedS3 server;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.inMemory();
        s3 = server.client();
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @Override
    S3Client s3() {
        return s3;
    }
}
