package nl.jeugdspiegel.s3local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nl.jeugdspiegel.core.storage.NoExpectContinue;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.middleware.Middlewares;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An S3-compatible server (S3Proxy 4) started in this JVM on a free loopback port, reached through the
 * real AWS SDK v2 over HTTP. Storage is either in memory, or a folder on disk that is one bucket: the
 * objects are plain files under it, so {@code DIR/uploads/GM0363/2024H1/x.csv} is key
 * {@code uploads/GM0363/2024H1/x.csv} of the bucket.
 */
public final class EmbeddedS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "jeugdspiegel-local";
    public static final String SECRET_KEY = "jeugdspiegel-local-secret";
    public static final Region REGION = Region.EU_CENTRAL_1;

    private final S3Proxy proxy;
    private final Faults faults;

    /**
     * An object that was created (a PUT, a completed multipart upload or a copy), as S3 would notify it: sent after
     * the object is stored, on the server's request thread (a listener hands it on and returns).
     */
    public record Created(String bucket, String key, String eTag) {}

    private EmbeddedS3(BlobStore storage) {
        this(storage, 0, created -> {}, key -> true);
    }

    private EmbeddedS3(BlobStore storage, int port, Consumer<Created> listener, Predicate<String> served) {
        this.faults = new Faults();
        this.proxy = S3Proxy.builder()
                .blobStore(new FaultInjectingBlobStore(storage, faults, listener, served))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s: " + proxy.getState());
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded S3 server", e);
        }
    }

    /** A fresh, empty server that keeps everything in memory. */
    public static EmbeddedS3 inMemory() {
        return new EmbeddedS3(BlobStores.create("transient-nio2", new Properties()));
    }

    /**
     * A server whose bucket {@code bucket} is the folder {@code folder} (created when missing). Object
     * metadata is kept in the files' extended attributes.
     */
    public static EmbeddedS3 onFolder(Path folder, String bucket) {
        return onFolder(folder, bucket, 0, created -> {}, key -> true);
    }

    /**
     * As {@link #onFolder(Path, String)}, on {@code port} (0: a free one), telling {@code listener} of every object
     * created (what S3 event notifications would tell), and serving only the keys {@code served} accepts (any other
     * request gets 403: a folder holds more than the bucket).
     */
    public static EmbeddedS3 onFolder(
            Path folder, String bucket, int port, Consumer<Created> listener, Predicate<String> served) {
        try {
            Path absolute = Files.createDirectories(folder).toAbsolutePath().normalize();
            Properties store = new Properties();
            store.setProperty("jclouds.filesystem.basedir", absolute.getParent().toString());
            BlobStore files = BlobStores.create("filesystem-nio2", store);
            Properties alias = new Properties();
            alias.setProperty(
                    "s3proxy.alias-blobstore." + bucket, absolute.getFileName().toString());
            return new EmbeddedS3(
                    quietly(() -> Middlewares.wrap(files, alias, properties -> files)), port, listener, served);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + folder + " as a bucket", e);
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** S3Proxy prints "Using alias backend" on standard output; the runner's output is its own. */
    private static <T> T quietly(IoSupplier<T> action) throws IOException {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.get();
        } finally {
            System.setOut(out);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public Faults faults() {
        return faults;
    }

    /** A real SDK v2 client for this server (path-style, static credentials). */
    public S3Client client() {
        return clientBuilder().build();
    }

    /**
     * A client builder set up for this server, for tests that add their own retry or time-out policy.
     * Like {@code AwsClients.s3()} with an endpoint: no aws-chunked uploads and no CRC trailers, which
     * S3Proxy 4.1 answers in a way that breaks the next request on the same connection now and then.
     */
    public S3ClientBuilder clientBuilder() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(REGION)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new NoExpectContinue()));
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded S3 server", e);
        }
    }
}
