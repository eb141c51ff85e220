package nl.jeugdspiegel.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of content, for content-addressed "has this changed?" checks (never for secrets). */
public final class Hashes {

    private Hashes() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] sha256(byte[] content) {
        return sha256().digest(content);
    }

    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    public static String sha256Hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new HashingInputStream(in).finishHex();
        }
    }

    /**
     * Hashes (SHA-256) what is read through it, so a stream is read once for its content and its hash;
     * {@link #finishHex()} hashes what is left unread and returns the hash of the whole stream.
     */
    public static final class HashingInputStream extends DigestInputStream {

        public HashingInputStream(InputStream in) {
            super(in, sha256());
        }

        /** Reads the rest of the stream and returns the hex SHA-256 of all of it. */
        public String finishHex() throws IOException {
            transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }
    }
}
