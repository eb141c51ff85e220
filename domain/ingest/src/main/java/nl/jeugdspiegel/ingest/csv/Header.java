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

    /**
     * The header's own name for a missing column when it is a near miss: the same name but for underscores
     * ({@code start_datum}, {@code StartDatum}), or at most two letters apart ({@code strtdatum}); empty when no unknown
     * name comes that close. Only names that {@link #unknownColumnsForReceipt} would show are suggested.
     */
    public java.util.Optional<String> nearMiss(Column missing) {
        String wanted = missing.header().replace("_", "");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : unknown) {
            if (!showable(name)) {
                continue;
            }
            String candidate = normalise(name).replace("_", "").replace(".", "");
            int distance = distance(wanted, candidate, 2);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    /**
     * The edit distance (insertions, deletions, substitutions) between two short names, or {@code limit + 1} when it
     * exceeds {@code limit}. Written out rather than taken from commons-text: one function against 900 KB of jars
     * in the ingest function.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit + 1);
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
            shown.add(showable(name) ? name : "(kolomnaam niet getoond: lijkt op een waarde)");
        }
        return shown;
    }

    /** A header cell that looks like a name, not like a value (digits, very long, an e-mail address). */
    private static boolean showable(String name) {
        return SHOWABLE.matcher(name).matches() && !DIGIT_RUN.matcher(name).matches();
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
