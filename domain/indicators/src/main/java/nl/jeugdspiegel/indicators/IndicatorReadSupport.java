package nl.jeugdspiegel.indicators;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import nl.jeugdspiegel.core.lake.LakeSchema;
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
 * Decodes lake files straight into {@link FileRows}: only the columns the indicators use (not
 * aanbieder_agb, productcategorie), pseudonyms as two longs and codes as numbers, with no Strings or
 * objects per row.
 */
final class IndicatorReadSupport extends ReadSupport<FileRows> {

    static final Set<String> COLUMNS = Set.of("client", "geboortejaar", "leeftijd_start", "geslacht", "soort",
            "hulpvorm", "startdatum", "einddatum", "reden_beeindiging", "verwijzer", "aanmelddatum",
            "zonder_hulp_verder", "tevredenheid", "kosten");

    private final FileRows rows;
    private Map<String, String> keyValueMetadata = Map.of();

    IndicatorReadSupport(FileRows rows) {
        this.rows = rows;
    }

    /** A Parquet file that is not a lake file: a column the indicators read is missing or of another type. */
    static final class ForeignSchemaException extends IllegalStateException {
        ForeignSchemaException(String message) {
            super(message);
        }
    }

    @Override
    public ReadContext init(InitContext context) {
        MessageType file = context.getFileSchema();
        Types.MessageTypeBuilder projection = Types.buildMessage();
        for (String column : COLUMNS) {
            Type expected = LakeSchema.TRAJECTEN.getType(column);
            if (!file.containsField(column) || !file.getType(column).isPrimitive()
                    || file.getType(column).asPrimitiveType().getPrimitiveTypeName()
                    != expected.asPrimitiveType().getPrimitiveTypeName()) {
                throw new ForeignSchemaException("geen lake-bestand: kolom " + column + " ontbreekt of heeft een ander type");
            }
        }
        for (Type field : file.getFields()) {
            if (COLUMNS.contains(field.getName())) {
                projection.addField(field);
            }
        }
        return new ReadContext(projection.named(file.getName()));
    }

    /** The footer's key/value metadata, known once reading has begun. */
    Map<String, String> keyValueMetadata() {
        return keyValueMetadata;
    }

    @Override
    public RecordMaterializer<FileRows> prepareForRead(Configuration configuration, Map<String, String> metadata,
                                                       MessageType fileSchema, ReadContext context) {
        keyValueMetadata = metadata;
        return materializer(context.getRequestedSchema());
    }

    @Override
    public RecordMaterializer<FileRows> prepareForRead(ParquetConfiguration configuration, Map<String, String> metadata,
                                                       MessageType fileSchema, ReadContext context) {
        keyValueMetadata = metadata;
        return materializer(context.getRequestedSchema());
    }

    private RecordMaterializer<FileRows> materializer(MessageType requested) {
        Converter[] converters = new Converter[requested.getFieldCount()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = converter(requested.getFields().get(i).getName());
        }
        GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
                rows.beginRow();
            }

            @Override
            public void end() {
                rows.size++;
            }
        };
        return new RecordMaterializer<>() {
            @Override
            public FileRows getCurrentRecord() {
                return rows;
            }

            @Override
            public GroupConverter getRootConverter() {
                return root;
            }
        };
    }

    private PrimitiveConverter converter(String column) {
        FileRows r = rows;
        return switch (column) {
            case "client" -> new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    ByteBuffer hex = value.toByteBuffer(); // a view, not a copy
                    if (hex.hasArray()) {
                        byte[] bytes = hex.array();
                        int at = hex.arrayOffset() + hex.position();
                        r.clientHigh[r.size] = hexLong(bytes, at);
                        r.clientLow[r.size] = hexLong(bytes, at + 16);
                    } else {
                        byte[] bytes = value.getBytes();
                        r.clientHigh[r.size] = hexLong(bytes, 0);
                        r.clientLow[r.size] = hexLong(bytes, 16);
                    }
                }
            };
            case "geboortejaar" -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    r.geboortejaar[r.size] = (short) value;
                }
            };
            case "leeftijd_start" -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    r.leeftijd[r.size] = (byte) Math.min(127, Math.max(0, value));
                }
            };
            case "geslacht" -> code(b -> r.geslacht[r.size] = b);
            case "soort" -> new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    // jeugdhulp (9), jeugdbescherming (16), jeugdreclassering (17)
                    int length = value.length();
                    r.soort[r.size] = (byte) (length == 9 ? Codes.JH : length == 16 ? Codes.JB : Codes.JR);
                }
            };
            case "hulpvorm" -> code(b -> r.hulpvorm[r.size] = b);
            case "startdatum" -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    r.start[r.size] = value;
                }
            };
            case "einddatum" -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    r.end[r.size] = value;
                }
            };
            case "reden_beeindiging" -> code(b -> r.reden[r.size] = b);
            case "verwijzer" -> code(b -> r.verwijzer[r.size] = b);
            case "aanmelddatum" -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    r.aanmeld[r.size] = value;
                }
            };
            case "zonder_hulp_verder" -> code(b -> r.zonderHulpVerder[r.size] = b);
            case "tevredenheid" -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    r.tevredenheid[r.size] = (byte) value;
                }
            };
            case "kosten" -> new PrimitiveConverter() {
                @Override
                public void addLong(long value) {
                    r.kosten[r.size] = value;
                }
            };
            default -> throw new IllegalArgumentException("unexpected column " + column);
        };
    }

    private interface ByteSink {
        void set(byte value);
    }

    /** Numeric codes ("01", "1", "31"); dictionary pages make this once per distinct value and page. */
    private static PrimitiveConverter code(ByteSink sink) {
        return new PrimitiveConverter() {
            private byte[] dictionary;

            @Override
            public boolean hasDictionarySupport() {
                return true;
            }

            @Override
            public void setDictionary(org.apache.parquet.column.Dictionary values) {
                dictionary = new byte[values.getMaxId() + 1];
                for (int id = 0; id <= values.getMaxId(); id++) {
                    dictionary[id] = Codes.number(values.decodeToBinary(id));
                }
            }

            @Override
            public void addValueFromDictionary(int id) {
                sink.set(dictionary[id]);
            }

            @Override
            public void addBinary(Binary value) {
                sink.set(Codes.number(value));
            }
        };
    }

    private static long hexLong(byte[] hex, int from) {
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            int c = hex[i];
            value = value << 4 | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return value;
    }
}
