package nl.jeugdspiegel.ingest.ijw;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Facts on disk, in buckets by the client's BSN: memory stays flat in the zip's size. */
final class FactSpill implements AutoCloseable {
    private static final MessageCheck.Type[] TYPES = MessageCheck.Type.values();
    private final DataOutputStream[] buckets;

    FactSpill(Path dir, int count) throws IOException {
        buckets = new DataOutputStream[count];
        for (int b = 0; b < count; b++) {
            buckets[b] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(dir, b)), 8192));
        }
    }

    static Path file(Path dir, int bucket) {
        return dir.resolve("berichtfeiten-" + bucket + ".bin");
    }

    void write(MessageFacts.Fact fact) throws IOException {
        String bsn = String.valueOf(fact.get("Client/Bsn"));
        DataOutputStream out = buckets[Math.floorMod(bsn.hashCode(), buckets.length)];
        out.writeByte(fact.type().ordinal());
        out.writeUTF(fact.file());
        out.writeShort(fact.values().size());
        for (Map.Entry<String, String> e : fact.values().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    /** Reads one bucket back and deletes it. */
    static List<MessageFacts.Fact> load(Path dir, int bucket) throws IOException {
        Path file = file(dir, bucket);
        List<MessageFacts.Fact> facts = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int type;
                try {
                    type = in.readByte();
                } catch (EOFException end) {
                    break;
                }
                String name = in.readUTF();
                int n = in.readShort();
                Map<String, String> values = new HashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    values.put(in.readUTF(), in.readUTF());
                }
                facts.add(new MessageFacts.Fact(TYPES[type], name, values));
            }
        }
        Files.delete(file);
        return facts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DataOutputStream out : buckets) {
            try {
                out.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
