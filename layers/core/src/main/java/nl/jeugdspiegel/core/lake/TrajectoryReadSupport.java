package nl.jeugdspiegel.core.lake;

import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Reads lake files into {@link Trajectory} rows. With a column projection only those columns are
 * decoded; the others keep their "absent" value (null, {@link Trajectory#NO_DATE}, ...).
 */
final class TrajectoryReadSupport extends ReadSupport<Trajectory> {

    private final Set<String> columns;

    /** @param columns the columns to read, or null for all */
    TrajectoryReadSupport(Set<String> columns) {
        this.columns = columns;
    }

    @Override
    public ReadContext init(InitContext context) {
        MessageType file = context.getFileSchema();
        if (columns == null) {
            return new ReadContext(file);
        }
        Types.MessageTypeBuilder projection = Types.buildMessage();
        for (Type field : file.getFields()) {
            if (columns.contains(field.getName())) {
                projection.addField(field);
            }
        }
        return new ReadContext(projection.named(file.getName()));
    }

    @Override
    public RecordMaterializer<Trajectory> prepareForRead(Configuration configuration, Map<String, String> metadata,
                                                         MessageType fileSchema, ReadContext context) {
        return new Materializer(context.getRequestedSchema());
    }

    @Override
    public RecordMaterializer<Trajectory> prepareForRead(ParquetConfiguration configuration,
                                                         Map<String, String> metadata, MessageType fileSchema,
                                                         ReadContext context) {
        return new Materializer(context.getRequestedSchema());
    }

    /** Mutable state of the row being assembled. */
    private static final class Row {
        String client;
        int geboortejaar;
        int leeftijdStart;
        String geslacht;
        String soort;
        String hulpvorm;
        int startdatum;
        int einddatum;
        String redenBeeindiging;
        String verwijzer;
        int aanmelddatum;
        String zonderHulpVerder;
        int tevredenheid;
        long kostenCent;
        String aanbiederAgb;
        String productcategorie;

        void clear() {
            client = geslacht = soort = hulpvorm = redenBeeindiging = verwijzer = null;
            zonderHulpVerder = aanbiederAgb = productcategorie = null;
            geboortejaar = leeftijdStart = 0;
            startdatum = einddatum = aanmelddatum = Trajectory.NO_DATE;
            tevredenheid = Trajectory.NO_SCORE;
            kostenCent = Trajectory.NO_AMOUNT;
        }

        Trajectory build() {
            return new Trajectory(client, geboortejaar, leeftijdStart, geslacht, soort, hulpvorm, startdatum,
                    einddatum, redenBeeindiging, verwijzer, aanmelddatum, zonderHulpVerder, tevredenheid,
                    kostenCent, aanbiederAgb, productcategorie);
        }
    }

    private interface StringSetter {
        void set(Row row, String value);
    }

    private interface IntSetter {
        void set(Row row, int value);
    }

    private static final class Materializer extends RecordMaterializer<Trajectory> {
        private final Row row = new Row();
        private final GroupConverter root;

        Materializer(MessageType requested) {
            Converter[] converters = new Converter[requested.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                converters[i] = converterFor(requested.getFields().get(i).getName());
            }
            root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    row.clear();
                }

                @Override
                public void end() {
                }
            };
        }

        private Converter converterFor(String column) {
            return switch (column) {
                case "client" -> string((r, v) -> r.client = v, false);
                case "geboortejaar" -> int32((r, v) -> r.geboortejaar = v);
                case "leeftijd_start" -> int32((r, v) -> r.leeftijdStart = v);
                case "geslacht" -> string((r, v) -> r.geslacht = v, true);
                case "soort" -> string((r, v) -> r.soort = v, true);
                case "hulpvorm" -> string((r, v) -> r.hulpvorm = v, true);
                case "startdatum" -> int32((r, v) -> r.startdatum = v);
                case "einddatum" -> int32((r, v) -> r.einddatum = v);
                case "reden_beeindiging" -> string((r, v) -> r.redenBeeindiging = v, true);
                case "verwijzer" -> string((r, v) -> r.verwijzer = v, true);
                case "aanmelddatum" -> int32((r, v) -> r.aanmelddatum = v);
                case "zonder_hulp_verder" -> string((r, v) -> r.zonderHulpVerder = v, true);
                case "tevredenheid" -> int32((r, v) -> r.tevredenheid = v);
                case "kosten" -> new PrimitiveConverter() {
                    @Override
                    public void addLong(long value) {
                        row.kostenCent = value;
                    }
                };
                case "aanbieder_agb" -> string((r, v) -> r.aanbiederAgb = v, true);
                case "productcategorie" -> string((r, v) -> r.productcategorie = v, true);
                default -> throw new IllegalArgumentException("unknown lake column " + column);
            };
        }

        private PrimitiveConverter int32(IntSetter setter) {
            return new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    setter.set(row, value);
                }
            };
        }

        /** Codes come from small dictionaries: with {@code interned} each distinct value is one String. */
        private PrimitiveConverter string(StringSetter setter, boolean interned) {
            return new PrimitiveConverter() {
                private final Map<Binary, String> cache = new java.util.HashMap<>();

                @Override
                public void addBinary(Binary value) {
                    if (!interned) {
                        setter.set(row, value.toStringUsingUTF8());
                        return;
                    }
                    String text = cache.get(value);
                    if (text == null) {
                        text = value.toStringUsingUTF8();
                        if (cache.size() < 10_000) {
                            cache.put(value.copy(), text);
                        }
                    }
                    setter.set(row, text);
                }
            };
        }

        @Override
        public Trajectory getCurrentRecord() {
            return row.build();
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}
