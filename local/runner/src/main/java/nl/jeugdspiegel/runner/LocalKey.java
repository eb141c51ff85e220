package nl.jeugdspiegel.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import nl.jeugdspiegel.core.pseudonym.PseudonymKeys;

/**
 * The pseudonym key of a local run (docs/contract.md §7): {@code JEUGDSPIEGEL_PSEUDONYM_KEY} when set, else a
 * random key created once in {@code DIR/.jeugdspiegel/pseudonym.key} (readable by the owner only).
 * That folder is never part of the lake, the receipts or the site.
 */
final class LocalKey {

    static final String FOLDER = ".jeugdspiegel";

    private LocalKey() {}

    static String resolve(Path dir) throws IOException {
        Optional<String> fromEnv = Optional.ofNullable(System.getenv(PseudonymKeys.LOCAL_KEY_SETTING))
                .filter(s -> !s.isBlank());
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Path file = dir.resolve(FOLDER).resolve("pseudonym.key");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
        return key;
    }
}
