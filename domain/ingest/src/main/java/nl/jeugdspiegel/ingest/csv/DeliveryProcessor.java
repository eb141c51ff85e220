package nl.jeugdspiegel.ingest.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.LakeSchema;
import nl.jeugdspiegel.core.lake.LakeWriter;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.pseudonym.Pseudonymiser;
import nl.jeugdspiegel.ingest.delivery.DeliveryReader;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.LakeTarget;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.problem.ValidationReport;
import nl.jeugdspiegel.ingest.upload.Column;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads one delivery as a stream, validates every row, pseudonymises the accepted rows and writes them
 * to a local Parquet file, with memory that does not grow with the file: rows go straight to the
 * Parquet writer (32 MiB row groups) and duplicate detection spills to disk. Works on any input stream,
 * so the same code path runs in Lambda (an S3 object), in the local runner and in the benchmark.
 */
public final class DeliveryProcessor implements DeliveryReader {

    /**
     * Reading limits (characters): a longer field, a longer record or more fields means the file is broken
     * (an unclosed quote, no line ends), and the delivery is refused with {@code regel_te_lang}. Memory per
     * record stays within a few megabytes whatever the file holds.
     */
    static final int MAX_FIELD_CHARS = 1024 * 1024;

    static final int MAX_RECORD_CHARS = 4 * 1024 * 1024;
    static final int MAX_FIELDS = 4096;

    private final CodeRules rules;
    private final PseudonymKey key;
    private final RejectionThreshold threshold;
    private final boolean fromMessages;

    public DeliveryProcessor(CodeRules rules, PseudonymKey key, RejectionThreshold threshold) {
        this(rules, key, threshold, false);
    }

    private DeliveryProcessor(CodeRules rules, PseudonymKey key, RejectionThreshold threshold, boolean fromMessages) {
        this.rules = rules;
        this.key = key;
        this.threshold = threshold;
        this.fromMessages = fromMessages;
    }

    /** The code rules rows are checked against. */
    public CodeRules rules() {
        return rules;
    }

    @Override
    public DeliveryProcessor forMessageRows() {
        return new DeliveryProcessor(rules, key, threshold, true);
    }

    @Override
    public Read read(InputStream upload, long expectedBytes, LakeTarget target) throws IOException {
        return new Read(process(upload, expectedBytes, target), null);
    }

    /** Processes one CSV delivery without a provider register; see {@link DeliveryReader#read}. */
    public DeliveryResult process(
            InputStream upload, long expectedBytes, Periode periode, Path workDir, Map<String, String> lakeMetadata)
            throws IOException {
        return process(upload, expectedBytes, LakeTarget.of(periode, workDir, lakeMetadata));
    }

    /** Processes one CSV delivery; see {@link DeliveryReader#read}. */
    public DeliveryResult process(InputStream upload, long expectedBytes, LakeTarget target) throws IOException {
        Hashes.HashingInputStream hashed = new Hashes.HashingInputStream(upload);
        Reading reading = new Reading(
                new ValidationReport(),
                new LakeProfile.Counter(target.periode(), target.knownAgbs(), target.workDir()));
        try {
            return process(hashed, expectedBytes, target, reading);
        } finally {
            reading.profile.close();
        }
    }

    private DeliveryResult process(
            Hashes.HashingInputStream hashed, long expectedBytes, LakeTarget target, Reading reading)
            throws IOException {
        ValidationReport report = reading.report;
        FileProblem problem =
                readText(hashed, expectedBytes, target.periode(), target.workDir(), target.footer(), reading);
        String sha = hashed.finishHex(); // also hashes what an early rejection left unread
        if (problem == null && report.rowsRead() == 0) {
            problem =
                    FileProblem.of(ReasonCode.LEEG_BESTAND, "het bestand heeft een kopregel maar geen gegevensregels");
        }
        if (problem == null) {
            problem = threshold.check(report.rowsRejected(), report.rowsRead(), "regels");
        }
        if (problem != null) {
            return new DeliveryResult(problem, report, reading.dropped, sha, null, 0, null, null);
        }
        Path lakeFile = removeDuplicates(reading, report, target);
        return new DeliveryResult(
                null,
                report,
                reading.dropped,
                sha,
                lakeFile,
                report.rowsAccepted() - report.duplicates(),
                null,
                reading.profile.profile());
    }

    /** State of one read. */
    private static final class Reading {
        final ValidationReport report;
        List<String> dropped = List.of();
        /** The text the CSV parser reads. */
        UploadText.Watched text;

        Path draft;
        DuplicateFinder.Losers losers = DuplicateFinder.Losers.NONE;
        /** The lake file's profile: counted as the draft is written, again if duplicates make it rewritten. */
        LakeProfile.Counter profile;

        Reading(ValidationReport report, LakeProfile.Counter profile) {
            this.report = report;
            this.profile = profile;
        }
    }

    private FileProblem readText(
            InputStream bytes,
            long expectedBytes,
            Periode periode,
            Path workDir,
            Map<String, String> lakeMetadata,
            Reading reading)
            throws IOException {
        UploadText.Opened opened = UploadText.open(bytes);
        if (opened.problem() != null) {
            return opened.problem();
        }
        BufferedReader text = opened.reader();
        UploadText.FirstLine headerLine = UploadText.firstLine(text);
        if (headerLine.tooLong()) {
            return new FileProblem(
                    ReasonCode.REGEL_TE_LANG,
                    "de kopregel (regel 1) is langer dan 64 KiB ("
                            + UploadText.MAX_HEADER_CHARS
                            + " tekens): het bestand heeft geen regeleinden, of de eerste regel "
                            + "is geen kopregel met kolomnamen; sla het bestand op als CSV met één traject per regel",
                    1);
        }
        String firstLine = headerLine.text();
        if (firstLine.isBlank()) {
            return FileProblem.of(ReasonCode.LEEG_BESTAND, "het bestand is leeg: geen kopregel en geen gegevensregels");
        }
        if (UploadText.hasInvalidText(firstLine)) {
            return new FileProblem(ReasonCode.CODERING_ONGELDIG, notUtf8Message(), 1);
        }
        Optional<Character> separator = UploadText.separator(firstLine);
        if (separator.isEmpty()) {
            return new FileProblem(
                    ReasonCode.SCHEIDINGSTEKEN_ONBEKEND,
                    "de kopregel gebruikt " + UploadText.describeOtherSeparator(firstLine)
                            + "; gebruik een puntkomma (;) of komma (,)",
                    1);
        }
        // Not closed here: the caller owns the stream, and the rest of it is still hashed afterwards.
        reading.text = new UploadText.Watched(text);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator.get())
                .quoteCharacter('"')
                .skipEmptyLines(true) // line numbers stay exact
                .allowExtraFields(true) // a wrong field count is a row error,
                .allowMissingFields(true) // reported as kolommen_aantal
                .allowExtraCharsAfterClosingQuote(true) // "a"x reads as ax, as spreadsheets mean it
                .maxBufferSize(MAX_RECORD_CHARS)
                .build(
                        CsvRecordHandler.builder()
                                .maxFields(MAX_FIELDS)
                                .maxFieldSize(MAX_FIELD_CHARS)
                                .maxRecordSize(MAX_RECORD_CHARS)
                                .build(),
                        reading.text);
        Iterator<CsvRecord> records = csv.iterator();
        Header header;
        try {
            header = Header.of(records.next().getFields());
        } catch (CsvParseException unreadable) {
            return new FileProblem(ReasonCode.REGEL_TE_LANG, "de kopregel is niet als CSV te lezen: " + LIMITS, 1);
        }
        reading.dropped = header.unknownColumnsForReceipt();
        FileProblem headerProblem = headerProblem(header);
        if (headerProblem != null && headerProblem.code() != ReasonCode.KOLOM_ONTBREEKT) {
            return headerProblem;
        }
        // a missing column refuses the delivery, but the rows are still checked on the columns they have, so that
        // one receipt names every problem of the file (the rows make no lake file then)
        FileProblem rowsProblem = readRows(records, header, periode, expectedBytes, workDir, lakeMetadata, reading);
        return headerProblem != null ? headerProblem : rowsProblem;
    }

    private FileProblem readRows(
            Iterator<CsvRecord> records,
            Header header,
            Periode periode,
            long expectedBytes,
            Path workDir,
            Map<String, String> lakeMetadata,
            Reading reading)
            throws IOException {
        RowValidator validator = new RowValidator(header, periode, rules, new Pseudonymiser(key), fromMessages);
        reading.draft = workDir.resolve("draft.parquet");
        try (LakeWriter writer = LakeWriter.open(reading.draft, lakeMetadata);
                DuplicateFinder duplicates = new DuplicateFinder(workDir, expectedBytes);
                ValidatingReader reader = new ValidatingReader(
                        records, reading.text, validator, reading.report, duplicates, reading.profile)) {
            while (true) {
                ValidatingReader.Batch batch = reader.next();
                batch.rethrowFailure();
                for (int i = 0; i < batch.size; i++) {
                    writer.write(batch.rows[i]);
                }
                if (batch.invalidTextLine > 0) {
                    return new FileProblem(ReasonCode.CODERING_ONGELDIG, notUtf8Message(), batch.invalidTextLine);
                }
                if (batch.unreadableFromLine > 0) {
                    return new FileProblem(
                            ReasonCode.REGEL_TE_LANG,
                            "vanaf regel " + batch.unreadableFromLine
                                    + " is het bestand niet meer als CSV te lezen: " + LIMITS + " (waarschijnlijk een "
                                    + "aanhalingsteken dat niet wordt gesloten, of een bestand zonder regeleinden)",
                            batch.unreadableFromLine);
                }
                if (batch.last) {
                    reading.losers = batch.losers;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the upload", e);
        }
        return null;
    }

    /** Rows per batch when the draft is rewritten without its duplicates: memory stays flat. */
    private static final int REWRITE_BATCH = 8192;

    private static final String LIMITS = String.format(
                    Locale.ROOT,
                    "een veld is langer dan %,d tekens, een regel langer dan "
                            + "%,d tekens of heeft meer dan %,d velden",
                    MAX_FIELD_CHARS,
                    MAX_RECORD_CHARS,
                    MAX_FIELDS)
            .replace(',', '.');

    private static FileProblem headerProblem(Header header) {
        List<Column> missing = header.missingRequired();
        if (!missing.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Column c : missing) {
                names.append(names.length() == 0 ? "" : ", ").append(c.header());
                header.nearMiss(c)
                        .ifPresent(near ->
                                names.append(" (bedoelt u ").append(near).append("?)"));
            }
            return new FileProblem(
                    ReasonCode.KOLOM_ONTBREEKT,
                    "de kopregel mist de verplichte kolom" + (missing.size() > 1 ? "men " : " ") + names
                            + "; namen mogen in hoofd- of kleine letters en in elke volgorde staan. De regels zijn wel"
                            + " gecontroleerd op de kolommen die er zijn",
                    1);
        }
        if (!header.duplicated().isEmpty()) {
            return new FileProblem(
                    ReasonCode.KOLOM_DUBBEL,
                    "de kopregel noemt de kolom " + header.duplicated().get(0).header() + " meer dan eens",
                    1);
        }
        return null;
    }

    private static String notUtf8Message() {
        return "deze regel bevat tekens die geen UTF-8 zijn (bijvoorbeeld een é uit een Windows-1252- of "
                + "Latin-1-bestand); sla het bestand op als CSV UTF-8";
    }

    /**
     * Drops the rows that a later row with the same key replaced (docs/contract.md §2: the last row wins); the profile
     * is counted again on the rows that stay.
     */
    private static Path removeDuplicates(Reading reading, ValidationReport report, LakeTarget target)
            throws IOException {
        DuplicateFinder.Losers losers = reading.losers;
        if (losers.isEmpty()) {
            return reading.draft;
        }
        for (long line : losers.lines()) {
            report.duplicate(line);
        }
        reading.profile.close();
        reading.profile = new LakeProfile.Counter(target.periode(), target.knownAgbs(), target.workDir());
        LakeProfile.Counter profile = reading.profile;
        Path lakeFile = target.workDir().resolve("trajecten.parquet");
        int[] skip = losers.rows();
        try (LakeWriter writer = LakeWriter.open(lakeFile, target.footer())) {
            int[] position = {0, 0}; // row index, next loser
            LakeReader.read(
                    new LocalInputFile(reading.draft), EnumSet.allOf(LakeSchema.Column.class), REWRITE_BATCH, batch -> {
                        for (int i = 0; i < batch.size(); i++) {
                            int row = position[0]++;
                            if (position[1] < skip.length && skip[position[1]] == row) {
                                position[1]++;
                                continue;
                            }
                            try {
                                Trajectory kept = batch.trajectory(i);
                                writer.write(kept);
                                profile.add(kept);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.delete(reading.draft);
        return lakeFile;
    }

    /**
     * Runs the whole code path on {@code rows} made-up rows from memory and throws the result away: loads
     * the classes and lets the JIT compile the hot methods, before a SnapStart snapshot is taken.
     */
    public void prime(int rows, Path workDir) throws IOException {
        try (InputStream upload = PrimingUpload.of(rows)) {
            process(upload, rows * 100L, PrimingUpload.PERIODE, workDir, Map.of());
        }
    }

    /** The hex SHA-256 of a whole stream (for uploads that are refused before they are read). */
    public static String sha256Of(InputStream upload) throws IOException {
        return new Hashes.HashingInputStream(upload).finishHex();
    }
}
