package nl.jeugdspiegel.functions.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notification per receipt through the real SDK v2 SNS client, against a local HTTP endpoint that answers the SNS
 * Publish call as SNS does and keeps what it was sent: the topic, the subject, the attributes a municipality filters
 * on, and a body that is the receipt as text.
 */
class ReceiptNotifierTest {

    @Test
    void publishesTheReceiptAsTextWithTheGemeenteToFilterOn() throws Exception {
        Map<String, String> sent = new HashMap<>();
        HttpServer sns = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sns.createContext("/", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                sent.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            byte[] answer = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                            + "<MessageId>1</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId>"
                            + "</ResponseMetadata></PublishResponse>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sns.start();
        try (SnsClient client = SnsClient.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + sns.getAddress().getPort()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            new ReceiptNotifier(client, "arn:aws:sns:eu-central-1:123456789012:ontvangstbewijzen")
                    .written("receipts/GM0363/2025H2/levering.json", receipt());
        } finally {
            sns.stop(0);
        }
        assertEquals("Publish", sent.get("Action"));
        assertEquals("arn:aws:sns:eu-central-1:123456789012:ontvangstbewijzen", sent.get("TopicArn"));
        assertEquals("Jeugdspiegel ontvangstbewijs GM0363 2025H2 afgewezen", sent.get("Subject"));
        Map<String, String> attributes = new HashMap<>();
        for (int i = 1; i <= 2; i++) {
            attributes.put(
                    sent.get("MessageAttributes.entry." + i + ".Name"),
                    sent.get("MessageAttributes.entry." + i + ".Value.StringValue"));
        }
        assertEquals(Map.of("gemeente", "GM0363", "status", "afgewezen"), attributes);
        String body = sent.get("Message");
        assertTrue(body.startsWith("Ontvangstbewijs Amsterdam (GM0363), 2025H2"), body);
        assertTrue(body.contains("AFGEWEZEN: De levering is afgewezen (kolom_ontbreekt)"), body);
        assertTrue(body.contains("receipts/GM0363/2025H2/levering.html"), body);
    }

    private static Receipt receipt() {
        return new Receipt(
                "1.2",
                Receipt.AFGEWEZEN,
                null,
                "De levering is afgewezen (kolom_ontbreekt): de kolom geboortedatum ontbreekt.",
                "GM0363",
                "Amsterdam",
                "2025H2",
                new Receipt.Bron(
                        "uploads/GM0363/2025H2/levering.csv",
                        null,
                        "e",
                        "ab",
                        10,
                        Instant.parse("2026-01-10T10:00:00Z")),
                new Receipt.Aantallen(0, 0, 0, 0, 0),
                null,
                new Receipt.Afwijzing(
                        "kolom_ontbreekt",
                        "verplichte kolom ontbreekt",
                        "de kolom geboortedatum ontbreekt",
                        null,
                        "Voeg de kolom toe."),
                List.of(),
                null,
                List.of(),
                List.of(),
                5.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-01-10T10:00:01Z"),
                12);
    }
}
