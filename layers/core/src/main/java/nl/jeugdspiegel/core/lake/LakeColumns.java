package nl.jeugdspiegel.core.lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import nl.jeugdspiegel.core.lake.LakeSchema.Kind;

/**
 * Rows of one lake file in columns of primitives, as {@link LakeReader} decodes them: no object per row. A code
 * column holds an index into that column's values ({@link #codeValues}), which stay valid for every batch of the
 * same file; a pseudonym is four longs; dates are epoch days. Columns that were not read, and optional values
 * that a row does not have, read as {@link #ABSENT}, {@link #NO_CODE} or {@link #NO_AMOUNT}.
 */
public final class LakeColumns {

    /** An absent int or date. */
    public static final int ABSENT = Integer.MIN_VALUE;
    /** An absent code. */
    public static final int NO_CODE = -1;
    /** An absent amount. */
    public static final long NO_AMOUNT = Long.MIN_VALUE;

    private static final Column[] COLUMNS = Column.values();
    private static final HexFormat HEX = HexFormat.of();

    private final Set<Column> read;
    /** The optional columns that are read: the only ones a row may leave without a value. */
    private final Column[] optionalRead;

    private int size;
    private int capacity;
    private boolean deriveVerblijf;
    private final Map<Long, Integer> derived = new HashMap<>();
    private long[] pseudonyms;
    private final int[][] ints = new int[COLUMNS.length][];
    private final long[][] longs = new long[COLUMNS.length][];
    private final List<List<String>> values = new ArrayList<>();
    private final List<Map<String, Integer>> indexOfValue = new ArrayList<>();

    LakeColumns(Set<Column> read, int capacity) {
        this.read = read.isEmpty() ? EnumSet.noneOf(Column.class) : EnumSet.copyOf(read);
        this.optionalRead = this.read.stream().filter(c -> !c.required()).toArray(Column[]::new);
        this.capacity = Math.max(16, capacity);
        this.pseudonyms = new long[4 * this.capacity];
        for (Column c : COLUMNS) {
            values.add(new ArrayList<>());
            indexOfValue.add(new HashMap<>());
            if (c.kind() == Kind.EURO_CENTS) {
                longs[c.ordinal()] = new long[this.capacity];
            } else if (c.kind() != Kind.PSEUDONYM) {
                ints[c.ordinal()] = new int[this.capacity];
            }
        }
        markUnreadAbsent(0);
    }

    public int size() {
        return size;
    }

    /** Was this column read (the others are absent in every row)? */
    public boolean has(Column column) {
        return read.contains(column);
    }

    /** Word 0..3 (most significant first) of the row's 256-bit pseudonym. */
    public long pseudonymWord(int word, int row) {
        return pseudonyms[4 * row + word];
    }

    /** The pseudonym as stored: 64 lower-case hex characters. */
    public String pseudonym(int row) {
        StringBuilder hex = new StringBuilder(64);
        for (int w = 0; w < 4; w++) {
            hex.append(HEX.toHexDigits(pseudonyms[4 * row + w]));
        }
        return hex.toString();
    }

    /** The index of a code column's value in {@link #codeValues}, or {@link #NO_CODE}. */
    public int code(Column column, int row) {
        return ints[column.ordinal()][row];
    }

    /** The distinct values of a code column seen so far in this file, by index. */
    public List<String> codeValues(Column column) {
        return Collections.unmodifiableList(values.get(column.ordinal()));
    }

    public String codeText(Column column, int row) {
        int index = code(column, row);
        return index == NO_CODE ? null : values.get(column.ordinal()).get(index);
    }

    /** An int or date column's value, or {@link #ABSENT}. */
    public int value(Column column, int row) {
        return ints[column.ordinal()][row];
    }

    /** An amount in cents, or {@link #NO_AMOUNT}. */
    public long amount(Column column, int row) {
        return longs[column.ordinal()][row];
    }

    /** The row as a {@link Trajectory} (columns that were not read are absent). */
    public Trajectory trajectory(int row) {
        return new Trajectory(
                has(Column.CLIENT) ? pseudonym(row) : null,
                intOrZero(Column.GEBOORTEJAAR, row),
                intOrZero(Column.LEEFTIJD_START, row),
                codeText(Column.GESLACHT, row),
                codeText(Column.SOORT, row),
                codeText(Column.HULPVORM, row),
                value(Column.STARTDATUM, row),
                value(Column.EINDDATUM, row),
                codeText(Column.REDEN_BEEINDIGING, row),
                codeText(Column.VERWIJZER, row),
                value(Column.AANMELDDATUM, row),
                codeText(Column.ZONDER_HULP_VERDER, row),
                intOrZero(Column.TEVREDENHEID, row),
                amount(Column.KOSTEN, row),
                codeText(Column.AANBIEDER_AGB, row),
                codeText(Column.PRODUCTCATEGORIE, row),
                verblijf(row));
    }

    /** The row's verblijf: TRUE, FALSE, or null when unknown (or not read). */
    public Boolean verblijf(int row) {
        int v = value(Column.VERBLIJF, row);
        return v == ABSENT ? null : v == 1;
    }

    private int intOrZero(Column column, int row) {
        int v = value(column, row);
        return v == ABSENT ? 0 : v;
    }

    // --- filled by LakeReader ---

    void beginRow() {
        if (size == capacity) {
            grow();
        }
        // a required column gets a value in every row, and a column not read stays absent (markUnreadAbsent)
        for (Column c : optionalRead) {
            setAbsent(c, size, size + 1);
        }
    }

    /** Rows {@code from} to the capacity of every column that is not read hold the absent value. */
    private void markUnreadAbsent(int from) {
        for (Column c : COLUMNS) {
            if (!read.contains(c)) {
                setAbsent(c, from, capacity);
            }
        }
    }

    private void setAbsent(Column c, int from, int to) {
        switch (c.kind()) {
            case PSEUDONYM -> {} // zero words: not read
            case CODE -> Arrays.fill(ints[c.ordinal()], from, to, NO_CODE);
            case INT, DATE, BOOLEAN -> Arrays.fill(ints[c.ordinal()], from, to, ABSENT);
            case EURO_CENTS -> Arrays.fill(longs[c.ordinal()], from, to, NO_AMOUNT);
            default -> throw new IllegalStateException(c.kind().name());
        }
    }

    void endRow() {
        if (deriveVerblijf) {
            setInt(Column.VERBLIJF, derivedVerblijf());
        }
        size++;
    }

    /**
     * For a file written before the {@code verblijf} column existed (contract 1.1): derive it per row from soort,
     * hulpvorm and productcategorie with {@link Verblijf#of}, which must then be read too.
     */
    void deriveVerblijf() {
        deriveVerblijf = true;
    }

    private int derivedVerblijf() {
        long key = (long) code(Column.SOORT, size) << 42
                | (long) (code(Column.HULPVORM, size) & 0x1FFFFF) << 21
                | (code(Column.PRODUCTCATEGORIE, size) & 0x1FFFFF);
        return derived.computeIfAbsent(key, k -> {
            Boolean v = Verblijf.of(
                    codeText(Column.SOORT, size),
                    codeText(Column.HULPVORM, size),
                    codeText(Column.PRODUCTCATEGORIE, size));
            return v == null ? ABSENT : v ? 1 : 0;
        });
    }

    /** Starts the next batch: the rows go, the code values stay. */
    void clearRows() {
        size = 0;
    }

    void setPseudonymWord(int word, long value) {
        pseudonyms[4 * size + word] = value;
    }

    void setInt(Column column, int value) {
        ints[column.ordinal()][size] = value;
    }

    void setLong(Column column, long value) {
        longs[column.ordinal()][size] = value;
    }

    /** The index of a code value, adding it when new. */
    int indexOf(Column column, String value) {
        Map<String, Integer> index = indexOfValue.get(column.ordinal());
        Integer at = index.get(value);
        if (at == null) {
            at = index.size();
            index.put(value, at);
            values.get(column.ordinal()).add(value);
        }
        return at;
    }

    private void grow() {
        int old = capacity;
        int n = capacity * 2;
        pseudonyms = Arrays.copyOf(pseudonyms, 4 * n);
        for (int c = 0; c < COLUMNS.length; c++) {
            if (ints[c] != null) {
                ints[c] = Arrays.copyOf(ints[c], n);
            }
            if (longs[c] != null) {
                longs[c] = Arrays.copyOf(longs[c], n);
            }
        }
        capacity = n;
        markUnreadAbsent(old);
    }
}
