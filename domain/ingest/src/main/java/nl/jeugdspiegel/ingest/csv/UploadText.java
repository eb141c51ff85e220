package nl.jeugdspiegel.ingest.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.jeugdspiegel.ingest.problem.FileProblem;
import nl.jeugdspiegel.ingest.problem.ReasonCode;

/**
 * Turns the upload's bytes into text: refuses what is not UTF-8 (UTF-16, a spreadsheet saved under a
 * .csv name, binary) with a message that says what the file looks like, and drops a UTF-8 byte-order
 * mark. Bytes that are not UTF-8 later in the file become {@link #NOT_UTF8} characters, which the reader
 * of the records reports with their exact line (see {@link #hasInvalidText(String)}).
 */
public final class UploadText {

    private static final int BUFFER = 1 << 16;
    /** What the decoder puts in place of bytes that are not UTF-8. */
    public static final char NOT_UTF8 = '\uFFFD';

    private UploadText() {}

    /** What the first bytes say about the file, or empty when it may be UTF-8 text. */
    public static Optional<FileProblem> sniff(byte[] head, int length) {
        if (length >= 2
                && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return problem("het bestand is UTF-16-tekst; sla het op als CSV UTF-8");
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return problem("het bestand is een zip-archief, waarschijnlijk een Excel- of ODS-werkmap met de "
                    + "naam .csv; sla het op als CSV UTF-8 (puntkomma's of komma's)");
        }
        if (length >= 4
                && head[0] == (byte) 0xD0
                && head[1] == (byte) 0xCF
                && head[2] == 0x11
                && head[3] == (byte) 0xE0) {
            return problem("het bestand is een oud Excel-werkboek (.xls) met de naam .csv; sla het op als CSV UTF-8");
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return problem("het bestand bevat nul-bytes: het is binair of UTF-16 zonder kenmerk, geen UTF-8-tekst");
            }
        }
        return Optional.empty();
    }

    private static Optional<FileProblem> problem(String melding) {
        return Optional.of(FileProblem.of(ReasonCode.CODERING_ONGELDIG, melding));
    }

    /** Opens the bytes as UTF-8 text without a byte-order mark, or returns the reason why they are not text. */
    public static Opened open(InputStream bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(bytes, BUFFER);
        in.mark(512);
        byte[] head = new byte[512];
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        Optional<FileProblem> problem = sniff(head, length);
        if (problem.isPresent()) {
            return new Opened(null, problem.get());
        }
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                BUFFER);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return new Opened(reader, null);
    }

    /** The longest header line read: 64 KiB of characters (docs/contract.md §3). */
    public static final int MAX_HEADER_CHARS = 64 * 1024;

    /** The first line of a file, or that it is longer than {@link #MAX_HEADER_CHARS}. */
    public record FirstLine(String text, boolean tooLong) {}

    /**
     * The first line of the text without taking it from the reader (marked and reset): empty for an empty
     * file; too long beyond {@link #MAX_HEADER_CHARS} characters (also a file without any line end beyond
     * that size). Never holds more than that in memory.
     */
    public static FirstLine firstLine(BufferedReader text) throws IOException {
        text.mark(MAX_HEADER_CHARS + 2);
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = text.read()) >= 0 && c != '\n' && c != '\r'; ) {
                if (line.length() == MAX_HEADER_CHARS) {
                    return new FirstLine(null, true);
                }
                line.append((char) c);
            }
        } finally {
            text.reset();
        }
        return new FirstLine(line.toString(), false);
    }

    /** Does decoded text hold bytes that were not UTF-8, or NUL characters (binary data)? */
    public static boolean hasInvalidText(String value) {
        return value.indexOf(NOT_UTF8) >= 0 || value.indexOf('\0') >= 0;
    }

    /** The character {@link #hasInvalidText} looks for: one that was not UTF-8, or NUL. */
    static boolean isNotText(char c) {
        return c == NOT_UTF8 || c == '\0';
    }

    /**
     * The upload's text as the CSV parser reads it, noting whether a quote, a NUL or a character that was not UTF-8
     * has gone by. Until one has, no record can hold a line break inside a field (only a quoted field can) or text
     * that was not UTF-8, and the rows need not be searched for them: one pass over the parser's buffers instead of
     * one over every field of every row (issue 25). Once one has (possibly read ahead of the record at hand), every
     * record is searched as before.
     */
    public static final class Watched extends FilterReader {
        private boolean special;

        public Watched(Reader text) {
            super(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; !special && i < offset + n; i++) {
                special = isSpecial(buffer[i]);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            special = special || (c >= 0 && isSpecial((char) c));
            return c;
        }

        private static boolean isSpecial(char c) {
            return c == '"' || isNotText(c);
        }

        /** Has a quote, a NUL or a character that was not UTF-8 been read? */
        public boolean special() {
            return special;
        }
    }

    /** Either a reader or the problem that prevents one. */
    public record Opened(BufferedReader reader, FileProblem problem) {}

    /**
     * The field separator of the header line: the one of {@code ;} and {@code ,} that occurs outside
     * quotes (the more frequent one if both do); empty when neither does. {@code firstLine} may be null.
     */
    public static Optional<Character> separator(String firstLine) {
        if (firstLine == null) {
            return Optional.empty();
        }
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        if (semicolons == 0 && commas == 0) {
            return Optional.empty();
        }
        return Optional.of(semicolons >= commas ? ';' : ',');
    }

    /** Names the separator a header line seems to use when it is not {@code ;} or {@code ,}. */
    public static String describeOtherSeparator(String firstLine) {
        if (firstLine.indexOf('\t') >= 0) {
            return "tabs";
        }
        if (firstLine.indexOf('|') >= 0) {
            return "verticale strepen (|)";
        }
        return "geen herkenbaar scheidingsteken";
    }
}
