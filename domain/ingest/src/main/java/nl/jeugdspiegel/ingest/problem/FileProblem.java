package nl.jeugdspiegel.ingest.problem;

/**
 * Why a delivery is rejected as a whole: a file reason code, a specific message in Dutch for the
 * municipality's data officer, and the line it concerns (0 when none).
 */
public record FileProblem(ReasonCode code, String melding, long regel) {

    public FileProblem {
        if (!code.fileLevel()) {
            throw new IllegalArgumentException(code + " is not a file reason code");
        }
    }

    public static FileProblem of(ReasonCode code, String melding) {
        return new FileProblem(code, melding, 0);
    }
}
