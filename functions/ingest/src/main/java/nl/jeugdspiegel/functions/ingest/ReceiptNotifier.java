package nl.jeugdspiegel.functions.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.ingest.ReceiptListener;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.ReceiptText;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The optional notification per receipt: one SNS message to {@code RECEIPT_TOPIC_ARN} per receipt written, its body the
 * receipt as text (what {@code ./jeugdspiegel receipt} prints; counts and line numbers, never a value from the file),
 * with the message attributes {@code gemeente} and {@code status}, so a municipality subscribes its mailbox with the
 * filter policy {@code {"gemeente": ["GM0363"]}} (docs/deploy.md).
 */
final class ReceiptNotifier implements ReceiptListener {

    static final String TOPIC_SETTING = "RECEIPT_TOPIC_ARN";
    /** SNS takes at most 256 KiB; a receipt's text is far below that, but never send more. */
    private static final int MAX_BODY_BYTES = 200 * 1024;

    private final SnsClient sns;
    private final String topicArn;

    ReceiptNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** The notifier when the stack has a receipt topic, else none. */
    static ReceiptListener fromEnvironment() {
        return Settings.get(TOPIC_SETTING)
                .<ReceiptListener>map(arn -> new ReceiptNotifier(AwsClients.sns(), arn))
                .orElse(ReceiptListener.NONE);
    }

    @Override
    public void written(String key, Receipt receipt) {
        String gemeente = receipt.gemeente() == null ? "onbekend" : receipt.gemeente();
        String body = ReceiptText.text(receipt) + "\nHet ontvangstbewijs: " + key + " (leesbaar: "
                + BucketLayout.receiptPage(key) + ")\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            body = new String(bytes, 0, MAX_BODY_BYTES, StandardCharsets.UTF_8) + "\n… (ingekort; zie " + key + ")";
        }
        String subject = "Jeugdspiegel ontvangstbewijs " + gemeente + " "
                + (receipt.periode() == null ? "" : receipt.periode() + " ") + receipt.status();
        String message = body;
        sns.publish(b -> b.topicArn(topicArn)
                .subject(subject)
                .message(message)
                .messageAttributes(Map.of(
                        "gemeente", attribute(gemeente),
                        "status", attribute(receipt.status()))));
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
