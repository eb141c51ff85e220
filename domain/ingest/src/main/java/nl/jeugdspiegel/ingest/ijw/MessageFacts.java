package nl.jeugdspiegel.ingest.ijw;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the facts the trajectories need from a valid iJw message, streaming: one {@link Fact} per product
 * line (StartProduct, StopProduct, ToegewezenProduct, AangevraagdProduct, Prestatie), with the client's
 * BSN, birth date and geslacht. Only the element paths listed here are kept; names, addresses, contact
 * details and comments are never read into memory as values.
 */
public final class MessageFacts {

    /** One product line of a message: its type, the file, and the kept values by path. */
    public record Fact(MessageCheck.Type type, String file, Map<String, String> values) {
        public String get(String path) {
            return values.get(path);
        }
    }

    private static final Map<MessageCheck.Type, String> LINE = Map.of(
            MessageCheck.Type.JW305, "StartProduct",
            MessageCheck.Type.JW307, "StopProduct",
            MessageCheck.Type.JW301, "ToegewezenProduct",
            MessageCheck.Type.JW315, "AangevraagdProduct",
            MessageCheck.Type.JW323, "Prestatie");

    /** Paths kept inside a product line. */
    private static final Set<String> LINE_PATHS = Set.of(
            "ToewijzingNummer",
            "Product/Categorie",
            "Product/Code",
            "Begindatum",
            "Einddatum",
            "RedenBeeindiging",
            "ReferentieAanbieder",
            "Toewijzingsdatum",
            "Ingangsdatum",
            "ToewijzingIngangsdatum",
            "Verwijzer/Type",
            "ProductCategorie",
            "ProductCode",
            "ProductPeriode/Begindatum",
            "ProductPeriode/Einddatum",
            "IngediendBedrag/Bedrag",
            "IngediendBedrag/DebetCredit",
            "ProductReferentie/ReferentieNummer");
    /** Paths kept about the client and the message (relative to the message root). */
    private static final Set<String> CLIENT_PATHS = Set.of(
            "Client/Bsn",
            "Client/Geboortedatum/Datum",
            "Client/Geslacht",
            "Declaratie/Clienten/Client/Bsn",
            "Header/BerichtIdentificatie/Dagtekening",
            "Header/Afzender");

    private final XMLInputFactory stax;

    public MessageFacts() {
        stax = MessageCheck.safeStax();
    }

    /** The product lines of a message that {@link MessageCheck} accepted. */
    public List<Fact> read(MessageCheck.Type type, String file, byte[] message) throws XMLStreamException {
        String lineElement = LINE.get(type);
        List<Fact> facts = new ArrayList<>();
        Map<String, String> context = new HashMap<>();
        Map<String, String> line = null;
        Deque<String> path = new ArrayDeque<>();
        int lineDepth = -1;
        StringBuilder text = new StringBuilder();
        XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(message));
        try {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        path.addLast(reader.getLocalName());
                        text.setLength(0);
                        if (reader.getLocalName().equals(lineElement)) {
                            line = new HashMap<>();
                            lineDepth = path.size();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String value = text.toString().strip();
                        if (line != null && path.size() > lineDepth) {
                            String relative = String.join(
                                    "/", path.stream().skip(lineDepth).toList());
                            if (LINE_PATHS.contains(relative)) {
                                line.put(relative, value);
                            }
                        } else {
                            String fromRoot =
                                    String.join("/", path.stream().skip(1).toList());
                            if (CLIENT_PATHS.contains(fromRoot)) {
                                context.put(fromRoot.startsWith("Declaratie/") ? "Client/Bsn" : fromRoot, value);
                            }
                        }
                        if (line != null && path.size() == lineDepth) {
                            Map<String, String> values = new HashMap<>(context);
                            values.putAll(line);
                            facts.add(new Fact(type, file, Map.copyOf(values)));
                            line = null;
                        }
                        path.removeLast();
                        text.setLength(0);
                    }
                    default -> {
                        // comments, processing instructions, whitespace: nothing to keep
                    }
                }
            }
        } finally {
            reader.close();
        }
        return facts;
    }
}
