package nl.jeugdspiegel.ingest.problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts and the row errors of one delivery, grouped by reason code with the first line numbers
 * of each (capped). Holds no values from the file, only line numbers and column names.
 */
public final class ValidationReport {

    /** How many line numbers a receipt lists per reason code. */
    public static final int MAX_LINES_PER_REASON = 100;

    /** Rows rejected for one reason. */
    public static final class ReasonStats {
        private long rows;
        private final List<Long> lines = new ArrayList<>();
        private final Map<String, Long> perColumn = new TreeMap<>();

        public long rows() {
            return rows;
        }

        public List<Long> firstLines() {
            return lines;
        }

        public Map<String, Long> perColumn() {
            return perColumn;
        }
    }

    private long rowsRead;
    private long rowsAccepted;
    private long rowsRejected;
    private long duplicates;
    private final List<Long> duplicateLines = new ArrayList<>();
    private long multiLineRecords;
    private long firstMultiLine;
    private final Map<ReasonCode, ReasonStats> reasons = new EnumMap<>(ReasonCode.class);

    public void accepted() {
        rowsRead++;
        rowsAccepted++;
    }

    /**
     * A rejected record that starts at {@code line} and spans {@code physicalLines} lines. A broken
     * record that swallowed several lines (an unclosed quote) counts as that many rejected rows, so a
     * file cannot lose rows silently.
     */
    public void rejected(long line, long physicalLines, List<RowError> errors) {
        long rows = Math.max(1, physicalLines);
        rowsRead += rows;
        rowsRejected += rows;
        EnumSet<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        for (RowError error : errors) {
            ReasonStats stats = reasons.computeIfAbsent(error.code(), c -> new ReasonStats());
            if (seen.add(error.code())) {
                stats.rows += rows;
                if (stats.lines.size() < MAX_LINES_PER_REASON) {
                    stats.lines.add(line);
                }
            }
            if (error.column() != null) {
                stats.perColumn.merge(error.column().header(), 1L, Long::sum);
            }
        }
    }

    public void multiLineRecord(long line) {
        if (multiLineRecords++ == 0) {
            firstMultiLine = line;
        }
    }

    public void duplicate(long line) {
        duplicates++;
        if (duplicateLines.size() < MAX_LINES_PER_REASON) {
            duplicateLines.add(line);
        }
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsAccepted() {
        return rowsAccepted;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** Accepted rows that a later row with the same key replaced. */
    public long duplicates() {
        return duplicates;
    }

    public List<Long> duplicateLines() {
        return duplicateLines;
    }

    public long multiLineRecords() {
        return multiLineRecords;
    }

    public long firstMultiLine() {
        return firstMultiLine;
    }

    public Map<ReasonCode, ReasonStats> reasons() {
        return reasons;
    }
}
