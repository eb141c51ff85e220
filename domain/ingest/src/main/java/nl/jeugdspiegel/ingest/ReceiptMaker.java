package nl.jeugdspiegel.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.delivery.RejectionThreshold;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ValidationReport;
import nl.jeugdspiegel.ingest.receipt.Receipt;
import nl.jeugdspiegel.ingest.receipt.ReceiptView;

/** Makes the receipt of a delivery from what was read and what became of it: the one place that sets its fields. */
final class ReceiptMaker {

    private final ReferenceData reference;
    private final RejectionThreshold threshold;
    private final Clock clock;

    ReceiptMaker(ReferenceData reference, RejectionThreshold threshold, Clock clock) {
        this.reference = reference;
        this.threshold = threshold;
        this.clock = clock;
    }

    Receipt receipt(Delivery delivery, DeliveryOutcome outcome, Assessor.Assessment assessment) {
        UploadKey key = delivery.key();
        DeliveryResult result = delivery.result();
        ValidationReport report = result == null ? new ValidationReport() : result.report();
        Fields f = fields(outcome, key, report.rowsRejected());
        long lakeRows = outcome instanceof DeliveryOutcome.Applied && result != null ? result.lakeRows() : 0;
        Municipality municipality =
                key == null ? null : reference.municipality(key.gemeentecode()).orElse(null);
        UploadEvent event = delivery.event();
        return new Receipt(
                IngestService.CONTRACT_VERSION,
                f.status,
                f.applied,
                f.melding,
                key == null ? null : key.gemeentecode(),
                municipality == null ? null : municipality.naam(),
                key == null ? null : key.periode().toString(),
                new Receipt.Bron(
                        event.key(),
                        delivery.versionId(),
                        delivery.eTag(),
                        delivery.sha256(),
                        delivery.size(),
                        event.eventTime()),
                new Receipt.Aantallen(
                        report.rowsRead(), report.rowsAccepted(), report.rowsRejected(), report.duplicates(), lakeRows),
                delivery.berichten(),
                f.problem == null
                        ? null
                        : new Receipt.Afwijzing(
                                f.problem.code().code(),
                                f.problem.code().omschrijving(),
                                f.problem.melding(),
                                f.problem.regel() == 0 ? null : f.problem.regel(),
                                f.problem.code().advies()),
                errors(report),
                report.duplicates() == 0
                        ? null
                        : new Receipt.Regels(
                                report.duplicates(),
                                report.duplicateLines(),
                                "rijen met dezelfde sleutel (bsn, soort, hulpvorm, startdatum) als een latere rij; de laatste "
                                        + "rij telt, deze regels zijn vervangen"),
                result == null ? List.of() : result.droppedColumns(),
                warnings(delivery, report, assessment.waarschuwingen()),
                100 * threshold.maxRejectedFraction(),
                f.identicalTo,
                levering(f.replaced),
                levering(f.inForce),
                assessment.kenmerken(),
                assessment.vergelijking(),
                assessment.publicatie(),
                f.lakeKey,
                Instant.now(clock),
                (System.nanoTime() - delivery.startedNanos()) / 1_000_000);
    }

    /** The receipt fields that the outcome decides. */
    private record Fields(
            String status,
            Boolean applied,
            String melding,
            FileProblem problem,
            Provenance replaced,
            String identicalTo,
            Provenance inForce,
            String lakeKey) {}

    private static Fields fields(DeliveryOutcome outcome, UploadKey key, long rejectedRows) {
        if (outcome instanceof DeliveryOutcome.Rejected r) {
            String melding = r.quarantineKey() == null
                    ? "De levering is niet verwerkt: " + r.problem().melding() + "."
                    : "De levering is afgewezen (" + r.problem().code().code() + "): "
                            + r.problem().melding() + ". "
                            + (r.inForce() != null
                                    ? "De eerder geaccepteerde levering "
                                            + r.inForce().key() + " blijft van kracht."
                                    : "Er is niets aan de benchmark veranderd.")
                            + " Een kopie staat in " + r.quarantineKey() + ".";
            return new Fields(Receipt.AFGEWEZEN, null, melding, r.problem(), null, null, r.inForce(), null);
        }
        if (outcome instanceof DeliveryOutcome.NotApplied n) {
            String melding = "De levering is goedgekeurd maar niet toegepast: er is al een nieuwere levering voor "
                    + key.gemeentecode() + " " + key.periode() + " verwerkt ("
                    + n.inForce().key()
                    + "), die van kracht blijft.";
            return new Fields(Receipt.GEACCEPTEERD, false, melding, null, null, null, n.inForce(), n.lakeKey());
        }
        DeliveryOutcome.Applied a = (DeliveryOutcome.Applied) outcome;
        String melding = "De levering is geaccepteerd en vervangt de gegevens van " + key.gemeentecode() + " "
                + key.periode() + " in de benchmark."
                + (rejectedRows == 0
                        ? ""
                        : " Daarbij "
                                + (rejectedRows == 1
                                        ? "is 1 regel"
                                        : "zijn " + ReceiptView.count(rejectedRows) + " regels")
                                + " afgewezen en niet opgenomen: zie 'Afgewezen regels per reden'.")
                + (a.identicalTo() == null
                        ? ""
                        : " De inhoud is byte voor byte gelijk aan de levering die al van kracht was ("
                                + a.identicalTo() + "); het resultaat is hetzelfde.");
        return new Fields(
                Receipt.GEACCEPTEERD, true, melding, null, a.replaced(), a.identicalTo(), a.written(), a.lakeKey());
    }

    private static Receipt.Levering levering(Provenance ref) {
        return ref == null ? null : new Receipt.Levering(ref.key(), ref.eventTime());
    }

    private static List<String> warnings(Delivery delivery, ValidationReport report, List<String> assessed) {
        List<String> warnings = new ArrayList<>(
                delivery.berichten() == null ? List.of() : delivery.berichten().waarschuwingen());
        DeliveryResult result = delivery.result();
        if (result != null && !result.droppedColumns().isEmpty()) {
            warnings.add("kolommen die niet in het contract staan zijn genegeerd en niet opgeslagen: "
                    + String.join(", ", result.droppedColumns()));
        }
        if (report.multiLineRecords() > 0) {
            warnings.add(report.multiLineRecords() + " regel(s) lopen door over meer dan één regel van het bestand "
                    + "(een regeleinde tussen aanhalingstekens), de eerste begint op regel " + report.firstMultiLine()
                    + "; controleer of dat de bedoeling is");
        }
        warnings.addAll(assessed);
        return warnings;
    }

    private static List<Receipt.Fout> errors(ValidationReport report) {
        List<Receipt.Fout> errors = new ArrayList<>();
        report.reasons()
                .forEach((code, stats) -> errors.add(new Receipt.Fout(
                        code.code(),
                        code.omschrijving(),
                        code.advies(),
                        stats.rows(),
                        stats.firstLines(),
                        Math.max(0, stats.rows() - stats.firstLines().size()),
                        stats.perColumn().isEmpty() ? null : stats.perColumn())));
        return errors;
    }
}
