package nl.jeugdspiegel.indicators;

import java.nio.file.Path;
import nl.jeugdspiegel.core.Periode;

/**
 * One lake file: the accepted delivery of a gemeente for a periode, as a local file, with the waiting file of the
 * same partition ({@code lake/wachtend/…}) when there is one (else null).
 */
public record LakeFile(Periode periode, String gemeente, Path path, Path waiting) {

    public LakeFile(Periode periode, String gemeente, Path path) {
        this(periode, gemeente, path, null);
    }
}
