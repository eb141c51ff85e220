package nl.jeugdspiegel.core.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final PseudonymKey KEY = PseudonymKey.fromSecretText("jeugdspiegel-test-key-0123456789abcdef");

    @Test
    void matchesAnIndependentHmacSha256() {
        // Expected values computed with Python: hmac.new(key, b'123456782', hashlib.sha256).hexdigest()
        Pseudonymiser p = new Pseudonymiser(KEY);
        assertEquals("29f2e9bea5364e5d8346029fb2cc416506fe5dc55c0c65aba1232d2fb8917ae8", p.pseudonym("123456782"));
        assertEquals("0ac26c4c1521a5a9ca6f0a1e462b2a195324a4d86876e2583210051091335cca", p.pseudonym("012345672"));
    }

    @Test
    void isDeterministicPerKeyAndDiffersBetweenKeys() {
        Pseudonymiser a = new Pseudonymiser(KEY);
        Pseudonymiser b = new Pseudonymiser(PseudonymKey.fromSecretText("another-key-that-is-long-enough-000000"));
        assertEquals(a.pseudonym("123456782"), new Pseudonymiser(KEY).pseudonym("123456782"));
        assertNotEquals(a.pseudonym("123456782"), b.pseudonym("123456782"));
    }

    @Test
    void refusesShortKeysAndUnnormalisedBsns() {
        assertThrows(IllegalArgumentException.class, () -> PseudonymKey.fromSecretText("short"));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(KEY).pseudonym("12345678"));
        assertFalse(KEY.toString().contains("jeugdspiegel-test-key"));
    }

    @Test
    void readsPlainAndJsonSecrets() {
        String plain = "jeugdspiegel-test-key-0123456789abcdef";
        Pseudonymiser fromPlain = new Pseudonymiser(PseudonymKeys.fromSecretString(plain));
        Pseudonymiser fromJson = new Pseudonymiser(PseudonymKeys.fromSecretString("{\"key\":\"" + plain + "\"}"));
        assertEquals(fromPlain.pseudonym("123456782"), fromJson.pseudonym("123456782"));
        IllegalStateException bad = assertThrows(
                IllegalStateException.class,
                () -> PseudonymKeys.fromSecretString("{\"key\": secret-material-in-a-broken-json"));
        assertFalse(bad.getMessage().contains("secret-material"), "the message must not quote the secret");
    }
}
