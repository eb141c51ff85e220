package nl.jeugdspiegel.ingest.csv;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.jeugdspiegel.ingest.upload.Column;

/**
 * The header line of an upload: which field holds which column. Names are matched case-insensitively,
 * ignoring surrounding spaces and accents, with spaces and hyphens read as underscores
 * ({@code "Reden beëindiging"} is {@code reden_beeindiging}).
 */
public final class Header {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    /** A header cell that may be shown in a receipt: a plain name, not something that looks like a value. */
    private static final Pattern SHOWABLE = Pattern.compile("[\\p{L}_ ][\\p{L}\\d_ .()-]{0,39}");

    private static final Pattern DIGIT_RUN = Pattern.compile(".*\\d{3,}.*");

    private final int[] indexOf = new int[Column.values().length];
    private final int fieldCount;
    private final List<String> unknown = new ArrayList<>();
    private final List<Column> duplicated = new ArrayList<>();

    private Header(List<String> names) {
        Arrays.fill(indexOf, -1);
        fieldCount = names.size();
        Map<String, Column> known = new java.util.HashMap<>();
        for (Column c : Column.values()) {
            known.put(c.header(), c);
        }
        for (int i = 0; i < names.size(); i++) {
            Column column = known.get(normalise(names.get(i)));
            if (column == null) {
                unknown.add(names.get(i).strip());
            } else if (indexOf[column.ordinal()] >= 0) {
                duplicated.add(column);
            } else {
                indexOf[column.ordinal()] = i;
            }
        }
    }

    public static Header of(List<String> names) {
        return new Header(names);
    }

    static String normalise(String name) {
        String plain = DIACRITICS
                .matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFD))
                .replaceAll("");
        return plain.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** The field index of a column, or -1 when the header does not have it. */
    public int index(Column column) {
        return indexOf[column.ordinal()];
    }

    public int fieldCount() {
        return fieldCount;
    }

    public List<Column> missingRequired() {
        List<Column> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && index(c) < 0) {
                missing.add(c);
            }
        }
        return missing;
    }

    public List<Column> duplicated() {
        return duplicated;
    }

    /**
     * The names of columns that are not part of the contract (dropped, never stored), as they may be
     * shown in a receipt: a cell that looks like a value rather than a name (digits, very long, an
     * e-mail address) is replaced by a placeholder, because a file without a header line would
     * otherwise put a youth's data in the receipt.
     */
    public List<String> unknownColumnsForReceipt() {
        List<String> shown = new ArrayList<>();
        for (String name : unknown) {
            boolean showable =
                    SHOWABLE.matcher(name).matches() && !DIGIT_RUN.matcher(name).matches();
            shown.add(showable ? name : "(kolomnaam niet getoond: lijkt op een waarde)");
        }
        return shown;
    }

    public Map<Column, Integer> indices() {
        Map<Column, Integer> map = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            if (index(c) >= 0) {
                map.put(c, index(c));
            }
        }
        return map;
    }
}
