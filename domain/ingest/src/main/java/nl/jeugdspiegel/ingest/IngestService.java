package nl.jeugdspiegel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.ProviderNames;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.ScratchSpace;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.lake.LakeProfile;
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
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.ijw.MessageDelivery;
import nl.jeugdspiegel.ingest.ijw.ProductMapping;
import nl.jeugdspiegel.ingest.ijw.SafeZip;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.ReceiptPage;
import nl.jeugdspiegel.ingest.receipt.Receipts;
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
    private final DeliveryComparison comparison;
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
        this.comparison = new DeliveryComparison(DeliveryComparison.Thresholds.fromSettings());
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
        Assessment assessment;
        try {
            Optional<ObjectContent> opened = store.openIfExists(event.key(), event.versionId());
            if (opened.isEmpty()) {
                LOG.warn("upload {} (version {}) no longer exists; nothing to ingest", event.key(), event.versionId());
                return Optional.empty();
            }
            try (ObjectContent upload = opened.get()) {
                object = upload.info();
                workDir = ScratchSpace.workFolder("ingest");
                delivery = parsed.problem() != null
                        ? new Delivery(event, object, null, DeliveryProcessor.sha256Of(upload), null, null, started)
                        : read(store, event, parsed.key(), upload, workDir, started);
                boolean accepted =
                        delivery.result() != null && delivery.result().accepted();
                assessment = accepted ? assess(store, delivery, workDir) : Assessment.NONE;
                outcome = accepted
                        ? apply(store, delivery)
                        : reject(
                                store,
                                delivery,
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
        String written = writeReceipt(store, delivery, receipt);
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
                        + "); er is niets in de lake veranderd. De verwerking wordt automatisch nog enkele keren "
                        + "geprobeerd en dit ontvangstbewijs wordt dan vervangen. Staat het er na een uur nog, lever het bestand "
                        + "dan opnieuw aan of neem contact op met de beheerder en noem het kenmerk");
        try {
            writeReceipt(
                    store,
                    delivery,
                    receipts.receipt(delivery, new DeliveryOutcome.Rejected(problem, null, null), Assessment.NONE));
        } catch (RuntimeException receiptFailure) {
            LOG.error("no receipt for {} (kenmerk {}): {}", key, reference, Failures.describe(receiptFailure));
        }
        return Failures.withoutMessages("ingest of " + key + " failed (kenmerk " + reference + ")", failure);
    }

    /**
     * Writes a receipt at the upload's receipt key, unless that key already holds the receipt of a newer
     * delivery of the same key (docs/contract.md §1): then beside it, in {@code eerdere-versies/}. Which delivery a
     * receipt belongs to is in its object metadata, as for the lake. Returns the key written.
     */
    private String writeReceipt(ObjectStore store, Delivery delivery, Receipt receipt) {
        UploadEvent event = delivery.event();
        DeliveryRef self = DeliveryRef.of(
                event,
                delivery.versionId(),
                delivery.eTag(),
                receipt.bron().sha256() == null ? "" : receipt.bron().sha256());
        byte[] json = Receipts.toJson(receipt);
        String key = BucketLayout.receipt(event.key(), reference::isMunicipality);
        if (putUnlessNewer(store, key, json, "application/json", self)) {
            writePage(store, key, receipt, self);
            return key;
        }
        String beside = BucketLayout.earlierVersionReceipt(
                event.key(), reference::isMunicipality, event.eventTime(), delivery.versionId());
        store.putBytes(beside, json, "application/json", self.toS3Metadata(), ObjectStore.Condition.NONE);
        writePage(store, beside, receipt, self);
        return beside;
    }

    /**
     * Writes {@code key} as {@code self}'s, unless it already holds what a newer delivery of the same upload key wrote
     * there (its object metadata says whose it is): then returns false and leaves it. A write that loses to a
     * concurrent one looks again.
     */
    private static boolean putUnlessNewer(
            ObjectStore store, String key, byte[] content, String contentType, DeliveryRef self) {
        for (int attempt = 1; attempt <= MAX_CONDITIONAL_WRITE_ATTEMPTS; attempt++) {
            Optional<ObjectInfo> existing = store.head(key);
            Optional<DeliveryRef> holder = existing.flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()));
            if (holder.isPresent()
                    && holder.get().key().equals(self.key())
                    && holder.get().isNewerThan(self)) {
                return false;
            }
            if (store.putBytes(key, content, contentType, self.toS3Metadata(), unchangedSince(existing))
                    == ObjectStore.Write.WRITTEN) {
                return true;
            }
        }
        throw new IllegalStateException("the receipt " + key + " kept changing while it was written");
    }

    /**
     * The readable receipt beside its JSON, written after it (a retry writes both again), under the same rule: never
     * over the page of a newer delivery, which a concurrent ingest of the same key may have written in between. A
     * failure to render is logged and leaves the JSON, which is the contract, in place.
     */
    private static void writePage(ObjectStore store, String jsonKey, Receipt receipt, DeliveryRef self) {
        byte[] html;
        try {
            html = ReceiptPage.html(receipt);
        } catch (RuntimeException e) {
            LOG.error("no readable receipt for {}: {}", jsonKey, Failures.describe(e));
            return;
        }
        putUnlessNewer(store, BucketLayout.receiptPage(jsonKey), html, "text/html; charset=utf-8", self);
    }

    /** The write condition "as we saw it": absent, or still at the ETag we read. */
    private static ObjectStore.Condition unchangedSince(Optional<ObjectInfo> seen) {
        return seen.map(h -> ObjectStore.Condition.unchanged(h.eTag())).orElse(ObjectStore.Condition.ABSENT);
    }

    /** Reads and validates the delivery: CSV or a zip of iJw messages, to a local lake file. */
    private Delivery read(
            ObjectStore store, UploadEvent event, UploadKey key, ObjectContent upload, Path workDir, long started)
            throws IOException {
        Map<String, String> footer =
                DeliveryRef.footerMetadata(event, upload.info().versionId());
        long size = Delivery.sizeOf(event, upload.info());
        DeliveryReader reader = UploadKey.isMessageZip(event.key())
                ? messages.forMunicipality(key.gemeentecode(), productMapping(store, key.gemeentecode()))
                : processor;
        DeliveryReader.Read read = reader.read(upload, size, key.periode(), workDir, footer);
        return new Delivery(
                event, upload.info(), key, read.result().sha256(), read.result(), read.berichten(), started);
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

    /** Writes an accepted delivery to the lake, unless a newer one is in force (checked and written atomically). */
    private DeliveryOutcome apply(ObjectStore store, Delivery delivery) {
        UploadKey key = delivery.key();
        DeliveryRef self = DeliveryRef.of(delivery.event(), delivery.versionId(), delivery.eTag(), delivery.sha256());
        String lakeKey = BucketLayout.trajecten(key.periode(), key.gemeentecode());
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectInfo> current = store.head(lakeKey);
            Optional<DeliveryRef> inForce = current.flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()));
            if (inForce.isPresent() && inForce.get().isNewerThan(self)) {
                return new DeliveryOutcome.NotApplied(inForce.get(), lakeKey);
            }
            ObjectStore.Write written = store.putFile(
                    lakeKey,
                    delivery.result().lakeFile(),
                    "application/vnd.apache.parquet",
                    self.toS3Metadata(),
                    unchangedSince(current));
            if (written == ObjectStore.Write.WRITTEN) {
                writeWaiting(store, delivery);
                DeliveryRef replaced = inForce.filter(
                                p -> !p.key().equals(self.key()) || !p.sha256().equals(self.sha256()))
                        .orElse(null);
                String identical = inForce.filter(p -> p.sha256().equals(self.sha256()))
                        .map(DeliveryRef::key)
                        .orElse(null);
                return new DeliveryOutcome.Applied(self, replaced, identical, lakeKey);
            }
            if (attempt == MAX_CONDITIONAL_WRITE_ATTEMPTS) {
                throw new IllegalStateException(lakeKey + " kept changing while the delivery was written");
            }
            LOG.info(
                    "{}: another delivery for the same gemeente and periode was written meanwhile; checking again",
                    delivery.event().key());
        }
    }

    /**
     * What an accepted delivery holds and enables, for the receipt: its {@code kenmerken}, the comparison with the
     * previous accepted delivery of the gemeente (the one it replaces for the same periode, else the one in force for
     * the periode before; none when a newer delivery is in force), and its {@code publicatie} block. A replay of the
     * delivery in force keeps the comparison its receipt already holds (the lake no longer holds what it replaced).
     */
    record Assessment(
            Receipt.Kenmerken kenmerken,
            Receipt.Vergelijking vergelijking,
            Receipt.Publicatie publicatie,
            List<String> waarschuwingen) {
        static final Assessment NONE = new Assessment(null, null, null, List.of());
    }

    private Assessment assess(ObjectStore store, Delivery delivery, Path workDir) throws IOException {
        UploadKey key = delivery.key();
        LakeProfile now = LakeProfile.of(delivery.result().lakeFile(), key.periode(), providerRegister(store));
        DeliveryRef self = DeliveryRef.of(delivery.event(), delivery.versionId(), delivery.eTag(), delivery.sha256());
        Optional<DeliveryRef> inForce = store.head(BucketLayout.trajecten(key.periode(), key.gemeentecode()))
                .flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()));
        Receipt.Vergelijking vergelijking;
        if (inForce.isPresent() && DeliveryRef.ORDER.compare(inForce.get(), self) == 0) {
            vergelijking = earlierComparison(store, delivery);
        } else if (inForce.isPresent()) {
            vergelijking = inForce.get().isNewerThan(self)
                    ? null
                    : compareWith(store, now, key.periode(), key.gemeentecode(), DeliveryComparison.REPLACED, workDir);
        } else {
            vergelijking = compareWith(
                    store,
                    now,
                    key.periode().previous(),
                    key.gemeentecode(),
                    DeliveryComparison.PREVIOUS_PERIODE,
                    workDir);
        }
        List<String> warnings = new ArrayList<>(AgbCheck.warnings(now));
        futureDated(delivery.event().eventTime()).ifPresent(warnings::add);
        return new Assessment(
                DeliveryComparison.kenmerken(now),
                vergelijking,
                DeliveryComparison.publicatie(now, delivery.result().waitingFile() != null),
                warnings);
    }

    /** How far an event time may lie ahead of this function's clock before the receipt warns (clock skew). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    /**
     * A warning for a delivery dated in the future (contract v1.3 §7): "later" decides which delivery is in force, so
     * until that date every later delivery of the gemeente and periode is not applied.
     */
    private Optional<String> futureDated(Instant eventTime) {
        if (eventTime == null || !eventTime.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            return Optional.empty();
        }
        return Optional.of("Deze levering is gedateerd op " + eventTime
                + ", in de toekomst. De nieuwste levering is van kracht: tot die datum wordt elke volgende levering "
                + "voor deze gemeente en dit halfjaar niet toegepast. Controleer de klok van het systeem dat "
                + "aanlevert, en lever zo nodig opnieuw aan.");
    }

    /** The AGB codes of the optional provider register ({@link ProviderNames#KEY}); empty when there is none. */
    private static Set<String> providerRegister(ObjectStore store) throws IOException {
        return store.readIfExists(BucketLayout.PROVIDER_REGISTER)
                .map(bytes -> ProviderNames.parse(new String(bytes, StandardCharsets.UTF_8))
                        .keySet())
                .orElse(Set.of());
    }

    /** The comparison with the delivery in force for (periode, gemeente), or null when there is none. */
    private Receipt.Vergelijking compareWith(
            ObjectStore store, LakeProfile now, Periode periode, String gemeentecode, String grond, Path workDir)
            throws IOException {
        String lakeKey = BucketLayout.trajecten(periode, gemeentecode);
        Optional<ObjectContent> previous = store.openIfExists(lakeKey, null);
        if (previous.isEmpty()) {
            return null;
        }
        Path file = workDir.resolve("vorige.parquet");
        DeliveryRef ref;
        try (ObjectContent content = previous.get()) {
            ref = DeliveryRef.fromS3Metadata(content.info().metadata()).orElse(null);
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        }
        LakeProfile before;
        try {
            before = LakeProfile.of(file, periode);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} is not a readable lake file, no comparison: {}", lakeKey, Failures.describe(e));
            return null;
        } finally {
            Files.deleteIfExists(file);
        }
        return comparison.compare(
                now,
                before,
                ref == null ? null : new Receipt.Levering(ref.key(), ref.eventTime()),
                periode.toString(),
                grond);
    }

    /** On a replay: the comparison in the receipt already written for this very delivery, if any. */
    private Receipt.Vergelijking earlierComparison(ObjectStore store, Delivery delivery) {
        try {
            return store.readIfExists(BucketLayout.receipt(delivery.event().key(), reference::isMunicipality))
                    .map(bytes -> {
                        try {
                            return Receipts.read(bytes);
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .filter(r -> r.bron() != null
                            && delivery.sha256().equals(r.bron().sha256()))
                    .map(Receipt::vergelijkingVorige)
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not read the earlier receipt of {}: {}",
                    delivery.event().key(),
                    Failures.describe(e));
            return null;
        }
    }

    /** Copies a rejected upload to quarantine; the delivery in force (if any) stays so. */
    private DeliveryOutcome reject(ObjectStore store, Delivery delivery, FileProblem problem) {
        String quarantine = BucketLayout.quarantine(delivery.event().key(), reference::isMunicipality);
        store.copy(delivery.event().key(), delivery.versionId(), delivery.size(), quarantine);
        DeliveryRef inForce = delivery.key() == null
                ? null
                : store.head(BucketLayout.trajecten(
                                delivery.key().periode(), delivery.key().gemeentecode()))
                        .flatMap(h -> DeliveryRef.fromS3Metadata(h.metadata()))
                        .orElse(null);
        return new DeliveryOutcome.Rejected(problem, inForce, quarantine);
    }
}
