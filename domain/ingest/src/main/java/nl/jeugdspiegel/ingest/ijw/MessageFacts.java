package nl.jeugdspiegel.ingest.ijw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the facts the trajectories need from a valid iJw message, from its SAX events (in the same pass as the
 * schema validation): one {@link Fact} per product
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
            "Header/Afzender",
            "Header/Ontvanger");

    /** A municipality in an iJw header: its CBS code without "GM", four digits (an AGB code has eight). */
    private static final Pattern GEMEENTE = Pattern.compile("\\d{4}");

    private final SAXParserFactory parsers = MessageCheck.safeSax();

    /**
     * The product lines of a message that {@link MessageCheck} accepted, read on their own. Ingest does not use
     * this: it collects the facts in the validating pass ({@link MessageCheck#check(String, byte[], Collector)}).
     */
    public List<Fact> read(MessageCheck.Type type, String file, byte[] message) throws IOException {
        Collector collector = new Collector(file);
        try {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            reader.setContentHandler(collector);
            reader.parse(new InputSource(new ByteArrayInputStream(message)));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("not readable as XML", e);
        }
        return collector.facts();
    }

    /**
     * Collects the facts from the SAX events of one message (the root element's namespace gives its type): the
     * kept paths of each product line, with the client and header paths read before it. Text is kept only for
     * the paths listed, and only the innermost element's at a time.
     */
    public static final class Collector extends DefaultHandler {
        private final String file;
        private final List<Fact> facts = new ArrayList<>();
        private final Map<String, String> context = new HashMap<>();
        /** Per open element, its path from the root's children ("" for the root), joined once. */
        private final List<String> path = new ArrayList<>();

        private final StringBuilder text = new StringBuilder();
        private MessageCheck.Type type;
        private String lineElement;
        private Map<String, String> line;
        /** The product line's own path, and its depth (1 = the root). */
        private String linePath;

        private int lineDepth = -1;

        public Collector(String file) {
            this.file = file;
        }

        /** The product lines read; empty for a message of another type. */
        public List<Fact> facts() {
            return facts;
        }

        /**
         * The municipality that is a party to the message (contract v1.3 §2): the sender of a message a municipality
         * sends (JW301), the addressee of one a provider sends (JW305, JW307, JW315, JW323), as {@code GM} and its four
         * digits; null when neither header field holds a municipality code, or both do.
         */
        public String municipality() {
            String from = context.getOrDefault("Header/Afzender", "");
            String to = context.getOrDefault("Header/Ontvanger", "");
            boolean fromGemeente = GEMEENTE.matcher(from).matches();
            boolean toGemeente = GEMEENTE.matcher(to).matches();
            if (fromGemeente == toGemeente) {
                return null;
            }
            return "GM" + (fromGemeente ? from : to);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (path.isEmpty()) {
                for (MessageCheck.Type t : MessageCheck.Type.values()) {
                    if (t.namespace().equals(uri)) {
                        type = t;
                        lineElement = LINE.get(t);
                    }
                }
                path.add("");
            } else {
                String parent = path.get(path.size() - 1);
                path.add(parent.isEmpty() ? localName : parent + "/" + localName);
            }
            text.setLength(0);
            if (localName.equals(lineElement)) {
                line = new HashMap<>();
                lineDepth = path.size();
                linePath = path.get(path.size() - 1);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text.length() < MAX_TEXT) {
                text.append(ch, start, Math.min(length, MAX_TEXT - text.length()));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String fromRoot = path.remove(path.size() - 1);
            int depth = path.size() + 1;
            if (line != null && depth > lineDepth) {
                String relative = fromRoot.substring(linePath.length() + 1);
                if (LINE_PATHS.contains(relative)) {
                    line.put(relative, text.toString().strip());
                }
            } else if (type != null && CLIENT_PATHS.contains(fromRoot)) {
                context.put(
                        fromRoot.startsWith("Declaratie/") ? "Client/Bsn" : fromRoot,
                        text.toString().strip());
            }
            if (line != null && depth == lineDepth) {
                Map<String, String> values = new HashMap<>(context);
                values.putAll(line);
                facts.add(new Fact(type, file, Map.copyOf(values)));
                line = null;
            }
            text.setLength(0);
        }
    }

    /** The longest text kept of one element (a kept value is a code, a date or an amount). */
    private static final int MAX_TEXT = 4096;
}
