package nl.jeugdspiegel.ingest.ijw;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipException;
import nl.jeugdspiegel.core.Hashes;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.Waiting;
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
import nl.jeugdspiegel.ingest.validation.Bsn;

/**
 * Turns a delivery zip of iJw 3.2 messages into the trajectory CSV of docs/contract.md §2 in a work folder, so the
 * delivery then takes the CSV path (row validation, pseudonymisation, lake). Every message is checked
 * against its XSD; the delivery is refused when more than the threshold of its messages is refused (the
 * 5 % rule of the CSV rows, applied to messages).
 *
 * <p>Memory does not grow with the zip: messages are read one at a time, and the few facts kept of each
 * valid message are spilled to one of N bucket files chosen by the client's BSN, so all messages of a
 * client meet in one bucket. Each bucket is then reconstructed on its own. N grows with the zip's size.
 * The work folder holds BSNs for the duration of the call only; the caller deletes it.
 */
public final class MessageDelivery {

    /** At most this many refused messages are listed one by one in the receipt, as lines per row reason. */
    public static final int MAX_PROBLEMS_SHOWN = ValidationReport.MAX_LINES_PER_REASON;
    /** Compressed zip bytes per bucket: a bucket's facts then take some tens of megabytes at most. */
    static final long ZIP_BYTES_PER_BUCKET = 4L << 20;

    static final int MAX_BUCKETS = 256;

    /**
     * Message checking (XSD validation with the facts collected in the same pass: most of the work) runs on up to
     * this many threads when the machine has more than one core; the zip is read on the caller's thread, and the
     * results are taken in the zip's order, so the outcome is the same as on one thread.
     */
    static final int MAX_CHECKERS = 4;
    /** Messages in flight per checker, at most, and their bytes in all: memory stays flat in the zip's size. */
    static final int IN_FLIGHT_PER_CHECKER = 32;

    static final long MAX_IN_FLIGHT_BYTES = 32L << 20;

    private final MessageCheck check = new MessageCheck();
    /** The threads that check messages next to the one reading the zip; null on a single core. */
    private final ExecutorService checkers;

    private final int checkerCount;
    private final TrajectoryReconstruction reconstruction = new TrajectoryReconstruction();
    private final SafeZip zip;
    private final DeliveryReader rows;
    private final RejectionThreshold threshold;
    private final Pseudonymiser pseudonymiser;

    /**
     * Reads zips with {@code zip}'s limits; the reconstructed rows go to {@code rows} (the CSV route), and
     * {@code threshold} holds for the messages as it does for the rows; {@code key} pseudonymises who is waiting.
     */
    public MessageDelivery(SafeZip zip, DeliveryReader rows, RejectionThreshold threshold, PseudonymKey key) {
        this(zip, rows, threshold, key, defaultCheckers());
    }

    /** With {@code checkerThreads} threads checking messages (0: on the caller's thread only). */
    MessageDelivery(
            SafeZip zip, DeliveryReader rows, RejectionThreshold threshold, PseudonymKey key, int checkerThreads) {
        this.zip = zip;
        this.rows = rows.forMessageRows();
        this.threshold = threshold;
        this.pseudonymiser = new Pseudonymiser(key);
        this.checkerCount = checkerThreads;
        this.checkers = checkerThreads == 0
                ? null
                : Executors.newFixedThreadPool(checkerThreads, r -> {
                    Thread t = new Thread(r, "ijw-message-check");
                    t.setDaemon(true); // the pool lives as long as the function instance
                    return t;
                });
    }

    /** Every core checks messages when there is more than one (up to {@link #MAX_CHECKERS}); else the caller alone. */
    private static int defaultCheckers() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores > 1 ? Math.min(MAX_CHECKERS, cores) : 0;
    }

    /**
     * The reader of {@code gemeentecode}'s zips, with its product mapping: only messages to which that municipality is
     * a party count (contract v1.3 §2).
     */
    public DeliveryReader forMunicipality(String gemeentecode, ProductMapping mapping) {
        return (upload, expectedBytes, target) -> {
            ProcessedMessages processed = process(upload, expectedBytes, target, gemeentecode, mapping);
            return new DeliveryReader.Read(processed.result(), processed.receiptPart());
        };
    }

    /**
     * The whole iJw path: reads the messages into trajectory rows, then runs them through the CSV path of
     * the processor (validation, pseudonymisation, the lake file in {@code workDir}). The result's hash is
     * the zip's, so a replayed zip is recognised as the same delivery.
     */
    public ProcessedMessages process(
            InputStream upload,
            long zipBytes,
            Periode periode,
            Path workDir,
            Map<String, String> lakeMetadata,
            String gemeentecode,
            ProductMapping mapping)
            throws IOException {
        return process(upload, zipBytes, LakeTarget.of(periode, workDir, lakeMetadata), gemeentecode, mapping);
    }

    /** As above, for {@code target} (with the provider register the profile counts unknown AGB codes against). */
    public ProcessedMessages process(
            InputStream upload, long zipBytes, LakeTarget target, String gemeentecode, ProductMapping mapping)
            throws IOException {
        Periode periode = target.periode();
        Path workDir = target.workDir();
        Map<String, String> lakeMetadata = target.footer();
        Hashes.HashingInputStream hashed = new Hashes.HashingInputStream(upload);
        MessageOutcome outcome = readMessages(hashed, zipBytes, periode, workDir, gemeentecode, mapping);
        String zipSha = hashed.finishHex(); // also hashes what an early rejection left unread
        if (outcome.problem() != null) {
            return new ProcessedMessages(
                    new DeliveryResult(
                            outcome.problem(), new ValidationReport(), List.of(), zipSha, null, 0, null, null),
                    outcome);
        }
        Path waitingFile = workDir.resolve("wachtend.parquet");
        Waiting.write(waitingFile, outcome.waiting(), lakeMetadata);
        try (InputStream csv = Files.newInputStream(outcome.csv())) {
            DeliveryResult read =
                    rows.read(csv, Files.size(outcome.csv()), target).result();
            return new ProcessedMessages(
                    new DeliveryResult(
                            read.problem(),
                            read.report(),
                            read.droppedColumns(),
                            zipSha,
                            read.lakeFile(),
                            read.lakeRows(),
                            read.accepted() ? waitingFile : null,
                            read.profile()),
                    outcome);
        }
    }

    /** Reads the zip to its end (also when it is refused) and writes the CSV into {@code workDir}. */
    public MessageOutcome readMessages(
            InputStream upload,
            long zipBytes,
            Periode periode,
            Path workDir,
            String gemeentecode,
            ProductMapping mapping)
            throws IOException {
        int buckets = (int) Math.min(MAX_BUCKETS, zipBytes / ZIP_BYTES_PER_BUCKET + 1);
        Reading reading = new Reading(gemeentecode);
        long[] bytesRead = {0};
        BufferedInputStream in = new BufferedInputStream(
                new FilterInputStream(upload) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        bytesRead[0] += Math.max(0, n);
                        return n;
                    }
                },
                1 << 16);
        FileProblem problem = notAZip(in);
        if (problem == null) {
            try (FactSpill spill = new FactSpill(workDir, buckets)) {
                try {
                    zip.read(in, new SafeZip.Handler() {
                        @Override
                        public void accept(SafeZip.Entry entry) throws IOException {
                            reading.message(entry, spill);
                        }

                        @Override
                        public void refuse(SafeZip.Refused refused) {
                            reading.refused(new MessageCheck.Problem(refused.name(), 0, 0, refused.reason()));
                        }
                    });
                } finally {
                    reading.drain(spill);
                }
            } catch (SafeZip.ZipLimitException e) {
                problem = FileProblem.of(ReasonCode.ZIP_ONGELDIG, e.getMessage());
            } catch (ZipException e) {
                // not the JDK's message: it can quote an entry name
                problem = FileProblem.of(
                        ReasonCode.ZIP_ONGELDIG,
                        "het zipbestand is beschadigd en niet te lezen; "
                                + "pak het opnieuw in (zonder wachtwoord of versleuteling) en lever het opnieuw aan");
            } catch (EOFException e) {
                if (bytesRead[0] < zipBytes) {
                    throw e; // the connection ended early, not the zip: let the read be retried
                }
                problem = FileProblem.of(
                        ReasonCode.ZIP_ONGELDIG,
                        "het zipbestand houdt midden in een bericht op "
                                + "(onvolledig verstuurd of afgebroken); lever het opnieuw aan");
            }
        }
        problem = problem != null ? problem : threshold(reading);
        if (problem != null) {
            return reading.outcome(problem, 0, TrajectoryReconstruction.Result.EMPTY, mapping, List.of(), null, null);
        }
        Path csv = workDir.resolve("trajecten-uit-berichten.csv");
        Path sources = workDir.resolve("bronnen.txt");
        TrajectoryReconstruction.Result counts = TrajectoryReconstruction.Result.EMPTY;
        List<Waiting.Request> waiting = new ArrayList<>();
        long rows = 0;
        try (Writer text = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CsvWriter out = CsvWriter.builder()
                        .fieldSeparator(';')
                        .lineDelimiter(LineDelimiter.LF)
                        .build(text);
                BufferedWriter sourceLines = Files.newBufferedWriter(sources, StandardCharsets.UTF_8)) {
            out.writeRecord(Arrays.stream(Column.values()).map(Column::header).toList());
            for (int b = 0; b < buckets; b++) {
                TrajectoryReconstruction.Result part =
                        reconstruction.reconstruct(periode, FactSpill.load(workDir, b), mapping);
                for (TrajectoryReconstruction.WaitingClient w : part.waiting()) {
                    if (Bsn.passesElfproef(w.bsn())) { // a BSN that fails is no youth we can count
                        waiting.add(new Waiting.Request(
                                pseudonymiser.pseudonym(w.bsn()),
                                (int) LocalDate.parse(w.sinds()).toEpochDay(),
                                w.categorie()));
                    }
                }
                for (int i = 0; i < part.rows().size(); i++) {
                    out.writeRecord(part.rows().get(i));
                    sourceLines.write(part.sources().get(i));
                    sourceLines.newLine();
                }
                rows += part.rows().size();
                counts = counts.plusCounts(part);
            }
        }
        if (rows == 0) {
            problem = FileProblem.of(
                    ReasonCode.LEEG_BESTAND,
                    "de berichten bevatten geen traject (JW305/JW307) "
                            + "dat in " + periode + " actief was"
                            + (counts.unmapped().isEmpty()
                                    ? ""
                                    : "; trajecten met productcategorie "
                                            + String.join(
                                                    ", ", counts.unmapped().keySet()) + " zijn niet op te nemen"));
        }
        return reading.outcome(problem, rows, counts, mapping, waiting, csv, sources);
    }

    /**
     * Loads the five message schemas and makes the parser and validators of this thread and of every checker
     * thread (SnapStart priming), by checking an empty message of each type; the checks fail, which is all they
     * need to do.
     */
    public void prime() {
        primeThisThread();
        if (checkers == null) {
            return;
        }
        // every checker thread makes its own parser and validators: one task each, held until all have started
        CountDownLatch started = new CountDownLatch(checkerCount);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < checkerCount; i++) {
            tasks.add(checkers.submit(() -> {
                started.countDown();
                started.await();
                primeThisThread();
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("priming the message checkers failed", e.getCause());
            }
        }
    }

    private void primeThisThread() {
        for (MessageCheck.Type type : MessageCheck.Type.values()) {
            check.check(
                    "priming.xml", ("<Bericht xmlns=\"" + type.namespace() + "\"/>").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static FileProblem notAZip(BufferedInputStream in) throws IOException {
        return SafeZip.looksLikeZip(in)
                ? null
                : FileProblem.of(
                        ReasonCode.ZIP_ONGELDIG,
                        "het bestand is geen zipbestand; lever de "
                                + "iJw-berichten (.xml) als één .zip aan, of lever een CSV-bestand (.csv)");
    }

    private FileProblem threshold(Reading reading) {
        long others = reading.otherMunicipality.values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long own = reading.messages - reading.rejected;
        if (others > own) {
            return FileProblem.of(
                    ReasonCode.BERICHTEN_ANDERE_GEMEENTE,
                    others + " van de " + (others + own) + " geldige berichten hebben " + reading.gemeentecode
                            + " niet als afzender (JW301) of ontvanger (JW305, JW307, JW315, JW323): "
                            + MessageOutcome.otherMunicipalities(reading.otherMunicipality)
                            + ". Lever alleen de berichten van uw eigen gemeente aan, onder uw eigen gemeentecode");
        }
        if (reading.messages == 0) {
            return FileProblem.of(
                    ReasonCode.LEEG_BESTAND,
                    reading.skipped.isEmpty()
                            ? "het zipbestand bevat geen iJw-berichten (.xml)"
                            : "het zipbestand bevat geen JW301, JW305, JW307, JW315 of JW323, alleen "
                                    + reading.skipped.keySet());
        }
        return threshold.check(reading.rejected, reading.messages, "berichten");
    }

    /** Counts and problems while the zip is read. */
    private final class Reading {
        /** The uploading municipality: only its messages count (contract v1.3 §2). */
        private final String gemeentecode;

        long messages;
        long rejected;
        /** Valid messages of another municipality (or of none), left out, per municipality code. */
        final Map<String, Long> otherMunicipality = new TreeMap<>();

        Reading(String gemeentecode) {
            this.gemeentecode = gemeentecode;
        }

        final Map<String, Long> perType = new TreeMap<>();
        final Map<String, Long> skipped = new TreeMap<>();
        final List<MessageCheck.Problem> problems = new ArrayList<>();

        /** Checked entries not yet counted, in the zip's order, and their bytes. */
        private final Deque<Future<CheckedMessage>> inFlight = new ArrayDeque<>();

        private long inFlightBytes;

        /** Hands one zip entry to a checker (or checks it here on one core); counts what is done, in order. */
        void message(SafeZip.Entry entry, FactSpill spill) throws IOException {
            if (checkers == null) {
                count(CheckedMessage.of(check, entry), spill);
                return;
            }
            inFlight.addLast(checkers.submit(() -> CheckedMessage.of(check, entry)));
            inFlightBytes += entry.content().length;
            while (inFlight.size() >= IN_FLIGHT_PER_CHECKER * checkerCount || inFlightBytes > MAX_IN_FLIGHT_BYTES) {
                countNext(spill);
            }
        }

        /** A refused zip entry, in its place among the messages. */
        void refused(MessageCheck.Problem problem) {
            if (inFlight.isEmpty()) {
                refuse(problem);
            } else {
                inFlight.addLast(CompletableFuture.completedFuture(CheckedMessage.refused(problem)));
            }
        }

        /** Counts every message still in flight (also after the zip stopped half-way). */
        void drain(FactSpill spill) throws IOException {
            while (!inFlight.isEmpty()) {
                countNext(spill);
            }
        }

        private void countNext(FactSpill spill) throws IOException {
            Future<CheckedMessage> next = inFlight.removeFirst();
            CheckedMessage done;
            try {
                done = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new IOException("interrupted while checking messages", e);
            } catch (ExecutionException e) {
                abandon();
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            inFlightBytes -= done.bytes();
            count(done, spill);
        }

        /** Stops the checks still in flight; nothing of them is counted (the delivery fails as a whole). */
        private void abandon() {
            inFlight.forEach(f -> f.cancel(true));
            inFlight.clear();
            inFlightBytes = 0;
        }

        private void count(CheckedMessage done, FactSpill spill) throws IOException {
            if (done.refused() != null) {
                refuse(done.refused());
                return;
            }
            MessageCheck.Result result = done.result();
            if (result.otherType().isPresent()) {
                skipped.merge(result.otherType().get(), 1L, Long::sum);
                return;
            }
            if (result.problem().isPresent()) {
                refuse(result.problem().get());
                return;
            }
            if (!gemeentecode.equals(done.municipality())) {
                otherMunicipality.merge(
                        done.municipality() == null ? "geen gemeente" : done.municipality(), 1L, Long::sum);
                return;
            }
            for (MessageFacts.Fact fact : done.facts()) {
                spill.write(fact);
            }
            messages++;
            perType.merge(result.type().orElseThrow().name(), 1L, Long::sum);
        }

        void refuse(MessageCheck.Problem problem) {
            messages++;
            rejected++;
            if (problems.size() < MAX_PROBLEMS_SHOWN) {
                problems.add(problem);
            }
        }

        MessageOutcome outcome(
                FileProblem problem,
                long trajectories,
                TrajectoryReconstruction.Result counts,
                ProductMapping mapping,
                List<Waiting.Request> waiting,
                Path csv,
                Path sources) {
            return new MessageOutcome(
                    problem,
                    messages,
                    rejected,
                    perType,
                    skipped,
                    problems,
                    otherMunicipality,
                    trajectories,
                    counts,
                    mapping,
                    List.copyOf(waiting),
                    problem == null ? csv : null,
                    problem == null ? sources : null);
        }
    }
}
