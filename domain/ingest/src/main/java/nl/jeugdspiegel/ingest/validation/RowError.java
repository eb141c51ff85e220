package nl.jeugdspiegel.ingest.validation;

import nl.jeugdspiegel.ingest.ReasonCode;
import nl.jeugdspiegel.ingest.csv.Column;

/** One problem in one row: the reason and the column it is about (null for the row as a whole). */
public record RowError(ReasonCode code, Column column) {
}
