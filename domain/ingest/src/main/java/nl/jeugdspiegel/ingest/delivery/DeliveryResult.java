package nl.jeugdspiegel.ingest.delivery;

import java.nio.file.Path;
import java.util.List;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ValidationReport;

/**
 * The outcome of reading one delivery.
 *
 * @param problem        why the delivery is rejected as a whole, or null when it is accepted
 * @param report         row counts and row errors
 * @param droppedColumns columns not in the contract, as they may be shown in a receipt
 * @param sha256         hex SHA-256 of the uploaded bytes
 * @param lakeFile       the finished lake file (accepted deliveries only)
 * @param lakeRows       rows in the lake file: accepted rows minus replaced duplicates
 * @param waitingFile    for an accepted delivery of iJw messages, the lake's waiting file ({@code Waiting}); else null
 * @param profile        the lake file's profile, counted while its rows were written (accepted deliveries only)
 */
public record DeliveryResult(
        FileProblem problem,
        ValidationReport report,
        List<String> droppedColumns,
        String sha256,
        Path lakeFile,
        long lakeRows,
        Path waitingFile,
        LakeProfile profile) {

    public boolean accepted() {
        return problem == null;
    }
}
