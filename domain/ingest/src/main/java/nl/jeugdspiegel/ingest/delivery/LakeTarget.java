package nl.jeugdspiegel.ingest.delivery;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import nl.jeugdspiegel.core.Periode;

/**
 * What a delivery's lake file is made for: the periode its rows must be active in, the empty local folder for it
 * and its spill files, the key/value metadata of its Parquet footer (the delivery's provenance), and the AGB codes of
 * the provider register, against which its profile counts unknown codes while the rows are written (empty: no
 * register).
 */
public record LakeTarget(Periode periode, Path workDir, Map<String, String> footer, Set<String> knownAgbs) {

    public LakeTarget {
        footer = Map.copyOf(footer);
        knownAgbs = Set.copyOf(knownAgbs);
    }

    /** Without a provider register. */
    public static LakeTarget of(Periode periode, Path workDir, Map<String, String> footer) {
        return new LakeTarget(periode, workDir, footer, Set.of());
    }
}
