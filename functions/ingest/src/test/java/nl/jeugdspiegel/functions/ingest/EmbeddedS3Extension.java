package nl.jeugdspiegel.functions.ingest;

import nl.jeugdspiegel.s3local.EmbeddedS3;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/** An in-memory embedded S3 server per test class: {@code @RegisterExtension static EmbeddedS3Extension}. */
final class EmbeddedS3Extension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedS3 server;
    private S3Client client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedS3.inMemory();
        client = server.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    EmbeddedS3 server() {
        return server;
    }

    S3Client client() {
        return client;
    }
}
