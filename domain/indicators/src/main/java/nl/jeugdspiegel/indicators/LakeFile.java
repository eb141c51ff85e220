package nl.jeugdspiegel.indicators;

import java.nio.file.Path;
import nl.jeugdspiegel.core.Periode;

/** One lake file: the accepted delivery of a gemeente for a periode, as a local file. */
public record LakeFile(Periode periode, String gemeente, Path path) {}
