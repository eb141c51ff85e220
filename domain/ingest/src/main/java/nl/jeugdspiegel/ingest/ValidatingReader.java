package nl.jeugdspiegel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.ingest.csv.UploadText;
import nl.jeugdspiegel.ingest.validation.RowError;
import nl.jeugdspiegel.ingest.validation.RowValidator;
import nl.jeugdspiegel.ingest.validation.ValidationReport;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first half of the ingest pipeline, on a thread of its own: parses the CSV records, validates and
 * pseudonymises them, records rejected rows in the report, spills the keys of valid rows for duplicate
 * detection, and hands the valid lake rows over in batches through a small bounded queue. The caller's thread writes them to Parquet meanwhile, so both
 * cores work; memory stays bounded (at most {@value #QUEUED} batches of {@value #BATCH} rows in flight).
 * Empty lines and lines with only separators are skipped; a record with text that was not UTF-8 ends
 * the reading with its line number. The report may only be read after the last batch was taken.
 */
final class ValidatingReader implements AutoCloseable {

    static final int BATCH = 2048;
    static final int QUEUED = 4;

    /** Up to {@value #BATCH} valid rows. */
    static final class Batch {
        final Trajectory[] rows = new Trajectory[BATCH];
        int size;
        long invalidTextLine;
        Throwable failure;
        boolean last;

        void rethrowFailure() throws IOException {
            if (failure instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            } else if (failure instanceof IOException io) {
                throw io;
            } else if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;

    /** Starts on the records after the header (already taken from {@code records}). */
    ValidatingReader(CSVParser parser, Iterator<CSVRecord> records, RowValidator validator, ValidationReport report,
                     DuplicateFinder duplicates) {
        thread = new Thread(() -> run(parser, records, validator, report, duplicates), "ingest-reader");
        thread.setDaemon(true);
        thread.start();
    }

    Batch next() throws InterruptedException {
        return queue.take();
    }

    private void run(CSVParser parser, Iterator<CSVRecord> records, RowValidator validator, ValidationReport report,
                     DuplicateFinder duplicates) {
        List<RowError> errors = new ArrayList<>();
        Batch batch = new Batch();
        int rowIndex = 0;
        try {
            while (true) {
                long startLine = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                String[] values = records.next().values();
                if (isEmpty(values)) {
                    continue;
                }
                if (hasInvalidText(values)) {
                    batch.invalidTextLine = startLine;
                    break;
                }
                long lines = parser.getCurrentLineNumber() - startLine + 1;
                errors.clear();
                Trajectory row = validator.validate(values, errors);
                if (row == null) {
                    report.rejected(startLine, lines, errors);
                    continue;
                }
                report.accepted();
                if (lines > 1) {
                    report.multiLineRecord(startLine);
                }
                duplicates.add(row, rowIndex++, startLine);
                batch.rows[batch.size] = row;
                if (++batch.size == BATCH) {
                    queue.put(batch);
                    batch = new Batch();
                }
            }
        } catch (InterruptedException stop) {
            return; // the caller gave up
        } catch (Throwable t) {
            batch.failure = t;
        }
        batch.last = true;
        try {
            queue.put(batch);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isEmpty(String[] values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasInvalidText(String[] values) {
        for (String v : values) {
            if (UploadText.hasInvalidText(v)) {
                return true;
            }
        }
        return false;
    }

    /** Stops the reader if it still runs (the caller failed or stopped early). */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
