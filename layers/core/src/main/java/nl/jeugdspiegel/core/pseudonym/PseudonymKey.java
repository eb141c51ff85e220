package nl.jeugdspiegel.core.pseudonym;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The national pseudonymisation key. The key material is the UTF-8 bytes of the secret's text, which
 * must be at least 32 characters long. {@link #toString()} never shows the key.
 */
public final class PseudonymKey {

    public static final int MIN_LENGTH = 32;

    private final byte[] material;

    private PseudonymKey(byte[] material) {
        this.material = material;
    }

    public static PseudonymKey fromSecretText(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the pseudonym key must be at least " + MIN_LENGTH
                    + " characters long (it was " + (secret == null ? "missing" : "shorter") + ")");
        }
        return new PseudonymKey(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    byte[] material() {
        return Arrays.copyOf(material, material.length);
    }

    @Override
    public String toString() {
        return "PseudonymKey[hidden]";
    }
}
