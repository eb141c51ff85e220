package nl.jeugdspiegel.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import nl.jeugdspiegel.s3local.EmbeddedS3;
import nl.jeugdspiegel.synthetic.Generator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code ./jeugdspiegel serve} as a data officer uses it: deliveries put with the AWS SDK (and with the AWS CLI where
 * it is installed), receipts read back the same way within seconds, the indicators and the report after the batch
 * window, and a clean stop.
 */
class LocalServerIT {

    @TempDir
    static Path generated;

    @TempDir
    Path bucket;

    @BeforeAll
    static void generate() throws IOException {
        Generator.generate(generated, 7, 0.003, Generator.Format.CSV, line -> {});
    }

    private static byte[] delivery(String gemeente, String periode) throws IOException {
        try (var files =
                Files.list(generated.resolve("uploads").resolve(gemeente).resolve(periode))) {
            return Files.readAllBytes(
                    files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow());
        }
    }

    @Test
    void deliveriesPutWithTheSdkGetReceiptsAndThenASite() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (LocalServer server = new LocalServer(bucket, 0, Duration.ofSeconds(1), out).start();
                S3Client s3 = client(server)) {
            s3.putObject(
                    b -> b.bucket(LocalPipeline.BUCKET).key("uploads/GM0363/2025H1/levering.csv"),
                    RequestBody.fromBytes(delivery("GM0363", "2025H1")));
            s3.putObject(
                    b -> b.bucket(LocalPipeline.BUCKET).key("uploads/GM0363/2025H2/levering.csv"),
                    RequestBody.fromBytes(delivery("GM0363", "2025H2")));
            s3.putObject(
                    b -> b.bucket(LocalPipeline.BUCKET).key("uploads/GM0014/2025H2/leeg.csv"),
                    RequestBody.fromString("bsn;geboortedatum\n"));
            // a key outside the bucket's prefixes is refused (contract v1.3 §7), so it triggers nothing either
            assertEquals(
                    403,
                    status(() -> s3.putObject(
                            b -> b.bucket(LocalPipeline.BUCKET).key("notities/x.csv"), RequestBody.fromString("x"))));

            Receipt second = Receipts.read(waitFor(s3, "receipts/GM0363/2025H2/levering.json"));
            assertEquals(Receipt.GEACCEPTEERD, second.status());
            assertEquals(
                    Receipt.Vergelijking.VORIGE_PERIODE,
                    second.vergelijkingVorige().grond(),
                    "compared with the delivery for 2025H1");
            String page = new String(waitFor(s3, "receipts/GM0363/2025H2/levering.html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("Ontvangstbewijs Amsterdam (GM0363), 2025H2"), page);
            Receipt rejected = Receipts.read(waitFor(s3, "receipts/GM0014/2025H2/leeg.json"));
            assertEquals("kolom_ontbreekt", rejected.afwijzing().code());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (server.published() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(1, server.published(), "one batch after the last upload");
            assertEquals(3, server.handled(), "the three uploads, not notities/x.csv");
            assertTrue(read(s3, "site/index.html").isPresent());
            assertTrue(read(s3, "indicators/manifest.json").isPresent());

            // a rejected upload changes no lake file: its receipt comes, and no recompute follows (issue 26)
            s3.putObject(
                    b -> b.bucket(LocalPipeline.BUCKET).key("uploads/GM0363/2025H2/LEVERING-2.CSV"),
                    RequestBody.fromString("bsn;geboortedatum\n"));
            Receipt refused = Receipts.read(waitFor(s3, "receipts/GM0363/2025H2/LEVERING-2.json"));
            assertEquals("kolom_ontbreekt", refused.afwijzing().code(), "an upper-case .CSV is read as a CSV");
            Thread.sleep(2500); // more than the batch window
            assertEquals(1, server.published(), "no recompute after a rejected upload");
            assertEquals(4, server.handled());
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("uploads/GM0014/2025H2/leeg.csv: afgewezen — kolom_ontbreekt: "), text);
        assertTrue(text.contains("receipt: " + bucket.resolve("receipts/GM0363/2025H1/levering.json")), text);
        assertTrue(text.contains("stopped; everything is in " + bucket), text);
    }

    /**
     * Contract v1.3 §7, as the attacker of issue 24 tried it with the printed credentials: the pseudonym key is not in
     * the served folder (an old one there is moved out) and no key outside the bucket's prefixes, or with a {@code ..}
     * segment, is read or written; and an upload that arrived before a stop without getting its receipt is answered
     * when serve starts again.
     */
    @Test
    void serveHandsOutOnlyTheBucketAndForgetsNoUpload() throws Exception {
        Files.createDirectories(bucket.resolve("uploads/GM0363/2025H1"));
        Files.write(bucket.resolve("uploads/GM0363/2025H1/levering.csv"), delivery("GM0363", "2025H1"));
        String oldKey = "a-key-an-earlier-version-left-in-the-folder-0123456789";
        Path oldKeyFile =
                Files.createDirectories(bucket.resolve(".jeugdspiegel")).resolve("pseudonym.key");
        Files.writeString(oldKeyFile, oldKey + "\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (LocalServer server = new LocalServer(bucket, 0, Duration.ofSeconds(30), out).start();
                S3Client s3 = client(server)) {
            Receipt answered = Receipts.read(waitFor(s3, "receipts/GM0363/2025H1/levering.json"));
            assertEquals("geaccepteerd", answered.status(), "the upload from before the stop is answered");
            assertTrue(!Files.exists(oldKeyFile), "the key left the served folder");
            assertEquals(oldKey, Files.readString(LocalKey.keyFile(bucket)).strip(), "the same key, elsewhere");
            for (String key : List.of(
                    ".jeugdspiegel/pseudonym.key",
                    "uploads/GM0363/../../.jeugdspiegel/pseudonym.key",
                    "lake/../.jeugdspiegel/demo")) {
                assertRefused(
                        status(() -> s3.getObjectAsBytes(
                                b -> b.bucket(LocalPipeline.BUCKET).key(key))),
                        key);
            }
            for (String key : List.of(
                    ".jeugdspiegel/pseudonym.key",
                    "uploads/GM0363/../GM0014/2025H2/x.csv",
                    "uploads/GM0363/../../lake/trajecten/x.csv",
                    "elders/x.csv")) {
                assertRefused(
                        status(() -> s3.putObject(
                                b -> b.bucket(LocalPipeline.BUCKET).key(key), RequestBody.fromString("bsn;x\n"))),
                        key);
            }
            assertTrue(!Files.exists(bucket.resolve("uploads/GM0014/2025H2/x.csv")));
            assertTrue(!Files.exists(bucket.resolve("lake/trajecten/x.csv")));
            assertTrue(!Files.exists(bucket.resolve("elders")));
        }
        assertTrue(
                printed.toString(StandardCharsets.UTF_8).contains("1 upload(s) without a receipt"), printed.toString());
    }

    /**
     * Nothing acknowledged is lost (contract v1.3 §7): uploads put with the SDK and answered with 200, then a stop
     * while they are queued. The stop names those still pending; the next serve answers every one of them.
     */
    @Test
    void aStopWithUploadsQueuedLosesNone() throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        for (String periode : List.of("2024H1", "2024H2", "2025H1", "2025H2")) {
            keys.add("uploads/GM0363/" + periode + "/levering.csv");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (LocalServer server = new LocalServer(bucket, 0, Duration.ofSeconds(30), out).start();
                S3Client s3 = client(server)) {
            for (String key : keys) {
                String periode = key.split("/")[2];
                s3.putObject(
                        b -> b.bucket(LocalPipeline.BUCKET).key(key),
                        RequestBody.fromBytes(delivery("GM0363", periode)));
            }
        } // the stop: the upload in hand is finished, the others are named
        String stopped = printed.toString(StandardCharsets.UTF_8);
        long pending = keys.stream()
                .filter(k -> !Files.exists(
                        bucket.resolve(k.replace("uploads/", "receipts/").replace(".csv", ".json"))))
                .count();
        if (pending > 0) {
            assertTrue(stopped.contains(pending + " upload(s) not yet handled"), stopped);
        }
        try (LocalServer again = new LocalServer(bucket, 0, Duration.ofSeconds(30), out).start();
                S3Client s3 = client(again)) {
            for (String key : keys) {
                String receipt = key.replace("uploads/", "receipts/").replace(".csv", ".json");
                assertEquals(
                        Receipt.GEACCEPTEERD,
                        Receipts.read(waitFor(s3, receipt)).status(),
                        receipt);
            }
        }
    }

    /**
     * The HTTP status an S3 call ends with (200 when it succeeds); -1 when the server's HTTP layer closed the
     * connection instead (Jetty refuses some paths with {@code ..} before they reach the bucket).
     */
    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            return e.statusCode();
        } catch (software.amazon.awssdk.core.exception.SdkClientException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** Refused: 403 from the server, a 4xx from its HTTP layer, or the connection closed; never a success. */
    private static void assertRefused(int status, String key) {
        assertTrue(status == -1 || (status >= 400 && status < 500), key + ": " + status);
    }

    @Test
    void theAwsCliDeliversAndReadsBack() throws Exception {
        Assumptions.assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        Path file = Files.write(
                bucket.resolveSibling(bucket.getFileName() + "-levering.csv"), delivery("GM0034", "2025H1"));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (LocalServer server = new LocalServer(bucket, 0, Duration.ofSeconds(30), out).start()) {
            String url = server.endpoint().toString();
            String put = aws(
                    "s3",
                    "cp",
                    file.toString(),
                    "s3://" + LocalPipeline.BUCKET + "/uploads/GM0034/2025H1/levering.csv",
                    "--endpoint-url",
                    url);
            assertTrue(put.contains("upload:"), put);
            String receipt = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!receipt.contains("\"status\"") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                receipt = aws(
                        "s3",
                        "cp",
                        "s3://" + LocalPipeline.BUCKET + "/receipts/GM0034/2025H1/levering.json",
                        "-",
                        "--endpoint-url",
                        url);
            }
            assertTrue(receipt.contains("\"status\" : \"geaccepteerd\""), receipt);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static S3Client client(LocalServer server) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .region(EmbeddedS3.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static Optional<byte[]> read(S3Client s3, String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(b -> b.bucket(LocalPipeline.BUCKET).key(key))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Polls as a data officer would: the receipt is there within seconds. */
    private static byte[] waitFor(S3Client s3, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Supplier<Optional<byte[]>> get = () -> read(s3, key);
        Optional<byte[]> found = get.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = get.get();
        }
        return found.orElseThrow(() -> new AssertionError("no " + key + " within 60 s"));
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String aws(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", EmbeddedS3.SECRET_KEY,
                        "AWS_DEFAULT_REGION", EmbeddedS3.REGION.id()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
