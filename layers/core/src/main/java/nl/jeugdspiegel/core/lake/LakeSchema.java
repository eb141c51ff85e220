package nl.jeugdspiegel.core.lake;

import static org.apache.parquet.schema.LogicalTypeAnnotation.dateType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.decimalType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdspiegel.core.Periode;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The lake's Parquet schema (contract §6, documented in docs/lake.md). The partition values
 * {@code periode} and {@code gemeente} are in the object key (Hive style), not in the file.
 */
public final class LakeSchema {

    public static final String TRAJECTEN_PREFIX = "lake/trajecten/";
    public static final String PART_FILE = "part-00000.parquet";

    public static final MessageType TRAJECTEN = Types.buildMessage()
            .required(BINARY).as(stringType()).named("client")
            .required(INT32).named("geboortejaar")
            .required(INT32).named("leeftijd_start")
            .required(BINARY).as(stringType()).named("geslacht")
            .required(BINARY).as(stringType()).named("soort")
            .required(BINARY).as(stringType()).named("hulpvorm")
            .required(INT32).as(dateType()).named("startdatum")
            .optional(INT32).as(dateType()).named("einddatum")
            .optional(BINARY).as(stringType()).named("reden_beeindiging")
            .optional(BINARY).as(stringType()).named("verwijzer")
            .optional(INT32).as(dateType()).named("aanmelddatum")
            .optional(BINARY).as(stringType()).named("zonder_hulp_verder")
            .optional(INT32).named("tevredenheid")
            .optional(INT64).as(decimalType(2, 12)).named("kosten")
            .optional(BINARY).as(stringType()).named("aanbieder_agb")
            .optional(BINARY).as(stringType()).named("productcategorie")
            .named("trajecten");

    private LakeSchema() {
    }

    /** {@code lake/trajecten/periode=2024H1/gemeente=GM0363/part-00000.parquet} */
    public static String trajectenKey(Periode periode, String gemeentecode) {
        return partitionPrefix(periode, gemeentecode) + PART_FILE;
    }

    public static String partitionPrefix(Periode periode, String gemeentecode) {
        return TRAJECTEN_PREFIX + "periode=" + periode + "/gemeente=" + gemeentecode + "/";
    }

    /** Where a key under {@code lake/trajecten/} points: its partition and file name. */
    public record Partition(Periode periode, String gemeentecode, String file) {
    }

    private static final Pattern TRAJECTEN_KEY = Pattern.compile(Pattern.quote(TRAJECTEN_PREFIX)
            + "periode=([^/]+)/gemeente=(GM\\d{4})/([^/]+)");

    /** The partition of {@code lake/trajecten/periode=P/gemeente=G/file}; empty for any other key. */
    public static Optional<Partition> partitionOf(String key) {
        Matcher m = TRAJECTEN_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Periode.tryParse(m.group(1)).map(p -> new Partition(p, m.group(2), m.group(3)));
    }
}
