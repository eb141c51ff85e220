package nl.jeugdspiegel.ingest.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class SafeZipTest {

    /** Collects what the zip hands over. */
    private static final class Collected implements SafeZip.Handler {
        final List<String> read = new ArrayList<>();
        final List<SafeZip.Refused> refused = new ArrayList<>();

        @Override
        public void accept(SafeZip.Entry entry) {
            read.add(entry.name());
        }

        @Override
        public void refuse(SafeZip.Refused r) {
            refused.add(r);
        }
    }

    private static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                out.putNextEntry(new ZipEntry(names[i]));
                out.write(contents[i]);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void messagesAreReadAndUnsafeNamesRefused() throws Exception {
        byte[] xml = "<x/>".getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip(
                new String[] {
                    "berichten/start.xml", "../../etc/passwd.xml", "/abs.xml", "a\\b.xml", "leesmij.txt", "ok.XML"
                },
                new byte[][] {xml, xml, xml, xml, xml, xml});
        Collected c = new Collected();
        new SafeZip().read(new ByteArrayInputStream(zip), c);
        assertEquals(List.of("berichten/start.xml", "ok.XML"), c.read);
        assertEquals(
                List.of("../../etc/passwd.xml", "/abs.xml", "a\\b.xml", "leesmij.txt"),
                c.refused.stream().map(SafeZip.Refused::name).toList());
        assertTrue(c.refused.get(0).reason().contains(".."));
    }

    @Test
    void aLongNameIsRefusedAndShownShort() throws Exception {
        // the zip format allows names of 64 KiB; such a name (a client's notes, say) must not reach a receipt or log
        // whole
        String longName = "Jansen-".repeat(2000) + ".xml";
        byte[] zip = zip(
                new String[] {longName, "kort.xml"},
                new byte[][] {"<x/>".getBytes(StandardCharsets.UTF_8), "<x/>".getBytes(StandardCharsets.UTF_8)});
        Collected c = new Collected();
        new SafeZip().read(new ByteArrayInputStream(zip), c);
        assertEquals(List.of("kort.xml"), c.read);
        assertEquals(1, c.refused.size());
        assertTrue(
                c.refused.get(0).name().length() <= SafeZip.SHOWN_NAME_CHARS + 1,
                c.refused.get(0).name());
        assertTrue(c.refused.get(0).reason().contains("langer dan 255 tekens"));
    }

    @Test
    void zipBombStopsAtTheTotalLimit() throws Exception {
        // 64 MB of zeros compresses to ~64 KB: with a 16 MB total limit the read stops early
        byte[] zeros = new byte[64 * 1024 * 1024];
        byte[] bomb = zip(new String[] {"bom.xml"}, new byte[][] {zeros});
        assertTrue(bomb.length < 200_000, "compressed " + bomb.length);
        SafeZip zip = new SafeZip(128L * 1024 * 1024, 16L * 1024 * 1024, 100);
        SafeZip.ZipLimitException e = assertThrows(
                SafeZip.ZipLimitException.class, () -> zip.read(new ByteArrayInputStream(bomb), new Collected()));
        assertTrue(e.getMessage().contains("zipbom"), e.getMessage());
    }

    @Test
    void oversizedEntryIsRefusedTheRestIsRead() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        byte[] zip = zip(
                new String[] {"groot.xml", "klein.xml"}, new byte[][] {big, "<x/>".getBytes(StandardCharsets.UTF_8)});
        Collected c = new Collected();
        new SafeZip(1024 * 1024, 1L << 30, 100).read(new ByteArrayInputStream(zip), c);
        assertEquals(List.of("klein.xml"), c.read);
        assertEquals("groot.xml", c.refused.get(0).name());
    }

    @Test
    void tooManyEntriesIsRefused() throws Exception {
        String[] names = new String[20];
        byte[][] contents = new byte[20][];
        for (int i = 0; i < 20; i++) {
            names[i] = "m" + i + ".xml";
            contents[i] = "<x/>".getBytes(StandardCharsets.UTF_8);
        }
        byte[] zip = zip(names, contents);
        assertThrows(SafeZip.ZipLimitException.class, () -> new SafeZip(1024, 1L << 30, 10)
                .read(new ByteArrayInputStream(zip), new Collected()));
    }
}
