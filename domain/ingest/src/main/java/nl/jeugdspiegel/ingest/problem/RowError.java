package nl.jeugdspiegel.ingest.problem;

import nl.jeugdspiegel.ingest.upload.Column;

/** One problem in one row: the reason and the column it is about (null for the row as a whole). */
public record RowError(ReasonCode code, Column column) {}
