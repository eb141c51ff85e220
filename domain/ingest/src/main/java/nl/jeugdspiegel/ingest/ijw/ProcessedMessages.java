package nl.jeugdspiegel.ingest.ijw;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.jeugdspiegel.ingest.delivery.DeliveryResult;
import nl.jeugdspiegel.ingest.problem.ReasonCode;
import nl.jeugdspiegel.ingest.problem.ValidationReport;
import nl.jeugdspiegel.ingest.receipt.Receipt;

/** The delivery's result on the CSV path (its hash is the zip's), and what reading the messages gave. */
public record ProcessedMessages(DeliveryResult result, MessageOutcome outcome) {

    /** The receipt's {@code berichten} block (its warnings go to the receipt's {@code waarschuwingen}). */
    public Receipt.Berichten receiptPart() throws IOException {
        List<Receipt.Bericht> refused = outcome.problems().stream()
                .map(p -> new Receipt.Bericht(
                        ReasonCode.BERICHT_ONGELDIG.code(),
                        p.file(),
                        p.line() == 0 ? null : p.line(),
                        p.column() == 0 ? null : p.column(),
                        p.reason()))
                .toList();
        return new Receipt.Berichten(
                outcome.messages(),
                outcome.accepted(),
                outcome.rejected(),
                outcome.perType(),
                outcome.skipped().isEmpty() ? null : outcome.skipped(),
                outcome.otherMunicipality().isEmpty() ? null : outcome.otherMunicipality(),
                outcome.trajectories(),
                outcome.counts().vervoer(),
                outcome.counts().withoutHulpvorm().entrySet().stream()
                        .map(e -> new Receipt.ZonderHulpvorm(
                                e.getKey(),
                                e.getValue(),
                                List.copyOf(outcome.counts().productCodes().getOrDefault(e.getKey(), Set.of()))))
                        .toList(),
                outcome.mapping().key() == null
                        ? null
                        : new Receipt.Productcodes(
                                outcome.mapping().key(),
                                outcome.mapping().products(),
                                outcome.mapping().ignoredLines(),
                                outcome.counts().mapped()),
                outcome.waiting().size(),
                refused,
                outcome.rejected() - refused.size(),
                sourcesOfCitedRows(),
                "De regels in fouten en dubbele_sleutels zijn de trajecten die uit de berichten zijn opgebouwd, "
                        + "genummerd vanaf 2 (zoals in een CSV met kopregel); bronnen_van_regels noemt de "
                        + "berichten waar zo'n traject uit komt.",
                outcome.warnings());
    }

    /** For the rows the receipt names (rejected or replaced), the message files they came from. */
    private Map<Long, String> sourcesOfCitedRows() throws IOException {
        ValidationReport report = result.report();
        Set<Long> cited = new HashSet<>(report.duplicateLines());
        report.reasons().values().forEach(stats -> cited.addAll(stats.firstLines()));
        if (outcome.sources() == null || cited.isEmpty()) {
            return null;
        }
        Map<Long, String> sources = new TreeMap<>();
        try (BufferedReader lines = Files.newBufferedReader(outcome.sources(), StandardCharsets.UTF_8)) {
            long csvLine = 2; // the first trajectory is line 2 of the CSV, after the header
            for (String line; (line = lines.readLine()) != null; csvLine++) {
                if (cited.contains(csvLine)) {
                    sources.put(csvLine, line);
                }
            }
        }
        return sources;
    }
}
