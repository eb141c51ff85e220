package nl.jeugdspiegel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.functions.indicators.IndicatorsHandler;
import nl.jeugdspiegel.functions.ingest.IngestHandler;
import nl.jeugdspiegel.functions.report.ReportHandler;
import nl.jeugdspiegel.synthetic.Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The deployed pipeline end to end against LocalStack (S3 and SQS in Docker), wired as template.yaml wires
 * it: the handlers are built with their no-argument constructors from the environment the template sets;
 * the data bucket sends lake notifications to the indicators queue (a real S3 → SQS notification), the
 * indicators function reads them as one batch, and the manifest's event starts the report. Skipped, not
 * failed, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class DeployedPipelineLocalStackIT {

    private static final String DATA = "jeugdspiegel-data-e2e";
    private static final String SITE = "jeugdspiegel-site-e2e";

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3", "sqs");

    private static S3Client s3;
    private static SqsClient sqs;
    private static String queueUrl;

    @TempDir
    static Path generated;

    @BeforeAll
    static void deploy() {
        AwsBasicCredentials credentials =
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey());
        s3 = S3Client.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .forcePathStyle(true)
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build();
        s3.createBucket(b -> b.bucket(DATA));
        s3.createBucket(b -> b.bucket(SITE));
        queueUrl =
                sqs.createQueue(q -> q.queueName("jeugdspiegel-e2e-indicators")).queueUrl();
        String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
        // as template.yaml: lake/trajecten/*.parquet → the indicators queue
        s3.putBucketNotificationConfiguration(n -> n.bucket(DATA)
                .notificationConfiguration(c -> c.queueConfigurations(q -> q.queueArn(queueArn)
                        .events(Event.S3_OBJECT_CREATED)
                        .filter(f -> f.key(k -> k.filterRules(
                                r -> r.name(FilterRuleName.PREFIX).value("lake/trajecten/"),
                                r -> r.name(FilterRuleName.SUFFIX).value(".parquet")))))));
        // the environment template.yaml gives the functions, pointed at LocalStack
        System.setProperty(
                Settings.propertyName("S3_ENDPOINT_URL"),
                LOCALSTACK.getEndpoint().toString());
        System.setProperty(
                Settings.propertyName("JEUGDSPIEGEL_PSEUDONYM_KEY"),
                "e2e-test-pseudonym-key-of-at-least-32-characters");
        System.setProperty(Settings.propertyName("DATA_BUCKET"), DATA);
        System.setProperty(Settings.propertyName("SITE_BUCKET"), SITE);
        System.setProperty("aws.accessKeyId", LOCALSTACK.getAccessKey());
        System.setProperty("aws.secretAccessKey", LOCALSTACK.getSecretKey());
        System.setProperty("aws.region", LOCALSTACK.getRegion());
    }

    @AfterAll
    static void close() {
        if (s3 != null) {
            s3.close();
            sqs.close();
        }
    }

    private static S3Event s3Event(String bucket, String key, String eTag, long size) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", LOCALSTACK.getRegion())
                .put("eventTime", Instant.now().toString())
                .put("eventName", "ObjectCreated:Put");
        ObjectNode s3Node = record.putObject("s3");
        s3Node.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3Node.putObject("object")
                .put("key", key)
                .put("size", size)
                .put("eTag", eTag.replace("\"", ""))
                .put("sequencer", Long.toHexString(System.nanoTime()));
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        return LambdaEventSerializers.serializerFor(S3Event.class, DeployedPipelineLocalStackIT.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static SQSEvent sqsEvent(List<Message> messages) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            records.addObject()
                    .put("messageId", m.messageId())
                    .put("receiptHandle", m.receiptHandle())
                    .put("body", m.body())
                    .put("eventSource", "aws:sqs");
        }
        return LambdaEventSerializers.serializerFor(SQSEvent.class, DeployedPipelineLocalStackIT.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void uploadToPublishedSite() throws Exception {
        Generator.generate(generated, 11, 0.002, line -> {});
        List<Path> uploads;
        try (Stream<Path> files = Files.walk(generated.resolve("uploads/GM0014"))) {
            uploads = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        IngestHandler ingest = new IngestHandler();
        for (Path upload : uploads) {
            String key = generated.relativize(upload).toString().replace('\\', '/');
            String eTag = s3.putObject(p -> p.bucket(DATA).key(key), RequestBody.fromFile(upload))
                    .eTag();
            ingest.handleRequest(s3Event(DATA, key, eTag, Files.size(upload)), null);
        }
        assertFalse(s3.listObjectsV2(l -> l.bucket(DATA).prefix("lake/trajecten/"))
                .contents()
                .isEmpty());

        // the lake notifications S3 sent to the queue, one batch, as the event source mapping delivers it
        List<Message> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && messages.size() < uploads.size(); attempt++) {
            messages.addAll(sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        assertTrue(messages.size() >= uploads.size(), "notifications: " + messages.size());
        assertEquals(
                List.of(),
                new IndicatorsHandler().handleRequest(sqsEvent(messages), null).getBatchItemFailures());
        assertTrue(s3.listObjectsV2(l -> l.bucket(DATA).prefix("indicators/periode=2024H1/"))
                        .contents()
                        .size()
                == 2);

        var manifest = s3.headObject(h -> h.bucket(DATA).key("indicators/manifest.json"));
        String site = new ReportHandler()
                .handleRequest(
                        s3Event(DATA, "indicators/manifest.json", manifest.eTag(), manifest.contentLength()), null);
        // the fixed pages and files (as ReportHandlerIT counts them: 506 since issue 27), and a page per provider with
        // care in the fixture's lake; all of them uploaded the first time
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile(
                        "site: (\\d+) files, (\\d+) uploaded, 0 deleted")
                .matcher(site);
        assertTrue(counts.matches(), site);
        assertTrue(Integer.parseInt(counts.group(1)) >= 506, site);
        assertEquals(counts.group(1), counts.group(2), site);
        assertEquals(
                "text/html",
                s3.headObject(h -> h.bucket(SITE).key("gemeente/GM0014.html"))
                        .contentType()
                        .split(";")[0]);
    }
}
