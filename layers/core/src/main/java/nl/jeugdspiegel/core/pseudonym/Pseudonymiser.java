package nl.jeugdspiegel.core.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code client = hex(HMAC-SHA256(key, normalised 9-digit BSN))} (docs/contract.md §5). One instance per thread:
 * {@link Mac} is not thread-safe.
 */
public final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;

    public Pseudonymiser(PseudonymKey key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.material(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** The raw 32-byte HMAC of a 9-digit BSN. */
    public byte[] digest(String bsn9) {
        if (bsn9.length() != 9) {
            throw new IllegalArgumentException("a BSN must be normalised to 9 digits before pseudonymisation");
        }
        return mac.doFinal(bsn9.getBytes(StandardCharsets.US_ASCII));
    }

    /** The pseudonym as stored in the lake: 64 lower-case hex characters. */
    public String pseudonym(String bsn9) {
        return HEX.formatHex(digest(bsn9));
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }
}
