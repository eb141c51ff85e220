package nl.jeugdspiegel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.lake.LakeSchema;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.pseudonym.PseudonymKeys;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.ingest.csv.FileProblem;
import nl.jeugdspiegel.ingest.ijw.MessageDelivery;
import nl.jeugdspiegel.ingest.ijw.SafeZip;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import nl.jeugdspiegel.ingest.validation.ValidationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Ingests one upload from S3 (contract §1–§6): validates it, writes the pseudonymised rows to the lake
 * (atomically, and only when the delivery is newer than the one in force), copies a rejected upload to
 * {@code quarantine/}, and always writes a receipt last. Safe to run twice for the same event: every
 * output is deterministic and overwrites itself. S3 faults are retried by the SDK; a fault that
 * persists propagates, leaving no half-written object behind.
 */
public final class IngestService {

    public static final String CONTRACT_VERSION = "1.1";
    public static final String THRESHOLD_SETTING = "MAX_REJECTED_ROW_FRACTION";
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_CONDITIONAL_WRITE_ATTEMPTS = 5;

    private final S3Client s3;
    private final DeliveryProcessor processor;
    private final MessageDelivery messages;
    private final ReferenceData reference;
    private final Clock clock;

    public IngestService(S3Client s3, PseudonymKey key, double maxRejectedFraction, Clock clock) {
        this.s3 = s3;
        this.reference = ReferenceData.get();
        this.processor = new DeliveryProcessor(new CodeRules(reference), key, maxRejectedFraction);
        this.messages = new MessageDelivery(new SafeZip(), processor);
        this.clock = clock;
    }

    /** With the real clients and settings of the environment (Lambda, or the local runner). */
    public static IngestService fromEnvironment() {
        return new IngestService(AwsClients.s3(), PseudonymKeys.fromEnvironment(),
                Settings.getDouble(THRESHOLD_SETTING, DeliveryProcessor.DEFAULT_MAX_REJECTED_FRACTION),
                Clock.systemUTC());
    }

    /**
     * Warms up the ingest code path on {@code rows} made-up rows and loads the iJw message schemas, without any
     * S3 call (SnapStart priming).
     * Leaves nothing behind: the work folder is removed.
     */
    public void prime(int rows) {
        Path workDir = createWorkDir();
        try {
            processor.prime(rows, workDir);
            messages.prime();
        } catch (IOException e) {
            throw new UncheckedIOException("priming failed", e);
        } finally {
            deleteRecursively(workDir);
        }
    }

    /**
     * Ingests one uploaded object; returns its receipt, or empty when the key is not an upload or the
     * object no longer exists (nothing to do: also a replayed event after the upload expired). Any other
     * failure still leaves a receipt {@code verwerking_mislukt} (written on every failed attempt, so at the
     * latest on the last one; a retry that succeeds replaces it) and is thrown again without any message
     * that could quote the upload.
     */
    public Optional<Receipt> ingest(UploadEvent event) {
        if (!UploadKey.isUpload(event.key())) {
            LOG.warn("ignored object outside uploads/: {}", event.key());
            return Optional.empty();
        }
        long started = System.nanoTime();
        ObjectStore store = new ObjectStore(s3, event.bucket());
        UploadKey.Parsed parsed = UploadKey.parse(event.key(), reference, LocalDate.now(clock.withZone(NL)));
        Path workDir = null;
        GetObjectResponse object = null;
        Receipt receipt;
        try (ResponseInputStream<GetObjectResponse> upload = store.open(event.key(), event.versionId())) {
            object = upload.response();
            workDir = createWorkDir();
            receipt = parsed.problem() != null
                    ? reject(store, event, object, DeliveryProcessor.sha256Of(upload), parsed.problem(), null, null, null,
                    started)
                    : ingestValid(store, event, parsed.key(), upload, workDir, started);
        } catch (NoSuchKeyException gone) {
            LOG.warn("upload {} no longer exists; nothing to ingest", event.key());
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // NoSuchVersion: that version expired or was removed
                LOG.warn("upload {} version {} no longer exists; nothing to ingest", event.key(), event.versionId());
                return Optional.empty();
            }
            throw failed(store, event, object, e, started);
        } catch (IOException | RuntimeException | VirtualMachineError e) {
            throw failed(store, event, object, e, started);
        } finally {
            if (workDir != null) {
                deleteRecursively(workDir);
            }
        }
        String written = writeReceipt(store, event, object, receipt);
        LOG.info("{} {}: {} rows read, {} accepted, {} rejected, {} in lake, {} ms; receipt {}", event.key(), receipt.status()
                        + (Boolean.FALSE.equals(receipt.toegepast()) ? " (not applied: newer delivery in force)" : ""),
                receipt.aantallen().rijenGelezen(), receipt.aantallen().rijenGeaccepteerd(),
                receipt.aantallen().rijenAfgewezen(), receipt.aantallen().rijenInLake(), receipt.verwerkingstijdMs(), written);
        return Optional.of(receipt);
    }

    /**
     * An unexpected failure: the receipt says so ({@code verwerking_mislukt}, with a reference that is also in
     * the log), and what is thrown carries no message. Nothing was half-written: the lake is written in one
     * conditional PUT (or a multipart upload that completes or not), and that is the last step of a delivery.
     */
    private RuntimeException failed(ObjectStore store, UploadEvent event, GetObjectResponse object, Throwable failure,
                                    long started) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("ingest of {} failed (kenmerk {}): {}", event.key(), reference, Failures.describe(failure));
        FileProblem problem = FileProblem.of(ReasonCode.VERWERKING_MISLUKT, "de verwerking is onverwacht mislukt (kenmerk "
                + reference + "); er is niets in de lake veranderd. De verwerking wordt automatisch nog enkele keren "
                + "geprobeerd en dit ontvangstbewijs wordt dan vervangen. Staat het er na een uur nog, lever het bestand "
                + "dan opnieuw aan of neem contact op met de beheerder en noem het kenmerk");
        try {
            String melding = "De levering is niet verwerkt: " + problem.melding() + ".";
            writeReceipt(store, event, object, receipt(Receipt.AFGEWEZEN, null, melding, event, object, null, null, null,
                    problem, null, null, null, null, null, started));
        } catch (RuntimeException receiptFailure) {
            LOG.error("no receipt for {} (kenmerk {}): {}", event.key(), reference, Failures.describe(receiptFailure));
        }
        return Failures.withoutMessages("ingest of " + event.key() + " failed (kenmerk " + reference + ")", failure);
    }

    /**
     * Writes a receipt at the upload's receipt key, unless that key already holds the receipt of a newer
     * delivery of the same key (contract v1.2 §1): then beside it, in {@code eerdere-versies/}. Which delivery a
     * receipt belongs to is in its object metadata, as for the lake. Returns the key written.
     */
    private static String writeReceipt(ObjectStore store, UploadEvent event, GetObjectResponse object, Receipt receipt) {
        String versionId = object != null ? object.versionId() : event.versionId();
        DeliveryRef self = DeliveryRef.of(event, versionId, object != null ? object.eTag() : event.eTag(),
                receipt.bron().sha256() == null ? "" : receipt.bron().sha256());
        byte[] json = Receipts.toJson(receipt);
        String key = UploadKey.receiptKey(event.key());
        for (int attempt = 1; ; attempt++) {
            Optional<HeadObjectResponse> existing = store.head(key);
            Optional<DeliveryRef> holder = existing.flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()));
            if (holder.isPresent() && holder.get().key().equals(event.key()) && holder.get().isNewerThan(self)) {
                String beside = UploadKey.earlierVersionReceiptKey(event.key(), event.eventTime(), versionId);
                store.putBytes(beside, json, "application/json", self.toS3Metadata(), ObjectStore.Condition.NONE);
                return beside;
            }
            ObjectStore.Condition condition = existing.map(h -> ObjectStore.Condition.unchanged(h.eTag()))
                    .orElse(ObjectStore.Condition.ABSENT);
            try {
                store.putBytes(key, json, "application/json", self.toS3Metadata(), condition);
                return key;
            } catch (S3Exception e) {
                if (!ObjectStore.conditionFailed(e) || attempt == MAX_CONDITIONAL_WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Receipt ingestValid(ObjectStore store, UploadEvent event, UploadKey key,
                                ResponseInputStream<GetObjectResponse> upload, Path workDir, long started)
            throws IOException {
        GetObjectResponse object = upload.response();
        Map<String, String> footer = DeliveryRef.footerMetadata(event, object.versionId());
        Receipt.Berichten berichten = null;
        DeliveryResult result;
        if (UploadKey.isMessageZip(event.key())) {
            MessageDelivery.Processed processed = messages.process(upload, sizeOf(event, object), key.periode(),
                    workDir, footer);
            result = processed.result();
            berichten = processed.receiptPart();
        } else {
            result = processor.process(upload, sizeOf(event, object), key.periode(), workDir, footer);
        }
        if (!result.accepted()) {
            return reject(store, event, object, result.sha256(), result.problem(), result, berichten, key, started);
        }
        DeliveryRef delivery = DeliveryRef.of(event, object.versionId(), object.eTag(), result.sha256());
        String lakeKey = LakeSchema.trajectenKey(key.periode(), key.gemeentecode());
        for (int attempt = 1; ; attempt++) {
            Optional<HeadObjectResponse> current = store.head(lakeKey);
            Optional<DeliveryRef> inForce = current.flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()));
            if (inForce.isPresent() && inForce.get().isNewerThan(delivery)) {
                // not applied: it replaces nothing, and the delivery in force stays so
                return receipt(Receipt.GEACCEPTEERD, false, "De levering is goedgekeurd maar niet toegepast: er is al "
                                + "een nieuwere levering voor " + key.gemeentecode() + " " + key.periode() + " verwerkt ("
                                + inForce.get().key() + "), die van kracht blijft.", event, object, result.sha256(), result,
                        berichten, null, key, null, null, inForce.get(), lakeKey, started);
            }
            ObjectStore.Condition condition = current.map(h -> ObjectStore.Condition.unchanged(h.eTag()))
                    .orElse(ObjectStore.Condition.ABSENT);
            try {
                store.putFile(lakeKey, result.lakeFile(), "application/vnd.apache.parquet", delivery.toS3Metadata(),
                        condition);
            } catch (S3Exception e) {
                if (ObjectStore.conditionFailed(e) && attempt < MAX_CONDITIONAL_WRITE_ATTEMPTS) {
                    LOG.info("{}: another delivery for the same gemeente and periode was written meanwhile; "
                            + "checking again", event.key());
                    continue;
                }
                throw e;
            }
            DeliveryRef previous = inForce.filter(p -> !p.key().equals(delivery.key())
                    || !p.sha256().equals(delivery.sha256())).orElse(null);
            String identical = inForce.filter(p -> p.sha256().equals(delivery.sha256())).map(DeliveryRef::key)
                    .orElse(null);
            String melding = "De levering is geaccepteerd en vervangt de gegevens van " + key.gemeentecode() + " "
                    + key.periode() + " in de lake." + (identical == null ? ""
                    : " De inhoud is byte voor byte gelijk aan de levering die al van kracht was (" + identical
                    + "); het resultaat is hetzelfde.");
            return receipt(Receipt.GEACCEPTEERD, true, melding, event, object, result.sha256(), result, berichten,
                    null, key, previous, identical, delivery, lakeKey, started);
        }
    }

    private Receipt reject(ObjectStore store, UploadEvent event, GetObjectResponse object, String sha256,
                           FileProblem problem, DeliveryResult result, Receipt.Berichten berichten, UploadKey key,
                           long started) {
        store.copy(event.key(), object.versionId(), sizeOf(event, object), UploadKey.quarantineKey(event.key()));
        Optional<DeliveryRef> inForce = Optional.empty();
        if (key != null) {
            inForce = store.head(LakeSchema.trajectenKey(key.periode(), key.gemeentecode()))
                    .flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()));
        }
        String melding = "De levering is afgewezen (" + problem.code().code() + "): " + problem.melding() + ". "
                + (inForce.isPresent() ? "De eerder geaccepteerde levering " + inForce.get().key() + " blijft van kracht."
                : "De lake is niet gewijzigd.") + " Een kopie staat in " + UploadKey.quarantineKey(event.key()) + ".";
        return receipt(Receipt.AFGEWEZEN, null, melding, event, object, sha256, result, berichten, problem, key, null,
                null, inForce.orElse(null), null, started);
    }

    private Receipt receipt(String status, Boolean applied, String melding, UploadEvent event,
                            GetObjectResponse object, String sha256, DeliveryResult result,
                            Receipt.Berichten berichten, FileProblem problem,
                            UploadKey key, DeliveryRef replaced, String identicalTo, DeliveryRef inForce,
                            String lakeKey, long started) {
        ValidationReport report = result == null ? new ValidationReport() : result.report();
        long lakeRows = result == null || !result.accepted() || Boolean.FALSE.equals(applied) ? 0 : result.lakeRows();
        List<String> warnings = new ArrayList<>(berichten == null ? List.of() : berichten.waarschuwingen());
        if (result != null && !result.droppedColumns().isEmpty()) {
            warnings.add("kolommen die niet in het contract staan zijn genegeerd en niet opgeslagen: "
                    + String.join(", ", result.droppedColumns()));
        }
        if (report.multiLineRecords() > 0) {
            warnings.add(report.multiLineRecords() + " regel(s) lopen door over meer dan één regel van het bestand "
                    + "(een regeleinde tussen aanhalingstekens), de eerste begint op regel " + report.firstMultiLine()
                    + "; controleer of dat de bedoeling is");
        }
        Municipality municipality = key == null ? null : reference.municipality(key.gemeentecode()).orElse(null);
        return new Receipt(
                CONTRACT_VERSION, status, applied, melding,
                key == null ? null : key.gemeentecode(),
                municipality == null ? null : municipality.naam(),
                key == null ? null : key.periode().toString(),
                new Receipt.Bron(event.key(), object == null ? event.versionId() : object.versionId(),
                        object == null ? event.eTag() : object.eTag(), sha256, sizeOf(event, object), event.eventTime()),
                new Receipt.Aantallen(report.rowsRead(), report.rowsAccepted(), report.rowsRejected(),
                        report.duplicates(), lakeRows),
                berichten,
                problem == null ? null : new Receipt.Afwijzing(problem.code().code(), problem.code().omschrijving(),
                        problem.melding(), problem.regel() == 0 ? null : problem.regel()),
                errors(report),
                report.duplicates() == 0 ? null : new Receipt.Regels(report.duplicates(), report.duplicateLines(),
                        "rijen met dezelfde sleutel (bsn, soort, hulpvorm, startdatum) als een latere rij; de laatste "
                                + "rij telt, deze regels zijn vervangen"),
                result == null ? List.of() : result.droppedColumns(),
                warnings,
                100 * processor.maxRejectedFraction(),
                identicalTo,
                replaced == null ? null : new Receipt.Levering(replaced.key(), replaced.eventTime()),
                inForce == null ? null : new Receipt.Levering(inForce.key(), inForce.eventTime()),
                lakeKey,
                Instant.now(clock),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<Receipt.Fout> errors(ValidationReport report) {
        List<Receipt.Fout> errors = new ArrayList<>();
        report.reasons().forEach((code, stats) -> errors.add(new Receipt.Fout(code.code(), code.omschrijving(),
                stats.rows(), stats.firstLines(), Math.max(0, stats.rows() - stats.firstLines().size()),
                stats.perColumn().isEmpty() ? null : stats.perColumn())));
        return errors;
    }

    private static long sizeOf(UploadEvent event, GetObjectResponse object) {
        Long length = object == null ? null : object.contentLength();
        return length != null ? length : event.size();
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("jeugdspiegel-ingest-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not clean up work folder {}: {}", dir, e.toString());
        }
    }
}
