package nl.jeugdspiegel.core.lake;

import static org.apache.parquet.schema.LogicalTypeAnnotation.dateType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.decimalType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;

/**
 * The lake's Parquet schema (docs/contract.md §6, documented in docs/lake.md). The partition values
 * {@code periode} and {@code gemeente} are in the object key (Hive style), not in the file.
 */
public final class LakeSchema {

    /**
     * The columns of a lake row, in file order. Each has a kind, which says how it is stored in Parquet and how
     * {@link LakeColumns} holds it; optional columns may be absent in a row.
     */
    public enum Column {
        CLIENT("client", Kind.PSEUDONYM, true),
        GEBOORTEJAAR("geboortejaar", Kind.INT, true),
        LEEFTIJD_START("leeftijd_start", Kind.INT, true),
        GESLACHT("geslacht", Kind.CODE, true),
        SOORT("soort", Kind.CODE, true),
        /** Null only for iJw rows whose product category does not determine it (docs/contract.md §2). */
        HULPVORM("hulpvorm", Kind.CODE, false),
        STARTDATUM("startdatum", Kind.DATE, true),
        EINDDATUM("einddatum", Kind.DATE, false),
        REDEN_BEEINDIGING("reden_beeindiging", Kind.CODE, false),
        VERWIJZER("verwijzer", Kind.CODE, false),
        AANMELDDATUM("aanmelddatum", Kind.DATE, false),
        ZONDER_HULP_VERDER("zonder_hulp_verder", Kind.CODE, false),
        TEVREDENHEID("tevredenheid", Kind.INT, false),
        KOSTEN("kosten", Kind.EURO_CENTS, false),
        AANBIEDER_AGB("aanbieder_agb", Kind.CODE, false),
        PRODUCTCATEGORIE("productcategorie", Kind.CODE, false),
        /** With (true) or without (false) a stay, null = unknown ({@link Verblijf}); absent in files of contract 1.1. */
        VERBLIJF("verblijf", Kind.BOOLEAN, false);

        private final String parquetName;
        private final Kind kind;
        private final boolean required;

        Column(String parquetName, Kind kind, boolean required) {
            this.parquetName = parquetName;
            this.kind = kind;
            this.required = required;
        }

        /** The column's name in the Parquet file (and in SQL). */
        public String parquetName() {
            return parquetName;
        }

        public Kind kind() {
            return kind;
        }

        public boolean required() {
            return required;
        }

        /** The column's Parquet type. */
        public PrimitiveType type() {
            Types.PrimitiveBuilder<PrimitiveType> builder =
                    required ? Types.required(kind.physical) : Types.optional(kind.physical);
            return (kind.logical == null ? builder : builder.as(kind.logical)).named(parquetName);
        }
    }

    /** How a column is stored: the Parquet type, and what {@link LakeColumns} keeps per row. */
    public enum Kind {
        /** 64 hex characters of an HMAC-SHA256: four longs per row. */
        PSEUDONYM(BINARY, stringType()),
        /** A code from a code list or register (few distinct values): an index into the column's values. */
        CODE(BINARY, stringType()),
        INT(INT32, null),
        /** Days since 1970-01-01. */
        DATE(INT32, dateType()),
        /** An amount in euro, DECIMAL(12,2): a long of cents. */
        EURO_CENTS(INT64, decimalType(2, 12)),
        /** 1 (true) or 0 (false), as an int. */
        BOOLEAN(PrimitiveType.PrimitiveTypeName.BOOLEAN, null);

        private final PrimitiveType.PrimitiveTypeName physical;
        private final LogicalTypeAnnotation logical;

        Kind(PrimitiveType.PrimitiveTypeName physical, LogicalTypeAnnotation logical) {
            this.physical = physical;
            this.logical = logical;
        }

        public PrimitiveType.PrimitiveTypeName physical() {
            return physical;
        }
    }

    public static final MessageType TRAJECTEN = schema();

    private static MessageType schema() {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : Column.values()) {
            builder.addField(column.type());
        }
        return builder.named("trajecten");
    }

    private LakeSchema() {}
}
