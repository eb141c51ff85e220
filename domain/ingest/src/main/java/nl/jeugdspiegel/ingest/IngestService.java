package nl.jeugdspiegel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.ProviderNames;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.core.ScratchSpace;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.lake.Waiting;
import nl.jeugdspiegel.core.pseudonym.PseudonymKey;
import nl.jeugdspiegel.core.pseudonym.PseudonymKeys;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.AwsClients;
import nl.jeugdspiegel.core.storage.ObjectContent;
import nl.jeugdspiegel.core.storage.ObjectInfo;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.ingest.csv.DeliveryProcessor;
import nl.jeugdspiegel.ingest.delivery.DeliveryReader;
import nl.jeugdspiegel.ingest.delivery.LakeTarget;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.ijw.MessageDelivery;
import nl.jeugdspiegel.ingest.ijw.ProductMapping;
import nl.jeugdspiegel.ingest.ijw.SafeZip;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.validation.CodeRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingests one upload from S3 (docs/contract.md §1–§6): validates it, writes the pseudonymised rows to the lake
 * (atomically, and only when the delivery is newer than the one in force), copies a rejected upload to
 * {@code quarantine/}, and always writes a receipt last. Safe to run twice for the same event: every
 * output is deterministic and overwrites itself. S3 faults are retried by the SDK; a fault that
 * persists propagates, leaving no half-written object behind.
 */
public final class IngestService {

    public static final String CONTRACT_VERSION = "1.2";

    public static final String THRESHOLD_SETTING = "MAX_REJECTED_ROW_FRACTION";
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_CONDITIONAL_WRITE_ATTEMPTS = 5;

    private final S3Client s3;
    private final DeliveryProcessor processor;
    private final MessageDelivery messages;
    private final ReferenceData reference;
    private final ReceiptMaker receipts;
    private final ReceiptWriter receiptWriter;
    private final Assessor assessor;
    private final ReceiptListener listener;
    private final Clock clock;

    public IngestService(S3Client s3, PseudonymKey key, RejectionThreshold threshold, Clock clock) {
        this(s3, key, threshold, clock, ReceiptListener.NONE);
    }

    /** @param listener told of every receipt written (the notification per receipt) */
    public IngestService(
            S3Client s3, PseudonymKey key, RejectionThreshold threshold, Clock clock, ReceiptListener listener) {
        this.s3 = s3;
        this.listener = listener;
        this.reference = ReferenceData.get();
        this.processor = new DeliveryProcessor(new CodeRules(reference), key, threshold);
        this.messages = new MessageDelivery(new SafeZip(), processor, threshold, key);
        this.receipts = new ReceiptMaker(reference, threshold, clock);
        this.receiptWriter = new ReceiptWriter(reference);
        this.assessor =
                new Assessor(new DeliveryComparison(DeliveryComparison.Thresholds.fromSettings()), reference, clock);
        this.clock = clock;
    }

    /** With the real clients and settings of the environment (Lambda, or the local runner). */
    public static IngestService fromEnvironment(ReceiptListener listener) {
        return new IngestService(
                AwsClients.s3(),
                PseudonymKeys.fromEnvironment(),
                new RejectionThreshold(
                        Settings.getDouble(THRESHOLD_SETTING, RejectionThreshold.DEFAULT.maxRejectedFraction())),
                Clock.systemUTC(),
                listener);
    }

    /**
     * Warms up the ingest code path on {@code rows} made-up rows and loads the iJw message schemas, without any
     * S3 call (SnapStart priming).
     * Leaves nothing behind: the work folder is removed.
     */
    public void prime(int rows) {
        Path workDir = ScratchSpace.workFolder("ingest");
        try {
            processor.prime(rows, workDir);
            messages.prime();
        } catch (IOException e) {
            throw new UncheckedIOException("priming failed", e);
        } finally {
            ScratchSpace.delete(workDir);
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
        if (!BucketLayout.isUpload(event.key())) {
            LOG.warn("ignored object outside uploads/: {}", event.key());
            return Optional.empty();
        }
        long started = System.nanoTime();
        ObjectStore store = new ObjectStore(s3, event.bucket());
        UploadKey.Parsed parsed = UploadKey.parse(event.key(), reference, LocalDate.now(clock.withZone(NL)));
        Path workDir = null;
        ObjectInfo object = null;
        Delivery delivery;
        DeliveryOutcome outcome;
        Assessor.Assessment assessment;
        try {
            Optional<ObjectContent> opened = store.openIfExists(event.key(), event.versionId());
            if (opened.isEmpty()) {
                LOG.warn("upload {} (version {}) no longer exists; nothing to ingest", event.key(), event.versionId());
                return Optional.empty();
            }
            try (ObjectContent upload = opened.get()) {
                object = upload.info();
                workDir = ScratchSpace.workFolder("ingest");
                // the delivery in force for this gemeente and periode: one HEAD, read before the upload
                LakeInForce inForce = parsed.problem() != null
                        ? null
                        : LakeInForce.read(
                                store,
                                BucketLayout.trajecten(
                                        parsed.key().periode(), parsed.key().gemeentecode()));
                delivery = parsed.problem() != null
                        ? new Delivery(event, object, null, DeliveryProcessor.sha256Of(upload), null, null, started)
                        : read(store, event, parsed.key(), upload, workDir, started);
                boolean accepted =
                        delivery.result() != null && delivery.result().accepted();
                assessment = accepted ? assessor.assess(store, delivery, inForce, workDir) : Assessor.Assessment.NONE;
                outcome = accepted
                        ? apply(store, delivery, inForce)
                        : reject(
                                store,
                                delivery,
                                inForce,
                                parsed.problem() != null
                                        ? parsed.problem()
                                        : delivery.result().problem());
            }
        } catch (IOException | RuntimeException | VirtualMachineError e) {
            throw failed(store, Delivery.unread(event, object, started), e);
        } finally {
            if (workDir != null) {
                ScratchSpace.delete(workDir);
            }
        }
        Receipt receipt = receipts.receipt(delivery, outcome, assessment);
        String written = receiptWriter.write(store, delivery, receipt);
        try {
            listener.written(written, receipt);
        } catch (RuntimeException e) {
            LOG.warn("receipt {} written, but its notification failed: {}", written, Failures.describe(e));
        }
        LOG.info(
                "{} {}: {} rows read, {} accepted, {} rejected, {} in lake, {} ms; receipt {}",
                event.key(),
                receipt.status()
                        + (outcome instanceof DeliveryOutcome.NotApplied
                                ? " (not applied: newer delivery in force)"
                                : ""),
                receipt.aantallen().rijenGelezen(),
                receipt.aantallen().rijenGeaccepteerd(),
                receipt.aantallen().rijenAfgewezen(),
                receipt.aantallen().rijenInLake(),
                receipt.verwerkingstijdMs(),
                written);
        return Optional.of(receipt);
    }

    /**
     * An unexpected failure: the receipt says so ({@code verwerking_mislukt}, with a reference that is also in
     * the log), and what is thrown carries no message. Nothing was half-written: the lake is written in one
     * conditional PUT (or a multipart upload that completes or not), and that is the last step of a delivery.
     */
    private RuntimeException failed(ObjectStore store, Delivery delivery, Throwable failure) {
        String key = delivery.event().key();
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("ingest of {} failed (kenmerk {}): {}", key, reference, Failures.describe(failure));
        FileProblem problem = FileProblem.of(
                ReasonCode.VERWERKING_MISLUKT,
                "de verwerking is onverwacht mislukt (kenmerk "
                        + reference
                        + "); er is niets aan de benchmark veranderd. De verwerking wordt automatisch nog enkele keren "
                        + "geprobeerd en dit ontvangstbewijs wordt dan vervangen. Staat het er na een uur nog, lever het bestand "
                        + "dan opnieuw aan of neem contact op met de beheerder en noem het kenmerk");
        try {
            receiptWriter.write(
                    store,
                    delivery,
                    receipts.receipt(
                            delivery, new DeliveryOutcome.Rejected(problem, null, null), Assessor.Assessment.NONE));
        } catch (RuntimeException receiptFailure) {
            LOG.error("no receipt for {} (kenmerk {}): {}", key, reference, Failures.describe(receiptFailure));
        }
        return Failures.withoutMessages("ingest of " + key + " failed (kenmerk " + reference + ")", failure);
    }

    /**
     * Reads and validates the delivery: CSV or a zip of iJw messages, to a local lake file whose footer names the
     * delivery, profiled while it is written (against the provider register, when there is one).
     */
    private Delivery read(
            ObjectStore store, UploadEvent event, UploadKey key, ObjectContent upload, Path workDir, long started)
            throws IOException {
        Provenance provenance =
                event.provenance(upload.info().versionId(), upload.info().eTag(), null);
        LakeTarget target =
                new LakeTarget(key.periode(), workDir, provenance.toFooter(CONTRACT_VERSION), providerRegister(store));
        long size = Delivery.sizeOf(event, upload.info());
        DeliveryReader reader = UploadKey.isMessageZip(event.key())
                ? messages.forMunicipality(key.gemeentecode(), productMapping(store, key.gemeentecode()))
                : processor;
        DeliveryReader.Read read = reader.read(upload, size, target);
        return new Delivery(
                event, upload.info(), key, read.result().sha256(), read.result(), read.berichten(), started);
    }

    /** The AGB codes of the optional provider register ({@link ProviderNames#KEY}); empty when there is none. */
    private static Set<String> providerRegister(ObjectStore store) throws IOException {
        return store.readIfExists(BucketLayout.PROVIDER_REGISTER)
                .map(bytes -> ProviderNames.parse(new String(bytes, StandardCharsets.UTF_8))
                        .keySet())
                .orElse(Set.of());
    }

    /** The municipality's product mapping ({@code reference/productcodes/{gemeentecode}.csv}), or none. */
    private ProductMapping productMapping(ObjectStore store, String gemeentecode) throws IOException {
        String key = BucketLayout.productMapping(gemeentecode);
        Optional<ObjectContent> mapping = store.openIfExists(key, null);
        if (mapping.isEmpty()) {
            return ProductMapping.NONE;
        }
        try (ObjectContent content = mapping.get()) {
            return ProductMapping.read(key, content, processor.rules());
        }
    }

    /**
     * Beside the lake file of a delivery of iJw messages, its waiting file ({@link Waiting}); after a CSV delivery,
     * none (the waiting indicators need messages). Written after the lake file: a retry of a failed write writes
     * both again, and the indicators use a waiting file only when its footer names the delivery in force.
     */
    private static void writeWaiting(ObjectStore store, Delivery delivery) {
        String key =
                BucketLayout.wachtend(delivery.key().periode(), delivery.key().gemeentecode());
        Path file = delivery.result().waitingFile();
        if (file != null) {
            store.putFile(key, file, "application/vnd.apache.parquet", Map.of(), ObjectStore.Condition.NONE);
        } else if (store.head(key).isPresent()) {
            store.delete(key);
        }
    }

    /**
     * Writes an accepted delivery to the lake, unless a newer one is in force: the write is conditional on the lake
     * object being as {@code seen}; when another delivery wrote it meanwhile, it is looked at again. The object carries
     * the delivery's provenance and profile in its metadata.
     */
    private DeliveryOutcome apply(ObjectStore store, Delivery delivery, LakeInForce seen) {
        Provenance self = delivery.provenance();
        LakeInForce current = seen;
        for (int attempt = 1; ; attempt++) {
            Optional<Provenance> inForce = current.provenance();
            if (inForce.isPresent() && inForce.get().isNewerThan(self)) {
                return new DeliveryOutcome.NotApplied(inForce.get(), current.key());
            }
            ObjectStore.Write written = store.putFile(
                    current.key(),
                    delivery.result().lakeFile(),
                    "application/vnd.apache.parquet",
                    self.toS3Metadata(delivery.result().profile()),
                    current.unchanged());
            if (written == ObjectStore.Write.WRITTEN) {
                writeWaiting(store, delivery);
                Provenance replaced = inForce.filter(
                                p -> !p.key().equals(self.key()) || !Objects.equals(p.sha256(), self.sha256()))
                        .orElse(null);
                String identical = inForce.filter(p -> Objects.equals(p.sha256(), self.sha256()))
                        .map(Provenance::key)
                        .orElse(null);
                return new DeliveryOutcome.Applied(self, replaced, identical, current.key());
            }
            if (attempt == MAX_CONDITIONAL_WRITE_ATTEMPTS) {
                throw new IllegalStateException(current.key() + " kept changing while the delivery was written");
            }
            LOG.info(
                    "{}: another delivery for the same gemeente and periode was written meanwhile; checking again",
                    delivery.event().key());
            current = LakeInForce.read(store, current.key());
        }
    }

    /** Copies a rejected upload to quarantine; the delivery in force (if any) stays so. */
    private DeliveryOutcome reject(ObjectStore store, Delivery delivery, LakeInForce inForce, FileProblem problem) {
        String quarantine = BucketLayout.quarantine(delivery.event().key(), reference::isMunicipality);
        store.copy(delivery.event().key(), delivery.versionId(), delivery.size(), quarantine);
        Provenance held = inForce == null ? null : inForce.provenance().orElse(null);
        return new DeliveryOutcome.Rejected(problem, held, quarantine);
    }
}
