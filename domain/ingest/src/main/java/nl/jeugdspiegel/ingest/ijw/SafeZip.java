package nl.jeugdspiegel.ingest.ijw;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the messages of a delivery zip as a stream, with the limits a zip from outside needs: no entry
 * larger than {@code maxEntryBytes} unpacked, no more than {@code maxTotalBytes} unpacked in all and no
 * more than {@code maxEntries} entries (a zip bomb stops at the limit, whatever its headers claim: the
 * bytes are counted as they are inflated). An entry whose name could climb out of a folder (absolute
 * paths, {@code ..}, backslashes, drive letters) or is not an {@code .xml} file is refused and reported;
 * nothing is ever written to disk under an entry's name.
 */
public final class SafeZip {

    /** One message: its name in the zip and its bytes. */
    public record Entry(String name, byte[] content) {}

    /** An entry that was not read, and why. */
    public record Refused(String name, String reason) {}

    /** A zip that breaks a limit is refused as a whole. */
    public static final class ZipLimitException extends IOException {
        ZipLimitException(String message) {
            super(message);
        }
    }

    /** What to do with each message, and with each entry that is refused. */
    public interface Handler {
        void accept(Entry entry) throws IOException;

        void refuse(Refused refused);
    }

    /** Longer entry names are refused: a name is shown in the receipt, and the zip format allows 64 KiB. */
    public static final int MAX_NAME_CHARS = 255;
    /** How much of a refused name a receipt shows. */
    static final int SHOWN_NAME_CHARS = 100;

    public static final long DEFAULT_MAX_ENTRY_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 8L * 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_ENTRIES = 5_000_000;

    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private final int maxEntries;

    public SafeZip() {
        this(DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_ENTRIES);
    }

    public SafeZip(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.maxEntries = maxEntries;
    }

    /**
     * Reads every entry, handing each message and each refused entry to the handler (nothing is collected
     * here, whatever the number of entries). Leaves {@code zip} open.
     */
    public void read(InputStream zip, Handler handler) throws IOException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        // the caller owns the stream (and hashes what follows the last entry), so closing the zip must not close it
        try (ZipInputStream in = new ZipInputStream(new FilterInputStream(zip) {
            @Override
            public void close() {}
        })) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > maxEntries) {
                    throw new ZipLimitException("het zipbestand heeft meer dan " + maxEntries + " bestanden");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                String unsafe = unsafeName(name);
                if (unsafe != null) {
                    handler.refuse(new Refused(shown(name), unsafe));
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    total += n;
                    if (total > maxTotalBytes) {
                        throw new ZipLimitException(
                                "het zipbestand pakt uit tot meer dan " + maxTotalBytes + " bytes (zipbom?)");
                    }
                    // an oversized entry is still inflated to its end (counted, not kept), so the total
                    // limit also bounds the work a bomb can cause while it is skipped
                    if (size <= maxEntryBytes) {
                        content.write(buffer, 0, n);
                    }
                }
                if (size > maxEntryBytes) {
                    handler.refuse(new Refused(name, "groter dan " + maxEntryBytes + " bytes uitgepakt"));
                    continue;
                }
                handler.accept(new Entry(name, content.toByteArray()));
            }
        }
    }

    /** A name as a receipt may show it: at most {@value #SHOWN_NAME_CHARS} characters. */
    static String shown(String name) {
        return name.length() <= SHOWN_NAME_CHARS ? name : name.substring(0, SHOWN_NAME_CHARS) + "…";
    }

    /** Why a name is not acceptable, or null. */
    static String unsafeName(String name) {
        if (name.length() > MAX_NAME_CHARS) {
            return "bestandsnaam langer dan " + MAX_NAME_CHARS + " tekens";
        }
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return "ongeldige bestandsnaam (absoluut pad)";
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return "ongeldige bestandsnaam (verwijst buiten de map: ..)";
            }
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return "geen .xml-bestand";
        }
        return null;
    }

    /** Does the stream start as a zip: a local file header (PK\3\4) or, when empty, the end record (PK\5\6)? */
    static boolean looksLikeZip(java.io.BufferedInputStream in) throws java.io.IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return magic.length == 4
                && magic[0] == 'P'
                && magic[1] == 'K'
                && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
    }
}
