package nl.jeugdspiegel.ingest.ijw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.core.lake.Waiting;
import nl.jeugdspiegel.ingest.problem.FileProblem;

/**
 * What reading the messages gave. {@code messages} counts the messages checked (accepted and refused);
 * {@code skipped} the iJw messages of other types per type, which are not checked. {@code csv} and
 * {@code sources} exist when {@code problem} is null; {@code sources} has one line per CSV row: the
 * messages the trajectory came from.
 */
public record MessageOutcome(
        FileProblem problem,
        long messages,
        long rejected,
        Map<String, Long> perType,
        Map<String, Long> skipped,
        List<MessageCheck.Problem> problems,
        Map<String, Long> otherMunicipality,
        long trajectories,
        TrajectoryReconstruction.Result counts,
        ProductMapping mapping,
        List<Waiting.Request> waiting,
        Path csv,
        Path sources) {
    public long accepted() {
        return messages - rejected;
    }

    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!otherMunicipality.isEmpty()) {
            warnings.add(otherMunicipality.values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    + " bericht(en) zijn niet van deze gemeente en zijn weggelaten (afzender van een JW301, "
                    + "ontvanger van een JW305, JW307, JW315 of JW323): " + otherMunicipalities(otherMunicipality));
        }
        warnings.addAll(counts.warnings());
        if (mapping.ignoredLines() > 0) {
            warnings.add(mapping.ignoredLines() + " regel(s) van " + mapping.key() + " genegeerd: niet in de vorm "
                    + "productcategorie;productcode;hulpvorm met een bekende categorie en een hulpvorm die bij "
                    + "de soort van die categorie past");
        } else if (mapping.ignoredLines() < 0) {
            warnings.add(mapping.key() + " niet gebruikt: groter dan " + ProductMapping.MAX_BYTES / 1024 + " KiB");
        }
        return warnings;
    }

    /** "GM0014: 30, GM0034: 2" (at most ten municipalities, then how many more). */
    static String otherMunicipalities(Map<String, Long> counts) {
        List<String> shown = counts.entrySet().stream()
                .limit(10)
                .map(e -> e.getKey() + ": " + e.getValue())
                .toList();
        return String.join(", ", shown) + (counts.size() > 10 ? " en " + (counts.size() - 10) + " andere" : "");
    }
}
