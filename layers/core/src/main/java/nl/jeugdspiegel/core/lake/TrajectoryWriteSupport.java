package nl.jeugdspiegel.core.lake;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link Trajectory} rows in the {@link LakeSchema#TRAJECTEN} layout, without Avro or Hadoop configuration. */
final class TrajectoryWriteSupport extends WriteSupport<Trajectory> {

    private final Map<String, String> keyValueMetadata;
    /**
     * Codes repeat on every row: their UTF-8 bytes are made once per String instance (ingest hands over
     * one canonical instance per code). Bounded, so a caller with fresh Strings per row costs no memory.
     */
    private static final int MAX_CACHED_CODES = 4096;
    private final Map<String, Binary> codeBinaries = new IdentityHashMap<>();
    private RecordConsumer out;

    TrajectoryWriteSupport(Map<String, String> keyValueMetadata) {
        this.keyValueMetadata = Map.copyOf(keyValueMetadata);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return init((ParquetConfiguration) null);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(LakeSchema.TRAJECTEN, keyValueMetadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Trajectory t) {
        out.startMessage();
        // String.getBytes has a fast path for ASCII; Binary.fromString goes through a CharsetEncoder
        binary(0, "client", Binary.fromConstantByteArray(t.client().getBytes(StandardCharsets.UTF_8)));
        int32(1, "geboortejaar", t.geboortejaar());
        int32(2, "leeftijd_start", t.leeftijdStart());
        code(3, "geslacht", t.geslacht());
        code(4, "soort", t.soort());
        code(5, "hulpvorm", t.hulpvorm());
        int32(6, "startdatum", t.startdatum());
        if (t.hasEinddatum()) {
            int32(7, "einddatum", t.einddatum());
        }
        code(8, "reden_beeindiging", t.redenBeeindiging());
        code(9, "verwijzer", t.verwijzer());
        if (t.hasAanmelddatum()) {
            int32(10, "aanmelddatum", t.aanmelddatum());
        }
        code(11, "zonder_hulp_verder", t.zonderHulpVerder());
        if (t.hasTevredenheid()) {
            int32(12, "tevredenheid", t.tevredenheid());
        }
        if (t.hasKosten()) {
            out.startField("kosten", 13);
            out.addLong(t.kostenCent());
            out.endField("kosten", 13);
        }
        if (t.aanbiederAgb() != null) {
            // thousands of providers: not cached
            binary(14, "aanbieder_agb", Binary.fromConstantByteArray(t.aanbiederAgb().getBytes(StandardCharsets.UTF_8)));
        }
        code(15, "productcategorie", t.productcategorie());
        out.endMessage();
    }

    private void int32(int index, String name, int value) {
        out.startField(name, index);
        out.addInteger(value);
        out.endField(name, index);
    }

    private void code(int index, String name, String value) {
        if (value == null) {
            return;
        }
        Binary bytes = codeBinaries.get(value);
        if (bytes == null) {
            bytes = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            if (codeBinaries.size() < MAX_CACHED_CODES) {
                codeBinaries.put(value, bytes);
            }
        }
        binary(index, name, bytes);
    }

    private void binary(int index, String name, Binary value) {
        out.startField(name, index);
        out.addBinary(value);
        out.endField(name, index);
    }
}
