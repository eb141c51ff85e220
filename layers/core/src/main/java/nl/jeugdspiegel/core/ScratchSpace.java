package nl.jeugdspiegel.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files (contract v1.3 §3): one private folder per process in the system temp folder, {@code
 * jeugdspiegel-p{pid}-{random}}, readable by its owner only. Work folders of one invocation live inside it and are
 * removed when the invocation ends; a warm function may keep a cache there. Whatever a process that ended left
 * behind (a kill, a crash, a timeout) is removed when the next process first asks for its folder, so no file with a
 * BSN or birth date survives into the next process. Two processes on one machine never share a folder.
 */
public final class ScratchSpace {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchSpace.class);
    static final String PREFIX = "jeugdspiegel-p";
    /** Folders of versions before this class: work folders and the shared lake cache. */
    private static final String[] LEGACY = {"jeugdspiegel-ingest-", "jeugdspiegel-indicators"};

    private static Path folder;

    private ScratchSpace() {}

    /** This process's private folder (made, and the leftovers of ended processes swept, on first use). */
    public static synchronized Path processFolder() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        if (folder == null) {
            long pid = ProcessHandle.current().pid();
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            folder = temp.resolve(PREFIX + pid + "-" + HexFormat.of().formatHex(random));
            sweep(temp, folder, pid);
        }
        try {
            // also after a SnapStart restore, whose /tmp is empty
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                try {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the temp folder's own permissions hold
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the work folder " + folder, e);
        }
        return folder;
    }

    /** A fresh folder for one invocation's files, inside {@link #processFolder}; remove it with {@link #delete}. */
    public static Path workFolder(String name) {
        try {
            return Files.createTempDirectory(processFolder(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a work folder in " + processFolder(), e);
        }
    }

    /** Removes a folder and everything in it; what cannot be removed is logged (by path, never by content). */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {}: {}", p, e.getClass().getSimpleName());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.getClass().getSimpleName());
        }
    }

    /**
     * Removes the folders of processes that ended: a {@code jeugdspiegel-p{pid}-…} folder that is not {@code own} and
     * whose process is not alive, or has this process's pid (a previous JVM in the same sandbox); and the folders of
     * earlier versions. Returns how many it removed.
     */
    static int sweep(Path temp, Path own, long ownPid) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp, "jeugdspiegel-*")) {
            for (Path entry : entries) {
                if (entry.equals(own) || !Files.isDirectory(entry)) {
                    continue;
                }
                String name = entry.getFileName().toString();
                boolean ended = pid(name)
                        .map(pid -> pid == ownPid
                                || !ProcessHandle.of(pid)
                                        .map(ProcessHandle::isAlive)
                                        .orElse(false))
                        .orElse(false);
                boolean legacy = false;
                for (String prefix : LEGACY) {
                    legacy |= name.startsWith(prefix);
                }
                if (ended || legacy) {
                    delete(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not sweep {}: {}", temp, e.getClass().getSimpleName());
        }
        if (removed > 0) {
            LOG.info("removed {} work folder(s) that ended processes left in {}", removed, temp);
        }
        return removed;
    }

    /** The pid in {@code jeugdspiegel-p{pid}-{random}}, or empty. */
    static Optional<Long> pid(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dash = name.indexOf('-', PREFIX.length());
        try {
            return Optional.of(Long.parseLong(name.substring(PREFIX.length(), dash < 0 ? name.length() : dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
