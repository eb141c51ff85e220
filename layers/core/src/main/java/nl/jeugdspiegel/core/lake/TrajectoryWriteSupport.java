package nl.jeugdspiegel.core.lake;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
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
        binary(Column.CLIENT, Binary.fromConstantByteArray(t.client().getBytes(StandardCharsets.UTF_8)));
        int32(Column.GEBOORTEJAAR, t.geboortejaar());
        int32(Column.LEEFTIJD_START, t.leeftijdStart());
        code(Column.GESLACHT, t.geslacht());
        code(Column.SOORT, t.soort());
        code(Column.HULPVORM, t.hulpvorm());
        int32(Column.STARTDATUM, t.startdatum());
        if (t.hasEinddatum()) {
            int32(Column.EINDDATUM, t.einddatum());
        }
        code(Column.REDEN_BEEINDIGING, t.redenBeeindiging());
        code(Column.VERWIJZER, t.verwijzer());
        if (t.hasAanmelddatum()) {
            int32(Column.AANMELDDATUM, t.aanmelddatum());
        }
        code(Column.ZONDER_HULP_VERDER, t.zonderHulpVerder());
        if (t.hasTevredenheid()) {
            int32(Column.TEVREDENHEID, t.tevredenheid());
        }
        if (t.hasKosten()) {
            out.startField(Column.KOSTEN.parquetName(), Column.KOSTEN.ordinal());
            out.addLong(t.kostenCent());
            out.endField(Column.KOSTEN.parquetName(), Column.KOSTEN.ordinal());
        }
        if (t.aanbiederAgb() != null) {
            // thousands of providers: not cached
            binary(
                    Column.AANBIEDER_AGB,
                    Binary.fromConstantByteArray(t.aanbiederAgb().getBytes(StandardCharsets.UTF_8)));
        }
        code(Column.PRODUCTCATEGORIE, t.productcategorie());
        if (t.verblijf() != null) {
            out.startField(Column.VERBLIJF.parquetName(), Column.VERBLIJF.ordinal());
            out.addBoolean(t.verblijf());
            out.endField(Column.VERBLIJF.parquetName(), Column.VERBLIJF.ordinal());
        }
        out.endMessage();
    }

    private void int32(Column column, int value) {
        out.startField(column.parquetName(), column.ordinal());
        out.addInteger(value);
        out.endField(column.parquetName(), column.ordinal());
    }

    private void code(Column column, String value) {
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
        binary(column, bytes);
    }

    private void binary(Column column, Binary value) {
        out.startField(column.parquetName(), column.ordinal());
        out.addBinary(value);
        out.endField(column.parquetName(), column.ordinal());
    }
}
