package nl.jeugdspiegel.ingest.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.ingest.problem.RowError;
import nl.jeugdspiegel.ingest.problem.ValidationReport;

/**
 * The first half of the ingest pipeline, on a thread of its own: parses the CSV records, validates and
 * pseudonymises them, records rejected rows in the report, spills the keys of valid rows for duplicate
 * detection, counts them into the lake file's profile, and hands the valid lake rows over in batches through a
 * small bounded queue. The caller's thread writes them to Parquet meanwhile, so both cores work; memory stays bounded
 * (at most {@value #QUEUED} batches of {@value #BATCH} rows in flight). Empty lines and lines with only separators
 * are skipped; a record with text that was not UTF-8 ends the reading with its line number. The report and the
 * profile may only be read after the last batch was taken.
 */
final class ValidatingReader implements AutoCloseable {

    static final int BATCH = 2048;
    static final int QUEUED = 4;

    /** Up to {@value #BATCH} valid rows. */
    static final class Batch {
        final Trajectory[] rows = new Trajectory[BATCH];
        int size;
        long invalidTextLine;
        long unreadableFromLine;
        /** In the last batch of a file read to its end: the rows a later row with the same key replaces. */
        DuplicateFinder.Losers losers = DuplicateFinder.Losers.NONE;

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
    private final Iterator<CsvRecord> records;
    private final UploadText.Watched text;
    private final RowValidator validator;
    private final ValidationReport report;
    private final DuplicateFinder duplicates;
    private final LakeProfile.Counter profile;
    private final Thread thread;

    /** Starts on the records after the header (already taken from {@code records}). */
    ValidatingReader(
            Iterator<CsvRecord> records,
            UploadText.Watched text,
            RowValidator validator,
            ValidationReport report,
            DuplicateFinder duplicates,
            LakeProfile.Counter profile) {
        this.records = records;
        this.text = text;
        this.validator = validator;
        this.report = report;
        this.duplicates = duplicates;
        this.profile = profile;
        thread = new Thread(this::run, "ingest-reader");
        thread.setDaemon(true);
        thread.start();
    }

    Batch next() throws InterruptedException {
        return queue.take();
    }

    private void run() {
        List<RowError> errors = new ArrayList<>();
        Batch batch = new Batch();
        int rowIndex = 0;
        try {
            long lastLine = 1;
            while (true) {
                CsvRecord record;
                try {
                    if (!records.hasNext()) {
                        // every row read: the duplicates are found here while the writer catches up
                        batch.losers = duplicates.finish();
                        break;
                    }
                    record = records.next();
                } catch (CsvParseException unreadable) {
                    batch.unreadableFromLine = lastLine + 1;
                    break;
                }
                long startLine = record.getStartingLineNumber();
                List<String> values = record.getFields();
                long breaks = text.special() ? scan(values) : blankOrNot(values);
                if (breaks == BLANK) {
                    continue;
                }
                if (breaks == INVALID_TEXT) {
                    batch.invalidTextLine = startLine;
                    break;
                }
                long lines = 1 + breaks;
                lastLine = startLine + lines - 1;
                errors.clear();
                Trajectory row = validator.validate(values, errors);
                if (row == null && errors.isEmpty()) {
                    report.accepted(); // checked only: the header lacks a required column
                    continue;
                }
                if (row == null) {
                    report.rejected(startLine, lines, errors);
                    continue;
                }
                report.accepted();
                if (lines > 1) {
                    report.multiLineRecord(startLine);
                }
                duplicates.add(row, rowIndex++, startLine);
                profile.add(row); // here rather than on the writer's thread, which has the more work
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

    /** {@link #scan}: every field is blank (only whitespace, or empty). */
    static final long BLANK = -1;
    /** {@link #scan}: a field holds text that was not UTF-8 or a NUL character ({@link UploadText#isNotText}). */
    static final long INVALID_TEXT = -2;

    /** {@link #scan} for a record that holds no quote, NUL or text that was not UTF-8: {@link #BLANK} or 0. */
    static long blankOrNot(List<String> values) {
        for (int f = 0, fields = values.size(); f < fields; f++) {
            if (!values.get(f).isBlank()) {
                return 0;
            }
        }
        return BLANK;
    }

    /**
     * One pass over a record's fields (it runs for every row, so once rather than once per question): {@link #BLANK},
     * {@link #INVALID_TEXT}, or else the number of line breaks inside the fields (CRLF, LF and a lone CR each count
     * once). A break at the very end of the last field is the end of the file swallowed by an unclosed quote, not
     * another line of the record. Blank is what {@link String#isBlank} says of every field.
     */
    static long scan(List<String> values) {
        boolean blank = true;
        boolean invalid = false;
        long breaks = 0;
        int fields = values.size();
        for (int f = 0; f < fields; f++) {
            String v = values.get(f);
            int length = v.length();
            for (int i = 0; i < length; i++) {
                char c = v.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (c == '\n' || i + 1 == length || v.charAt(i + 1) != '\n') {
                        breaks++;
                    }
                } else if (UploadText.isNotText(c)) {
                    invalid = true;
                    blank = false;
                } else if (blank && !Character.isWhitespace(c)) {
                    blank = false;
                }
            }
        }
        if (blank) {
            return BLANK;
        }
        if (invalid) {
            return INVALID_TEXT;
        }
        String last = values.get(fields - 1);
        if (breaks > 0 && (last.endsWith("\n") || last.endsWith("\r"))) {
            breaks--;
        }
        return breaks;
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
