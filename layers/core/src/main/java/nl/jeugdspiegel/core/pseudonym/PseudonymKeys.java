package nl.jeugdspiegel.core.pseudonym;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.json.Json;
import nl.jeugdspiegel.core.storage.AwsClients;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the pseudonym key comes from. In AWS: the Secrets Manager secret named by
 * {@code PSEUDONYM_SECRET_ARN} (a plain string, or JSON with a {@code key} field). Locally: the
 * setting {@code JEUGDSPIEGEL_PSEUDONYM_KEY}. The key is never in code, template, logs or output.
 */
public final class PseudonymKeys {

    public static final String LOCAL_KEY_SETTING = "JEUGDSPIEGEL_PSEUDONYM_KEY";
    public static final String SECRET_ARN_SETTING = "PSEUDONYM_SECRET_ARN";

    private PseudonymKeys() {}

    public static PseudonymKey fromEnvironment() {
        var local = Settings.get(LOCAL_KEY_SETTING);
        if (local.isPresent()) {
            return PseudonymKey.fromSecretText(local.get());
        }
        String arn = Settings.get(SECRET_ARN_SETTING)
                .orElseThrow(() -> new IllegalStateException("no pseudonym key configured: set " + SECRET_ARN_SETTING
                        + " (AWS) or " + LOCAL_KEY_SETTING + " (local runs)"));
        try (SecretsManagerClient secrets = AwsClients.secretsManager()) {
            return fromSecretString(secrets.getSecretValue(r -> r.secretId(arn)).secretString());
        }
    }

    static PseudonymKey fromSecretString(String secret) {
        if (secret != null && secret.strip().startsWith("{")) {
            try {
                JsonNode key = Json.MAPPER.readTree(secret).get("key");
                if (key == null || !key.isTextual()) {
                    throw new IllegalStateException("the pseudonym secret is JSON without a text field 'key'");
                }
                return PseudonymKey.fromSecretText(key.asText());
            } catch (IOException e) {
                // no cause attached: a parser message may quote part of the secret
                throw new IllegalStateException("the pseudonym secret looks like JSON but cannot be read");
            }
        }
        return PseudonymKey.fromSecretText(secret);
    }
}
