package nl.jeugdspiegel.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.pseudonym.PseudonymKeys;

/**
 * The pseudonym key of a local run (docs/contract.md §7): {@code JEUGDSPIEGEL_PSEUDONYM_KEY} when set, else a random
 * key created once per data folder in {@code ~/.jeugdspiegel/keys/{hash of the folder's path}.key} (or under {@code
 * JEUGDSPIEGEL_HOME}), readable by the owner only: outside the folder that {@code serve} hands out as a bucket, so no
 * S3 client can read or replace it (contract v1.3 §7). A key that an earlier version left in {@code
 * DIR/.jeugdspiegel/pseudonym.key} is moved there, so the folder's lake keeps its pseudonyms.
 */
final class LocalKey {

    /** The runner's own files in a data folder (the demo marker); never served. */
    static final String FOLDER = ".jeugdspiegel";

    static final String HOME_SETTING = "JEUGDSPIEGEL_HOME";

    private LocalKey() {}

    static String resolve(Path dir) throws IOException {
        Optional<String> fromEnv = Optional.ofNullable(System.getenv(PseudonymKeys.LOCAL_KEY_SETTING))
                .filter(s -> !s.isBlank());
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Path file = keyFile(dir);
        Path old = dir.resolve(FOLDER).resolve("pseudonym.key");
        if (!Files.exists(file) && Files.exists(old)) {
            createPrivateFolder(file.getParent());
            Files.move(old, file, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(old);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        createPrivateFolder(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        ownerOnly(file, "rw-------");
        return key;
    }

    /** Where the key of data folder {@code dir} lives: by a hash of its real path, outside it. */
    static Path keyFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        String real = dir.toRealPath().toString();
        String home = Optional.ofNullable(System.getProperty("jeugdspiegel.home"))
                .or(() -> Optional.ofNullable(System.getenv(HOME_SETTING)))
                .filter(s -> !s.isBlank())
                .orElse(Path.of(System.getProperty("user.home"), ".jeugdspiegel")
                        .toString());
        return Path.of(
                home,
                "keys",
                Hashes.sha256Hex(real.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".key");
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        ownerOnly(folder, "rwx------");
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }
}
