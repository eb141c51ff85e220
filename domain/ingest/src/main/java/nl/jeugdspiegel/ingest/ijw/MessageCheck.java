package nl.jeugdspiegel.ingest.ijw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Checks one iJw 3.2 message against its XSD (the copies in {@code reference/ijw-xsd/}, with their source
 * in {@code reference/SOURCES.md}). The message type comes from the root element's namespace. Parsing is
 * streaming (StAX for the root, SAX for validation) and hardened: a DOCTYPE is refused outright, so
 * there are no DTDs, no external or internal entities and no entity expansion; schemas and parsers may
 * not fetch anything. Problems carry the file name, line, column and the schema's reason.
 */
public final class MessageCheck {

    /** The message types the delivery accepts, by their schema namespace. */
    public enum Type {
        JW301,
        JW305,
        JW307,
        JW315,
        JW323;

        public String namespace() {
            return "http://www.istandaarden.nl/ijw/3_2/" + name().toLowerCase(Locale.ROOT) + "/schema";
        }
    }

    /** Why a message was refused. */
    public record Problem(String file, int line, int column, String reason) {}

    /**
     * The outcome: the type when the message is valid, else the problem; or, for an iJw 3.2 message of a type
     * trajectories do not need (JW302 retour, JW304 wijziging, JW317, …), only its name in {@code otherType}:
     * it is skipped, not refused, so a municipality can send its whole message traffic.
     */
    public record Result(Optional<Type> type, Optional<Problem> problem, Optional<String> otherType) {
        static Result valid(Type type) {
            return new Result(Optional.of(type), Optional.empty(), Optional.empty());
        }

        static Result invalid(Problem problem) {
            return new Result(Optional.empty(), Optional.of(problem), Optional.empty());
        }

        static Result other(String type) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(type));
        }
    }

    private static final Pattern IJW_NAMESPACE =
            Pattern.compile("http://www\\.istandaarden\\.nl/ijw/3_2/(jw\\d{3})/schema");

    private final Map<Type, Schema> schemas = new ConcurrentHashMap<>();
    private final SAXParserFactory parsers;
    private final XMLInputFactory stax;
    /** Parsers and validators are costly to make and not thread-safe: one of each per thread, reused. */
    private final ThreadLocal<XMLReader> readers = new ThreadLocal<>();

    private final ThreadLocal<Map<Type, ValidatorHandler>> validators =
            ThreadLocal.withInitial(() -> new EnumMap<>(Type.class));

    public MessageCheck() {
        parsers = safeSax();
        stax = safeStax();
    }

    /** A namespace-aware SAX factory that refuses a DOCTYPE and resolves no entity (shared with {@link MessageFacts}). */
    static SAXParserFactory safeSax() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure a safe XML parser", e);
        }
    }

    /** A StAX factory that reads no DTD and resolves no external entity. */
    static XMLInputFactory safeStax() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private Schema schema(Type type) {
        return schemas.computeIfAbsent(type, t -> {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                // the message schemas import basisschema.xsd next to them, inside the jar
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
                URL xsd = MessageCheck.class.getResource("/reference/ijw-xsd/" + t.name() + ".xsd");
                return factory.newSchema(xsd);
            } catch (SAXException e) {
                throw new IllegalStateException("cannot load the iJw schema of " + t, e);
            }
        });
    }

    /** Validates one message; {@code file} names it in problems. */
    public Result check(String file, byte[] message) {
        return check(file, message, null);
    }

    /**
     * Validates one message and, in the same pass, hands its validated events to {@code facts} (when not null):
     * one parse per message instead of two. The facts count only when the result is valid.
     */
    public Result check(String file, byte[] message, MessageFacts.Collector facts) {
        Type type = null;
        try {
            String namespace = rootNamespace(message);
            for (Type t : Type.values()) {
                if (t.namespace().equals(namespace)) {
                    type = t;
                }
            }
            Matcher other = IJW_NAMESPACE.matcher(namespace == null ? "" : namespace);
            if (type == null && other.matches()) {
                return Result.other(other.group(1).toUpperCase(Locale.ROOT));
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            String reason = declaresDoctype(message)
                    ? "een DOCTYPE is niet toegestaan in een iJw-bericht (geen DTD's of entiteiten)"
                    : "geen leesbare XML: " + reason(String.valueOf(e.getMessage()), List.of());
            return Result.invalid(new Problem(file, line, column, reason));
        }
        if (type == null) {
            return Result.invalid(new Problem(file, 1, 1, "geen iJw 3.2-bericht JW301, JW305, JW307, JW315 of JW323"));
        }
        ElementTracker elements = new ElementTracker(facts);
        ValueRecorder values = null;
        boolean done = false;
        try {
            ValidatorHandler validator = validator(type);
            validator.setContentHandler(elements);
            validator.setErrorHandler(elements);
            values = new ValueRecorder(reader());
            values.setContentHandler(validator);
            values.parse(new InputSource(new ByteArrayInputStream(message)));
            done = true;
            return Result.valid(type);
        } catch (SAXParseException e) {
            String element = elements.current();
            return Result.invalid(new Problem(
                    file,
                    e.getLineNumber(),
                    e.getColumnNumber(),
                    (element == null ? "" : "element " + element + ": ") + reason(e.getMessage(), values.values())));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return Result.invalid(new Problem(
                    file, 0, 0, reason(String.valueOf(e.getMessage()), values == null ? List.of() : values.values())));
        } finally {
            if (!done) { // a parse that stopped half-way: start the next message with fresh ones
                readers.remove();
                validators.get().remove(type);
            }
        }
    }

    private XMLReader reader() throws SAXException, ParserConfigurationException {
        XMLReader reader = readers.get();
        if (reader == null) {
            reader = parsers.newSAXParser().getXMLReader();
            readers.set(reader);
        }
        return reader;
    }

    private ValidatorHandler validator(Type type) throws SAXException {
        ValidatorHandler validator = validators.get().get(type);
        if (validator == null) {
            validator = schema(type).newValidatorHandler();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validators.get().put(type, validator);
        }
        return validator;
    }

    /**
     * Follows the element being validated, so a problem can name it (a datatype error does not), stops
     * at the first schema error, and passes the validated events on to the fact collector. Sits behind the
     * validator: a value is validated before its end tag is passed on, so the element is still current when its
     * value is refused.
     */
    private static final class ElementTracker extends DefaultHandler {
        private final Deque<String> open = new ArrayDeque<>();
        /** Where the validated events go on to, or null. */
        private final DefaultHandler next;

        ElementTracker(DefaultHandler next) {
            this.next = next;
        }

        String current() {
            return open.peekLast();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            open.addLast(localName);
            if (next != null) {
                next.startElement(uri, localName, qName, attributes);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (next != null) {
                next.characters(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            open.pollLast();
            if (next != null) {
                next.endElement(uri, localName, qName);
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /**
     * Records the text and the attribute values of the element being read, before the validator sees them,
     * so that a reason quoting one of them can be cleared of it.
     */
    private static final class ValueRecorder extends XMLFilterImpl {
        private static final int MAX_CHARS = 1 << 20;
        private final StringBuilder text = new StringBuilder();
        private final List<String> attributes = new ArrayList<>();

        ValueRecorder(XMLReader parent) {
            super(parent);
        }

        List<String> values() {
            List<String> values = new ArrayList<>(attributes);
            values.add(text.toString());
            return values;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            text.setLength(0);
            attributes.clear();
            for (int i = 0; i < atts.getLength(); i++) {
                attributes.add(atts.getValue(i));
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            text.append(ch, start, Math.max(0, Math.min(length, MAX_CHARS - text.length())));
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName); // the validator judges the text here: keep it until then
            text.setLength(0);
        }
    }

    /** What follows a quoted value in the schema messages that quote one (Xerces' message texts). */
    private static final List<String> AFTER_VALUE = List.of(
            "' is not facet-valid",
            "' with length = '",
            "' has ",
            "' of element '",
            "' of attribute '",
            "' is not a valid value");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * The schema's reason without the offending value: a value can be a BSN, a birth date or a name, and
     * the reason goes into the receipt. First every value of the element being read is replaced where the
     * message quotes it (also as the schema normalised it); then whatever a known message quotes as its value
     * is replaced from the opening quote to the text that follows a value, so a value with an apostrophe
     * ({@code D'Souza}) is removed whole. An impossible or malformed date gets a Dutch explanation first.
     */
    static String reason(String schemaMessage, List<String> values) {
        String redacted = firstLine(schemaMessage);
        for (String value : values) {
            for (String variant : List.of(
                    value,
                    value.replaceAll("[\\t\\n\\r]", " "),
                    WHITESPACE.matcher(value.strip()).replaceAll(" "))) {
                if (!variant.isEmpty()) {
                    redacted = redacted.replace("'" + variant + "'", "'…'");
                }
            }
        }
        redacted = quotedValueRemoved(redacted);
        if (redacted.startsWith("cvc-datatype-valid") && redacted.contains("'date'")) {
            return "geen geldige datum: verwacht JJJJ-MM-DD met een dag die bestaat (" + redacted + ")";
        }
        return redacted;
    }

    /** "Value 'x' is not …", "The value 'x' of element …", "'x' is not a valid value …": x becomes "…". */
    private static String quotedValueRemoved(String message) {
        int colon = message.indexOf(": ");
        int from = colon < 0 ? 0 : colon + 2;
        int open = message.indexOf('\'', from);
        String before = open < 0 ? "" : message.substring(from, open).strip();
        if (open < 0
                || !(before.isEmpty() || before.equalsIgnoreCase("value") || before.equalsIgnoreCase("the value"))) {
            return message;
        }
        int close = -1;
        for (String after : AFTER_VALUE) {
            close = Math.max(close, message.lastIndexOf(after));
        }
        return close <= open
                ? message.substring(0, open + 1) + "…'"
                : message.substring(0, open + 1) + "…" + message.substring(close);
    }

    /** The root element's namespace, or null; refuses a DOCTYPE before any entity is read. */
    private String rootNamespace(byte[] message) throws XMLStreamException {
        XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(message));
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException(
                            "een DOCTYPE is niet toegestaan in een iJw-bericht", reader.getLocation());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return reader.getNamespaceURI();
                }
            }
            return null;
        } finally {
            reader.close();
        }
    }

    /** A DOCTYPE can only stand before the root element, so the first kilobytes tell. */
    private static boolean declaresDoctype(byte[] message) {
        String head = new String(message, 0, Math.min(message.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
