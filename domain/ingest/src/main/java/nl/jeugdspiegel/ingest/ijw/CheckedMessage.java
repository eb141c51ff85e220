package nl.jeugdspiegel.ingest.ijw;

import java.util.List;

/**
 * One zip entry checked (on a checker thread): the schema's verdict and the facts of a valid message, or why the entry
 * was refused before its check.
 */
record CheckedMessage(
        MessageCheck.Result result,
        List<MessageFacts.Fact> facts,
        String municipality,
        MessageCheck.Problem refused,
        int bytes) {

    static CheckedMessage refused(MessageCheck.Problem problem) {
        return new CheckedMessage(null, List.of(), null, problem, 0);
    }

    /** Checks one entry against its schema and collects the facts of a valid message in the same pass. */
    static CheckedMessage of(MessageCheck check, SafeZip.Entry entry) {
        MessageFacts.Collector facts = new MessageFacts.Collector(entry.name());
        MessageCheck.Result result = check.check(entry.name(), entry.content(), facts);
        return new CheckedMessage(
                result,
                result.type().isPresent() ? facts.facts() : List.of(),
                facts.municipality(),
                null,
                entry.content().length);
    }
}
