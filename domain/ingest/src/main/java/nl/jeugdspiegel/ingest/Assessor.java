package nl.jeugdspiegel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Failures;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.core.storage.ObjectContent;
import nl.jeugdspiegel.core.storage.ObjectStore;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an accepted delivery holds and enables, for the receipt ({@link Assessment}): its {@code kenmerken} (the profile
 * counted while its rows were written), the comparison with the previous accepted delivery of the gemeente, its
 * {@code publicatie} block and its warnings. The previous delivery's profile comes with the HEAD of its lake object;
 * only an object written before v1.3, which has none, is downloaded and read.
 */
final class Assessor {

    private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);

    /** How far an event time may lie ahead of this function's clock before the receipt warns (clock skew). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    /**
     * The receipt's blocks that judge an accepted delivery: its {@code kenmerken}, the comparison with the previous
     * accepted delivery of the gemeente (the one it replaces for the same periode, else the one in force for the periode
     * before; none when a newer delivery is in force), and its {@code publicatie} block. A replay of the delivery in force
     * keeps the comparison its receipt already holds (the lake no longer holds what it replaced).
     */
    record Assessment(
            Receipt.Kenmerken kenmerken,
            Receipt.Vergelijking vergelijking,
            Receipt.Publicatie publicatie,
            List<String> waarschuwingen) {
        static final Assessment NONE = new Assessment(null, null, null, List.of());
    }

    private final DeliveryComparison comparison;
    private final ReferenceData reference;
    private final Clock clock;

    Assessor(DeliveryComparison comparison, ReferenceData reference, Clock clock) {
        this.comparison = comparison;
        this.reference = reference;
        this.clock = clock;
    }

    Assessment assess(ObjectStore store, Delivery delivery, LakeInForce inForce, Path workDir) throws IOException {
        UploadKey key = delivery.key();
        LakeProfile now = delivery.result().profile();
        Provenance self = delivery.provenance();
        Optional<Provenance> held = inForce.provenance();
        Receipt.Vergelijking vergelijking;
        if (held.isPresent() && Provenance.ORDER.compare(held.get(), self) == 0) {
            vergelijking = earlierComparison(store, delivery);
        } else if (held.isPresent()) {
            vergelijking = held.get().isNewerThan(self)
                    ? null
                    : compareWith(now, inForce, key.periode(), DeliveryComparison.REPLACED, workDir, store);
        } else {
            Periode previous = key.periode().previous();
            vergelijking = compareWith(
                    now,
                    LakeInForce.read(store, BucketLayout.trajecten(previous, key.gemeentecode())),
                    previous,
                    DeliveryComparison.PREVIOUS_PERIODE,
                    workDir,
                    store);
        }
        List<String> warnings = new ArrayList<>(AgbCheck.warnings(now));
        futureDated(delivery.event().eventTime()).ifPresent(warnings::add);
        return new Assessment(
                DeliveryComparison.kenmerken(now),
                vergelijking,
                DeliveryComparison.publicatie(now, delivery.result().waitingFile() != null),
                warnings);
    }

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

    /** The comparison with the delivery {@code previous} holds for {@code periode}, or null when there is none. */
    private Receipt.Vergelijking compareWith(
            LakeProfile now, LakeInForce previous, Periode periode, String grond, Path workDir, ObjectStore store)
            throws IOException {
        if (previous.object().isEmpty()) {
            return null;
        }
        Optional<LakeProfile> before = previous.profile();
        if (before.isEmpty()) {
            before = readProfile(store, previous.key(), periode, workDir);
            if (before.isEmpty()) {
                return null;
            }
        }
        Receipt.Levering levering = previous.provenance()
                .map(p -> new Receipt.Levering(p.key(), p.eventTime()))
                .orElse(null);
        return comparison.compare(now, before.get(), levering, periode.toString(), grond);
    }

    /** A lake object written before v1.3 carries no profile: downloaded and read, as it was then. */
    private static Optional<LakeProfile> readProfile(ObjectStore store, String lakeKey, Periode periode, Path workDir)
            throws IOException {
        Optional<ObjectContent> content = store.openIfExists(lakeKey, null);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Path file = workDir.resolve("vorige.parquet");
        try (ObjectContent in = content.get()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            return Optional.of(LakeProfile.of(file, periode));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} is not a readable lake file, no comparison: {}", lakeKey, Failures.describe(e));
            return Optional.empty();
        } finally {
            Files.deleteIfExists(file);
        }
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
}
